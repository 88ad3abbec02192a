/**
 * From what a reader types to what Pagefind is asked. A query is a list of
 * terms; a record's rank depends on how many distinct terms it holds.
 *
 * - A quoted phrase is one term, searched as Pagefind's exact phrase ("…").
 * - A name the papers spell several ways ("Tehreek-e-Taliban", "TTP") is one
 *   term with every spelling as an alternative: Pagefind has no synonyms.
 *   The spellings are the vocabulary's groups, the same list theme pages
 *   match passages with, so search and theme pages never disagree.
 * - Any other word is a term of its own, except common English function
 *   words ("in", "of", "the"…): Pagefind has no stop words, and would
 *   prefix-match "in" to "International", "including", "into".
 */
import { aliasPattern } from './theme-passages.ts';

/**
 * Function words left out of an unquoted query. An all-capitals word is
 * kept (an acronym: "IS", "US"), and so is a query of function words only.
 */
export const stopWords: ReadonlySet<string> = new Set(
  ('a an the and or but nor of in on at to for from by with without into onto upon as is are was were be been being ' +
    'it its this that these those than then there their they them he she his her we our you your i ' +
    'do does did has have had about between under over after before during against ' +
    'what which who whom how why where when can could should would will may might shall must ' +
    'so if such also very via within per any all some each both either neither').split(' '),
);

export interface QueryTerm {
  /** The term as the reader typed it. */
  typed: string;
  /** What Pagefind is asked, one search each: a word, or a quoted phrase. */
  searches: string[];
}

/** At most this many terms per query, and spellings per term. */
const maxTerms = 8;
const maxSpellings = 8;

const isStopWord = (word: string) => stopWords.has(word.toLowerCase()) && word !== word.toUpperCase();
const hasLetters = (s: string) => /[\p{L}\p{N}]/u.test(s);
/** A spelling of several words is searched as Pagefind's exact phrase. */
const asSearch = (spelling: string) => (spelling.includes(' ') ? `"${spelling}"` : spelling);

/**
 * The vocabulary's spelling groups ready for parsing queries: built once per
 * page (compiling the pattern of every spelling costs more than a search).
 */
export interface SpellingIndex {
  /** Each spelling, lower-cased, to its group's searched spellings. */
  groupOf: Map<string, string[]>;
  /** Matches any spelling in a query, as a whole word. */
  names: RegExp | null;
}

export function spellingIndex(groups: string[][]): SpellingIndex {
  const groupOf = new Map<string, string[]>();
  for (const group of groups) {
    const searched = searchedSpellings(group);
    for (const s of group) groupOf.set(s.toLowerCase(), searched);
  }
  return { groupOf, names: groupOf.size ? aliasPattern([...groupOf.keys()]) : null };
}

/** The query's terms, in the order typed, without repeats. */
export function parseQuery(query: string, { groupOf, names }: SpellingIndex): QueryTerm[] {
  const typed = query.replace(/\s+/g, ' ').trim();
  if (!typed) return [];
  const terms: QueryTerm[] = [];
  const words: string[] = [];

  for (const [, quoted, bare] of typed.matchAll(/"([^"]*)"?|([^"]+)/g)) {
    if (quoted !== undefined) {
      const phrase = quoted.trim();
      if (!hasLetters(phrase)) continue;
      const group = groupOf.get(phrase.toLowerCase());
      terms.push({ typed: `"${phrase}"`, searches: group ? group.map(asSearch) : [asSearch(phrase)] });
      continue;
    }
    let at = 0;
    const rest: string[] = [];
    for (const match of names ? bare!.matchAll(names) : []) {
      rest.push(bare!.slice(at, match.index));
      terms.push({ typed: match[0], searches: groupOf.get(match[0].toLowerCase())!.map(asSearch) });
      at = match.index + match[0].length;
    }
    rest.push(bare!.slice(at));
    words.push(...rest.join(' ').split(' ').filter(hasLetters));
  }
  const kept = words.filter((w) => !isStopWord(w));
  const chosen = kept.length || terms.length ? kept : words;
  terms.push(...chosen.map((w) => ({ typed: w, searches: [w] })));

  const seen = new Set<string>();
  return terms
    .map((t) => ({ ...t, searches: t.searches.slice(0, maxSpellings) }))
    .filter((t) => {
      const key = t.searches.join('\n').toLowerCase();
      return !seen.has(key) && seen.add(key);
    })
    .slice(0, maxTerms);
}

/**
 * The spellings worth a search of their own: "Tehrik-i-Taliban Pakistan" is
 * left out when "Tehrik-i-Taliban" is searched, which finds it too.
 */
function searchedSpellings(group: string[]): string[] {
  return group.filter((s) => !group.some((t) => t.toLowerCase() !== s.toLowerCase() && aliasPattern([t]).test(s)));
}

/** The words to highlight on a landing page for a search: the spelling, without the phrase quotes. */
export const highlightOf = (search: string) => search.replace(/^"|"$/g, '');
