/**
 * The corpus model, as pages, tools and tests import it. Each job has its own
 * module: loading and resolving (corpus-load.ts), a paper's edition as data
 * (edition.ts), views derived from the whole corpus (corpus-views.ts) and a
 * paper as citations see it (citation-record.ts). This module gathers them.
 */
import { loadCorpus, type Paper } from './corpus-load.ts';
import type { Edition } from './edition.ts';

export { claimFields, loadCorpus, resolveRef } from './corpus-load.ts';
export type { Author, Claim, Corpus, Method, Paper, Quantity, ResolvedClaim, ResolvedPaper, Theme, Theory } from './corpus-load.ts';
export type { Edition } from './edition.ts';
export { claimFacetPages, claimFacetPaperPath, claimIndexPath, claimsIndexPages, corpusWorksCited, documentTypeLabels, documentTypeSummary, entryPages, paperMatches, papersFor, paperYear, papersInOrder, passagesByPaper, relatedTo, spellingGroups, themeMatrix, vocabularies, workPath, worksCitedPages } from './corpus-views.ts';
export type { PaperMatches, Vocabulary } from './corpus-views.ts';
export { citationRecord } from './citation-record.ts';

/** A paper's numbered passages, reference entries and in-text citations, read once per build. */
export async function editionStructure(paper: Paper): Promise<Edition> {
  return (await loadCorpus()).paper(paper).edition;
}

/** In-text citations the edition could not link to a reference entry: listed, never hidden. */
export const unlinkedCitations = async (paper: Paper) => (await editionStructure(paper)).citations.filter((c) => !c.linked);
