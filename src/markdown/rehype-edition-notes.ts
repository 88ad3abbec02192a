/**
 * Renders inline `{{ed:…}}` marks as edition notes, apart from the author's
 * text: a join is an empty mark (its label is its accessible name and is drawn
 * by CSS from the title, so it is never copied with the text); a note that
 * carries source text (page furniture, a placeholder) keeps that text, which
 * copying skips (user-select: none in edition.css) and fidelity still counts.
 */
import type { ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { placeOf } from './frontmatter.ts';
import { editionAddedProperty, editionNoteKinds, editionNoteOpening, splitEditionNotes, type EditionNoteSegment } from '../lib/edition-notes.ts';

export function rehypeEditionNotes() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !editionNoteOpening.test(node.value)) return;
      let segments: EditionNoteSegment[];
      try {
        segments = splitEditionNotes(node.value);
      } catch (error) {
        throw new Error(`${placeOf(file, node)}: ${(error as Error).message}`);
      }
      // A join sits between two words: one space around it is enough, so a copied sentence reads as the author wrote it.
      for (let i = 1; i < segments.length - 1; i++) {
        const [before, mark, after] = [segments[i - 1]!, segments[i]!, segments[i + 1]!];
        if (mark.type === 'note' && mark.kind === 'join' && before.type === 'text' && after.type === 'text' && /\s$/.test(before.value)) {
          after.value = after.value.replace(/^\s+/, '');
        }
      }
      const replacement = segments.map(toHast);
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
}

function toHast(segment: EditionNoteSegment): ElementContent {
  if (segment.type === 'text') return { type: 'text', value: segment.value };
  const { label } = editionNoteKinds[segment.kind];
  if (segment.sourceText === null) {
    return {
      type: 'element',
      tagName: 'span',
      properties: { className: ['edition-note'], dataEditionNote: segment.kind, [editionAddedProperty]: '', role: 'img', ariaLabel: label, title: label },
      children: [],
    };
  }
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['edition-note'], dataEditionNote: segment.kind, title: label },
    children: [{ type: 'text', value: segment.sourceText }],
  };
}
