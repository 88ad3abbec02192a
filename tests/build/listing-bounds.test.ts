/**
 * Listing pages stay bounded as the corpus grows: a corpus of many small
 * papers (copies of the made-up paper in tests/fixtures/scale, each with its
 * own id) is built, and every listing shows at most its page's share, with
 * every paper still reachable through the pages.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listingSizes } from '../../src/lib/listing.ts';
import { buildSite } from '../support/build.ts';

const copies = 61;
const work = mkdtempSync(path.join(tmpdir(), 'corpus-bounds-'));
const contentDir = path.join(work, 'content');
const dist = path.join(work, 'dist');

beforeAll(() => {
  cpSync(path.join(import.meta.dirname, '../fixtures/scale/content'), contentDir, { recursive: true });
  const paper = readFileSync(path.join(contentDir, 'papers/tiny.md'), 'utf8');
  for (let n = 2; n <= copies; n++) {
    // Same text and title (the build checks the title against its source line); a new id.
    const copy = paper.replace(/^id: tiny$/m, `id: tiny-${n}`);
    writeFileSync(path.join(contentDir, `papers/tiny-${n}.md`), copy);
  }
  const { status, output } = buildSite({ outDir: dist, contentDir, cacheDir: path.join(work, 'cache') });
  if (status !== 0) throw new Error(`the fixture corpus did not build:\n${output.slice(-4000)}`);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (url: string) => readFileSync(path.join(dist, url, 'index.html'), 'utf8');
/** The papers a page links to by their own page, e.g. "tiny-12". */
const papersOn = (html: string) => new Set([...html.matchAll(/href="\/papers\/(tiny(?:-\d+)?)\/(?:#[^"]*)?"/g)].map((m) => m[1]!));
/** A listing's pages: its first URL, then page/2/, page/3/, … as long as they exist. */
function pagesOf(first: string): string[] {
  const pages = [first];
  while (readdirSync(path.join(dist, first)).includes('page') && readdirSync(path.join(dist, first, 'page')).includes(String(pages.length + 1))) {
    pages.push(`${first}page/${pages.length + 1}/`);
  }
  return pages;
}
const everyPaper = new Set(['tiny', ...Array.from({ length: copies - 1 }, (_, i) => `tiny-${i + 2}`)]);

describe(`a corpus of ${copies} small papers`, () => {
  test('the home page lists only the first papers, links to all of them, and summarises the theme matrix', () => {
    const home = page('');
    expect(papersOn(home).size).toBeLessThanOrEqual(listingSizes.home);
    expect(home).toContain(`All ${copies} papers`);
    expect(home).toContain(`<p> ${copies} academic texts`);
  });

  test.each([
    ['the papers index by title', listingSizes.papers, 'papers/'],
    ['the papers index by year', listingSizes.papers, 'papers/by-year/'],
    ['the author page', listingSizes.papers, 'authors/test-author/'],
    ['the method page', listingSizes.papers, 'methods/test-method/'],
    ['the theme page', listingSizes.papersWithPassages, 'themes/border-markets/'],
    ['the theory page', listingSizes.papersWithPassages, 'theories/test-theory/'],
  ])('%s shows at most %i papers a page, and every paper on one of its pages', (_name, size, first) => {
    const pages = pagesOf(first);
    expect(pages).toHaveLength(Math.ceil(copies / size));
    const seen = new Set<string>();
    for (const url of pages) {
      const listed = papersOn(page(url));
      expect(listed.size, url).toBeLessThanOrEqual(size);
      listed.forEach((p) => seen.add(p));
      expect(page(url), `${url} links to the other pages`).toContain('class="pagination"');
    }
    expect(seen).toEqual(everyPaper);
  });

  test('no listing page grows past a small budget (gzip)', () => {
    const listings = ['', 'papers/', 'themes/', 'themes/border-markets/', 'theories/test-theory/', 'authors/test-author/', 'works-cited/', 'glossary/', 'claims/'];
    for (const url of listings.flatMap(pagesOf)) {
      expect(gzipSync(page(url)).length, url).toBeLessThan(60 * 1024);
    }
  });
});
