/** Searching in a real Chromium against the built site: query, facets, sub-results, highlight on landing, shared URLs, the header shortcut, axe. */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { chromiumPath, noBrowserReason, siteInChromium } from '../support/browser.ts';

const executable = chromiumPath();
const dist = inject('distDir');
const strategicDepth = 'Strategic depth';

describe.skipIf(!executable)(executable ? 'search in Chromium' : noBrowserReason, () => {
  const site = siteInChromium(dist, executable!);
  let context: BrowserContext;

  async function open(path: string, javaScript = true): Promise<Page> {
    context = await site.browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}${path}`);
    return page;
  }
  const status = (page: Page) => page.getByRole('status');
  /** A search of every spelling of a name loads several index chunks; allow for a slow machine. */
  const slow = { timeout: 20_000 };
  const paperTitles = (page: Page) => page.locator('.search-results .paper-result h4').allTextContents();

  test('type a query, narrow by a theme, share the URL, open a sub-result and land on the highlighted paragraph', async () => {
    const page = await open('/search/');
    await page.getByLabel('Words or names to find in the papers').fill('fence');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^\d+ claims? and 2 papers \(\d+ matching passages?\) for “fence”\.$/);
    expect(await paperTitles(page)).toHaveLength(2);
    // Claims that match come before the papers' paragraphs.
    expect(await page.locator('.search-results h3').allTextContents()).toEqual(['Claims', 'Papers']);

    await page.getByRole('checkbox', { name: new RegExp(`^${strategicDepth} \\(1\\)$`) }).check();
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^(\d+ claims? and )?1 paper \(\d+ matching passages?\) for “fence”\.$/);
    const narrowed = await paperTitles(page);
    expect(narrowed).toEqual([expect.stringContaining('Pakistan-Afghanistan Relations under the Neo-Taliban Regime')]);
    const shared = page.url();
    expect(new URL(shared).searchParams.getAll('theme')).toEqual([strategicDepth]);
    expect(new URL(shared).searchParams.get('q')).toBe('fence');

    const again = await context.newPage();
    await again.goto(shared);
    await expect.poll(() => status(again).textContent(), slow).toMatch(/^(\d+ claims? and )?1 paper /);
    expect(await again.getByLabel('Words or names to find in the papers').inputValue()).toBe('fence');
    expect(await again.getByRole('checkbox', { name: new RegExp(`^${strategicDepth} `) }).isChecked()).toBe(true);
    expect(await paperTitles(again)).toEqual(narrowed);

    const subResult = page.locator('.search-results a.sub-title[href*="#p"]').first();
    const anchor = (await subResult.getAttribute('href'))!.split('#')[1]!;
    await subResult.click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/papers/neo-taliban-regime/\\?highlight=fence#${anchor}$`));
    await expect.poll(() => page.locator(`#${anchor} mark.pagefind-highlight`).count()).toBeGreaterThan(0);
    expect((await page.locator(`#${anchor} mark.pagefind-highlight`).first().textContent())!.toLowerCase()).toContain('fenc');
    expect(await page.locator(`#${anchor}`).evaluate((el) => el.matches(':target'))).toBe(true);
    await context.close();
  });

  test('a spelling finds the other spellings, and the landing page highlights the one printed there', async () => {
    const page = await open('/search/?q=Azm-i-Istehkam');
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^(\d+ claims? and )?1 paper /);
    const link = page.locator('.search-results a.sub-title[href*="#p14"]');
    await link.click();
    await expect.poll(() => page.locator('#p14 mark.pagefind-highlight').allTextContents()).toContain('Aazm-e-Istehkam');
    await context.close();
  });

  test('reference entries are one click away, and back is the search before', async () => {
    const page = await open('/search/?q=Ahlawat');
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^(\d+ claims? and )?1 paper /);
    expect(await page.locator('.search-results a[href*="#ref-"]').count()).toBe(0);
    await page.getByRole('checkbox', { name: /^References \(1\)$/ }).check();
    await expect.poll(() => page.locator('.search-results a[href*="#ref-ahmad-2023"]').count()).toBe(1);
    expect(new URL(page.url()).searchParams.getAll('part').sort()).toEqual(['Abstract', 'Claims', 'References', 'Text']);
    await page.goBack();
    await expect.poll(() => page.locator('.search-results a[href*="#ref-"]').count()).toBe(0);
    await context.close();
  });

  test('sorting by year puts the newest paper first and is kept in the URL', async () => {
    const page = await open('/search/?q=Durand+Line');
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^(\d+ claims? and )?5 papers /);
    await page.getByLabel('Sort by').selectOption('year');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('year');
    const years = (await page.locator('.search-results .result h4 .muted').allTextContents()).map((t) => Number(t.replace(/\D/g, '')));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    await context.close();
  });

  test('"/" on any page focuses the header search box, which hands the query to the search page', async () => {
    const page = await open('/papers/taliban-ttp-nexus/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-query');
    await page.keyboard.type('Durand Line');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${site.origin}/search/?q=Durand+Line`);
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^(\d+ claims? and )?5 papers /);
    await context.close();
  });

  test('without JavaScript the search page says so, and the header form still reaches it', async () => {
    const page = await open('/search/', false);
    expect(await page.locator('main').textContent()).toContain('Search needs JavaScript, which is off.');
    await page.locator('#header-search-query').fill('Torkham');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${site.origin}/search/?q=Torkham`);
    await context.close();
  });

  test('axe finds no WCAG 2.2 AA violation on the search page with results and facets shown', async () => {
    const page = await open('/search/?q=Tehreek-e-Taliban&theme=TTP+militancy+and+cross-border+attacks');
    await expect.poll(() => status(page).textContent(), slow).toMatch(/papers? \(/);
    await page.locator('.search-results details summary').first().click();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`)).toEqual([]);
    await context.close();
  });
});
