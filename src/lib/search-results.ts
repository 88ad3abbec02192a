/**
 * From Pagefind results to what a reader sees, paying only for what is shown.
 *
 * Each term of the query (search-query.ts) is one Pagefind search per
 * spelling; a record's rank is the number of distinct terms it holds, then
 * Pagefind's score. Which paper, part and facets a record belongs to comes
 * from the record facets file the build writes (facetIndexOf), so grouping,
 * facets and counts need no fragment: a record's words are downloaded only when it is
 * shown (RecordHit.data). Claims are results of their own; a paper's records
 * make one result, its passages ranked under it.
 * The header panel, the search page, the query-set tests and the benchmark
 * all search through here.
 */
import { highlightOf, type QueryTerm } from './search-query.ts';
import { effectiveParts, facets, pageFilter, parts, recordFilter, type Facet, type RecordKind, type SearchState, type Selection } from './search-state.ts';

/** What a shown record needs from its Pagefind fragment. */
export interface PagefindData {
  url: string;
  /** The record's text; Pagefind's word positions count its whitespace-separated words. */
  content: string;
  meta: Record<string, string | undefined>;
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched words in the record's content. */
  words: number[];
  data(): Promise<PagefindData>;
}

/** The part of Pagefind's JS API used here (the browser module, or the same file loaded in Node). */
export interface PagefindApi {
  search(term: string | null): Promise<{ results: PagefindResult[] } | null>;
  /** Downloads the index chunks a search will need, without searching. */
  preload(term: string): Promise<unknown>;
}

/** A record's facets, known without its fragment. */
export interface RecordFacets {
  part: string;
  kind: RecordKind;
  /** The paper's title (a claim's paper too). */
  paper: string;
  /** The paper's page, without the site's base path. */
  page: string;
  values: Partial<Record<Facet, string[]>>;
}

/** Every record's facets by Pagefind result id. */
export interface FacetIndex {
  get(id: string): RecordFacets | undefined;
  values(): Iterable<RecordFacets>;
}

/**
 * Every record's facets as the build writes them (search-records.ts): `name:value` strings, and runs of record ids sharing a set of them.
 * The file also carries the vocabulary's spelling groups, which every query needs: one download instead of a copy in every page.
 */
export interface RecordFacetsFile {
  /**
   * Record ids are written short (they are most of the file, and incompressible):
   * the prefix every Pagefind id shares is dropped and the rest cut to the
   * fewest characters that keep the records apart (recordKey); a group's
   * keys are written sorted, separated by spaces (Pagefind lengthens the
   * ids that would collide, so keys are not all of one length).
   */
  idPrefix: string;
  idLength: number;
  values: string[];
  groups: [number[], string][];
  spellings: string[][];
}

/** Where the build writes the spelling groups (src/pages/search/spellings.json.ts), relative to the site's output folder. */
export const spellingsFile = 'search/spellings.json';

/** The file name of the record facets, in Pagefind's bundle folder. */
export const recordFacetsFileName = 'record-facets.json';

/** A Pagefind result id as the record facets file writes it: null for an id outside the file's prefix. */
export function recordKey(id: string, file: Pick<RecordFacetsFile, 'idPrefix' | 'idLength'>): string | null {
  return id.startsWith(file.idPrefix) ? id.slice(file.idPrefix.length, file.idPrefix.length + file.idLength) : null;
}

export function facetIndexOf(file: RecordFacetsFile): FacetIndex {
  const index = new Map<string, RecordFacets>();
  for (const [set, ids] of file.groups) {
    const entry: RecordFacets = { part: '', kind: 'passage', paper: '', page: '', values: {} };
    for (const n of set) {
      const value = file.values[n]!;
      const colon = value.indexOf(':');
      const name = value.slice(0, colon);
      const v = value.slice(colon + 1);
      if (name === 'part') entry.part = v;
      if (name === 'paper') entry.paper = v;
      if (name === pageFilter) entry.page = v;
      if (name === recordFilter) entry.kind = v as RecordKind;
      if ((facets as readonly string[]).includes(name) && name !== 'paper') (entry.values[name as Facet] ??= []).push(v);
    }
    // A paper is chosen by its page: two papers may share a title (paperLabels names them).
    entry.values.paper = [entry.page];
    for (const id of ids.split(' ')) index.set(id, entry);
  }
  return {
    get: (id) => {
      const key = recordKey(id, file);
      return key === null ? undefined : index.get(key);
    },
    values: () => index.values(),
  };
}

/**
 * What the Paper facet shows for each paper page: its title, and where two
 * papers share a title, its page too.
 */
export function paperLabels(records: Iterable<RecordFacets>): Map<string, string> {
  const titles = new Map<string, string>();
  for (const r of records) if (r.page) titles.set(r.page, r.paper);
  const count = new Map<string, number>();
  for (const title of titles.values()) count.set(title, (count.get(title) ?? 0) + 1);
  return new Map([...titles].map(([page, title]) => [page, count.get(title)! > 1 ? `${title} (${page})` : title]));
}

/**
 * The Paper facet's choices as a search URL gives them: a page, or a title (as
 * URLs shared before papers were chosen by page name them), read as every
 * page of that title, so that such a URL still finds its paper.
 */
export function paperChoices(chosen: string[], records: Iterable<RecordFacets>): string[] {
  const pagesOf = new Map<string, Set<string>>();
  for (const r of records) {
    if (!r.page) continue;
    pagesOf.set(r.page, new Set([r.page]));
    pagesOf.set(r.paper, (pagesOf.get(r.paper) ?? new Set()).add(r.page));
  }
  return [...new Set(chosen.flatMap((value) => [...(pagesOf.get(value) ?? [value])]))];
}

export interface RecordHit {
  id: string;
  facets: RecordFacets;
  /** Indexes of the query terms the record holds. */
  terms: number[];
  /** Pagefind's scores summed over the terms held (each term's best spelling). */
  score: number;
  /** Positions of every matched word in the record's content, for the excerpt. */
  words: number[];
  /** The spellings that found the record: highlighted where a link lands. */
  highlight: string[];
  data: () => Promise<PagefindData>;
}

/** Runs each spelling of each term and merges the records they find. */
export async function searchHits(pagefind: PagefindApi, terms: QueryTerm[], facetIndex: FacetIndex): Promise<RecordHit[]> {
  const hits = new Map<string, RecordHit & { termScores: Map<number, number> }>();
  // Every search's index chunks are downloaded together, then searched one at a time:
  // overlapping searches on one Pagefind instance were seen to return fewer matches.
  await Promise.all(terms.flatMap((term) => term.searches.map((search) => pagefind.preload(search))));
  for (const [t, term] of terms.entries()) {
    for (const search of term.searches) {
      const found = await pagefind.search(search);
      for (const result of found?.results ?? []) {
        const facetsOf = facetIndex.get(result.id);
        if (!facetsOf) continue;
        const hit = hits.get(result.id) ?? { id: result.id, facets: facetsOf, terms: [] as number[], score: 0, words: [] as number[], highlight: [] as string[], data: result.data, termScores: new Map<number, number>() };
        hit.termScores.set(t, Math.max(hit.termScores.get(t) ?? 0, result.score));
        hit.words = [...new Set([...hit.words, ...result.words])];
        if (!hit.highlight.includes(highlightOf(search))) hit.highlight.push(highlightOf(search));
        hits.set(result.id, hit);
      }
    }
  }
  return [...hits.values()].map(({ termScores, ...hit }) => ({
    ...hit,
    terms: [...termScores.keys()].sort((a, b) => a - b),
    score: [...termScores.values()].reduce((n, s) => n + s, 0),
  }));
}

/** Paragraphs rank before headings, the abstract and the title and authors when they hold as many terms. */
const isPassage = (hit: RecordHit) => hit.facets.kind === 'passage' || hit.facets.kind === 'claim';

/**
 * Under a paper: paragraphs holding every term first; then by distinct terms
 * held, paragraphs before other records, Pagefind's score.
 */
export function compareRecords(termCount: number) {
  return (a: RecordHit, b: RecordHit) => {
    const complete = (h: RecordHit) => (h.terms.length === termCount && isPassage(h) ? 0 : 1);
    return complete(a) - complete(b) || b.terms.length - a.terms.length || Number(isPassage(b)) - Number(isPassage(a)) || b.score - a.score || a.id.localeCompare(b.id);
  };
}

export interface ResultGroup {
  kind: 'claim' | 'paper';
  /** The paper's title (a claim: the title of the paper it quotes). */
  title: string;
  /** The paper's page, without the site's base path. */
  page: string;
  year: number | null;
  /** A claim: its one record; a paper: its matching records, best first. */
  records: RecordHit[];
}

const valuesOf = (hit: RecordHit, facet: Facet) => (facet === 'part' ? [hit.facets.part] : hit.facets.values[facet] ?? []);

/** Does a record pass the chosen facets (OR within a facet, AND across)? The kind of claim restricts claims only. */
function passes(hit: RecordHit, selection: Selection): boolean {
  return facets.every((facet) => {
    const chosen = facet === 'part' ? effectiveParts(selection) : selection[facet];
    if (!chosen?.length) return true;
    if (facet === 'kind' && hit.facets.part !== 'Claims') return true;
    return valuesOf(hit, facet).some((v) => chosen.includes(v));
  });
}

/**
 * The results a search shows: claims holding every term, then papers whose
 * records together hold every term, sorted by relevance or by year (newest first).
 */
export function groupResults(hits: RecordHit[], termCount: number, state: Pick<SearchState, 'selection' | 'sort'>): { claims: ResultGroup[]; papers: ResultGroup[] } {
  const compare = compareRecords(termCount);
  const claims: ResultGroup[] = [];
  // By page, not title: two papers may share a title.
  const byPaper = new Map<string, RecordHit[]>();
  for (const hit of hits) {
    if (!passes(hit, state.selection)) continue;
    if (hit.facets.part === 'Claims') {
      if (hit.terms.length === termCount) claims.push({ kind: 'claim', title: hit.facets.paper, page: hit.facets.page, year: yearOf(hit), records: [hit] });
    } else {
      const records = byPaper.get(hit.facets.page);
      if (records) records.push(hit); else byPaper.set(hit.facets.page, [hit]);
    }
  }
  const papers: ResultGroup[] = [];
  for (const [page, records] of byPaper) {
    if (new Set(records.flatMap((r) => r.terms)).size < termCount) continue;
    papers.push({ kind: 'paper', title: records[0]!.facets.paper, page, year: yearOf(records[0]!), records: records.sort(compare) });
  }
  const byRelevance = (a: ResultGroup, b: ResultGroup) => compare(a.records[0]!, b.records[0]!) || total(b) - total(a);
  const order = (a: ResultGroup, b: ResultGroup) => (state.sort === 'year' ? (b.year ?? 0) - (a.year ?? 0) || byRelevance(a, b) : byRelevance(a, b));
  return { claims: claims.sort(order), papers: papers.sort(order) };
}

const yearOf = (hit: RecordHit) => Number(hit.facets.values.year?.[0]) || null;
const total = (g: ResultGroup) => g.records.reduce((n, r) => n + r.score, 0);

/**
 * For each facet value, how many results there would be with it chosen, given
 * the other facets' choices: the figures next to each checkbox.
 */
export function facetCounts(hits: RecordHit[], termCount: number, selection: Selection): Record<Facet, Map<string, number>> {
  const counts = Object.fromEntries(facets.map((f) => [f, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  for (const facet of facets) {
    const values = new Set(hits.flatMap((h) => valuesOf(h, facet)));
    for (const value of values) {
      const { claims, papers } = groupResults(hits, termCount, { selection: { ...selection, [facet]: [value] }, sort: 'relevance' });
      const n = facet === 'kind' ? claims.length : claims.length + papers.length;
      if (n) counts[facet].set(value, n);
    }
  }
  return counts;
}

/** The order parts are listed in. */
export const partOrder = (a: string, b: string) => parts.indexOf(a as never) - parts.indexOf(b as never);

/** A stretch of a record's text, marked where a query word matched. */
export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

/**
 * About `length` words of `content` around the densest run of matched word
 * positions, as plain pieces the page turns into text and <mark> nodes.
 */
export function excerptOf(content: string, words: number[], length = 30): ExcerptPiece[] {
  const all = content.split(/[^\S\uFEFF]+/);
  const marked = new Set(words);
  let start = 0;
  let best = -1;
  for (const at of [...marked].sort((a, b) => a - b)) {
    const from = Math.max(0, at - 4);
    const held = [...marked].filter((w) => w >= from && w < from + length).length;
    if (held > best) [best, start] = [held, from];
  }
  start = Math.max(0, Math.min(start, all.length - length));
  const pieces: ExcerptPiece[] = [];
  if (start > 0) pieces.push({ text: '… ', mark: false });
  for (let i = start; i < Math.min(all.length, start + length); i++) {
    const mark = marked.has(i);
    const text = i > start ? ` ${all[i]}` : all[i]!;
    const last = pieces.at(-1);
    if (mark) pieces.push(...(i > start ? [{ text: ' ', mark: false }] : []), { text: all[i]!, mark: true });
    else if (last && !last.mark) last.text += text;
    else pieces.push({ text, mark: false });
  }
  if (start + length < all.length) pieces.push({ text: ' …', mark: false });
  return pieces.filter((p) => p.text);
}

/** A record's link: the page, the words to highlight there, the anchor. */
export function landingUrl(url: string, highlight: string[], highlightParam = 'highlight'): string {
  const [page, anchor] = url.split('#');
  const query = new URLSearchParams(highlight.map((t) => [highlightParam, t])).toString();
  return `${page}${query ? `?${query}` : ''}${anchor ? `#${anchor}` : ''}`;
}
