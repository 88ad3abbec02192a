/**
 * Every page type at phone and desktop width, in both colour schemes: no
 * sideways scrolling of the page, the favicon found, axe clean; paper text at
 * a readable measure; and nothing moves once the page has painted.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, inject, test } from 'vitest';
import { chromiumPath, noBrowserReason, siteInChromium } from '../support/browser.ts';
import { pageTypes } from '../support/page-types.ts';
import type { BrowserContext, Page } from 'playwright-core';

const executable = chromiumPath();
const dist = inject('distDir');
const layouts = [360, 1280].flatMap((width) => (['light', 'dark'] as const).map((scheme) => ({ width, scheme })));

/** Sums, in every page the context opens, the layout shifts no reader input caused (the CLS measure), from the first paint on. */
const recordLayoutShift = (context: BrowserContext) =>
  context.addInitScript(() => {
    (window as unknown as { shift: number }).shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { shift: number }).shift);

describe.skipIf(!executable)(executable ? 'in Chromium' : noBrowserReason, () => {
  const site = siteInChromium(dist, executable!);

  test.each(layouts)('at $width px in the $scheme scheme, no page type scrolls sideways or misses its favicon', async ({ width, scheme }) => {
    const context = await site.browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('response', (r) => { if (r.status() === 404 && /favicon/.test(r.url())) problems.push(`404 ${r.url()}`); });
    for (const [name, path] of pageTypes) {
      await page.goto(`${site.origin}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problems.push(`${name} (${path}): ${overflow} px wider than the window`);
      const icon = await page.evaluate(async () => (await fetch((document.querySelector('link[rel="icon"][sizes]') as HTMLLinkElement).href)).status);
      if (icon !== 200) problems.push(`${name}: favicon fallback answered ${icon}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  test.each(pageTypes)('axe finds no WCAG 2.2 AA violation on the %s page at 360 px in the dark scheme', async (_name, path) => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${site.origin}${path}`);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`)).toEqual([]);
    await context.close();
  }, 180_000);

  test.each([360, 375])('at %i px the site header takes under a quarter of the screen and breaks the site name between words only', async (width) => {
    const context = await site.browser.newContext({ viewport: { width, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}/papers/neo-taliban-regime/`);
    const { header, split } = await page.evaluate(() => {
      const name = document.querySelector('.site-name')!;
      const text = name.firstChild!;
      const split: string[] = [];
      // Words, and the parts of a dashed name ("Pakistan–Afghanistan" may break after its dash).
      for (const word of text.textContent!.matchAll(/[^\s–-]+/g)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        // A word on one line has its boxes on one line; a word broken inside has them on several.
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) split.push(word[0]);
      }
      return { header: document.querySelector('.site-header')!.getBoundingClientRect().height, split };
    });
    expect(split).toEqual([]);
    expect(header).toBeLessThan(740 / 4);
    await context.close();
  });

  test.each([768, 1024, 1280, 1440])('at %i px every link of the site navigation is in view, none behind the strip\'s scroll, in a header of at most two rows', async (width) => {
    const context = await site.browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}/claims/`);
    const { hidden, header } = await page.evaluate(() => {
      const nav = document.querySelector('.site-nav')!.getBoundingClientRect();
      const hidden = [...document.querySelectorAll('.site-nav a')]
        .filter((a) => { const box = a.getBoundingClientRect(); return box.left < nav.left - 0.5 || box.right > nav.right + 0.5; })
        .map((a) => a.textContent);
      return { hidden, header: document.querySelector('.site-header')!.getBoundingClientRect().height };
    });
    expect(hidden).toEqual([]);
    expect(header).toBeLessThan(100);
    await context.close();
  });

  test.each([360, 1280])('at %i px nothing moves once a page has painted: no layout shift on any page type', async (width) => {
    const context = await site.browser.newContext({ viewport: { width, height: 800 } });
    await recordLayoutShift(context);
    const page = await context.newPage();
    const shifted: string[] = [];
    for (const [name, path] of pageTypes) {
      await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const shift = await layoutShift(page);
      if (shift > 0) shifted.push(`${name} (${path}): ${shift.toFixed(4)}`);
    }
    expect(shifted).toEqual([]);
    await context.close();
  });

  test('the header paints once: no layout shift on a phone, with a saved dark scheme', async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 740 } });
    await context.addInitScript(() => localStorage.setItem('colour-scheme', 'dark'));
    await recordLayoutShift(context);
    const page = await context.newPage();
    await page.goto(`${site.origin}/papers/neo-taliban-regime/`, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    expect(await layoutShift(page)).toBe(0);
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    await context.close();
  });
});
