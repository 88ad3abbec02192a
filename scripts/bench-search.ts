/**
 * npm run bench:search: what searching costs a reader, measured in Chromium.
 * Reuses dist/ when it holds a search index (pass --build to rebuild), serves
 * it on loopback and runs typical queries, printing per query the bytes the
 * browser transferred and the time until the results show: cold (a fresh
 * browser context opening /search/?q=…) and warm (the same query typed again
 * on the open page). Not a test: figures vary by machine.
 *
 * --dist <folder> measures another build (npm run bench:scale uses it on a
 * synthetic corpus); --first runs only the first query, cold: what a
 * reader's first search costs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { chromiumPath, launch } from '../tests/support/browser.ts';
import { buildSite, projectRoot } from '../tests/support/build.ts';
import { serve } from '../tests/support/server.ts';

const queries = ['Durand Line', 'border fence', 'Tehreek-e-Taliban', 'ISIS-K', 'Azm-i-Istehkam', 'strategic depth', 'refugees deportation', 'security dilemma'];

const { values: args } = parseArgs({ options: { build: { type: 'boolean' }, dist: { type: 'string' }, first: { type: 'boolean' } } });
const dist = path.resolve(args.dist ?? path.join(projectRoot, 'dist'));
const measured = args.first ? queries.slice(0, 1) : queries;
if (args.build || !existsSync(path.join(dist, 'pagefind', 'pagefind.js'))) {
  console.log('building the site into dist/ …');
  const { status, output } = buildSite({ outDir: dist });
  if (status !== 0) throw new Error(output);
}
const executable = chromiumPath();
if (!executable) process.exit(1);

const { server, origin } = await serve(dist);
const browser = await launch(executable);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Counts the bytes received (body as sent on the wire, plus headers) while `step` runs, Pagefind's worker included. */
async function transferred(page: Page, step: () => Promise<void>): Promise<{ total: number; index: number; requests: number }> {
  const sizes: Promise<{ url: string; bytes: number }>[] = [];
  const onFinished = (request: Request) => {
    sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })));
  };
  page.on('requestfinished', onFinished);
  await step();
  page.off('requestfinished', onFinished);
  const done = await Promise.all(sizes);
  return {
    total: done.reduce((n, r) => n + r.bytes, 0),
    index: done.filter((r) => r.url.includes('/pagefind/')).reduce((n, r) => n + r.bytes, 0),
    requests: done.length,
  };
}

const resultsShown = (page: Page, query: string) =>
  page.waitForFunction((q) => document.querySelector('[data-search-status]')?.textContent?.endsWith(`for “${q}”.`) ?? false, query, { timeout: 60_000 });

console.log(`search benchmark: ${measured.length} queries, Chromium at ${executable}, site served from dist/ on loopback\n`);
console.log('query | cold: bytes (of which index) in requests, time to results | warm: bytes, time to results | results');
try {
  for (const query of measured) {
    const context: BrowserContext = await browser.newContext();
    const page = await context.newPage();

    let coldMs = 0;
    const cold = await transferred(page, async () => {
      const started = performance.now();
      await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
      await resultsShown(page, query);
      coldMs = performance.now() - started;
    });
    const summary = (await page.locator('[data-search-status]').textContent())!.replace(/ for “.*$/, '');

    // Warm: another query, then this one again, typed on the open page.
    const field = page.locator('#search-query');
    await field.fill('Kabul');
    await field.press('Enter');
    await resultsShown(page, 'Kabul');
    let warmMs = 0;
    const warm = await transferred(page, async () => {
      await field.fill(query);
      const started = performance.now();
      await field.press('Enter');
      await resultsShown(page, query);
      warmMs = performance.now() - started;
    });
    console.log(`${query} | ${kb(cold.total)} (${kb(cold.index)}) in ${cold.requests}, ${coldMs.toFixed(0)} ms | ${kb(warm.total)}, ${warmMs.toFixed(0)} ms | ${summary}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
