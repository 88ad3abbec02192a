/**
 * The query set: what a student of this topic types, and the papers and
 * paragraphs each query must return, run against the built Pagefind index
 * through the same merge and grouping as the search page. Every expected
 * paragraph was found by searching the editions (`npm run passages`) for the
 * query's words or one of its spellings; "only" marks a name the sources print
 * in one paper alone.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { groupResults, searchRecords, type ResultGroup } from '../../src/lib/search-results.ts';
import { parts, type Selection } from '../../src/lib/search-state.ts';
import { editionFiles, readEdition } from '../../src/lib/edition-file.ts';
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
  /** No other paper may be returned. */
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

let run: (query: string, selection?: Selection) => Promise<ResultGroup[]>;
let close: () => Promise<void>;
beforeAll(async () => {
  const index = await openIndex(dist);
  close = index.close;
  run = async (query, selection = {}) => groupResults(await searchRecords(index.pagefind, query, index.spellings), { selection, sort: 'relevance' }).papers;
});
afterAll(() => close?.());

const paperId = (group: ResultGroup) => group.url.replace(/^\/papers\/|\/$/g, '');
const anchors = (group: ResultGroup) => group.records.flatMap((r) => r.subResults.map((s) => s.url.split('#')[1] ?? ''));

test('the query set has at least 30 queries', () => {
  expect(Object.keys(queries).length).toBeGreaterThanOrEqual(30);
});

describe.each(Object.entries(queries))('“%s”', (query, expected) => {
  test('returns its papers, each with its paragraphs among the sub-results', async () => {
    const groups = await run(query, expected.selection);
    const found = Object.fromEntries(groups.map((g) => [paperId(g), anchors(g)]));
    for (const [paper, wanted] of Object.entries(expected.papers)) {
      expect(found[paper], `${paper} is not among the results`).toBeDefined();
      expect(wanted.filter((a) => !found[paper]!.includes(a)), `${paper}: paragraphs missing from the sub-results`).toEqual([]);
    }
    if (expected.only) expect(Object.keys(found).sort()).toEqual(Object.keys(expected.papers).sort());
    for (const [paper, unwanted] of Object.entries(expected.absent ?? {})) {
      expect(unwanted.filter((a) => found[paper]?.includes(a)), `${paper}: paragraphs that do not print the name`).toEqual([]);
    }
  });
});

describe('parts of the document', () => {
  test('reference entries and edition notes are left out by default, one choice away', async () => {
    expect(await run('Ahlawat')).toSatisfy((groups: ResultGroup[]) => groups.every((g) => !anchors(g).some((a) => a.startsWith('ref-'))));
    expect(await run('SHA-256')).toEqual([]);
    const notes = await run('SHA-256', { part: ['Edition notes'] });
    expect(notes.map(paperId).sort()).toEqual(editionFiles().map((f) => readEdition(f).data.id).sort());
    expect(notes.every((g) => anchors(g).includes('about-this-edition'))).toBe(true);
  });
  test('an abstract is a sub-result of its paper, linking to the abstract', async () => {
    const groups = await run('Tebreek-e-Taliban');
    const paper = groups.find((g) => paperId(g) === nexus)!;
    expect(paper.records.map((r) => r.part)).toContain('Abstract');
    expect(paper.records.find((r) => r.part === 'Abstract')!.subResults[0]!.url).toBe(`/papers/${nexus}/#abstract`);
  });
  test('the part facet lists the parts the index holds', async () => {
    const index = await openIndex(dist);
    try {
      expect(Object.keys((await index.pagefind.filters()).part ?? {}).sort()).toEqual([...parts].sort());
    } finally {
      await index.close();
    }
  });
});
