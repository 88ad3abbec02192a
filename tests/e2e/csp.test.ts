/**
 * The site works under its Content-Security-Policy, sent as a header the way
 * a host would send it (src/lib/csp.ts): reading, citing and searching in
 * Chromium raise no CSP violation, and the built pages carry no inline
 * script or style for the policy to refuse.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { contentSecurityPolicy } from '../../src/lib/csp.ts';
import { contentDir } from '../../src/lib/edition-file.ts';
import { readPermanenceRecord } from '../../src/lib/permanence.ts';
import { chromiumPath, launch, noBrowserReason } from '../support/browser.ts';
import { serve } from '../support/server.ts';

const executable = chromiumPath();
const dist = inject('distDir');
/** A paper page with a fifth paragraph, read from the permanence record (whichever papers the corpus holds). */
const paperPage = Object.entries(readPermanenceRecord(contentDir).pages).find(([url, anchors]) => url.startsWith('/papers/') && 'p5' in anchors)![0];

test('no built page has an inline script, a style element, a style attribute or an event handler attribute', () => {
  const offenders: string[] = [];
  for (const rel of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
    const tree = fromHtml(readFileSync(path.join(dist, rel), 'utf8'));
    // Data blocks (JSON, JSON-LD) are not run, so the policy does not apply to them.
    const inlineScripts = selectAll('script:not([src]):not([type="application/json"]):not([type="application/ld+json"])', tree);
    const handlers = selectAll('*', tree).filter((el) => Object.keys(el.properties).some((name) => /^on[A-Z]/.test(name)));
    const found = [...inlineScripts, ...selectAll('style, [style]', tree), ...handlers];
    if (found.length) offenders.push(`${rel}: ${found.map((el) => el.tagName).join(', ')}`);
  }
  expect(offenders).toEqual([]);
});

describe.skipIf(!executable)(executable ? 'under the policy, in Chromium' : noBrowserReason, () => {
  let browser: Browser;
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    const served = await serve(dist, '/', { headers: { 'Content-Security-Policy': contentSecurityPolicy } });
    server = served.server;
    origin = served.origin;
    browser = await launch(executable!);
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** Opens a page and collects what Chromium reports about the policy. */
  async function open(url: string): Promise<{ page: Page; violations: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
    await page.goto(`${origin}${url}`);
    return { page, violations };
  }

  test('the header is sent', async () => {
    const response = await fetch(`${origin}${paperPage}`);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  test('reading a paper and citing it raise no violation', async () => {
    const { page, violations } = await open(`${paperPage}#p5`);
    await page.locator('#p5 > a.passage-number').click();
    // The paragraph's citation is built from the paper's cite page, fetched under the policy.
    await page.getByRole('button', { name: 'Cite paragraph 5' }).click();
    await page.getByRole('dialog', { name: 'Cite paragraph 5' }).getByRole('button', { name: 'Copy citation' }).first().click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toContain('Copied');
    await page.reload();
    expect(violations).toEqual([]);
    await page.context().close();
  });

  test('searching raises no violation (Pagefind runs its WebAssembly under the policy)', async () => {
    const { page, violations } = await open('/search/');
    await page.getByLabel('Words or names to find in the papers').fill('Durand');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.search-results .excerpt mark').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  test('the check sees a violation when there is one', async () => {
    const { page, violations } = await open(paperPage);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { color: red }';
      document.head.append(style);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    await page.context().close();
  });
});
