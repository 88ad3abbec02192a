/**
 * The query set: what a student of this topic types, and the papers and
 * paragraphs each query must return, run against the built Pagefind index
 * through the same terms, merge and grouping as the search page. Every
 * expected paragraph was found by searching the editions (`npm run passages`)
 * for the query's words or one of its spellings; "only" marks a name few
 * papers print: any other paper returned must print it too, checked on its
 * built page (so a paper added later that prints it is welcome). Multi-word
 * questions and quoted phrases are checked against the passages of the built
 * papers themselves.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { contentDir, editionFiles, readEdition } from '../../src/lib/edition-file.ts';
import { passagesOf, type Passage } from '../../src/lib/passages.ts';
import { parseQuery, spellingIndex, type QueryTerm } from '../../src/lib/search-query.ts';
import { facetIndexOf, groupResults, recordFacetsFileName, searchHits, type FacetIndex, type ResultGroup } from '../../src/lib/search-results.ts';
import { parts, type Selection } from '../../src/lib/search-state.ts';
import { aliasPattern } from '../../src/lib/theme-passages.ts';
import { pageOf } from '../support/dist.ts';
import { openIndex } from '../support/pagefind.ts';

const dist = inject('distDir');

const neo = 'neo-taliban-regime';
const dilemma = 'security-dilemma-comparative-analysis';
const challenges = 'taliban-government-security-challenges';
const impact = 'taliban-return-national-security';
const nexus = 'taliban-ttp-nexus';

interface Query {
  /** Papers the query must return, each with anchors that must be among its sub-results. */
  papers: Record<string, string[]>;
  /** Any other paper returned must print every term of the query. */
  only?: boolean;
  /** Anchors that must not be sub-results: paragraphs printing only one word of a several-word name. */
  absent?: Record<string, string[]>;
  selection?: Selection;
}

const queries: Record<string, Query> = {
  // Variant spellings: a spelling finds the papers that print only other spellings.
  'Tebreek-e-Taliban': { papers: { [neo]: ['p2'], [dilemma]: ['p10'], [challenges]: ['p43'], [impact]: ['p6'], [nexus]: ['abstract', 'p10'] } },
  'Tehrik-i-Taliban': { papers: { [impact]: ['p2', 'p6'], [challenges]: ['p43'], [neo]: ['p2'] } },
  'Tehreek-e-Taliban Pakistan': { papers: { [neo]: ['p2', 'p5'], [dilemma]: ['p10'], [nexus]: ['p10'] } },
  TTP: { papers: { [neo]: ['p2'], [dilemma]: ['p10'], [challenges]: ['p43'], [impact]: ['p6'], [nexus]: ['p1'] } },
  'IS-KP': { papers: { [impact]: ['p2', 'p6'], [neo]: ['p37'], [nexus]: ['p7'], [challenges]: ['p74'] } },
  'ISIS-K': { papers: { [challenges]: ['p74', 'p75'], [neo]: ['p37'], [nexus]: ['p7'], [impact]: ['p27'] } },
  'Islamic State Khorasan': {
    papers: { [challenges]: ['p74'], [impact]: ['p2'], [neo]: ['p37'], [nexus]: ['p7'] },
    absent: { [neo]: ['p24', 'p42'], [impact]: ['p7', 'p20'], [nexus]: ['p3', 'p25'] },
  },
  'Azm-i-Istehkam': { papers: { [challenges]: ['p14', 'p151', 'p183'] }, only: true },
  'Aazm-e-Istehkam': { papers: { [challenges]: ['p14', 'p151', 'p183'] }, only: true },
  'Al-Qaida': { papers: { [neo]: ['p14'], [impact]: ['p7'], [nexus]: ['p8'], [challenges]: ['p32'] } },
  DL: { papers: { [neo]: ['p2'], [dilemma]: ['p10'], [challenges]: ['p6'], [impact]: ['p18'], [nexus]: ['p2'] } },
  'Durand Line': {
    papers: { [neo]: ['p2', 'p5'], [dilemma]: ['p10', 'p44'], [challenges]: ['p6'], [impact]: ['p18'], [nexus]: ['p2', 'p3'] },
    absent: { [challenges]: ['p104', 'p126'], [nexus]: ['p15'] },
  },
  'Belt and Road': { papers: { [neo]: ['p18'], [dilemma]: ['p11'], [challenges]: ['p42'], [impact]: ['p42'] } },
  CPEC: { papers: { [dilemma]: ['p11', 'p78'], [challenges]: ['p164'], [impact]: ['p42'] } },
  SCO: { papers: { [neo]: ['p42'], [challenges]: ['p84'], [impact]: ['p53'] } },
  'Afghan Citizen Card': { papers: { [challenges]: ['p131'] } },
  NAP: { papers: { [challenges]: ['p12', 'p150'] } },
  // Themes and events a student asks about.
  'border fence': { papers: { [neo]: ['p16', 'p33'], [challenges]: ['p110', 'p111'] } },
  Torkham: { papers: { [challenges]: ['p7', 'p19', 'p53', 'p93'], [nexus]: ['p23'] }, only: true },
  Chaman: { papers: { [challenges]: ['p7', 'p117'], [impact]: ['p40'], [nexus]: ['p23'] } },
  'strategic depth': { papers: { [neo]: ['p1', 'p5', 'p8'], [challenges]: ['p159'] } },
  'Doha Agreement': { papers: { [challenges]: ['p14'] }, only: true },
  ceasefire: { papers: { [challenges]: ['p97', 'p152'] } },
  'Sirajuddin Haqqani': { papers: { [challenges]: ['p152', 'p184'] }, only: true },
  'Zarb-e-Azb': { papers: { [challenges]: ['p148', 'p150'] }, only: true },
  'Noor Wali Mehsud': { papers: { [challenges]: ['p15', 'p39'] }, only: true },
  'Army Public School': { papers: { [challenges]: ['p33'] } },
  'safe havens': { papers: { [neo]: ['p16'], [dilemma]: ['p2'], [challenges]: ['p10'], [impact]: ['p15'], [nexus]: ['p6'] } },
  deportation: { papers: { [challenges]: ['p129', 'p131'] } },
  Kashmir: { papers: { [impact]: ['p43', 'p54'] }, only: true },
  'Khyber Pakhtunkhwa': { papers: { [challenges]: ['p13'], [impact]: ['p5'], [nexus]: ['p3'] } },
  'humanitarian crisis': { papers: { [neo]: ['p2'], [challenges]: ['p38'], [impact]: ['p22'] } },
  girls: { papers: { [impact]: ['p33', 'p34'], [challenges]: ['p41'] } },
  TAPI: { papers: { [dilemma]: ['p59', 'p78'] }, only: true },
  'Haqqani Network': { papers: { [impact]: ['p9'], [nexus]: ['p17'] } },
  // Theories, as students name them.
  'security dilemma': { papers: { [dilemma]: ['p5', 'p6'], [neo]: ['p35'], [impact]: ['p19'] } },
  neorealism: { papers: { [neo]: ['p24'], [dilemma]: ['p6'] } },
  constructivism: { papers: { [challenges]: ['p46'], [impact]: ['p20'] } },
  'balance of threat': { papers: { [impact]: ['p18', 'p19'] } },
  Pashtunwali: { papers: { [challenges]: ['p103'] }, only: true },
  Deobandi: { papers: { [challenges]: ['p58', 'p101'] }, only: true },
  // Other parts of the document, one click away.
  Ahlawat: { papers: { [nexus]: ['ref-ahmad-2023', 'p2', 'p7'] }, selection: { part: ['Text', 'References'] }, only: true },
};

interface Found {
  terms: QueryTerm[];
  papers: ResultGroup[];
  claims: ResultGroup[];
}
let run: (query: string, selection?: Selection) => Promise<Found>;
let close: () => Promise<void>;
let facetIndex: FacetIndex;
beforeAll(async () => {
  const index = await openIndex(dist);
  close = index.close;
  facetIndex = facetIndexOf(JSON.parse(readFileSync(path.join(dist, 'pagefind', recordFacetsFileName), 'utf8')));
  const spellings = spellingIndex(index.facetsFile.spellings);
  run = async (query, selection = {}) => {
    const terms = parseQuery(query, spellings);
    const hits = await searchHits(index.pagefind, terms, facetIndex);
    return { terms, ...groupResults(hits, terms.length, { selection, sort: 'relevance' }) };
  };
});
afterAll(() => close?.());

const paperId = (group: ResultGroup) => group.page.replace(/^\/papers\/|\/$/g, '');
/** The anchors of a result's records, best first (each record's words loaded, as a reader scrolling through would). */
const anchors = async (group: ResultGroup) => (await Promise.all(group.records.map((r) => r.data()))).map((d) => d.url.split('#')[1] ?? '');

test('the query set has at least 30 queries', () => {
  expect(Object.keys(queries).length).toBeGreaterThanOrEqual(30);
});

describe.each(Object.entries(queries))('“%s”', (query, expected) => {
  test('returns its papers, each with its paragraphs among the sub-results', async () => {
    const { terms, papers: groups } = await run(query, expected.selection);
    const found = Object.fromEntries(await Promise.all(groups.map(async (g) => [paperId(g), await anchors(g)] as const)));
    for (const [paper, wanted] of Object.entries(expected.papers)) {
      expect(found[paper], `${paper} is not among the results`).toBeDefined();
      expect(wanted.filter((a) => !found[paper]!.includes(a)), `${paper}: paragraphs missing from the sub-results`).toEqual([]);
    }
    if (expected.only) {
      const others = Object.keys(found).filter((paper) => !(paper in expected.papers));
      expect(others.filter((paper) => !terms.every((t) => holdsTerm(toText(searchable(`/papers/${paper}/`)), t))), 'papers returned that do not print it').toEqual([]);
    }
    for (const [paper, unwanted] of Object.entries(expected.absent ?? {})) {
      expect(unwanted.filter((a) => found[paper]?.includes(a)), `${paper}: paragraphs that do not print the name`).toEqual([]);
    }
  });
});

describe('parts of the document', () => {
  test('reference entries and edition notes are left out by default, one choice away', async () => {
    for (const g of (await run('Ahlawat')).papers) expect((await anchors(g)).filter((a) => a.startsWith('ref-'))).toEqual([]);
    expect((await run('checksum')).papers).toEqual([]);
    const notes = (await run('checksum', { part: ['Edition notes'] })).papers;
    expect(notes.map(paperId).sort()).toEqual(editionFiles().map((f) => readEdition(f).data.id).sort());
    for (const g of notes) expect(await anchors(g)).toContain('about-this-edition');
  });
  test('an abstract is a record of its paper, linking to the abstract', async () => {
    const paper = (await run('Tebreek-e-Taliban')).papers.find((g) => paperId(g) === nexus)!;
    expect(paper.records.map((r) => r.facets.part)).toContain('Abstract');
    expect((await paper.records.find((r) => r.facets.part === 'Abstract')!.data()).url).toBe(`/papers/${nexus}/#abstract`);
  });
  test('every record of a paper carries the paper\'s themes, theories and methods, by name, as facets', () => {
    const names = (vocabulary: string) => new Map(readdirSync(path.join(contentDir, vocabulary)).map((f) => {
      const entry = parseYaml(readFileSync(path.join(contentDir, vocabulary, f), 'utf8')) as { id: string; name: string };
      return [entry.id, entry.name];
    }));
    for (const { data } of editionFiles().map(readEdition)) {
      const records = [...facetIndex.values()].filter((r) => r.page === `/papers/${data.id}/` && r.kind !== 'claim');
      expect(records.length, data.id).toBeGreaterThan(0);
      for (const [facet, vocabulary, ids] of [['theme', 'themes', data.themes], ['theory', 'theories', data.theories], ['method', 'methods', data.methods]] as const) {
        const expected = ids.map((id) => names(vocabulary).get(id)).sort();
        for (const record of records) expect([...(record.values[facet] ?? [])].sort(), `${data.id}: ${facet}`).toEqual(expected);
      }
    }
  });
  test('the part facet lists the parts the index holds', () => {
    expect([...new Set([...facetIndex.values()].map((r) => r.part))].sort()).toEqual([...parts].sort());
  });
});

const strip = <T extends Root | Element>(node: T): T => ({
  ...node,
  children: node.children.filter((c) => !(c.type === 'element' && 'dataEditionNote' in c.properties)).map((c) => (c.type === 'element' ? strip(c) : c)),
});
/** A built page without what the edition keeps out of search: its notes, page furniture and placeholders included. */
const searchable = (page: string) => strip(fromHtml(pageOf(dist, page.slice(1))));

/** Every passage of every built paper page, without what the edition keeps out of search. */
const papersPassages = (): Map<string, Passage[]> => {
  const ids = [...new Set([...facetIndex.values()].map((r) => r.page))].filter(Boolean);
  return new Map(ids.map((page) => [page.replace(/^\/papers\/|\/$/g, ''), passagesOf(searchable(page))]));
};
const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
/** A passage holds a query word when one of its words begins like it (its first five letters: "refugees", "refugee"). */
const holdsWord = (text: string, word: string) => words(word).every((w) => words(text).some((t) => t.slice(0, 5) === w.slice(0, 5) && t.startsWith(w.slice(0, Math.min(w.length, 5)))));
/** Two spellings of a word, as an English stemmer folds them: they differ at most in the last two letters of the shorter ("fence", "fencing"). */
const sameWord = (a: string, b: string) => {
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return common >= Math.max(3, Math.min(a.length, b.length) - 2);
};
/** A passage prints a phrase: its words in order, case and word endings aside ("safe havens" prints "safe haven"). */
const printsPhrase = (text: string, phrase: string) => {
  const [have, want] = [words(text), words(phrase)];
  return have.some((_, i) => want.every((w, j) => have[i + j] !== undefined && sameWord(have[i + j]!, w)));
};
/** A passage holds a term: a word, a quoted phrase, or any spelling of a name (as theme pages match them). */
const holdsTerm = (text: string, term: QueryTerm) =>
  term.searches.length > 1 ? aliasPattern(term.searches.map((s) => s.replace(/"/g, ''))).test(text)
    : term.searches[0]!.startsWith('"') ? printsPhrase(text, term.searches[0]!) : holdsWord(text, term.searches[0]!);

describe('multi-word questions land on the paragraph that holds every word', () => {
  const questions = ['refugees deportation', 'Chaman border', 'strategic depth India', 'humanitarian crisis', 'TTP safe havens in Afghanistan', 'border fence', 'security dilemma', 'Durand Line fence', 'peace talks', 'economic crisis', 'Afghan refugees Pakistan'];
  test.each(questions)('“%s”: under every paper with such a paragraph, the first passage link holds every word', async (query) => {
    const { terms, papers } = await run(query);
    expect(terms.length).toBeGreaterThan(1);
    const expected = [...papersPassages()].filter(([, passages]) => passages.some((p) => terms.every((t) => holdsTerm(p.text, t))));
    expect(expected.length, 'no paper holds every word: not a test of ranking').toBeGreaterThan(0);
    for (const [paper, passages] of expected) {
      const group = papers.find((g) => paperId(g) === paper);
      expect(group, `${paper} is not among the results`).toBeDefined();
      const first = (await anchors(group!))[0]!;
      const passage = passages.find((p) => p.id === first);
      expect(passage, `${paper}: the first link is #${first}, not a passage`).toBeDefined();
      expect(terms.filter((t) => !holdsTerm(passage!.text, t)).map((t) => t.typed), `${paper} #${first}: words it lacks`).toEqual([]);
    }
  });
});

describe('a quoted phrase returns exactly the paragraphs that print it', () => {
  test.each(['"safe haven"', '"national security"', '"border fencing"', '"strategic depth"'])('%s', async (query) => {
    const phrase = query.replace(/"/g, '');
    const expected = [...papersPassages()].flatMap(([paper, passages]) => passages.filter((p) => printsPhrase(p.text, phrase)).map((p) => `${paper}#${p.id}`));
    expect(expected.length).toBeGreaterThan(0);
    const { papers } = await run(query);
    const found = (await Promise.all(papers.map(async (g) => (await anchors(g)).filter((a) => /^p\d+$/.test(a)).map((a) => `${paperId(g)}#${a}`)))).flat();
    expect(found.sort()).toEqual(expected.sort());
  });
});
