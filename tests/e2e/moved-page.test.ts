/**
 * A page that moves keeps its published address: a build whose record says
 * /papers/<old>/ moved forwards the old URL, with a cited paragraph anchor,
 * to the same paragraph at the new URL, and leaves the old URL out of the sitemap.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { contentDir } from '../../src/lib/edition-file.ts';
import { checkPermanence, readPermanenceRecord, readPublishedSite } from '../../src/lib/permanence.ts';
import { chromiumPath, noBrowserReason, siteInChromium } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';

const executable = chromiumPath();
const work = mkdtempSync(path.join(tmpdir(), 'corpus-moved-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const from = '/papers/an-earlier-id/';
const to = '/papers/taliban-ttp-nexus/';
const content = path.join(work, 'content');
const dist = path.join(work, 'dist');
cpSync(contentDir, content, { recursive: true });
const record = readPermanenceRecord(content);
// As if the paper had first been published under another id: its old page and anchors are on record.
record.pages[from] = record.pages[to]!;
record.redirects[from] = to;
writeFileSync(path.join(content, 'published.json'), JSON.stringify(record));
const build = buildSite({ outDir: dist, contentDir: content, cacheDir: path.join(work, 'cache') });

test('the build with a recorded move succeeds and keeps every promise of the record', () => {
  expect(build.status, build.output.slice(-2000)).toBe(0);
  expect(checkPermanence(record, readPublishedSite(dist)).broken).toEqual([]);
  expect(readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8')).not.toContain(from);
});

describe.skipIf(!executable)(executable ? 'in Chromium' : noBrowserReason, () => {
  const site = siteInChromium(dist, executable!);
  let context: BrowserContext;

  test('the old URL with a paragraph anchor lands on that paragraph at the new URL', async () => {
    context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}${from}#p12`);
    await expect.poll(() => page.url()).toBe(`${site.origin}${to}#p12`);
    expect(await page.locator(':target').getAttribute('id')).toBe('p12');
    await context.close();
  });

  test('without scripts, the old URL still forwards to the new page', async () => {
    context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}${from}`);
    await expect.poll(() => page.url()).toBe(`${site.origin}${to}`);
    await context.close();
  });
});
