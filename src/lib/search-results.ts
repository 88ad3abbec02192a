/**
 * From Pagefind results to what a reader sees: every spelling variant of the
 * query searched and merged, records grouped into one result per claim and
 * one per paper (its abstract, matching paragraphs, reference entries and
 * edition notes as sub-results), filtered by facets (OR within a facet, AND
 * across facets), counted per facet value and sorted. The search page, the
 * query-set tests and the benchmark all run searches through here.
 */
import { printsMatch, queryVariants } from './search-query.ts';
import { effectiveParts, facets, parts, type Facet, type SearchState, type Selection } from './search-state.ts';

/** The part of Pagefind's JS API used here (a browser module or the same file loaded in Node). */
export interface PagefindApi {
  search(query: string): Promise<{ results: { id: string; score: number; data(): Promise<PagefindData> }[] } | null>;
}
interface PagefindData {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  raw_content: string;
  sub_results: { title: string; url: string; excerpt: string; locations: number[]; weighted_locations: { balanced_score: number }[] }[];
}

export interface SubResult {
  title: string;
  /** The page URL with its anchor, without highlight parameters. */
  url: string;
  /** Pagefind's excerpt: text with `<mark>` around the matched words (HTML-escaped otherwise). */
  excerpt: string;
  /** The words to highlight on landing: those of every spelling that found this sub-result. */
  highlight: string[];
  /** Pagefind's weight of the words matched here: a paragraph with the whole name outranks one with a single word of it. */
  score: number;
}

export interface RecordHit {
  url: string;
  title: string;
  part: string;
  filters: Record<string, string[]>;
  score: number;
  subResults: SubResult[];
}

export interface ResultGroup {
  kind: 'claim' | 'paper';
  /** A paper's title, or a claim's label. */
  title: string;
  /** Where the result's heading links: the claim page, or the paper page. */
  url: string;
  year: number | null;
  score: number;
  /** A claim: its one record; a paper: its matching parts in reading order. */
  records: RecordHit[];
}

const withoutQuery = (url: string) => url.replace(/\?[^#]*/, '');

/** Runs every spelling variant of the query and merges the records (best score, sub-results united). */
export async function searchRecords(pagefind: PagefindApi, query: string, spellings: string[][]): Promise<RecordHit[]> {
  const byUrl = new Map<string, RecordHit>();
  // One variant at a time: overlapping searches on one Pagefind instance were seen to return fewer matches.
  for (const variant of queryVariants(query, spellings)) {
    const found = await pagefind.search(variant.query);
    const terms = variant.highlight;
    const data = await Promise.all((found?.results ?? []).map(async (r) => ({ score: r.score, data: await r.data() })));
    for (const { score, data: d } of data) {
      const words = variant.phrases.length ? d.raw_content.split(/\s+/) : [];
      const subs = d.sub_results.filter((sub) => printsMatch(words, sub.locations, variant));
      if (!subs.length) continue;
      const url = withoutQuery(d.meta.url ?? d.url);
      const hit = byUrl.get(url) ?? { url, title: d.meta.title ?? url, part: d.filters.part?.[0] ?? 'Text', filters: d.filters, score, subResults: [] };
      hit.score = Math.max(hit.score, score);
      for (const sub of subs) {
        const subUrl = withoutQuery(sub.url);
        const subScore = sub.weighted_locations.reduce((n, l) => n + l.balanced_score, 0);
        const known = hit.subResults.find((s) => s.url === subUrl);
        if (!known) hit.subResults.push({ title: sub.title, url: subUrl, excerpt: sub.excerpt, highlight: terms, score: subScore });
        else {
          known.highlight = [...new Set([...known.highlight, ...terms])];
          if (subScore > known.score) Object.assign(known, { excerpt: sub.excerpt, score: subScore });
        }
      }
      byUrl.set(url, hit);
    }
  }
  // Best-matching paragraphs first; equal ones in reading order.
  for (const hit of byUrl.values()) hit.subResults.sort((a, b) => b.score - a.score || passageNumber(a.url) - passageNumber(b.url));
  return [...byUrl.values()];
}

const passageNumber = (url: string) => Number(/#p(\d+)$/.exec(url)?.[1] ?? 0);

const matchesFacet = (hit: RecordHit, facet: Facet, selection: Selection) => {
  const chosen = facet === 'part' ? effectiveParts(selection) : selection[facet];
  if (!chosen?.length) return true;
  const values = facet === 'part' ? [hit.part] : hit.filters[facet] ?? [];
  return values.some((v) => chosen.includes(v));
};

/** Does a record pass every facet but `except` (OR within a facet, AND across)? */
const passes = (hit: RecordHit, selection: Selection, except?: Facet) =>
  facets.every((facet) => facet === except || matchesFacet(hit, facet, selection));

/** A claim is a result of its own; a paper's records make one result. */
const groupKey = (hit: RecordHit) => (hit.part === 'Claims' ? hit.url : `paper:${hit.filters.paper?.[0] ?? hit.url}`);

/**
 * For each facet value, how many results there would be with it chosen, given
 * the other facets' choices: the figures next to each checkbox.
 */
export function facetCounts(hits: RecordHit[], selection: Selection): Record<Facet, Map<string, number>> {
  const counts = Object.fromEntries(facets.map((f) => [f, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  for (const facet of facets) {
    const keys = new Map<string, Set<string>>();
    for (const hit of hits) {
      if (!passes(hit, selection, facet)) continue;
      for (const value of facet === 'part' ? [hit.part] : hit.filters[facet] ?? []) {
        keys.set(value, (keys.get(value) ?? new Set()).add(groupKey(hit)));
      }
    }
    for (const [value, set] of keys) counts[facet].set(value, set.size);
  }
  return counts;
}

/** The results a search shows: claims first, then papers, each sorted by relevance or by year (newest first). */
export function groupResults(hits: RecordHit[], state: Pick<SearchState, 'selection' | 'sort'>): { claims: ResultGroup[]; papers: ResultGroup[] } {
  const groups = new Map<string, ResultGroup>();
  for (const hit of hits.filter((h) => passes(h, state.selection))) {
    const key = groupKey(hit);
    const year = Number(hit.filters.year?.[0]) || null;
    const group = groups.get(key) ?? {
      kind: hit.part === 'Claims' ? 'claim' : 'paper',
      title: hit.part === 'Claims' ? hit.title : hit.filters.paper?.[0] ?? hit.title,
      url: hit.url.split('#')[0]!,
      year,
      score: 0,
      records: [],
    } satisfies ResultGroup;
    group.score = Math.max(group.score, hit.score);
    group.records.push(hit);
    groups.set(key, group);
  }
  const order = (p: string) => parts.indexOf(p as (typeof parts)[number]);
  const all = [...groups.values()];
  for (const g of all) g.records.sort((a, b) => order(a.part) - order(b.part));
  const compare = (a: ResultGroup, b: ResultGroup) =>
    state.sort === 'year' ? (b.year ?? 0) - (a.year ?? 0) || b.score - a.score : b.score - a.score;
  return { claims: all.filter((g) => g.kind === 'claim').sort(compare), papers: all.filter((g) => g.kind === 'paper').sort(compare) };
}

/** A sub-result's link: the page, the words to highlight there, the anchor. */
export function landingUrl(sub: SubResult, highlightParam = 'highlight'): string {
  const [page, anchor] = sub.url.split('#');
  const query = new URLSearchParams(sub.highlight.map((t) => [highlightParam, t])).toString();
  return `${page}${query ? `?${query}` : ''}${anchor ? `#${anchor}` : ''}`;
}
