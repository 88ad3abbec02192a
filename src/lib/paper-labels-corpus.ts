/** Paper labels and lengths for the loaded corpus (paper-labels.ts holds the rule). */
import { citationRecord, paperYear, type Corpus, type Paper } from './corpus.ts';
import { paperLabels } from './paper-labels.ts';

const labelsByCorpus = new WeakMap<Corpus, Map<string, string>>();

/** Every paper's short label, by paper id: author–year as citations divide the names, or the short title. */
export function corpusPaperLabels(corpus: Corpus): Map<string, string> {
  let labels = labelsByCorpus.get(corpus);
  if (!labels) {
    labels = paperLabels(corpus.papers, (p) => citationRecord(corpus, p).citable.authors, paperYear);
    labelsByCorpus.set(corpus, labels);
  }
  return labels;
}

/** The number of words in a paper's passages (its text as the edition numbers it). */
export const paperWords = (corpus: Corpus, paper: Paper) =>
  corpus.paper(paper).edition.passages.reduce((n, passage) => n + passage.text.split(/\s+/).filter(Boolean).length, 0);
