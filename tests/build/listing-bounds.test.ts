/**
 * Listing pages stay bounded as the corpus grows: a corpus of many small
 * papers (copies of the made-up paper in tests/fixtures/scale, each with its
 * own id and a copy of its claims) is built, and every listing shows at most
 * its page's share, with every paper and claim still reachable through the pages.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
let buildLog = '';

beforeAll(() => {
  cpSync(path.join(import.meta.dirname, '../fixtures/scale/content'), contentDir, { recursive: true });
  const paper = readFileSync(path.join(contentDir, 'papers/tiny.md'), 'utf8');
  const claimFiles = readdirSync(path.join(contentDir, 'claims/tiny'));
  const idKeys: string[] = [];
  for (let n = 2; n <= copies; n++) {
    // Same text and title (the build checks the title against its source line); a new id.
    const copy = paper.replace(/^id: tiny$/m, `id: tiny-${n}`);
    writeFileSync(path.join(contentDir, `papers/tiny-${n}.md`), copy);
    // Its claims too, under the copy's own claim-id key.
    mkdirSync(path.join(contentDir, `claims/tiny-${n}`));
    for (const file of claimFiles) {
      const claim = readFileSync(path.join(contentDir, 'claims/tiny', file), 'utf8').replaceAll('tny-', `tny${n}-`).replace(/^paper: tiny$/m, `paper: tiny-${n}`);
      writeFileSync(path.join(contentDir, `claims/tiny-${n}`, file.replace('tny-', `tny${n}-`)), claim);
    }
    idKeys.push(`  tiny-${n}: tny${n}`);
  }
  const policy = path.join(contentDir, 'claim-policy.yaml');
  writeFileSync(policy, readFileSync(policy, 'utf8').replace('  tiny: tny\n', `  tiny: tny\n${idKeys.join('\n')}\n`));
  const { status, output } = buildSite({ outDir: dist, contentDir, cacheDir: path.join(work, 'cache') });
  buildLog = output;
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
  test('each edition is rendered once: its page stores the HTML the content check rendered (on threads) and checked', () => {
    expect(buildLog).toContain(`${copies} editions stored as the content check rendered them, not rendered again`);
  });

  test('the home page lists only the first papers, links to all of them, and summarises the theme matrix', () => {
    const home = page('');
    expect(papersOn(home).size).toBeLessThanOrEqual(listingSizes.home);
    expect(home).toContain(`All ${copies} papers`);
    expect(home).toContain(`The corpus holds ${copies} academic texts`);
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

  test('a theme page sets at most a few claims per paper side by side, and links to the rest of each paper\'s claims', () => {
    const claimsPerPaper = readdirSync(path.join(contentDir, 'claims/tiny')).length;
    expect(claimsPerPaper).toBeGreaterThan(listingSizes.claimsPerColumn);
    for (const url of pagesOf('themes/border-markets/')) {
      const columns = page(url).split('<section aria-label="Claims of ').slice(1);
      expect(columns.length, url).toBeLessThanOrEqual(listingSizes.papersWithPassages);
      for (const column of columns) {
        expect(column.match(/<blockquote/g)?.length, url).toBe(listingSizes.claimsPerColumn);
        expect(column).toContain(`All ${claimsPerPaper} claims of this paper on this theme`);
      }
    }
  });

  test('no listing page grows past a small budget (gzip)', () => {
    const listings = ['', 'papers/', 'themes/', 'themes/border-markets/', 'theories/test-theory/', 'authors/test-author/', 'works-cited/', 'glossary/', 'claims/', 'claims/by-theme/border-markets/'];
    for (const url of listings.flatMap(pagesOf)) {
      expect(gzipSync(page(url)).length, url).toBeLessThan(60 * 1024);
    }
  });
});
