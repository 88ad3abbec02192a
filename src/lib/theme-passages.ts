/**
 * Which passages treat a theme (or theory): those that print one of its
 * aliases as a whole word, case-insensitively. One rule, used by theme and
 * theory pages, the home page matrix and search.
 */
import type { Passage } from './passages.ts';
import { openingWords, wordsBetween } from './excerpts.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching any alias as a whole word ("U.S." and "IS-KP" included). */
export function aliasPattern(aliases: string[]): RegExp {
  const alternatives = [...aliases].sort((a, b) => b.length - a.length).map(escape).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
}

export interface PassageMatch {
  passage: Passage;
  /** The spellings found in the passage, as printed. */
  found: string[];
}

export function passagesMentioning(passages: Passage[], aliases: string[]): PassageMatch[] {
  const pattern = aliasPattern(aliases);
  return passages.flatMap((passage) => {
    const found = [...new Set(passage.text.match(pattern) ?? [])];
    return found.length ? [{ passage, found }] : [];
  });
}

/** A short excerpt around the first match, in whole words, for lists of passages. */
export function excerptAround(text: string, aliases: string[], radius = 110): string {
  const match = aliasPattern(aliases).exec(text);
  if (!match) return openingWords(text, radius * 2);
  return wordsBetween(text, match.index - radius, match.index + match[0].length + radius);
}
