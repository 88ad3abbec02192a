/** Related papers: others that share themes, theories or cited works with a paper, with the reason shown. */
import type { Corpus, Paper } from './corpus.ts';

export interface Relation {
  paper: Paper;
  sharedThemes: string[];
  sharedTheories: string[];
  /** Works both papers cite, by surname-year key (works-cited.ts). */
  sharedWorks: string[];
}

/** `citedWorks` maps each paper id to the keys of the works it cites. */
export function relatedPapers(corpus: Corpus, paper: Paper, citedWorks: Map<string, Set<string>>, limit = 4): Relation[] {
  const name = (list: { id: string; data: { name: string } }[], id: string) => list.find((e) => e.id === id)!.data.name;
  const shared = (a: { id: string }[], b: { id: string }[]) => a.filter((x) => b.some((y) => y.id === x.id)).map((x) => x.id);
  return corpus.papers
    .filter((other) => other.id !== paper.id)
    .map((other) => ({
      paper: other,
      sharedThemes: shared(paper.data.themes, other.data.themes).map((id) => name(corpus.themes, id)),
      sharedTheories: shared(paper.data.theories, other.data.theories).map((id) => name(corpus.theories, id)),
      sharedWorks: [...(citedWorks.get(paper.id) ?? [])].filter((k) => citedWorks.get(other.id)?.has(k)).sort(),
    }))
    .filter((r) => r.sharedThemes.length + r.sharedTheories.length + r.sharedWorks.length > 0)
    .sort((a, b) => score(b) - score(a) || a.paper.data.title.localeCompare(b.paper.data.title))
    .slice(0, limit);
}

/** Shared theories weigh most, then cited works, then themes. */
const score = (r: Relation) => r.sharedTheories.length * 3 + r.sharedWorks.length * 2 + r.sharedThemes.length;
