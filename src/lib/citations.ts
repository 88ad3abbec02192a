/**
 * In-text citations: "(Rashid, 2000)", "(Khan & Khan, 2024; Rubin, 2002b)",
 * "Siddiqi (2011)". One rule finds them and matches each to a reference entry
 * by the same surname-year key the entries get (references.ts); a citation
 * whose key is not in the list stays plain and is reported.
 */
import type { Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { passagesOf, type Passage } from './passages.ts';
import { referenceKey } from './references.ts';

export interface InTextCitation {
  /** The cited part as printed, e.g. "Rashid, 2000" (for "Siddiqi (2011)", just "2011"). */
  text: string;
  /** How a reader would name it: the part, or for the narrative form "Siddiqi (2011)". */
  label: string;
  /** Offset of `text` in the passage text. */
  start: number;
  key: string;
}

const year = /\b(?:1[89]|20)\d\d[a-z]?\b/;
const parenthetical = /\(([^()]*?\b(?:1[89]|20)\d\d[a-z]?\b[^()]*)\)/g;

export function citationsIn(text: string): InTextCitation[] {
  const found: InTextCitation[] = [];
  for (const group of text.matchAll(parenthetical)) {
    const inner = group[1]!;
    const innerStart = group.index + 1;
    let offset = 0;
    for (const rawPart of inner.split(';')) {
      const partStart = innerStart + offset + (rawPart.length - rawPart.trimStart().length);
      offset += rawPart.length + 1;
      const part = rawPart.trim();
      if (!year.test(part)) continue;
      const hasName = /^[^\d]*\p{Lu}/u.test(part.slice(0, part.search(year)));
      if (hasName) {
        found.push({ text: part, label: part, start: partStart, key: referenceKey(part) });
      } else {
        // Narrative form "Siddiqi (2011)": the name stands before the bracket.
        const before = text.slice(0, group.index).match(/(\p{Lu}[\p{L}'’-]+)(?: et al\.| and [\p{L}'’-]+| & [\p{L}'’-]+)?\s*$/u);
        if (before) found.push({ text: part, label: `${before[1]} (${part})`, start: partStart, key: referenceKey(`${before[1]} ${part}`) });
      }
    }
  }
  return found;
}

export interface PlacedCitation {
  passage: Passage;
  key: string;
  label: string;
  /** Whether the page links it to a reference entry. */
  linked: boolean;
}

/**
 * Every in-text citation of a rendered body, in order, and whether the page
 * links it. Unlinked ones are those whose paper has no list, whose entry is
 * missing, whose names and years disagree, or that a page-break note splits.
 * Read from the rendered tree, so it reports exactly what the page shows.
 */
export function placedCitations(tree: Root): PlacedCitation[] {
  const passages = passagesOf(tree);
  return selectAll('[data-passage]', tree).flatMap((element, i) => {
    const linked = selectAll('a.citation', element).map((a) => toText(a));
    return citationsIn(passages[i]!.text).map((c) => ({ passage: passages[i]!, key: c.key, label: c.label, linked: linked.includes(c.text) }));
  });
}
