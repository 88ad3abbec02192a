/**
 * Search records by part of the document. Pagefind filters apply per record,
 * so a paper's abstract, reference list and edition notes become records of
 * their own, read from the paper's built page (no second source of truth):
 * the page itself stays the `Text` record, its numbered passages the
 * sub-results. Records of the other parts link back to the page's anchors.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toText as toString } from 'hast-util-to-text';
import type { Part } from './search-state.ts';

/** Where each part sits on a paper page; the Text record leaves out everything but the body and title. */
const selectors = {
  abstract: 'section[aria-labelledby="abstract"]',
  referenceEntry: 'li[data-reference]',
  editionNotes: 'section.about-edition',
  /** The editors' metadata list (venue, dates, vocabulary links): facets cover it, and it would match every theme name. */
  paperMetadata: '.paper-header dl.meta',
};

/** What Pagefind leaves out of every indexed page: the parts that are records of their own. */
export const textRecordExclusions = [selectors.abstract, selectors.referenceEntry, selectors.paperMetadata];

/** A paper page is the Text record: it carries the `part:Text` filter. */
export const isTextRecordPage = (html: string) => html.includes('data-pagefind-filter="part:Text"');

export interface PartRecord {
  part: Exclude<Part, 'Text' | 'Claims'>;
  /** The paper page's URL with the anchor of the part. */
  url: string;
  /** A small HTML document for Pagefind: the part's content with the paper's filters and sort. */
  html: string;
}

const el = (tagName: string, properties: Element['properties'], children: Element['children']): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string) => ({ type: 'text' as const, value });

/**
 * The part records of one built paper page at `pageUrl` ("/papers/x/").
 * Throws, naming the page, when the page lacks what every paper page has.
 */
export function partRecords(pageHtml: string, pageUrl: string): PartRecord[] {
  const tree: Root = fromHtml(pageHtml);
  const title = select('[data-pagefind-meta="title"]', tree);
  if (!title) throw new Error(`${pageUrl}: expected a paper title marked data-pagefind-meta="title"`);
  const keep = selectAll('[data-pagefind-filter], [data-pagefind-sort]', tree)
    .filter((e) => !String(e.properties.dataPagefindFilter ?? '').startsWith('part:'))
    .map((e) => el('span', { dataPagefindFilter: e.properties.dataPagefindFilter, dataPagefindSort: e.properties.dataPagefindSort }, []));
  const titleText = toString(title);

  const record = (part: PartRecord['part'], anchor: string, body: Element['children']): PartRecord => {
    const doc = el('html', { lang: 'en' }, [
      el('head', {}, [el('title', {}, [text(part)])]),
      el('body', {}, [
        el('main', { dataPagefindBody: '' }, [
          el('div', { hidden: true }, [
            ...keep,
            el('span', { dataPagefindFilter: `part:${part}` }, []),
            el('span', { dataPagefindMeta: 'title[data-title]', dataTitle: titleText }, []),
          ]),
          ...body,
        ]),
      ]),
    ]);
    return { part, url: `${pageUrl}#${anchor}`, html: `<!doctype html>${toHtml(doc)}` };
  };

  const records: PartRecord[] = [];
  const abstract = select(selectors.abstract, tree);
  const abstractParas = abstract ? selectAll('p:not(.not-stated)', abstract) : [];
  if (abstractParas.length) {
    records.push(record('Abstract', 'abstract', [el('div', { id: 'abstract', dataPagefindTitle: 'Abstract' }, abstractParas.map((p) => el('p', {}, p.children)))]));
  }
  const entries = selectAll(selectors.referenceEntry, tree);
  if (entries.length) {
    const heading = entries[0] && headingBefore(tree, entries[0]);
    records.push(record('References', heading ?? entries[0]!.properties.id as string,
      entries.map((li) => el('p', { id: li.properties.id, dataPagefindTitle: li.properties.dataPagefindTitle }, li.children))));
  }
  const notes = select(selectors.editionNotes, tree);
  const notesHeading = notes && select('h2[id]', notes);
  if (!notes || !notesHeading) throw new Error(`${pageUrl}: expected the edition notes section with an h2 id`);
  const anchor = String(notesHeading.properties.id);
  records.push(record('Edition notes', anchor, [
    el('div', { id: anchor, dataPagefindTitle: 'About this edition' }, notes.children.filter((c) => c !== notesHeading)),
  ]));
  return records;
}

/** The id of the last heading with an id before `target` in document order (the reference list's heading). */
function headingBefore(tree: Root, target: Element): string | null {
  let last: string | null = null;
  let found = false;
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (found || child.type !== 'element') continue;
      if (child === target) { found = true; return; }
      if (/^h[1-6]$/.test(child.tagName) && child.properties.id) last = String(child.properties.id);
      walk(child);
    }
  };
  walk(tree);
  return last;
}
