/**
 * Permanence: published URLs and paragraph anchors never break or drift.
 *
 * content/published.json records every URL the site has published and, for
 * each page, every citable anchor with a hash of the text it points at. A
 * build is checked against it: a recorded URL must still exist (or redirect),
 * and a recorded anchor must still exist and point at the same text, unless
 * an erratum records the change. New URLs and anchors are added by
 * `npm run permanence -- --record`; nothing is ever removed from the record.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { referenceEntrySelector, referenceListClass, sourceText } from './passages.ts';
import { spellingsFile } from './search-results.ts';

/** The anchors a reader may cite: numbered passages, reference entries and claims. */
export const citableAnchorSelector = `[data-passage][id], ${referenceEntrySelector}, [data-claim][id]`;
/** The attributes the selector needs: a page without any of them has no citable anchor, and is not parsed. */
const citableAttributes = ['data-passage', `class="${referenceListClass}"`, 'data-claim'];

/** Page URL → anchor id → hash of the anchored text. */
export type PublishedSite = Map<string, Map<string, string>>;

export interface Erratum {
  page: string;
  anchor: string;
  /** The hash the anchor's text has now. */
  hash: string;
  /** What changed and why, as readers will see it. */
  note: string;
}

export interface PermanenceRecord {
  /** Page URL (site-relative, without the base path) → anchor id → text hash. */
  pages: Record<string, Record<string, string>>;
  /** Old URL → new URL, for pages that moved. */
  redirects: Record<string, string>;
  errata: Erratum[];
}

/** The permanence record of a content folder. */
export const readPermanenceRecord = (contentDir: string): PermanenceRecord => JSON.parse(readFileSync(path.join(contentDir, 'published.json'), 'utf8'));

/** A short, stable fingerprint of an anchor's text (whitespace-insensitive). */
export const textHash = (text: string) => createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);

/** The citable anchors of one built HTML page. */
export function anchorsOf(html: string): Map<string, string> {
  if (!citableAttributes.some((a) => html.includes(a))) return new Map();
  const tree = fromHtml(html);
  return new Map(selectAll(citableAnchorSelector, tree).map((el) => [String(el.properties.id), textHash(sourceText(el))]));
}

/** Files under the build that are addressable but not published documents: hashed assets, the search index and its spellings, the host's header rules, the notebook's data. */
const unpublished = (rel: string) =>
  rel.startsWith('_astro/') || rel.startsWith('pagefind/') || rel === spellingsFile || rel.startsWith('notebook/data/') || rel === '404.html' || rel === '_headers';

/**
 * Every published URL of a built site (dist/), with the anchors of its HTML
 * pages; only the pages `withAnchors` chooses are parsed for them (parsing
 * is most of the cost), the others are listed with none.
 */
export function readPublishedSite(distDir: string, withAnchors: (url: string) => boolean = () => true): PublishedSite {
  const site: PublishedSite = new Map();
  for (const entry of readdirSync(distDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (unpublished(rel)) continue;
    if (rel.endsWith('.html')) {
      const url = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
      site.set(url, withAnchors(url) ? anchorsOf(readFileSync(path.join(distDir, rel), 'utf8')) : new Map());
    } else {
      site.set(`/${rel}`, new Map());
    }
  }
  return new Map([...site].sort(([a], [b]) => a.localeCompare(b)));
}

export interface PermanenceReport {
  /** Published promises the build breaks: each a URL or URL#anchor with what went wrong. */
  broken: string[];
  /** URLs and anchors the build publishes that the record does not have yet. */
  unrecorded: string[];
}

export function checkPermanence(record: PermanenceRecord, site: PublishedSite): PermanenceReport {
  const broken: string[] = [];
  const unrecorded: string[] = [];
  for (const [page, anchors] of Object.entries(record.pages)) {
    const target = record.redirects[page];
    if (target !== undefined) {
      // A moved page: its old URL must forward to a published page (its anchors go with it).
      if (!site.has(target)) broken.push(`${page}: redirects to ${target}, which is not published`);
      else if (!site.has(page)) broken.push(`${page}: moved to ${target}, but no redirect page is built`);
      continue;
    }
    const built = site.get(page);
    if (!built) {
      broken.push(`${page}: no longer published, and no redirect is recorded`);
      continue;
    }
    for (const [anchor, hash] of Object.entries(anchors)) {
      const now = built.get(anchor);
      const erratum = record.errata.find((e) => e.page === page && e.anchor === anchor);
      if (now === undefined) broken.push(`${page}#${anchor}: anchor removed`);
      else if (now !== hash && now !== erratum?.hash) broken.push(`${page}#${anchor}: now points at different text (no erratum recorded)`);
    }
  }
  for (const [page, anchors] of site) {
    const recorded = record.pages[page];
    if (!recorded) {
      if (!Object.hasOwn(record.redirects, page)) unrecorded.push(page);
      continue;
    }
    for (const anchor of anchors.keys()) if (!(anchor in recorded)) unrecorded.push(`${page}#${anchor}`);
  }
  return { broken, unrecorded };
}

/**
 * The marker of a forwarding page (src/pages/[...moved].astro). A redirect
 * whose old URL is served by anything else is silently overruled by that
 * page, so the build checks that the forwarding page is what is there.
 */
export const forwardingMarker = 'name="moved-to"';

/**
 * What is wrong with the record's redirects, given the built site and a
 * reader of its HTML pages: each must start at a URL nothing but its
 * forwarding page serves, and end at a published page that is not moved itself.
 */
export function redirectProblems(record: PermanenceRecord, site: PublishedSite, pageHtml: (url: string) => string | null): string[] {
  const problems: string[] = [];
  for (const [from, to] of Object.entries(record.redirects)) {
    const field = `content/published.json: field "redirects[${JSON.stringify(from)}]"`;
    if (!/^\/(?:[^/?#]+\/)*$/.test(from) || !/^\/(?:[^/?#]+\/)*$/.test(to)) {
      problems.push(`${field}: expected site paths like "/papers/old-id/" on both sides, got ${JSON.stringify(from)} → ${JSON.stringify(to)}`);
      continue;
    }
    if (!site.has(to) || Object.hasOwn(record.redirects, to)) {
      problems.push(`${field}: expected a redirect to a published page, but ${to} ${Object.hasOwn(record.redirects, to) ? 'is moved itself' : 'is not built'}`);
    }
    const html = pageHtml(from);
    if (html !== null && !html.includes(forwardingMarker)) {
      problems.push(`${field}: expected a URL that nothing else serves, but ${from} is a page of the site; a redirect from it would never be seen`);
    }
  }
  return problems;
}

/** Every broken promise of a built site (dist/) against a permanence record, as the build reports them. */
export function permanenceProblems(record: PermanenceRecord, distDir: string): string[] {
  // Only recorded pages make promises about their anchors; every other URL need only exist.
  const site = readPublishedSite(distDir, (url) => Object.hasOwn(record.pages, url));
  const pageHtml = (url: string) => {
    const file = path.join(distDir, url, 'index.html');
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  };
  return [...checkPermanence(record, site).broken.map((b) => `content/published.json: ${b}`), ...redirectProblems(record, site, pageHtml)];
}

/** The record with every new URL and anchor added; recorded entries are never changed or removed. */
export function recordNew(record: PermanenceRecord, site: PublishedSite): PermanenceRecord {
  const pages = structuredClone(record.pages);
  for (const [page, anchors] of site) {
    if (Object.hasOwn(record.redirects, page)) continue;
    const entry = (pages[page] ??= {});
    for (const [anchor, hash] of anchors) entry[anchor] ??= hash;
  }
  const sorted = Object.fromEntries(Object.entries(pages).sort(([a], [b]) => a.localeCompare(b)));
  return { ...record, pages: sorted };
}
