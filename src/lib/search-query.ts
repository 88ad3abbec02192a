/**
 * Variant spellings in search. Pagefind has no synonyms, so a query that
 * names something the papers spell several ways ("Tehreek-e-Taliban",
 * "Tehrik-i-Taliban", "TTP") is run once per spelling and the results merged.
 * The spellings are the vocabulary's alias groups, the same list theme pages
 * match passages with, so search and theme pages never disagree.
 */
import { aliasPattern } from './theme-passages.ts';

/** At most this many searches per query, however many named things it combines. */
const maxVariants = 24;

export interface QueryVariant {
  /**
   * What Pagefind is asked. A spelling of several words is not quoted: Pagefind's
   * phrase search returns only a page's first match, not every paragraph.
   */
  query: string;
  /** The words and names to highlight on the landing page (each name whole). */
  highlight: string[];
  /** The names of several words in the query: a paragraph counts only if it prints one whole, or another query word. */
  phrases: string[];
}

type Piece = { text: string; name: boolean };

/**
 * The query with every spelling of each name it contains (whole words,
 * case-insensitive), one variant per combination; a query naming nothing
 * known is its own only variant.
 */
export function queryVariants(query: string, spellings: string[][]): QueryVariant[] {
  const typed = query.trim().replace(/\s+/g, ' ');
  if (!typed) return [];
  const groupOf = new Map<string, string[]>();
  for (const group of spellings) for (const s of group) groupOf.set(s.toLowerCase(), searchedSpellings(group));
  const choices: Piece[][] = [];
  let at = 0;
  if (groupOf.size) {
    for (const match of typed.matchAll(aliasPattern([...groupOf.keys()]))) {
      choices.push([{ text: typed.slice(at, match.index), name: false }]);
      choices.push(groupOf.get(match[0].toLowerCase())!.map((text) => ({ text, name: true })));
      at = match.index + match[0].length;
    }
  }
  choices.push([{ text: typed.slice(at), name: false }]);
  let combinations: Piece[][] = [[]];
  for (const options of choices) combinations = combinations.flatMap((c) => options.map((o) => [...c, o])).slice(0, maxVariants);
  const seen = new Set<string>();
  return combinations.map(toVariant).filter((v) => !seen.has(v.query.toLowerCase()) && seen.add(v.query.toLowerCase()));
}

/**
 * The spellings worth a search of their own: "Tehrik-i-Taliban Pakistan" is
 * left out when "Tehrik-i-Taliban" is searched, which finds it too.
 */
function searchedSpellings(group: string[]): string[] {
  return group.filter((s) => !group.some((t) => t.toLowerCase() !== s.toLowerCase() && aliasPattern([t]).test(s)));
}

function toVariant(pieces: Piece[]): QueryVariant {
  const query: string[] = [];
  const highlight: string[] = [];
  const phrases: string[] = [];
  for (const { text, name } of pieces) {
    query.push(text);
    if (name && text.includes(' ')) phrases.push(text);
    if (name) highlight.push(text);
    else highlight.push(...text.split(' ').map((w) => w.replace(/^"|"$/g, '')).filter((w) => /[\p{L}\p{N}]/u.test(w)));
  }
  return { query: query.join('').replace(/\s+/g, ' ').trim(), highlight, phrases };
}

const wordKey = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
/** Loosely the same word, as Pagefind's stemming and prefix matching take it ("fence", "fencing"). */
const sameStem = (word: string, term: string) => word.slice(0, Math.min(term.length, 4)) === term.slice(0, 4);

/**
 * Whether a paragraph's matched words (`locations` into the page's words)
 * include a real match for the variant: one of its other words, or one of its
 * several-word names printed whole. Pagefind matches the words of "Islamic
 * State Khorasan" one by one, so without this every paragraph that says
 * "state" would count.
 */
export function printsMatch(pageWords: string[], locations: number[], variant: QueryVariant): boolean {
  if (!variant.phrases.length) return locations.length > 0;
  const names = variant.phrases.map((p) => p.split(' ').map(wordKey));
  const others = variant.highlight.filter((h) => !variant.phrases.includes(h)).map(wordKey).filter(Boolean);
  const key = (at: number) => wordKey(pageWords[at] ?? '');
  return locations.some((at) =>
    others.some((term) => sameStem(key(at), term)) ||
    names.some((name) => name.some((_, i) => name.every((part, j) => key(at - i + j).startsWith(part)))));
}
