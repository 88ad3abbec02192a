/**
 * Numbers the body's passages (src/lib/passages.ts holds the rule) and gives
 * each paragraph and list item a visible permalink number in the margin.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { editionAddedProperty } from '../lib/edition-notes.ts';
import { numberPassages } from '../lib/passages.ts';
import { frontmatterOf } from './frontmatter.ts';

export function rehypePassages() {
  return (tree: Root, file: VFile) => {
    const referencesHeading = frontmatterOf(file).edition?.referencesHeading ?? null;
    numberPassages(tree, referencesHeading);
    const addNumbers = (node: Root | Root['children'][number]) => {
      if (node.type !== 'root' && node.type !== 'element') return;
      if (node.type === 'element' && node.properties.dataPassage !== undefined && node.tagName !== 'table') {
        const n = String(node.properties.dataPassage);
        node.children.unshift({
          type: 'element',
          tagName: 'a',
          properties: { className: ['passage-number'], href: `#p${n}`, [editionAddedProperty]: '', dataPagefindIgnore: '', ariaLabel: `Paragraph ${n}` },
          children: [{ type: 'text', value: n }],
        });
      }
      for (const child of node.children) addNumbers(child as Root['children'][number]);
    };
    addNumbers(tree);
  };
}
