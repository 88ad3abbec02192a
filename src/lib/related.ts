/** Related papers: others that share themes or theories with a paper, with the reason shown. */
import type { Corpus, Paper } from './corpus.ts';

export interface Relation {
  paper: Paper;
  sharedThemes: string[];
  sharedTheories: string[];
}

export function relatedPapers(corpus: Corpus, paper: Paper, limit = 4): Relation[] {
  const name = (list: { id: string; data: { name: string } }[], id: string) => list.find((e) => e.id === id)!.data.name;
  const shared = (a: { id: string }[], b: { id: string }[]) => a.filter((x) => b.some((y) => y.id === x.id)).map((x) => x.id);
  return corpus.papers
    .filter((other) => other.id !== paper.id)
    .map((other) => ({
      paper: other,
      sharedThemes: shared(paper.data.themes, other.data.themes).map((id) => name(corpus.themes, id)),
      sharedTheories: shared(paper.data.theories, other.data.theories).map((id) => name(corpus.theories, id)),
    }))
    .filter((r) => r.sharedThemes.length + r.sharedTheories.length > 0)
    .sort((a, b) => b.sharedTheories.length * 2 + b.sharedThemes.length - (a.sharedTheories.length * 2 + a.sharedThemes.length) || a.paper.data.title.localeCompare(b.paper.data.title))
    .slice(0, limit);
}
