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
  for (const { text, name } of pieces) {
    query.push(text);
    if (name) highlight.push(text);
    else highlight.push(...text.split(' ').map((w) => w.replace(/^"|"$/g, '')).filter((w) => /[\p{L}\p{N}]/u.test(w)));
  }
  return { query: query.join('').replace(/\s+/g, ' ').trim(), highlight };
}
