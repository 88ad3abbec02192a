/**
 * Numbers the body's passages (src/lib/passages.ts holds the rule). The
 * numbers are drawn in the margin by a CSS counter of the `data-passage` marks, so they add no
 * text to the page or to a copied paragraph. A table, also a passage, gets
 * a visible number and caption above it and its own scroll box.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { editionAddedProperty } from '../lib/edition-notes.ts';
import { numberPassages, passageNumber } from '../lib/passages.ts';
import { frontmatterOf } from './frontmatter.ts';

export function rehypePassages() {
  return (tree: Root, file: VFile) => {
    const referencesHeading = frontmatterOf(file).edition?.referencesHeading ?? null;
    const { passages } = numberPassages(tree, referencesHeading);
    const sections = new Map(passages.map((p) => [p.number, p.section]));
    let tables = 0;
    const wrapTables = (parent: Root | Element) => {
      parent.children = parent.children.map((node): RootContent => {
        if (node.type !== 'element') return node;
        if (node.tagName !== 'table' || node.properties.dataPassage === undefined) {
          wrapTables(node);
          return node;
        }
        tables += 1;
        const n = passageNumber(String(node.properties.id));
        return tableFigure(node, tables, n, sections.get(n) ?? '');
      }) as typeof parent.children;
    };
    wrapTables(tree);
  };
}

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string) => ({ type: 'text' as const, value });

/**
 * A table as a figure: "Table N · ¶ P" (a link to its address, as a paragraph
 * number is) and an editorial caption, since the sources print none; both are
 * marked as added by the edition and left out of search and copied text.
 */
function tableFigure(table: Element, n: number, passage: number, section: string): Element {
  const label = `Table ${n}`;
  return el('figure', { className: ['edition-table'] }, [
    el('figcaption', { [editionAddedProperty]: '' }, [
      el('a', { href: `#p${passage}` }, [text(`${label} · ¶ ${passage}`)]),
      text(` — numbered by the edition${section ? `; in “${section}”` : ''}.`),
    ]),
    el('section', { className: ['table-scroll'], tabIndex: 0, ariaLabel: label }, [table]),
  ]);
}
