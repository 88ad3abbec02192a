/**
 * The glossary: abbreviations the papers define in the text, "Shanghai
 * Cooperation Organization (SCO)", with each paper's own expansion as
 * printed and the passage where it first does so.
 */
import type { Passage } from './passages.ts';

export interface Definition {
  abbreviation: string;
  expansion: string;
  passage: Passage;
}

const minorWords = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'e', 'i', 'ul', 'al', '&']);

/** The words before "(ABBR)" whose initials spell the abbreviation, or null. */
export function expansionBefore(before: string, abbreviation: string): string | null {
  const words = before.trim().split(/\s+/);
  const letters = abbreviation.replace(/-/g, '').toLowerCase();
  for (let take = 1; take <= Math.min(words.length, letters.length + 4); take++) {
    const candidate = words.slice(-take);
    const initials = candidate
      .flatMap((w) => w.split(/[-–]/))
      .filter((w) => w && !minorWords.has(w.toLowerCase()))
      .map((w) => w[0]!.toLowerCase())
      .join('');
    if (initials === letters && /^\p{Lu}/u.test(candidate[0]!)) return candidate.join(' ').replace(/^[("“]/, '');
  }
  return null;
}

/** Each abbreviation's first definition in a paper's passages. */
export function definitionsIn(passages: Passage[]): Definition[] {
  const first = new Map<string, Definition>();
  for (const passage of passages) {
    for (const match of passage.text.matchAll(/\((\p{Lu}[\p{Lu}-]{1,7})\)/gu)) {
      const abbreviation = match[1]!;
      if (first.has(abbreviation)) continue;
      const expansion = expansionBefore(passage.text.slice(0, match.index), abbreviation);
      if (expansion) first.set(abbreviation, { abbreviation, expansion, passage });
    }
  }
  return [...first.values()];
}
