/** The pure parts of search: query terms, URL state, merging, ranking, facet counts, grouping and excerpts. */
import { describe, expect, test } from 'vitest';
import { parseQuery, spellingIndex } from '../../src/lib/search-query.ts';
import { compareRecords, excerptOf, facetCounts, facetIndexOf, groupResults, landingUrl, paperChoices, paperLabels, searchHits, type PagefindApi, type RecordFacets, type RecordHit } from '../../src/lib/search-results.ts';
import { recordFacetsFile, type SearchRecord } from '../../src/lib/search-records.ts';
import { paramsFromState, stateFromParams } from '../../src/lib/search-state.ts';
import { themeSchema } from '../../src/schema/vocabulary.ts';

const spellings = [['Durand Line', 'DL'], ['TTP', 'Tehrik-i-Taliban Pakistan', 'Tehreek-e-Taliban'], ['ISKP', 'IS-KP']];
const searches = (query: string) => parseQuery(query, spellingIndex(spellings)).map((t) => t.searches);

describe('query terms', () => {
  test('each word is a term of its own', () => {
    expect(searches('  border   fence ')).toEqual([['border'], ['fence']]);
  });
  test('any spelling of a name is one term with every spelling; several words are searched as a phrase', () => {
    expect(searches('tehreek-e-taliban attacks')).toEqual([['TTP', '"Tehrik-i-Taliban Pakistan"', 'Tehreek-e-Taliban'], ['attacks']]);
    expect(searches('DL fence')).toEqual([['"Durand Line"', 'DL'], ['fence']]);
  });
  test('a spelling that contains a shorter one of its group is not searched again', () => {
    expect(parseQuery('TTP', spellingIndex([['TTP', 'Tehrik-i-Taliban Pakistan', 'Tehrik-i-Taliban']])).map((t) => t.searches)).toEqual([['TTP', 'Tehrik-i-Taliban']]);
  });
  test('a quoted phrase is one exact search; quoting a name keeps its spellings', () => {
    expect(searches('"safe haven" TTP')).toEqual([['"safe haven"'], ['TTP', '"Tehrik-i-Taliban Pakistan"', 'Tehreek-e-Taliban']]);
    expect(searches('"durand line"')).toEqual([['"Durand Line"', 'DL']]);
    expect(searches('"balance of threat"')).toEqual([['"balance of threat"']]);
  });
  test('function words are left out unless quoted, capitalised as an acronym, or all there is', () => {
    expect(searches('TTP safe havens in Afghanistan')).toEqual([['TTP', '"Tehrik-i-Taliban Pakistan"', 'Tehreek-e-Taliban'], ['safe'], ['havens'], ['Afghanistan']]);
    expect(searches('the role of the US')).toEqual([['role'], ['US']]);
    expect(searches('of the')).toEqual([['of'], ['the']]);
  });
  test('only whole words are names; nothing typed is no term; repeats count once', () => {
    expect(searches('DLL')).toEqual([['DLL']]);
    expect(searches('   ')).toEqual([]);
    expect(searches('fence Fence DL "durand line"')).toEqual([['"Durand Line"', 'DL'], ['fence']]);
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


const facetsOf = (paper: string, kind: RecordFacets['kind'], values: RecordFacets['values'] = {}): RecordFacets => ({
  part: kind === 'claim' ? 'Claims' : kind === 'abstract' ? 'Abstract' : kind === 'reference' ? 'References' : 'Text',
  kind, paper, page: `/papers/${paper.toLowerCase()}/`, values: { paper: [`/papers/${paper.toLowerCase()}/`], ...values },
});
const noData = async () => ({ url: '', content: '', meta: {} });
const hit = (id: string, facets: RecordFacets, terms: number[], score = 1): RecordHit => ({ id, facets, terms, score, words: [], highlight: [], data: noData });
const a = { theme: ['Border', 'TTP'], year: ['2024'] };
const b = { theme: ['TTP'], year: ['2025'] };
const hits = [
  hit('a-title', facetsOf('A', 'title', a), [0, 1], 9),
  hit('a-p1', facetsOf('A', 'passage', a), [0], 5),
  hit('a-p2', facetsOf('A', 'passage', a), [0, 1], 1),
  hit('a-heading', facetsOf('A', 'heading', a), [0, 1], 7),
  hit('a-abstract', facetsOf('A', 'abstract', a), [1], 2),
  hit('a-ref', facetsOf('A', 'reference', a), [0, 1], 9),
  hit('b-p1', facetsOf('B', 'passage', b), [0, 1], 1),
  hit('b-p2', facetsOf('B', 'passage', b), [1], 3),
  hit('c-claim', facetsOf('B', 'claim', { ...b, kind: ['Finding'] }), [0, 1], 0.5),
  hit('d-claim', facetsOf('B', 'claim', { ...b, kind: ['Statistic'] }), [1], 4),
  hit('e-p1', facetsOf('E', 'passage', { year: ['2023'] }), [1], 8),
];
const group = (selection: Parameters<typeof groupResults>[2]['selection'] = {}, sort: 'relevance' | 'year' = 'relevance') => groupResults(hits, 2, { selection, sort });
const ids = (g: { records: RecordHit[] }) => g.records.map((r) => r.id);

describe('results', () => {
  test('claims holding every term come first; one result per paper whose records together hold every term', () => {
    const { claims, papers } = group();
    expect(claims.map(ids)).toEqual([['c-claim']]);
    expect(papers.map((p) => p.title)).toEqual(['A', 'B']);
  });
  test('two papers of one title are two results, each with its own passages', () => {
    const twin = { ...facetsOf('A', 'passage', a), page: '/papers/a-second/', values: { ...a, paper: ['/papers/a-second/'] } };
    const { papers } = groupResults([...hits, hit('a2-p1', twin, [0, 1], 1)], 2, { selection: {}, sort: 'relevance' });
    expect(papers.map((p) => [p.title, p.page, ids(p).includes('a2-p1')])).toEqual([['A', '/papers/a/', false], ['A', '/papers/a-second/', true], ['B', '/papers/b/', false]]);
  });
  test('under a paper: paragraphs holding every term, then by terms held (paragraphs first), then score; references left out by default', () => {
    expect(ids(group().papers[0]!)).toEqual(['a-p2', 'a-title', 'a-heading', 'a-p1', 'a-abstract']);
    expect([...hits].sort(compareRecords(2)).map((h) => h.id).slice(0, 3)).toEqual(['a-p2', 'b-p1', 'c-claim']);
  });
  test('OR within a facet, AND across facets; the kind of claim restricts claims only', () => {
    const titles = (selection: Parameters<typeof group>[0]) => group(selection).papers.map((g) => g.title);
    expect(titles({ theme: ['Border'] })).toEqual(['A']);
    expect(titles({ paper: ['/papers/a/', '/papers/b/'] })).toEqual(['A', 'B']);
    expect(titles({ theme: ['Border'], paper: ['/papers/b/'] })).toEqual([]);
    expect(ids(group({ part: ['References'] }).papers[0]!)).toEqual(['a-ref']);
    expect(group({ kind: ['Statistic'] }).claims).toEqual([]);
    expect(titles({ kind: ['Statistic'] })).toEqual(['A', 'B']);
  });
  test('sort by year puts the newest first', () => {
    expect(group({}, 'year').papers.map((g) => g.title)).toEqual(['B', 'A']);
  });
  test('facet counts count results (papers and claims) with that value chosen, given the other facets', () => {
    const counts = facetCounts(hits, 2, { theme: ['Border'] });
    expect(Object.fromEntries(counts.theme)).toEqual({ Border: 1, TTP: 3 });
    expect(Object.fromEntries(counts.paper)).toEqual({ '/papers/a/': 1 });
    expect(Object.fromEntries(counts.part)).toEqual({ Text: 1, References: 1 });
    expect(Object.fromEntries(facetCounts(hits, 2, {}).kind)).toEqual({ Finding: 1 });
  });
  test('a record links to its paragraph with the words to highlight', () => {
    expect(landingUrl('/papers/a/#p3', ['Durand Line', 'fence'])).toBe('/papers/a/?highlight=Durand+Line&highlight=fence#p3');
    expect(landingUrl('/papers/a/', [])).toBe('/papers/a/');
  });
});

test('the facets file names each record\'s facets by id', () => {
  const index = facetIndexOf({ idPrefix: 'en_', idLength: 1, values: ['part:Text', 'paper:A', 'page:/papers/a/', 'record:heading', 'theme:Border', 'theme:TTP'], groups: [[[0, 1, 2, 3, 4, 5], 'x y']], spellings: [] });
  expect(index.get('en_x123')).toBeDefined();
  expect(index.get('fr_y123')).toBeUndefined();
  expect(index.get('en_y123')).toEqual({ part: 'Text', kind: 'heading', paper: 'A', page: '/papers/a/', values: { part: ['Text'], paper: ['/papers/a/'], theme: ['Border', 'TTP'] } });
});

test('the Paper facet chooses a paper by its page and names it by its title, with its page where two papers share a title', () => {
  const file = { idPrefix: 'en_', idLength: 1, values: ['part:Text', 'paper:A', 'page:/papers/a/', 'page:/papers/a-2/', 'paper:B', 'page:/papers/b/'], groups: [[[0, 1, 2], 'x'], [[0, 1, 3], 'y'], [[0, 4, 5], 'z']] as [number[], string][], spellings: [] };
  const index = facetIndexOf(file);
  expect(['en_x', 'en_y', 'en_z'].map((id) => index.get(id)?.values.paper)).toEqual([['/papers/a/'], ['/papers/a-2/'], ['/papers/b/']]);
  expect(Object.fromEntries(paperLabels(index.values()))).toEqual({ '/papers/a/': 'A (/papers/a/)', '/papers/a-2/': 'A (/papers/a-2/)', '/papers/b/': 'B' });
  // A search URL shared when the facet chose titles still finds its papers: a title stands for each page of it.
  expect(paperChoices(['A', '/papers/b/'], index.values()).sort()).toEqual(['/papers/a-2/', '/papers/a/', '/papers/b/']);
  expect(paperChoices(['Unknown'], index.values())).toEqual(['Unknown']);
});

test('the facets file writes ids as short as keeps them apart, and finds every record by its full id', () => {
  const record = (url: string): SearchRecord => ({ part: 'Text', kind: 'passage', url, facets: [['part', 'Text'], ['paper', url]], html: '' });
  // Pagefind lengthens an id that would collide with another: keys differ in length too.
  const ids: Record<string, string> = { a: 'en_abc1234', b: 'en_abd1234', c: 'en_f001234', d: 'en_abc12345' };
  const file = recordFacetsFile(Object.keys(ids).map(record), (url) => ids[url]!, []);
  expect(file.idPrefix).toBe('en_');
  expect(file.idLength).toBe(8);
  const index = facetIndexOf(file);
  for (const [url, id] of Object.entries(ids)) expect(index.get(id)?.paper).toBe(url);
});

test('each spelling of each term is searched; a record keeps the terms it holds, their best scores, its matched words and the spellings that found it', async () => {
  const found: Record<string, { id: string; score: number; words: number[] }[]> = {
    '"Durand Line"': [{ id: 'p2', score: 2, words: [0, 1] }],
    DL: [{ id: 'p2', score: 3, words: [7] }, { id: 'p9', score: 1, words: [4] }],
    fence: [{ id: 'p2', score: 1, words: [3] }, { id: 'q', score: 5, words: [1] }],
  };
  const pagefind: PagefindApi = { search: async (q) => ({ results: (found[q!] ?? []).map((r) => ({ ...r, data: noData })) }), preload: async () => undefined };
  const index = new Map(['p2', 'p9', 'q'].map((id) => [id, facetsOf('A', 'passage')]));
  const merged = await searchHits(pagefind, parseQuery('Durand Line fence', spellingIndex(spellings)), index);
  expect(merged.map((h) => [h.id, h.terms, h.score, h.words.sort(), h.highlight])).toEqual([
    ['p2', [0, 1], 4, [0, 1, 3, 7], ['Durand Line', 'DL', 'fence']],
    ['p9', [0], 1, [4], ['DL']],
    ['q', [1], 5, [1], ['fence']],
  ]);
});

describe('excerpts', () => {
  const words = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
  test('around the densest run of matched words, marked, with ellipses where text is cut', () => {
    const pieces = excerptOf(words, [40, 42], 10);
    expect(pieces.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('')).toBe('… w36 w37 w38 w39 [w40] w41 [w42] w43 w44 w45 …');
  });
  test('a short text whole, nothing marked when nothing matched', () => {
    expect(excerptOf('a b c', [], 10)).toEqual([{ text: 'a b c', mark: false }]);
  });
  test('markup in the text stays text', () => {
    expect(excerptOf('<b>x</b> y', [0], 10)).toEqual([{ text: '<b>x</b>', mark: true }, { text: ' y', mark: false }]);
  });
});
