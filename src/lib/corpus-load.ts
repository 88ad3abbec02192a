/**
 * The corpus as the pages see it: every collection loaded once, sorted, every
 * reference checked and resolved to the entry it names, and every edition
 * read once. Astro only logs a reference to a missing entry; here it stops
 * the build, naming the file, the field and the ids expected.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readClaimPolicy } from './claim-policy.ts';
import { claimProblems, inReadingOrder, type ClaimFields } from './claims.ts';
import { buildContentDir } from './content-dir.ts';
import { editionOf, type Edition } from './edition.ts';
import { refProblem } from './entry-refs.ts';

export type Paper = CollectionEntry<'papers'>;
export type Theme = CollectionEntry<'themes'>;
export type Theory = CollectionEntry<'theories'>;
export type Method = CollectionEntry<'methods'>;
export type Author = CollectionEntry<'authors'>;
export type Claim = CollectionEntry<'claims'>;
export type Quantity = CollectionEntry<'quantities'>;

/** A paper with every reference it makes resolved, and its edition. */
export interface ResolvedPaper {
  authors: Author[];
  themes: Theme[];
  theories: Theory[];
  methods: Method[];
  edition: Edition;
}

/** A claim with its paper, themes and quantity resolved. */
export interface ResolvedClaim {
  paper: Paper;
  themes: Theme[];
  quantity: Quantity | null;
}

export interface Corpus {
  /** By title. */
  papers: Paper[];
  themes: Theme[];
  theories: Theory[];
  methods: Method[];
  authors: Author[];
  /** In reading order: paper by paper (papers' order), then by paragraph. */
  claims: Claim[];
  quantities: Quantity[];
  /** Entries by id, for a reference already checked at load. */
  byId: {
    papers: Map<string, Paper>;
    themes: Map<string, Theme>;
    theories: Map<string, Theory>;
    methods: Map<string, Method>;
    authors: Map<string, Author>;
    quantities: Map<string, Quantity>;
  };
  /** What a paper's references name, and its edition. */
  paper(paper: Paper | string): ResolvedPaper;
  /** What a claim's references name. */
  claim(claim: Claim): ResolvedClaim;
}

interface Ref {
  collection: string;
  id: string;
}

const byName = <T extends { data: { name: string } }>(a: T, b: T) => a.data.name.localeCompare(b.data.name);
const indexById = <T extends { id: string }>(entries: T[]) => new Map(entries.map((e) => [e.id, e]));

/** The entry a reference names; the error says where and what was expected (entry-refs.ts holds the message). */
export function resolveRef<T>(entries: (T & { id: string })[] | Map<string, T>, ref: Ref, file: string | undefined, field: string): T {
  const index: Map<string, T> = entries instanceof Map ? entries : indexById(entries);
  const found = index.get(ref.id);
  if (!found) throw new Error(refProblem([...index.keys()], ref.collection, ref.id, file ?? '(unknown file)', field)!);
  return found;
}

async function load(): Promise<Corpus> {
  const [papers, themes, theories, methods, authors, claims, quantities] = await Promise.all([
    getCollection('papers'),
    getCollection('themes'),
    getCollection('theories'),
    getCollection('methods'),
    getCollection('authors'),
    getCollection('claims'),
    getCollection('quantities'),
  ]);
  const byId = {
    papers: indexById(papers),
    themes: indexById(themes),
    theories: indexById(theories),
    methods: indexById(methods),
    authors: indexById(authors),
    quantities: indexById(quantities),
  };
  const editions = new Map(await Promise.all(papers.map(async (p) => [p.id, await editionOf(p)] as const)));
  const resolvedPapers = new Map<string, ResolvedPaper>();
  for (const paper of papers) {
    const file = paper.filePath;
    const d = paper.data;
    resolvedPapers.set(paper.id, {
      authors: d.authors.map((a, i) => resolveRef(byId.authors, a.author, file, `authors[${i}].author`)),
      themes: d.themes.map((r, i) => resolveRef(byId.themes, r, file, `themes[${i}]`)),
      theories: d.theories.map((r, i) => resolveRef(byId.theories, r, file, `theories[${i}]`)),
      methods: d.methods.map((r, i) => resolveRef(byId.methods, r, file, `methods[${i}]`)),
      edition: editions.get(paper.id)!,
    });
  }
  for (const theory of theories) {
    theory.data.framings.forEach((f, i) => resolveRef(byId.papers, f.paper, theory.filePath, `framings[${i}].paper`));
  }
  quantities.forEach((q) => resolveRef(byId.themes, q.data.theme, q.filePath, 'theme'));
  verifyClaims(claims, editions, byId);
  const resolvedClaims = new Map<Claim, ResolvedClaim>(
    claims.map((c) => [
      c,
      {
        paper: byId.papers.get(c.data.paper.id)!,
        themes: c.data.themes.map((t) => byId.themes.get(t.id)!),
        quantity: c.data.measure ? byId.quantities.get(c.data.measure.quantity.id)! : null,
      },
    ]),
  );
  papers.sort((a, b) => a.data.title.localeCompare(b.data.title));
  return {
    papers,
    themes: themes.sort(byName),
    theories: theories.sort(byName),
    methods: methods.sort(byName),
    authors: authors.sort(byName),
    claims: inReadingOrder(claims, claimFields, papers.map((p) => p.id)),
    quantities: quantities.sort(byName),
    byId,
    paper: (paper) => resolveRef(resolvedPapers, { collection: 'papers', id: typeof paper === 'string' ? paper : paper.id }, undefined, 'paper'),
    claim: (claim) => resolvedClaims.get(claim)!,
  };
}

/** A claim with its references as plain ids, as src/lib/claims.ts checks and the exports print them. */
export function claimFields(claim: Claim): ClaimFields {
  const { id, paper, passage, kind, quotation, themes, citation, measure } = claim.data;
  return {
    id,
    paper: paper.id,
    passage,
    kind,
    quotation,
    themes: themes.map((t) => t.id),
    citation,
    ...(measure && { measure: { quantity: measure.quantity.id, figure: measure.figure } }),
  };
}

/** Stops the build on any claim whose quotation, passage, paper, theme or quantity does not check out, listing them all. */
function verifyClaims(claims: Claim[], editions: Map<string, Edition>, byId: Corpus['byId']) {
  const known = {
    passages: new Map([...editions].map(([id, e]) => [id, e.passages] as const)),
    themes: new Set(byId.themes.keys()),
    quantities: new Set(byId.quantities.keys()),
    idKeys: readClaimPolicy(buildContentDir).idKeys,
  };
  const problems = claims.flatMap((c) => claimProblems(claimFields(c), c.filePath ?? `content/claims/(unknown)/${c.id}.yaml`, known));
  if (problems.length) throw new Error(`${problems.length} claim problem${problems.length > 1 ? 's' : ''}:\n${problems.join('\n')}`);
}

let corpus: Promise<Corpus> | undefined;

/** The whole corpus, loaded and checked once per build. */
export function loadCorpus(): Promise<Corpus> {
  corpus ??= load();
  return corpus;
}
