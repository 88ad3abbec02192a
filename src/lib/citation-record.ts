/** A paper as citations see it: authors resolved, its page's absolute URL, and its CSL-JSON item. */
import { citablePaper, cslItem, type CitablePaper, type CslItem } from './bibliographic-record.ts';
import type { Corpus, Paper } from './corpus-load.ts';
import { absoluteUrl, paperPath } from './urls.ts';

export function citationRecord(corpus: Corpus, paper: Paper): { citable: CitablePaper; pageUrl: string; item: CslItem } {
  const pageUrl = absoluteUrl(paperPath(paper.id));
  const citable = citablePaper(paper.data, (id) => corpus.byId.authors.get(id)!.data);
  return { citable, pageUrl, item: cslItem(citable, pageUrl) };
}
