/** The pure parts of search: query variants, URL state, merging, facet counts and grouping. */
import { describe, expect, test } from 'vitest';
import { printsMatch, queryVariants } from '../../src/lib/search-query.ts';
import { facetCounts, groupResults, landingUrl, searchRecords, type PagefindApi, type RecordHit } from '../../src/lib/search-results.ts';
import { paramsFromState, stateFromParams } from '../../src/lib/search-state.ts';
import { themeSchema } from '../../src/schema/vocabulary.ts';

const spellings = [['Durand Line', 'DL'], ['TTP', 'Tehrik-i-Taliban Pakistan', 'Tehreek-e-Taliban'], ['ISKP', 'IS-KP']];

describe('query variants', () => {
  test('a query naming nothing known is searched as typed', () => {
    expect(queryVariants('  border   fence ', spellings)).toEqual([{ query: 'border fence', highlight: ['border', 'fence'], phrases: [] }]);
  });
  test('any spelling of a name brings every spelling', () => {
    expect(queryVariants('tehreek-e-taliban attacks', spellings).map((v) => v.query)).toEqual([
      'TTP attacks', 'Tehrik-i-Taliban Pakistan attacks', 'Tehreek-e-Taliban attacks',
    ]);
  });
  test('each name is highlighted whole, other words one by one', () => {
    expect(queryVariants('DL fence', spellings)[0]).toEqual({ query: 'Durand Line fence', highlight: ['Durand Line', 'fence'], phrases: ['Durand Line'] });
  });
  test('a spelling that contains a shorter one of its group is not searched again', () => {
    expect(queryVariants('TTP', [['TTP', 'Tehrik-i-Taliban Pakistan', 'Tehrik-i-Taliban']]).map((v) => v.query)).toEqual(['TTP', 'Tehrik-i-Taliban']);
  });
  test('two names give every combination', () => {
    expect(queryVariants('TTP ISKP', spellings)).toHaveLength(6);
  });
  test('quotes the reader typed stay', () => {
    expect(queryVariants('"durand line" fence', spellings).map((v) => v.query)).toEqual(['"Durand Line" fence', '"DL" fence']);
  });
  test('only whole words are names', () => {
    expect(queryVariants('DLL', spellings).map((v) => v.query)).toEqual(['DLL']);
  });
  test('the empty query searches nothing', () => {
    expect(queryVariants('   ', spellings)).toEqual([]);
  });
});

describe('a paragraph matches a name of several words only where it prints it whole', () => {
  const words = 'the Durand Line is a line drawn in 1893 ; a fence along the Durand line,'.split(' ');
  const [name] = queryVariants('Durand Line', spellings);
  const [withFence] = queryVariants('Durand Line fence', spellings);
  test.each([
    ['"line" alone', [5], name!, false],
    ['"Durand Line" whole', [1, 2], name!, true],
    ['the name at the end, before a comma', [14, 15], name!, true],
    ['"line" alone, but the query has "fence" and it is printed', [5, 11], withFence!, true],
    ['"line" alone, and no other query word', [5], withFence!, false],
  ])('%s', (_case, locations, variant, expected) => {
    expect(printsMatch(words, locations, variant)).toBe(expected);
  });
  test('a query without such names keeps every match Pagefind found', () => {
    expect(printsMatch([], [3], queryVariants('fence', spellings)[0]!)).toBe(true);
  });
});

describe('spelling groups in the vocabulary', () => {
  test('a group is one alias list entry: theme pages get the flat list, search the groups', () => {
    const parsed = themeSchema.parse({ id: 'x', name: 'X', description: 'd', aliases: ['fence', ['Durand Line', 'DL']] });
    expect(parsed.aliases).toEqual(['fence', 'Durand Line', 'DL']);
    expect(parsed.spellings).toEqual([['Durand Line', 'DL']]);
  });
  test('a group of one spelling is refused, with the reason', () => {
    const result = themeSchema.safeParse({ id: 'x', name: 'X', description: 'd', aliases: [['DL']] });
    expect(result.error?.issues.map((i) => i.message)).toContain('expected a list of at least two spellings of one name');
  });
});

describe('URL state', () => {
  test('query, facets (repeated for several values) and sort survive a round trip', () => {
    const params = new URLSearchParams('q=border+fence&theme=A&theme=B&part=References&sort=year');
    const state = stateFromParams(params);
    expect(state).toEqual({ query: 'border fence', selection: { theme: ['A', 'B'], part: ['References'] }, sort: 'year' });
    expect(stateFromParams(paramsFromState(state))).toEqual(state);
  });
  test('an unknown sort falls back to relevance, unknown parameters are dropped', () => {
    expect(stateFromParams(new URLSearchParams('q=x&sort=random&colour=red'))).toEqual({ query: 'x', selection: {}, sort: 'relevance' });
  });
});

const hit = (url: string, part: string, filters: Record<string, string[]>, score = 1): RecordHit => ({
  url, title: url, part, score, filters: { part: [part], ...filters }, subResults: [],
});
const hits = [
  hit('/papers/a/', 'Text', { paper: ['A'], theme: ['Border', 'TTP'], year: ['2024'] }, 3),
  hit('/papers/a/#abstract', 'Abstract', { paper: ['A'], theme: ['Border', 'TTP'], year: ['2024'] }, 2),
  hit('/papers/a/#references', 'References', { paper: ['A'], theme: ['Border', 'TTP'], year: ['2024'] }, 9),
  hit('/papers/b/', 'Text', { paper: ['B'], theme: ['TTP'], year: ['2025'] }, 1),
  hit('/claims/c1/', 'Claims', { paper: ['B'], theme: ['TTP'], year: ['2025'] }, 0.5),
];

describe('results', () => {
  test('claims come first; one result per paper; references left out by default', () => {
    const { claims, papers } = groupResults(hits, { selection: {}, sort: 'relevance' });
    expect(claims.map((g) => g.url)).toEqual(['/claims/c1/']);
    expect(papers.map((g) => [g.title, g.records.map((r) => r.part)])).toEqual([['A', ['Abstract', 'Text']], ['B', ['Text']]]);
  });
  test('OR within a facet, AND across facets', () => {
    const titles = (selection: Parameters<typeof groupResults>[1]['selection']) => groupResults(hits, { selection, sort: 'relevance' }).papers.map((g) => g.title);
    expect(titles({ theme: ['Border'] })).toEqual(['A']);
    expect(titles({ paper: ['A', 'B'] })).toEqual(['A', 'B']);
    expect(titles({ theme: ['Border'], paper: ['B'] })).toEqual([]);
    expect(titles({ part: ['References'] })).toEqual(['A']);
  });
  test('sort by year puts the newest first', () => {
    expect(groupResults(hits, { selection: {}, sort: 'year' }).papers.map((g) => g.title)).toEqual(['B', 'A']);
  });
  test('facet counts count results (papers and claims), given the other facets', () => {
    const counts = facetCounts(hits, { theme: ['Border'] });
    expect(Object.fromEntries(counts.theme)).toEqual({ Border: 1, TTP: 3 });
    expect(Object.fromEntries(counts.paper)).toEqual({ A: 1 });
    expect(Object.fromEntries(counts.part)).toEqual({ Text: 1, Abstract: 1, References: 1 });
  });
  test('a sub-result links to its paragraph with the words to highlight', () => {
    expect(landingUrl({ title: '¶ 3', url: '/papers/a/#p3', excerpt: '', highlight: ['Durand Line', 'fence'], score: 1 })).toBe('/papers/a/?highlight=Durand+Line&highlight=fence#p3');
  });
});

test('the variants of a query are merged: one record per URL, sub-results united with the words that found them, best first', async () => {
  const record = (url: string, subs: string[]) => ({
    url, meta: { title: 'A' }, filters: { part: ['Text'], paper: ['A'] }, raw_content: 'Durand Line fence',
    sub_results: subs.map((s) => ({ title: s, url: `${url}#${s}`, excerpt: s, locations: [0, 1, 2], weighted_locations: [{ balanced_score: Number(s.slice(1)) }] })),
  });
  const index: Record<string, ReturnType<typeof record>[]> = {
    'Durand Line fence': [record('/papers/a/', ['p2'])],
    'DL fence': [record('/papers/a/', ['p9', 'p2']), record('/papers/b/', ['p1'])],
  };
  const pagefind: PagefindApi = {
    search: async (q) => ({ results: (index[q] ?? []).map((d, i) => ({ id: d.url, score: 2 - i, data: async () => d })) }),
  };
  const merged = await searchRecords(pagefind, 'Durand Line fence', spellings);
  expect(merged.map((h) => [h.url, h.subResults.map((s) => [s.url, s.highlight])])).toEqual([
    ['/papers/a/', [['/papers/a/#p9', ['DL', 'fence']], ['/papers/a/#p2', ['Durand Line', 'fence', 'DL']]]],
    ['/papers/b/', [['/papers/b/#p1', ['DL', 'fence']]]],
  ]);
});
