/**
 * Links in-text citations to their entry in the paper's reference list
 * (`#ref-<key>`); a citation with no matching entry stays plain text.
 * Runs after passage numbering, which gives the entries their ids.
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { citationsIn } from '../lib/citations.ts';
import { referenceEntryElements } from '../lib/passages.ts';
import { referenceId, referenceKeyOf } from '../lib/references.ts';

export function rehypeCitationLinks() {
  return (tree: Root) => {
    const keys = new Set(referenceEntryElements(tree).map((entry) => referenceKeyOf(String(entry.properties.id))).filter((key) => key !== null));
    if (keys.size === 0) return;
    visit(tree, 'element', (passage: Element) => {
      if (passage.properties.dataPassage === undefined) return;
      visit(passage, 'text', (node, index, parent) => {
        if (!parent || index === undefined || (parent.type === 'element' && parent.tagName === 'a')) return;
        const linked = citationsIn(node.value).filter((c) => keys.has(c.key));
        if (!linked.length) return;
        const parts: ElementContent[] = [];
        let last = 0;
        for (const c of linked) {
          if (c.start > last) parts.push({ type: 'text', value: node.value.slice(last, c.start) });
          parts.push({ type: 'element', tagName: 'a', properties: { className: ['citation'], href: `#${referenceId(c.key)}` }, children: [{ type: 'text', value: c.text }] });
          last = c.start + c.text.length;
        }
        if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
        parent.children.splice(index, 1, ...parts);
        return [SKIP, index + parts.length];
      });
      return SKIP;
    });
  };
}
