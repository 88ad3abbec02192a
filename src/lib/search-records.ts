/**
 * The search records, read from the built pages (no second source of truth).
 * A record is what Pagefind scores and what a reader's browser downloads as
 * one fragment, so records are small: each numbered passage of a paper is a
 * record of its own, and so are each section heading, the title and authors,
 * the abstract, each reference entry, the edition notes and each claim. The
 * search page puts a paper's records back together into one result.
 *
 * Every record has its page's filters (`part`, `paper`, `theme` …) as facets,
 * but not as Pagefind filters: the browser does not ask Pagefind for them (a
 * filter-only search per value costs seconds of main thread), and indexing
 * them cost a large corpus's build a fifth of Pagefind's memory. The build
 * writes every record's facets, by Pagefind id, to one small file
 * (recordFacetsFile), from which search groups, sorts and counts results
 * before downloading any record's words; the same file brings the spelling groups.
 */
import type { Element, ElementContent, Root } from 'hast';
import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { editionAddedProperty } from './edition-notes.ts';
import { openingWords } from './excerpts.ts';
import { passageNumber, referenceEntrySelector, sourceText } from './passages.ts';
import { recordKey, type RecordFacetsFile } from './search-results.ts';
import { pageFilter, recordFilter, type Part, type RecordKind } from './search-state.ts';
import type { Job } from './threads.ts';

export interface SearchRecord {
  part: Part;
  kind: RecordKind;
  /** The page URL with the record's anchor (a claim: its page). */
  url: string;
  /** Its facets as [name, value]: its page's filters, its paper page (`page`) and what it is (`record`). */
  facets: [string, string][];
  /** A small HTML document for Pagefind: the record's words, its title and meta. */
  html: string;
}

/** Where things sit on a built page. */
const selectors = {
  claimTitle: '[data-record-title]',
  paperHeader: '.paper-header',
  paperMetadata: '.paper-header dl.meta',
  abstract: 'section[aria-labelledby="abstract"]',
  body: '.edition',
  referenceEntry: referenceEntrySelector,
  editionNotes: 'section.about-edition',
  claimQuotation: 'blockquote[data-record-body]',
  /** The claim's link to the paragraph it quotes. */
  claimParagraph: '.claim .claim-meta a[href*="#p"]',
};

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string) => ({ type: 'text' as const, value });

/**
 * The page's facets as [name, value] pairs, from `data-facet` (Pagefind never
 * reads the pages, so the hooks are the site's own): `name:value`, or `name`
 * with the value as the element's text, or as the text of each link it holds
 * (a paper's themes are one list, marked once).
 */
function pageFilters(tree: Root): [string, string][] {
  return selectAll('[data-facet]', tree).flatMap((e): [string, string][] => {
    const attribute = String(e.properties.dataFacet);
    const colon = attribute.indexOf(':');
    if (colon > 0) return [[attribute.slice(0, colon), attribute.slice(colon + 1)]];
    const links = selectAll('a', e);
    return (links.length ? links : [e]).map((v) => [attribute, toText(v).trim()]);
  });
}

/** Without the labels and marks the edition added (join notes, back-links) and the page furniture it boxes (edition notes holding source text): the author's words only. */
function authorsWords(nodes: ElementContent[]): ElementContent[] {
  return nodes
    .filter((n) => !(n.type === 'element' && (editionAddedProperty in n.properties || 'dataEditionNote' in n.properties)))
    .map((n) => (n.type === 'element' ? { ...n, properties: { ...n.properties, id: undefined, dataFacet: undefined }, children: authorsWords(n.children) } : n));
}

/** The start of the part filter, which only paper and claim pages have. */
const partFilter = 'data-facet="part';

/**
 * The records of one built page at `pageUrl` ("/papers/x/", "/claims/y/"):
 * a paper page's records in reading order, a claim page's one record, or
 * none for other pages. Throws, naming the page, when a paper or claim page
 * lacks what every such page has.
 */
export function searchRecordsOf(pageHtml: string, pageUrl: string, paperPages: string[]): SearchRecord[] {
  // Only paper and claim pages have records (their part filter says which); other pages are not parsed.
  if (!pageHtml.includes(partFilter)) return [];
  const tree: Root = fromHtml(pageHtml);
  const filters = pageFilters(tree);
  const part = filters.find(([name]) => name === 'part')?.[1];
  if (part === 'Text') return paperRecords(tree, pageUrl, filters);
  if (part === 'Claims') return [claimRecord(tree, pageUrl, filters, paperPages)];
  return [];
}

/** A built page's records, read from its file on a thread of the search index (threads.ts); every job is given the paper pages. */
export const pageRecords: Job<{ file: string; url: string }, SearchRecord[], string[]> = {
  run: ({ file, url }, paperPages) => searchRecordsOf(readFileSync(file, 'utf8'), url, paperPages),
  worker: new URL('./search-records-worker.ts', import.meta.url),
};

/** Whether a built page is a paper page (its records are the paper's text). */
export const isPaperPage = (pageHtml: string) => pageHtml.includes(`${partFilter}:Text"`);

/**
 * At least as many as searchRecordsOf gives for the page, known without
 * parsing it: every record but the title and authors has an anchor, so a
 * paper page has at most one more record than elements with an id.
 */
export function recordCountBound(pageHtml: string): number {
  if (!pageHtml.includes(partFilter)) return 0;
  return isPaperPage(pageHtml) ? 1 + (pageHtml.match(/ id="/g)?.length ?? 0) : 1;
}

function recordHtml(title: string, meta: Record<string, string>, body: ElementContent[]): string {
  const doc = el('html', { lang: 'en' }, [
    el('head', {}, [el('title', {}, [text(title)])]),
    el('body', {}, [
      el('main', { dataPagefindBody: '' }, [
        el('div', { hidden: true, dataPagefindIgnore: '' }, [
          ...Object.entries({ title, ...meta }).map(([key, value]) => el('span', { dataPagefindMeta: `${key}[data-value]`, dataValue: value }, [])),
        ]),
        ...body,
      ]),
    ]),
  ]);
  return `<!doctype html>${toHtml(doc)}`;
}

function paperRecords(tree: Root, pageUrl: string, pageFilterPairs: [string, string][]): SearchRecord[] {
  const need = (selector: string) => {
    const found = select(selector, tree);
    if (!found) throw new Error(`${pageUrl}: a paper page must have ${selector}`);
    return found;
  };
  const paperFilters = pageFilterPairs.filter(([name]) => name !== 'part');
  const records: SearchRecord[] = [];
  const add = (part: Part, kind: RecordKind, anchor: string, title: string, body: ElementContent[]) => {
    // A passage the source prints no words in (a placeholder such as [illegible]) has nothing to find.
    if (!/[\p{L}\p{N}]/u.test(toText(el('div', {}, body)))) return;
    const filters: [string, string][] = [...paperFilters, ['part', part]];
    records.push({
      part, kind, url: anchor ? `${pageUrl}#${anchor}` : pageUrl,
      facets: [...filters, [pageFilter, pageUrl], [recordFilter, kind]],
      html: recordHtml(title, {}, body),
    });
  };

  const header = need(selectors.paperHeader);
  const metadata = select(selectors.paperMetadata, tree);
  add('Text', 'title', '', 'Title and authors', authorsWords(header.children.filter((c) => c !== metadata)));

  const abstract = need(selectors.abstract);
  const abstractParas = selectAll('p:not(.not-stated)', abstract);
  if (abstractParas.length) add('Abstract', 'abstract', 'abstract', 'Abstract', abstractParas.map((p) => el('p', {}, p.children)));

  // The body in reading order: each heading and each numbered passage.
  for (const node of selectAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id], [data-passage]', need(selectors.body))) {
    const id = String(node.properties.id);
    if (node.properties.dataPassage !== undefined) {
      add('Text', 'passage', id, `¶ ${passageNumber(id)}`, [el('p', {}, authorsWords(node.children))]);
    } else {
      add('Text', 'heading', id, toText(node).trim(), [el('p', {}, authorsWords(node.children))]);
    }
  }

  for (const li of selectAll(selectors.referenceEntry, tree)) {
    add('References', 'reference', String(li.properties.id), `Reference · ${openingWords(sourceText(li), 60)}`, [el('p', {}, authorsWords(li.children))]);
  }

  const notes = need(selectors.editionNotes);
  const notesHeading = select('h2[id]', notes);
  if (!notesHeading) throw new Error(`${pageUrl}: expected the edition notes section with an h2 id`);
  add('Edition notes', 'notes', String(notesHeading.properties.id), 'About this edition', notes.children.filter((c) => c !== notesHeading));
  return records;
}

function claimRecord(tree: Root, pageUrl: string, filters: [string, string][], paperPages: string[]): SearchRecord {
  const quotation = select(selectors.claimQuotation, tree);
  const title = select(selectors.claimTitle, tree);
  const paragraph = select(selectors.claimParagraph, tree);
  if (!quotation || !title || !paragraph) throw new Error(`${pageUrl}: a claim page must have its quotation, a title and a link to its paragraph`);
  // The link holds the site's base path; the paper page is the one it ends with.
  const [paperHref, anchor] = String(paragraph.properties.href).split('#');
  const paperPage = paperPages.find((p) => paperHref!.endsWith(p));
  const label = /¶ \d+/.exec(toText(paragraph))?.[0];
  if (!paperPage || !anchor || !label) throw new Error(`${pageUrl}: the claim's link to its paragraph must point into a paper page and name the paragraph (¶ N)`);
  return {
    part: 'Claims',
    kind: 'claim',
    url: pageUrl,
    facets: [...filters, [pageFilter, paperPage], [recordFilter, 'claim']],
    // Meta words are searched too: only the anchor and the paragraph's label, no URL.
    html: recordHtml(toText(title).trim(), { anchor, paragraph: label }, quotation.children),
  };
}

/**
 * The facets of every record by its Pagefind id (`idOf` its URL), compactly:
 * a table of `name:value` strings, and the ids of the records sharing each
 * set of them (a paper's passages all do).
 */
export function recordFacetsFile(records: Pick<SearchRecord, 'url' | 'facets'>[], idOf: (url: string) => string, spellings: string[][]): RecordFacetsFile {
  const ids = records.map((r) => idOf(r.url));
  const keys = shortIds(ids);
  const values: string[] = [];
  const numberOf = new Map<string, number>();
  const groups = new Map<string, [number[], string[]]>();
  for (const [i, record] of records.entries()) {
    const set = record.facets.map(([name, value]) => {
      const key = `${name}:${value}`;
      if (!numberOf.has(key)) numberOf.set(key, values.push(key) - 1);
      return numberOf.get(key)!;
    }).sort((a, b) => a - b);
    const group = groups.get(set.join()) ?? [set, []];
    group[1].push(recordKey(ids[i]!, keys)!);
    groups.set(set.join(), group);
  }
  return { ...keys, values, groups: [...groups.values()].map(([set, ids]) => [set, ids.sort().join(' ')]), spellings };
}

/** The prefix all ids share and the fewest characters after it that still tell every id apart. */
function shortIds(ids: string[]): Pick<RecordFacetsFile, 'idPrefix' | 'idLength'> {
  if (new Set(ids).size < ids.length) throw new Error('Pagefind gave two search records one id: the record facets file cannot tell them apart.');
  let idPrefix = ids[0] ?? '';
  for (const id of ids) while (!id.startsWith(idPrefix)) idPrefix = idPrefix.slice(0, -1);
  for (let idLength = 1; ; idLength++) {
    const keys = { idPrefix, idLength };
    if (new Set(ids.map((id) => recordKey(id, keys))).size === ids.length) return keys;
  }
}
