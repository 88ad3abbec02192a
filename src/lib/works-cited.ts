/**
 * The works cited across the corpus: reference entries and in-text citations
 * of every paper, grouped by the same surname-year key that links a
 * citation to its entry, so a work cited by several papers shows once.
 */
import type { PlacedCitation } from './citations.ts';
import type { ReferenceEntry } from './passages.ts';
import { referenceKeyOf } from './references.ts';

export interface PaperCitations<P> {
  paper: P;
  references: ReferenceEntry[];
  citations: PlacedCitation[];
}

export interface CitedWork<P> {
  key: string;
  /** The entry as the first listing paper prints it; null when only cited in the text. */
  entry: string | null;
  byPaper: { paper: P; reference: ReferenceEntry | null; citations: PlacedCitation[] }[];
}

export function worksCited<P>(papers: PaperCitations<P>[]): CitedWork<P>[] {
  const works = new Map<string, CitedWork<P>>();
  const work = (key: string) => {
    let w = works.get(key);
    if (!w) works.set(key, (w = { key, entry: null, byPaper: [] }));
    return w;
  };
  for (const { paper, references, citations } of papers) {
    const slot = (key: string) => {
      const w = work(key);
      let s = w.byPaper.find((b) => b.paper === paper);
      if (!s) w.byPaper.push((s = { paper, reference: null, citations: [] }));
      return { w, s };
    };
    for (const reference of references) {
      const { w, s } = slot(referenceKeyOf(reference.id)!);
      s.reference = reference;
      w.entry ??= reference.text;
    }
    for (const citation of citations) slot(citation.key).s.citations.push(citation);
  }
  return [...works.values()].sort((a, b) => a.key.localeCompare(b.key));
}
