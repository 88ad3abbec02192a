/**
 * Views derived from the loaded corpus, each computed once per build and
 * shared by every page that shows it: which papers an entry of a vocabulary
 * names, which passages treat a theme, the works cited, related papers and
 * the theme × paper matrix. The rules themselves live in their own modules
 * (theme-passages.ts, works-cited.ts, related.ts); this module only holds
 * their results.
 */
import { claimFacets, type ClaimFacet, type FacetValue } from './claim-facets.ts';
import { loadCorpus, type Corpus, type Paper } from './corpus-load.ts';
import { listingPagePath, listingSizes, pageOf, paginate, paginateGroups } from './listing.ts';
import { relatedPapers, type Relation } from './related.ts';
import { passagesMentioning, type PassageMatch } from './theme-passages.ts';
import { claimsFacetPath, claimsPath, href } from './urls.ts';
import { worksCited, type CitedWork } from './works-cited.ts';

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

/** The papers by title (the corpus's order) or by year, newest first (papers whose source states no date come last). */
export const papersInOrder = (corpus: Corpus, order: 'title' | 'year'): Paper[] => (order === 'title' ? corpus.papers : papersByYear(corpus));
const papersByYear = perCorpus((corpus) =>
  [...corpus.papers].sort((a, b) => (paperYear(b) ?? '0000').localeCompare(paperYear(a) ?? '0000') || a.data.title.localeCompare(b.data.title)),
);

const documentTypeNouns: Record<Paper['data']['documentType'], [string, string]> = {
  'journal-article': ['journal article', 'journal articles'],
  thesis: ['thesis', 'theses'],
  'article-unstated-venue': ['article whose venue the text does not state', 'articles whose venue the text does not state'],
};

/** What the corpus holds, by document type, for running text: "3 journal articles, 1 thesis". */
export function documentTypeSummary(corpus: Corpus): string {
  const parts = Object.entries(documentTypeNouns).flatMap(([type, [one, many]]) => {
    const n = corpus.papers.filter((p) => p.data.documentType === type).length;
    return n ? [`${n} ${n === 1 ? one : many}`] : [];
  });
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'no papers');
}

/** The collections that have an index page, with its title. */
export const vocabularies = { themes: 'Themes', theories: 'Theories', methods: 'Methods', authors: 'Authors' } as const;
export type Vocabulary = keyof typeof vocabularies;

/** Caches a view per corpus, so a view is computed the first time a page asks and then shared. */
function perCorpus<T>(compute: (corpus: Corpus) => T): (corpus: Corpus) => T {
  const cache = new WeakMap<Corpus, T>();
  return (corpus) => {
    if (!cache.has(corpus)) cache.set(corpus, compute(corpus));
    return cache.get(corpus)!;
  };
}

const papersByEntry = perCorpus((corpus) => {
  const index = new Map<string, Paper[]>();
  for (const paper of corpus.papers) {
    const resolved = corpus.paper(paper);
    for (const vocabulary of Object.keys(vocabularies) as Vocabulary[]) {
      for (const entry of resolved[vocabulary]) {
        const key = `${vocabulary}/${entry.id}`;
        const papers = index.get(key);
        if (papers) papers.push(paper);
        else index.set(key, [paper]);
      }
    }
  }
  return index;
});

/** The papers that reference one vocabulary entry (a theme they treat, an author who wrote them, …), in the corpus's order. */
export function papersFor(corpus: Corpus, vocabulary: Vocabulary, id: string): Paper[] {
  return papersByEntry(corpus).get(`${vocabulary}/${id}`) ?? [];
}

/**
 * The papers an entry's page shows, in the corpus's order, cut into pages: those
 * tagged with it, and for a theme or theory also those printing one of its
 * names, holding a claim on it or framed by it.
 */
export function entryPages(corpus: Corpus, vocabulary: Vocabulary, id: string): Paper[][] {
  const shown = new Set(papersFor(corpus, vocabulary, id));
  if (vocabulary === 'themes' || vocabulary === 'theories') {
    const entry = corpus.byId[vocabulary].get(id)!;
    for (const paperId of corpusMatches(corpus, entry.data.aliases).keys()) shown.add(corpus.byId.papers.get(paperId)!);
    if (vocabulary === 'themes') corpus.claims.filter((c) => c.data.themes.some((t) => t.id === id)).forEach((c) => shown.add(corpus.claim(c).paper));
    else corpus.byId.theories.get(id)!.data.framings.forEach((f) => shown.add(corpus.byId.papers.get(f.paper.id)!));
  }
  const size = vocabulary === 'themes' || vocabulary === 'theories' ? listingSizes.papersWithPassages : listingSizes.papers;
  return paginate(corpus.papers.filter((p) => shown.has(p)), size);
}

export interface PaperMatches {
  paper: Paper;
  matches: PassageMatch[];
}

const matchesByAliases = perCorpus(() => new Map<string, Map<string, PassageMatch[]>>());

/** Per paper of the corpus, the passages that print one of the aliases (papers without any are left out). */
function corpusMatches(corpus: Corpus, aliases: string[]): Map<string, PassageMatch[]> {
  const cache = matchesByAliases(corpus);
  const key = JSON.stringify(aliases);
  let found = cache.get(key);
  if (!found) {
    found = new Map();
    for (const paper of corpus.papers) {
      const matches = passagesMentioning(corpus.paper(paper).edition.passages, aliases);
      if (matches.length) found.set(paper.id, matches);
    }
    cache.set(key, found);
  }
  return found;
}

/** The passages of one paper that print one of the aliases (computed once per corpus and aliases). */
export const paperMatches = (corpus: Corpus, paper: Paper, aliases: string[]): PassageMatch[] => corpusMatches(corpus, aliases).get(paper.id) ?? [];

/** Per paper (of those given), the passages that print one of the aliases. */
export async function passagesByPaper(papers: Paper[], aliases: string[]): Promise<PaperMatches[]> {
  const found = corpusMatches(await loadCorpus(), aliases);
  return papers.flatMap((paper) => {
    const matches = found.get(paper.id);
    return matches ? [{ paper, matches }] : [];
  });
}

/** For each theme, how many passages of each paper treat it: the home page matrix and its summary. */
export const themeMatrix = perCorpus((corpus) =>
  corpus.themes.map((theme) => {
    const found = corpusMatches(corpus, theme.data.aliases);
    const counts = corpus.papers.map((p) => found.get(p.id)?.length ?? 0);
    return { theme, counts, papers: counts.filter((n) => n > 0).length, passages: counts.reduce((a, b) => a + b, 0) };
  }),
);

const works = perCorpus((corpus) => worksCited(corpus.papers.map((paper) => ({ paper, ...corpus.paper(paper).edition }))));

/** The works cited across the corpus, grouped once per build (works-cited.ts holds the rule). */
export async function corpusWorksCited(): Promise<CitedWork<Paper>[]> {
  return works(await loadCorpus());
}

/** The works cited, cut into listing pages (a work's citing papers may continue on the next page). */
export const worksCitedPages = perCorpus((corpus) => paginateGroups(works(corpus).map((w) => ({ group: w, items: w.byPaper })), listingSizes.rows));

const workPages = perCorpus((corpus) => pageOf(worksCitedPages(corpus), (slice) => (slice.continued ? [] : [slice.group.key])));

/** Where a work's entry sits on the works cited pages. */
export function workPath(corpus: Corpus, key: string): string {
  return `${listingPagePath(href('works-cited/'), workPages(corpus).get(key) ?? 1)}#work-${key}`;
}

const facetPagesByValue = perCorpus(() => new Map<FacetValue, ReturnType<typeof paginateGroups<Paper, FacetValue['claims'][number]>>>());

/** One facet value's claims (all claims on a theme, of a paper or of a kind), paper by paper, cut into listing pages; computed once per value. */
export function claimFacetPages(corpus: Corpus, value: FacetValue) {
  const computed = facetPagesByValue(corpus);
  if (!computed.has(value)) {
    const byPaper = corpus.papers
      .map((paper) => ({ group: paper, items: value.claims.filter((c) => c.data.paper.id === paper.id) }))
      .filter((g) => g.items.length > 0);
    computed.set(value, paginateGroups(byPaper, listingSizes.rows));
  }
  return computed.get(value)!;
}

/** Where a paper's claims start on the list of one facet value's claims (its section "from-<paper>"). */
export function claimFacetPaperPath(corpus: Corpus, facet: ClaimFacet, valueId: string, paperId: string): string {
  const value = claimFacets(corpus)[facet].find((v) => v.id === valueId)!;
  const page = claimFacetPages(corpus, value).findIndex((slices) => slices.some((s) => s.group.id === paperId && !s.continued)) + 1;
  if (page === 0) throw new Error(`${paperId} has no claims under ${facet} "${valueId}" to link to`);
  return `${listingPagePath(claimsFacetPath(facet, valueId), page)}#from-${paperId}`;
}

/** The claims index, cut into listing pages: claims grouped under their first theme. */
export const claimsIndexPages = perCorpus((corpus) => {
  const groups = claimFacets(corpus).theme
    .map((theme) => ({ ...theme, filed: theme.claims.filter((c) => c.data.themes[0]!.id === theme.id) }))
    .filter((g) => g.filed.length > 0);
  return paginateGroups(groups.map((g) => ({ group: g, items: g.filed })), listingSizes.rows);
});

const claimPages = perCorpus((corpus) => pageOf(claimsIndexPages(corpus), (slice) => slice.items.map((c) => c.id)));

/** Where a claim sits on the claims index. */
export function claimIndexPath(corpus: Corpus, claimId: string): string {
  return `${listingPagePath(claimsPath(), claimPages(corpus).get(claimId) ?? 1)}#${claimId}`;
}

const relations = perCorpus((corpus) => {
  const citedWorks = new Map(corpus.papers.map((p) => [p.id, new Set<string>()]));
  for (const work of works(corpus)) for (const { paper } of work.byPaper) citedWorks.get(paper.id)!.add(work.key);
  return new Map(corpus.papers.map((paper) => [paper.id, relatedPapers(corpus, paper, citedWorks)]));
});

/** The papers related to one, with the reason (related.ts holds the rule). */
export function relatedTo(corpus: Corpus, paper: Paper): Relation[] {
  return relations(corpus).get(paper.id) ?? [];
}

/** Every group of spellings of one name in the vocabularies: the alternatives search tries for a query term (src/lib/search-query.ts). */
export const spellingGroups = (corpus: Corpus): string[][] => [...corpus.themes, ...corpus.theories, ...corpus.methods].flatMap((e) => e.data.spellings);
