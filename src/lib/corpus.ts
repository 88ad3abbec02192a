/**
 * The corpus as the pages see it: every collection loaded once, sorted, and
 * every reference resolved. Astro only logs a reference to a missing entry;
 * here it stops the build, naming the file, the field and the ids expected.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { citablePaper, cslItem, type CitablePaper, type CslItem } from './bibliographic-record.ts';
import { placedCitations, type PlacedCitation } from './citations.ts';
import { claimProblems, inReadingOrder, type ClaimFields } from './claims.ts';
import { passagesOf, referencesOf, type Passage, type ReferenceEntry } from './passages.ts';
import { renderMarkdown } from './render.ts';
import { passagesMentioning, type PassageMatch } from './theme-passages.ts';
import { absoluteUrl, paperPath } from './urls.ts';
import { worksCited, type CitedWork } from './works-cited.ts';

export type Paper = CollectionEntry<'papers'>;
export type Theme = CollectionEntry<'themes'>;
export type Theory = CollectionEntry<'theories'>;
export type Method = CollectionEntry<'methods'>;
export type Author = CollectionEntry<'authors'>;
export type Claim = CollectionEntry<'claims'>;
export type Quantity = CollectionEntry<'quantities'>;

export interface Corpus {
  papers: Paper[];
  themes: Theme[];
  theories: Theory[];
  methods: Method[];
  authors: Author[];
  /** In reading order: paper by paper (papers' order), then by paragraph. */
  claims: Claim[];
  quantities: Quantity[];
}

interface Ref {
  collection: string;
  id: string;
}

const byName = <T extends { data: { name: string } }>(a: T, b: T) => a.data.name.localeCompare(b.data.name);

/** Checks that a reference names an existing entry; the error says where and what was expected. */
export function resolveRef<T extends { id: string }>(entries: T[], ref: Ref, file: string | undefined, field: string): T {
  const found = entries.find((e) => e.id === ref.id);
  if (!found) {
    const known = entries.map((e) => e.id).sort().join(', ');
    throw new Error(`${file ?? '(unknown file)'}: field "${field}": expected the id of an entry in content/${ref.collection}/ (one of: ${known}), got "${ref.id}"`);
  }
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
  for (const paper of papers) {
    const file = paper.filePath;
    paper.data.authors.forEach((a, i) => resolveRef(authors, a.author, file, `authors[${i}].author`));
    paper.data.themes.forEach((r, i) => resolveRef(themes, r, file, `themes[${i}]`));
    paper.data.theories.forEach((r, i) => resolveRef(theories, r, file, `theories[${i}]`));
    paper.data.methods.forEach((r, i) => resolveRef(methods, r, file, `methods[${i}]`));
  }
  for (const theory of theories) {
    theory.data.framings.forEach((f, i) => resolveRef(papers, f.paper, theory.filePath, `framings[${i}].paper`));
  }
  quantities.forEach((q) => resolveRef(themes, q.data.theme, q.filePath, 'theme'));
  await verifyClaims(claims, papers, themes, quantities);
  papers.sort((a, b) => a.data.title.localeCompare(b.data.title));
  return {
    papers,
    themes: themes.sort(byName),
    theories: theories.sort(byName),
    methods: methods.sort(byName),
    authors: authors.sort(byName),
    claims: inReadingOrder(claims, claimFields, papers.map((p) => p.id)),
    quantities: quantities.sort(byName),
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
async function verifyClaims(claims: Claim[], papers: Paper[], themes: Theme[], quantities: Quantity[]) {
  const known = {
    passages: new Map(await Promise.all(papers.map(async (p) => [p.id, await editionPassages(p)] as const))),
    themes: new Set(themes.map((t) => t.id)),
    quantities: new Set(quantities.map((q) => q.id)),
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

/** Resolves a list of references against a loaded collection (already checked by loadCorpus). */
export function entriesFor<T extends { id: string }>(entries: T[], refs: { id: string }[]): T[] {
  return refs.map((r) => entries.find((e) => e.id === r.id)!);
}

/** The year a paper states, if any: published, else issue date. */
export function paperYear(paper: Paper): string | null {
  const date = paper.data.dates.published ?? paper.data.dates.issued;
  return date ? date.value.slice(0, 4) : null;
}

export const documentTypeLabels: Record<Paper['data']['documentType'], string> = {
  'journal-article': 'Journal article',
  thesis: 'Thesis',
  'article-unstated-venue': 'Article (venue not stated)',
};

/** The collections that have an index page, with its title. */
export const vocabularies = { themes: 'Themes', theories: 'Theories', methods: 'Methods', authors: 'Authors' } as const;
export type Vocabulary = keyof typeof vocabularies;

/** The papers that reference one vocabulary entry (a theme they treat, an author who wrote them, …). */
export function papersFor(corpus: Corpus, vocabulary: Vocabulary, id: string): Paper[] {
  return corpus.papers.filter((p) => {
    if (vocabulary === 'authors') return p.data.authors.some((a) => a.author.id === id);
    return p.data[vocabulary].some((r) => r.id === id);
  });
}

interface EditionStructure {
  passages: Passage[];
  references: ReferenceEntry[];
  citations: PlacedCitation[];
}
const editionCache = new Map<string, Promise<EditionStructure>>();

/** A paper's numbered passages, reference entries and in-text citations, rendered once per build through the site's own pipeline. */
export function editionStructure(paper: Paper): Promise<EditionStructure> {
  let cached = editionCache.get(paper.id);
  if (!cached) {
    cached = renderMarkdown(paper.body ?? '', paper.data as unknown as Record<string, unknown>).then((tree) => ({
      passages: passagesOf(tree),
      references: referencesOf(tree),
      citations: placedCitations(tree),
    }));
    editionCache.set(paper.id, cached);
  }
  return cached;
}

export const editionPassages = async (paper: Paper) => (await editionStructure(paper)).passages;

/** Per paper, the passages that print one of the aliases. */
export async function passagesByPaper(papers: Paper[], aliases: string[]): Promise<{ paper: Paper; matches: PassageMatch[] }[]> {
  const rows = await Promise.all(papers.map(async (paper) => ({ paper, matches: passagesMentioning(await editionPassages(paper), aliases) })));
  return rows.filter((r) => r.matches.length > 0);
}

let works: Promise<CitedWork<Paper>[]> | undefined;

/** The works cited across the corpus, grouped once per build (works-cited.ts holds the rule). */
export function corpusWorksCited(): Promise<CitedWork<Paper>[]> {
  works ??= loadCorpus().then(async ({ papers }) => worksCited(await Promise.all(papers.map(async (paper) => ({ paper, ...(await editionStructure(paper)) })))));
  return works;
}

/** A paper as citations see it: authors resolved, its page's absolute URL, and its CSL-JSON item. */
export function citationRecord(corpus: Corpus, paper: Paper): { citable: CitablePaper; pageUrl: string; item: CslItem } {
  const pageUrl = absoluteUrl(paperPath(paper.id));
  const citable = citablePaper(paper.data, (id) => entriesFor(corpus.authors, [{ id }])[0]!.data);
  return { citable, pageUrl, item: cslItem(citable, pageUrl) };
}
