/**
 * npm run bench:search: what searching costs a reader, measured in Chromium.
 * Reuses dist/ when it holds a search index (pass --build to rebuild), serves
 * it on loopback gzip-compressed as a static host would (pass --raw to send
 * files uncompressed) and, per typical query, prints:
 * - first query: a fresh browser context (cold cache) opening /search/?q=…,
 *   until the results on screen are painted: what the search itself cost
 *   (every file of the search bundle: Pagefind's code, its metadata, index
 *   chunks and fragments, and the record facets file), what the whole visit
 *   cost (with the page's own HTML, styles and scripts, which every page of
 *   the site shares), time from navigation, and time from the index being
 *   loaded to the results painted;
 * - next query: the following query of the list typed on that open page:
 *   bytes, requests, time.
 * --dist <folder> measures another build (npm run bench:scale uses it on a
 * synthetic corpus); --first runs only the first query.
 * Not a test: figures vary by machine.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page, Request } from 'playwright-core';
import { chromiumPath, launch } from '../tests/support/browser.ts';
import { buildSite, projectRoot } from '../tests/support/build.ts';
import { serve } from '../tests/support/server.ts';

const queries = ['Durand Line', 'border fence', 'Tehreek-e-Taliban', 'ISIS-K', 'Azm-i-Istehkam', 'strategic depth', 'refugees deportation', 'security dilemma', 'TTP safe havens in Afghanistan', '"safe haven"'];

const { values: args } = parseArgs({ options: { build: { type: 'boolean' }, dist: { type: 'string' }, first: { type: 'boolean' }, raw: { type: 'boolean' } } });
const dist = path.resolve(args.dist ?? path.join(projectRoot, 'dist'));
const measured = args.first ? queries.slice(0, 1) : queries;
if (args.build || !existsSync(path.join(dist, 'pagefind', 'pagefind.js'))) {
  console.log('building the site into dist/ …');
  const { status, output } = buildSite({ outDir: dist });
  if (status !== 0) throw new Error(output);
}
const executable = chromiumPath();
if (!executable) process.exit(1);

const compress = !args.raw;
const { server, origin } = await serve(dist, '/', { compress });
const browser = await launch(executable);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Counts the bytes received (body as sent on the wire, plus headers) while `step` runs. */
async function transferred(page: Page, step: () => Promise<void>): Promise<{ total: number; requests: number; search: number; searchRequests: number }> {
  const sizes: Promise<{ url: string; bytes: number }>[] = [];
  const onFinished = (request: Request) => {
    sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })));
  };
  page.on('requestfinished', onFinished);
  await step();
  page.off('requestfinished', onFinished);
  const done = await Promise.all(sizes);
  const search = done.filter((r) => r.url.includes('/pagefind/'));
  return {
    total: done.reduce((n, r) => n + r.bytes, 0),
    requests: done.length,
    search: search.reduce((n, r) => n + r.bytes, 0),
    searchRequests: search.length,
  };
}

/** The status line is written once the results on screen are painted. */
const resultsShown = (page: Page, query: string) =>
  page.waitForFunction((q) => document.querySelector('[data-search-status]')?.textContent?.endsWith(`for “${q}”.`) ?? false, query, { timeout: 60_000 });

console.log(`search benchmark: ${measured.length} queries, Chromium at ${executable}, dist/ served on loopback ${compress ? 'gzip-compressed' : 'uncompressed'}, cold cache\n`);
console.log('| query | first query: search bytes | search requests | whole visit: bytes | requests | ms to results | ms after index load | next query | bytes | requests | ms | results |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
try {
  for (const [i, query] of measured.entries()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let coldMs = 0;
    const cold = await transferred(page, async () => {
      const started = performance.now();
      await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
      await resultsShown(page, query);
      coldMs = performance.now() - started;
    });
    const afterIndex = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
      return at('search:results-painted') - at('search:index-loaded');
    });
    const summary = (await page.locator('[data-search-status]').textContent())!.replace(/ for “.*$/, '');

    const next = queries[(i + 1) % queries.length]!;
    const field = page.locator('#search-query');
    let nextMs = 0;
    const further = await transferred(page, async () => {
      await field.fill(next);
      const started = performance.now();
      await field.press('Enter');
      await resultsShown(page, next);
      nextMs = performance.now() - started;
    });
    console.log(`| ${query} | ${kb(cold.search)} | ${cold.searchRequests} | ${kb(cold.total)} | ${cold.requests} | ${coldMs.toFixed(0)} | ${afterIndex.toFixed(0)} | ${next} | ${kb(further.total)} | ${further.requests} | ${nextMs.toFixed(0)} | ${summary} |`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
