/**
 * Short human labels for papers, defined once and used wherever a page names
 * a paper in little space (the theme matrix, vocabulary summaries, facets,
 * claim cards): author–year from the stated authors and year, or a short
 * title where the source names no author. Never the paper's internal id.
 */
import { shortTitle } from './short-title.ts';

interface LabelAuthor {
  name: string;
  nameParts?: { family: string } | null;
}

/** The words a label gives for a paper's authors: family names where the source shows them, else the name as printed. */
export function authorsLabel(authors: LabelAuthor[]): string {
  const names = authors.map((a) => a.nameParts?.family ?? a.name);
  if (names.length <= 2) return names.join(' & ');
  return `${names[0]} et al.`;
}

/** A paper's label: author–year ("Ali et al. 2025"), or the short title citations use, then the year or "n.d.". */
export function paperLabel(title: string, authors: LabelAuthor[], year: string | null): string {
  return `${authors.length ? authorsLabel(authors) : shortTitle(title)} ${year ?? 'n.d.'}`;
}

/** The labels of every paper in a corpus, by paper id; two papers with one label are told apart by a, b, … after the year. */
export function paperLabels<P extends { id: string; data: { title: string } }>(
  papers: P[],
  authorsOf: (paper: P) => LabelAuthor[],
  yearOf: (paper: P) => string | null,
): Map<string, string> {
  const raw = papers.map((p) => ({ id: p.id, label: paperLabel(p.data.title, authorsOf(p), yearOf(p)) }));
  const seen = new Map<string, number>();
  for (const r of raw) seen.set(r.label, (seen.get(r.label) ?? 0) + 1);
  const used = new Map<string, number>();
  return new Map(raw.map((r) => {
    if (seen.get(r.label)! === 1) return [r.id, r.label];
    const i = used.get(r.label) ?? 0;
    used.set(r.label, i + 1);
    return [r.id, `${r.label}${String.fromCharCode(97 + i)}`];
  }));
}
