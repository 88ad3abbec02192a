/**
 * Passages: the numbered units of a paper's body. This module is the one
 * definition of paragraph numbering; the renderer, search records, citations,
 * claims and tests all go through it.
 *
 * The rule: in document order, every paragraph, every list item and every
 * table of the body is a passage, numbered from 1 and addressed as `#p<N>`;
 * its number is carried by that id alone (a bare `data-passage` marks it, and
 * CSS counts the marks to draw the margin numbers), so no digits are written
 * twice on a page.
 * A paragraph inside a list item belongs to that item. Headings are not
 * passages. Entries of the reference list are not numbered; they are
 * addressed as `#ref-<key>` instead (see references.ts), and the list that
 * holds them is marked once (`ul.references`), not each entry.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { editionAddedProperty } from './edition-notes.ts';
import { referenceId, referenceKeys } from './references.ts';

export interface Passage {
  number: number;
  id: string;
  /** The heading of the section the passage sits in ('' before the first heading). */
  section: string;
  /** The passage's words as the source prints them (edition labels left out). */
  text: string;
}

export interface ReferenceEntry {
  id: string;
  text: string;
}

export const passageId = (n: number) => `p${n}`;
/** The class of a paper's reference list; its items are the entries. */
export const referenceListClass = 'references';
/** A built page's reference entries, for CSS, scripts and readers of built pages. */
export const referenceEntrySelector = `.${referenceListClass} > li[id]`;
/** A passage's number, read back from its id or anchor ("p12" → 12). */
export const passageNumber = (id: string) => Number(id.slice(1));
const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Text of an element without what the edition added (labels, numbers). */
export function sourceText(node: Root | Element): string {
  const strip = (n: Element): Element => ({
    ...n,
    children: n.children
      .filter((c) => !(c.type === 'element' && editionAddedProperty in c.properties))
      .map((c) => (c.type === 'element' ? strip(c) : c)),
  });
  const root: Element = node.type === 'root'
    ? { type: 'element', tagName: 'div', properties: {}, children: node.children as ElementContent[] }
    : node;
  return toText(strip(root), { whitespace: 'normal' }).replace(/\s+/g, ' ').trim();
}

/**
 * Numbers the passages of a rendered body in place: sets `id` and the bare
 * `data-passage` marker, marks the reference list and gives its entries
 * their `ref-<key>` ids.
 * A passage's section is not written into the page (it would weigh on every
 * paragraph): passagesOf reads it back from the headings, here too.
 */
export function numberPassages(tree: Root, referencesHeading: string | null): { passages: Passage[]; references: ReferenceEntry[] } {
  let count = 0;
  const referenceItems: Element[] = [];
  let inReferences = false;
  let referencesLevel = 0;

  const walk = (nodes: (RootContent | ElementContent)[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (headingTags.has(node.tagName)) {
        const level = Number(node.tagName[1]);
        if (inReferences && level <= referencesLevel) inReferences = false;
        if (referencesHeading !== null && sourceText(node) === referencesHeading) {
          inReferences = true;
          referencesLevel = level;
        }
        continue;
      }
      if (inReferences && (node.tagName === 'ul' || node.tagName === 'ol')) {
        node.properties = { ...node.properties, className: [...[node.properties.className ?? []].flat().map(String), referenceListClass] };
        referenceItems.push(...listItems(node));
        continue;
      }
      if (!inReferences && (node.tagName === 'p' || node.tagName === 'li' || node.tagName === 'table')) {
        count += 1;
        node.properties = { ...node.properties, id: passageId(count), dataPassage: '' };
        // Items nested in this list item are passages of their own.
        if (node.tagName === 'li') walk(node.children);
        continue;
      }
      walk(node.children);
    }
  };
  walk(tree.children);

  const texts = referenceItems.map((item) => sourceText(item));
  const keys = referenceKeys(texts);
  const references = referenceItems.map((item, i) => {
    const id = referenceId(keys[i]!);
    // The entry's key is read back from its id (referenceKeyOf).
    item.properties = { ...item.properties, id };
    return { id, text: texts[i]! };
  });
  // Read back as every later reader reads them: one rule for a passage's text and section.
  return { passages: passagesOf(tree), references };
}

/** Reads the passages back from a body the renderer has already numbered; a passage's section is the last heading before it. */
export function passagesOf(tree: Root): Passage[] {
  const found: Passage[] = [];
  let section = '';
  const walk = (nodes: (RootContent | ElementContent)[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (headingTags.has(node.tagName)) {
        section = sourceText(node);
        continue;
      }
      if (node.properties?.dataPassage !== undefined) found.push({ number: passageNumber(String(node.properties.id)), id: String(node.properties.id), section, text: sourceText(node) });
      walk(node.children);
    }
  };
  walk(tree.children);
  return found;
}

const listItems = (list: Element) => list.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
const isReferenceList = (node: Element) => [node.properties.className].flat().includes(referenceListClass);

/** The reference entries of a rendered body, as elements. */
export function referenceEntryElements(tree: Root): Element[] {
  const found: Element[] = [];
  const walk = (nodes: (RootContent | ElementContent)[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (isReferenceList(node)) found.push(...listItems(node));
      else walk(node.children);
    }
  };
  walk(tree.children);
  return found;
}

/** Reads the reference entries back from a rendered body. */
export const referencesOf = (tree: Root): ReferenceEntry[] => referenceEntryElements(tree).map((li) => ({ id: String(li.properties.id), text: sourceText(li) }));
