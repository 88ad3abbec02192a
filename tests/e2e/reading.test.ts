/** Reading and browsing in a real Chromium against the built site on localhost, with axe on every page type. */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { chromiumPath, drawnPassageNumbers, noBrowserReason, siteInChromium } from '../support/browser.ts';
import { pageTypes } from '../support/page-types.ts';

const executable = chromiumPath();
const dist = inject('distDir');

describe.skipIf(!executable)(executable ? 'in Chromium' : noBrowserReason, () => {
  const site = siteInChromium(dist, executable!);
  let context: BrowserContext;

  async function open(path: string, options: { javaScript?: boolean; width?: number } = {}): Promise<Page> {
    context = await site.browser.newContext({ javaScriptEnabled: options.javaScript ?? true, viewport: { width: options.width ?? 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}${path}`);
    return page;
  }

  test('from the home page, a reader reaches a theme, then a passage in a paper, by clicks only', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: 'The Durand Line and border management' }).first().click();
    await expect.poll(() => page.url()).toContain('/themes/durand-line/');
    const passageLink = page.locator('.passage-list a').first();
    const excerpt = (await page.locator('.passage-list .excerpt').first().textContent())!.replace(/^… | …$/g, '').slice(0, 60);
    await passageLink.click();
    await expect.poll(() => page.url()).toMatch(/\/papers\/[a-z-]+\/#p\d+$/);
    const target = page.locator(':target');
    expect(await target.textContent()).toContain(excerpt);
    await context.close();
  });

  test('the home page matrix links a count to exactly that many passages', async () => {
    const page = await open('/');
    const cell = page.locator('.matrix td a').first();
    const count = Number(await cell.textContent());
    await cell.click();
    await expect.poll(() => page.url()).toContain('/themes/');
    const section = page.locator(`${new URL(page.url()).hash}`);
    expect(await section.locator('.passage-list > li').count()).toBe(count);
    await context.close();
  });

  test('a #p<N> permalink scrolls to that paragraph and marks it, with JavaScript off', async () => {
    const page = await open('/papers/taliban-ttp-nexus/#p12', { javaScript: false });
    const paragraph = page.locator('#p12');
    // A first evaluate on a loaded 2-core machine can take over the poll's default second.
    await expect.poll(() => paragraph.evaluate((el) => el.matches(':target')), { timeout: 5_000 }).toBe(true);
    const box = await paragraph.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    const outline = await paragraph.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await context.close();
  });

  test('a paper page holds its layout at 360 px (no sideways scrolling)', async () => {
    const page = await open('/papers/taliban-government-security-challenges/', { width: 360 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test('the Light / Dark / Auto control shows the choice, switches the scheme, and the choice survives a reload', async () => {
    const page = await open('/papers/', {});
    const control = page.getByRole('group', { name: 'Colour scheme' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await control.getByRole('radio', { name: 'Auto' }).isChecked()).toBe(true);
    const before = await background();
    await control.getByText('Dark').click();
    expect(await control.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    expect(await background()).not.toBe(before);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
    expect(await control.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    await control.getByText('Auto').click();
    expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBeUndefined();
    expect(await background()).toBe(before);
    await context.close();
  });

  test('printing a paper keeps paragraph numbers and prints the page URL', async () => {
    const page = await open('/papers/taliban-ttp-nexus/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-url').isVisible()).toBe(true);
    expect(await page.locator('.print-url').textContent()).toContain('/papers/taliban-ttp-nexus/');
    expect(await page.locator('#p1').evaluate((el) => getComputedStyle(el, '::before').display)).not.toBe('none');
    expect((await drawnPassageNumbers(page)).get('p1')).toBe('1');
    await context.close();
  });

  test('with JavaScript off, a reader filters the claims by kind and follows a claim to its paragraph', async () => {
    const page = await open('/claims/', { javaScript: false });
    await page.getByRole('navigation', { name: 'Filter the claims' }).getByRole('link', { name: 'Statistic' }).click();
    await expect.poll(() => page.url()).toContain('/claims/by-kind/statistic/');
    const kinds = await page.locator('article.claim').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['statistic']));
    const quotation = (await page.locator('article.claim blockquote').first().textContent())!.trim();
    await page.locator('article.claim .claim-meta a').first().click();
    await expect.poll(() => page.url()).toMatch(/\/papers\/[a-z-]+\/#p\d+$/);
    expect(await page.locator(':target').textContent()).toContain(quotation);
    await context.close();
  });

  test('a theme page with claims side by side holds its layout at 360 px', async () => {
    const page = await open('/themes/taliban-governance-recognition/', { width: 360 });
    expect(await page.locator('table.figures').count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });


  test.each(pageTypes)('axe finds no WCAG 2.2 AA violation on the %s page', async (_name, path) => {
    const page = await open(path);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`)).toEqual([]);
    await context.close();
  }, 180_000);
});
