/** Related papers: others that share themes, theories or cited works with a paper, with the reason shown. */
import type { Corpus, Paper } from './corpus-load.ts';

export interface Relation {
  paper: Paper;
  sharedThemes: string[];
  sharedTheories: string[];
  /** Works both papers cite, by surname-year key (works-cited.ts). */
  sharedWorks: string[];
}

/** `citedWorks` maps each paper id to the keys of the works it cites. */
export function relatedPapers(corpus: Corpus, paper: Paper, citedWorks: Map<string, Set<string>>, limit = 4): Relation[] {
  const shared = <T extends { id: string; data: { name: string } }>(a: T[], b: T[]) => a.filter((x) => b.includes(x)).map((x) => x.data.name);
  const mine = corpus.paper(paper);
  return corpus.papers
    .filter((other) => other.id !== paper.id)
    .map((other) => {
      const theirs = corpus.paper(other);
      return {
        paper: other,
        sharedThemes: shared(mine.themes, theirs.themes),
        sharedTheories: shared(mine.theories, theirs.theories),
        sharedWorks: [...(citedWorks.get(paper.id) ?? [])].filter((k) => citedWorks.get(other.id)?.has(k)).sort(),
      };
    })
    .filter((r) => r.sharedThemes.length + r.sharedTheories.length + r.sharedWorks.length > 0)
    .sort((a, b) => score(b) - score(a) || a.paper.data.title.localeCompare(b.paper.data.title))
    .slice(0, limit);
}

/** Shared theories weigh most, then cited works, then themes. */
const score = (r: Relation) => r.sharedTheories.length * 3 + r.sharedWorks.length * 2 + r.sharedThemes.length;
