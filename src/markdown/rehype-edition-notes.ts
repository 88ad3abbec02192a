/** Renders inline `{{ed:…}}` marks as edition notes, styled apart from the author's text. */
import type { Element, ElementContent, Root, Text } from 'hast';
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
      const replacement = segments.map(toHast);
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
}

function toHast(segment: EditionNoteSegment): ElementContent {
  if (segment.type === 'text') return { type: 'text', value: segment.value };
  const label: Element = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['edition-note__label'], [editionAddedProperty]: '' },
    children: [{ type: 'text', value: `[${editionNoteKinds[segment.kind].label}${segment.sourceText === null ? '' : ':'}]` }],
  };
  const children: ElementContent[] = [label];
  if (segment.sourceText !== null) {
    children.push(
      { type: 'text', value: ' ' },
      { type: 'element', tagName: 'span', properties: { className: ['edition-note__source'] }, children: [{ type: 'text', value: segment.sourceText }] },
    );
  }
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['edition-note'], dataEditionNote: segment.kind, dataPagefindIgnore: '' },
    children,
  };
}
