/**
 * The data the notebook page reads, written at build time so that a notebook
 * holds addresses only and a shared notebook opens in a browser that never
 * visited the papers. Every fact comes from the one definition the pages use:
 * passage words from passages.ts (edition labels left out, as copying a
 * paragraph gives them), themes from theme-passages.ts, references and
 * pinpoints from the same CSL processor and styles as the cite panel, and
 * moved pages and errata from the permanence record.
 */
import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { buildContentDir } from './content-dir.ts';
import { citationStyles, formatInTextCitation, formatReference, paragraphPlaceholder } from './citation-styles.ts';
import { citationRecord, paperMatches, paperYear, type Corpus, type Paper } from './corpus.ts';
import { readPermanenceRecord, textHash } from './permanence.ts';
import { corpusProtectedWords } from './title-case.ts';
import { notebookDataPath, paperCitationPath } from './urls.ts';

/** A stretch of a formatted reference: its text, and whether the style sets it in italics. */
export interface Run {
  text: string;
  italic?: true;
}

export interface NotebookCorpus {
  /** Paper id → what the notebook lists before loading the paper's own data. */
  papers: Record<string, { title: string; year: string | null; data: string }>;
  /** Claim id → the paper it quotes. */
  claims: Record<string, string>;
  /** Theme id → name, in the site's order (by name). */
  themes: Record<string, string>;
  styles: { id: string; label: string }[];
  /** Old page URL → new page URL, from the permanence record. */
  redirects: Record<string, string>;
  /** Corrected anchors: page, anchor and what changed, from the permanence record. */
  errata: { page: string; anchor: string; note: string }[];
}

export interface NotebookPaper {
  id: string;
  title: string;
  /** The paper page's absolute, stable URL; a paragraph's is this plus "#p<N>". */
  url: string;
  /** Per citation style: the reference entry, and the in-text citation with a placeholder for the paragraph number. */
  styles: Record<string, { reference: Run[]; pinpoint: string }>;
  placeholder: string;
  /** The citation downloads the site already publishes for the paper (BibTeX, RIS). */
  downloads: { bib: string; ris: string };
  /** Anchor → number, words, text hash (as the permanence record computes it) and the themes it treats. */
  passages: Record<string, { n: number; text: string; hash: string; themes: string[] }>;
  /** Claim id → the passage it quotes, the quotation and its themes. */
  claims: Record<string, { anchor: string; quotation: string; themes: string[] }>;
}

/** A style's reference entry as runs of text, keeping the italics (the only markup the four styles print). */
export function referenceRuns(html: string): Run[] {
  const runs: Run[] = [];
  const walk = (nodes: ElementContent[], italic: boolean) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const last = runs.at(-1);
        if (last && !!last.italic === italic) last.text += node.value;
        else runs.push(italic ? { text: node.value, italic: true } : { text: node.value });
      } else if (node.type === 'element') {
        walk(node.children, italic || node.tagName === 'i' || node.tagName === 'em');
      }
    }
  };
  walk(fromHtml(html, { fragment: true }).children as ElementContent[], false);
  return runs;
}

export async function notebookCorpus(corpus: Corpus): Promise<NotebookCorpus> {
  const record = readPermanenceRecord(buildContentDir);
  return {
    papers: Object.fromEntries(corpus.papers.map((p) => [p.id, { title: p.data.title, year: paperYear(p), data: notebookDataPath(`papers/${p.id}`) }])),
    claims: Object.fromEntries(corpus.claims.map((c) => [c.id, c.data.paper.id])),
    themes: Object.fromEntries(corpus.themes.map((t) => [t.id, t.data.name])),
    styles: citationStyles.map(({ id, label }) => ({ id, label })),
    redirects: record.redirects,
    errata: record.errata.map(({ page, anchor, note }) => ({ page, anchor, note })),
  };
}

export async function notebookPaper(corpus: Corpus, paper: Paper): Promise<NotebookPaper> {
  const { pageUrl, item } = citationRecord(corpus, paper);
  const words = corpusProtectedWords(corpus);
  const passages = corpus.paper(paper).edition.passages;
  // Per passage, the themes whose names it prints, the most often named first.
  const found = new Map<string, { theme: string; count: number }[]>();
  for (const theme of corpus.themes) {
    for (const match of paperMatches(corpus, paper, theme.data.aliases)) {
      found.set(match.passage.id, [...(found.get(match.passage.id) ?? []), { theme: theme.id, count: match.found.length }]);
    }
  }
  return {
    id: paper.id,
    title: paper.data.title,
    url: pageUrl,
    styles: Object.fromEntries(citationStyles.map((s) => [s.id, { reference: referenceRuns(formatReference(item, s.id, words)), pinpoint: formatInTextCitation(item, s.id, words, paragraphPlaceholder) }])),
    placeholder: paragraphPlaceholder,
    downloads: { bib: paperCitationPath(paper.id, 'bib'), ris: paperCitationPath(paper.id, 'ris') },
    passages: Object.fromEntries(passages.map((p) => [p.id, {
      n: p.number,
      text: p.text,
      hash: textHash(p.text),
      themes: (found.get(p.id) ?? []).sort((a, b) => b.count - a.count).map((t) => t.theme),
    }])),
    claims: Object.fromEntries(corpus.claims.filter((c) => c.data.paper.id === paper.id).map((c) => [c.id, {
      anchor: c.data.passage,
      quotation: c.data.quotation,
      themes: c.data.themes.map((t) => t.id),
    }])),
  };
}
