/**
 * From a notebook item's permanent address to the text it points at today:
 * a moved page is followed to its new address, an erratum is told, and a
 * paragraph whose words differ from those the student first saw says so.
 * Pure: the notebook page and the tests give it the build's data.
 */
import { parseRef, type NotebookItem } from './notebook.ts';
import type { NotebookCorpus, NotebookPaper } from './notebook-data.ts';

export interface ResolvedItem {
  item: NotebookItem;
  kind: 'passage' | 'claim';
  paper: NotebookPaper;
  /** The paragraph's anchor ("p12") on the paper page: for a claim, the paragraph it quotes. */
  anchor: string;
  /** The paragraph number a pinpoint citation gives. */
  n: number;
  /** The words the notebook quotes, as the edition prints them: the paragraph, or the claim's quotation. */
  quotation: string;
  /** The paragraph's text hash now. */
  hash: string;
  /** Themes the item treats, the most likely first. */
  themes: string[];
  /** What changed since the address was published, in words for the student. */
  changes: string[];
}

export interface UnresolvedItem {
  item: NotebookItem;
  problem: string;
}

/** The paper ids whose data a set of items needs (after following moved pages). */
export function papersNeeded(items: NotebookItem[], corpus: NotebookCorpus): string[] {
  const ids = new Set<string>();
  for (const item of items) {
    const target = locate(item.ref, corpus);
    if (target && corpus.papers[target.paper]) ids.add(target.paper);
  }
  return [...ids];
}

/** Where an address points now: the paper, the page (after a move) and the anchor on it. */
function locate(ref: string, corpus: NotebookCorpus): { paper: string; page: string; anchor: string; movedFrom?: string } | null {
  const parsed = parseRef(ref);
  if (!parsed) return null;
  if (parsed.kind === 'claim') {
    const paper = corpus.claims[parsed.claim];
    return paper ? { paper, page: parsed.page, anchor: parsed.claim } : null;
  }
  const page = corpus.redirects[parsed.page] ?? parsed.page;
  const paper = /^\/papers\/([^/]+)\/$/.exec(page)?.[1];
  if (!paper) return null;
  return { paper, page, anchor: parsed.anchor, ...(page !== parsed.page && { movedFrom: parsed.page }) };
}

export function resolveItem(item: NotebookItem, corpus: NotebookCorpus, papers: Map<string, NotebookPaper>): ResolvedItem | UnresolvedItem {
  const target = locate(item.ref, corpus);
  const paper = target && papers.get(target.paper);
  if (!target || !paper) return { item, problem: `Not found in this corpus: ${item.ref}` };
  const changes: string[] = [];
  if (target.movedFrom) changes.push(`The paper moved from ${target.movedFrom} to ${target.page}; this item now opens at its new address.`);
  const erratum = corpus.errata.find((e) => (e.page === target.page || e.page === target.movedFrom) && e.anchor === target.anchor);

  if (parseRef(item.ref)!.kind === 'claim') {
    const claim = paper.claims[target.anchor];
    const passage = claim && paper.passages[claim.anchor];
    if (!claim || !passage) return { item, problem: `Not found in this corpus: ${item.ref}` };
    if (erratum) changes.push(`Corrected: ${erratum.note}`);
    return { item, kind: 'claim', paper, anchor: claim.anchor, n: passage.n, quotation: claim.quotation, hash: passage.hash, themes: claim.themes, changes };
  }
  const passage = paper.passages[target.anchor];
  if (!passage) return { item, problem: `Not found in this corpus: ${item.ref}` };
  if (item.seen && item.seen !== passage.hash) changes.push(`The words of this paragraph changed after you collected it${erratum ? `: ${erratum.note}` : '.'}`);
  else if (erratum) changes.push(`Corrected: ${erratum.note}`);
  return { item, kind: 'passage', paper, anchor: target.anchor, n: passage.n, quotation: passage.text, hash: passage.hash, themes: passage.themes, changes };
}

export const isResolved = (r: ResolvedItem | UnresolvedItem): r is ResolvedItem => 'paper' in r;

/** The theme an item is filed under: the student's choice, else the first theme it treats ('' when none). */
export const themeOf = (r: ResolvedItem) => r.item.theme ?? r.themes[0] ?? '';

/** A paragraph's stable address on the published site (absolute). */
export const paragraphUrl = (r: ResolvedItem) => `${r.paper.url}#${r.anchor}`;
