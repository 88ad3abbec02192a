/**
 * Vocabulary descriptions name papers by their source number ("000" for the
 * source file 000_….txt), as the editors wrote them. For readers, each such
 * number is shown as the paper's short label, linked to the paper.
 */

export type DescriptionSegment = { type: 'text'; value: string } | { type: 'paper'; id: string };

/** A three-digit number standing alone (not part of "1,000" or "2.000"). */
const sourceNumber = /(?<![\d,.])\b(\d{3})\b(?![,.]?\d)/g;

/** The source number of a paper: the digits before the underscore of its source file's name. */
export const sourceNumberOf = (sourceFile: string) => sourceFile.match(/^(\d{3})_/)?.[1] ?? null;

/** Splits a description into text and references to papers, by the papers' source numbers; other numbers stay text. */
export function splitPaperReferences(description: string, papersBySourceNumber: Map<string, string>): DescriptionSegment[] {
  const segments: DescriptionSegment[] = [];
  let last = 0;
  for (const match of description.matchAll(sourceNumber)) {
    const id = papersBySourceNumber.get(match[1]!);
    if (!id) continue;
    if (match.index > last) segments.push({ type: 'text', value: description.slice(last, match.index) });
    segments.push({ type: 'paper', id });
    last = match.index + match[0].length;
  }
  if (last < description.length) segments.push({ type: 'text', value: description.slice(last) });
  return segments;
}
