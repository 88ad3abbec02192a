/**
 * After each entry of a paper's reference list, links back to every
 * paragraph whose in-text citations point at it (rehype-citation-links.ts
 * makes those links). Added by the edition: left out of the entry's text,
 * of search and of a copied entry.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { editionAddedProperty } from '../lib/edition-notes.ts';
import { passageNumber, referenceEntryElements } from '../lib/passages.ts';
import { referenceKeyOf } from '../lib/references.ts';

export function rehypeReferenceBacklinks() {
  return (tree: Root) => {
    const citing = new Map<string, number[]>();
    visit(tree, 'element', (passage: Element) => {
      if (passage.properties.dataPassage === undefined) return;
      const n = passageNumber(String(passage.properties.id));
      visit(passage, 'element', (link: Element) => {
        const href = String(link.properties.href ?? '');
        if (link.tagName !== 'a' || !href.startsWith('#') || referenceKeyOf(href.slice(1)) === null) return;
        const list = citing.get(href.slice(1)) ?? [];
        if (list.at(-1) !== n) list.push(n);
        citing.set(href.slice(1), list);
      });
    });
    for (const entry of referenceEntryElements(tree)) {
      const numbers = citing.get(String(entry.properties.id));
      if (!numbers) continue;
      entry.children.push({
        type: 'element',
        tagName: 'span',
        properties: { className: ['backlinks'], [editionAddedProperty]: '' },
        children: [
          { type: 'text', value: 'cited in ' },
          ...numbers.flatMap((n, i) => [
            ...(i > 0 ? [{ type: 'text' as const, value: ' ' }] : []),
            { type: 'element' as const, tagName: 'a', properties: { href: `#p${n}` }, children: [{ type: 'text' as const, value: `¶ ${n}` }] },
          ]),
        ],
      });
    }
  };
}
