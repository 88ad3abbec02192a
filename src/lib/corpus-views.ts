/**
 * Views derived from the loaded corpus, each computed once per build and
 * shared by every page that shows it: which papers an entry of a vocabulary
 * names, which passages treat a theme, the works cited, related papers and
 * the theme × paper matrix. The rules themselves live in their own modules
 * (theme-passages.ts, works-cited.ts, related.ts); this module only holds
 * their results.
 */
import { loadCorpus, type Corpus, type Paper } from './corpus-load.ts';
import { relatedPapers, type Relation } from './related.ts';
import { passagesMentioning, type PassageMatch } from './theme-passages.ts';
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

const relations = perCorpus((corpus) => {
  const citedWorks = new Map(corpus.papers.map((p) => [p.id, new Set<string>()]));
  for (const work of works(corpus)) for (const { paper } of work.byPaper) citedWorks.get(paper.id)!.add(work.key);
  return new Map(corpus.papers.map((paper) => [paper.id, relatedPapers(corpus, paper, citedWorks)]));
});

/** The papers related to one, with the reason (related.ts holds the rule). */
export function relatedTo(corpus: Corpus, paper: Paper): Relation[] {
  return relations(corpus).get(paper.id) ?? [];
}
