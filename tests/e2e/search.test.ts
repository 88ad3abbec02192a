/** Searching in a real Chromium against the built site: the header panel as you type, query, facets, passages, highlight on landing, shared URLs, Back, a phone's screen, the header shortcut, no JavaScript, axe. */
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

  async function open(path: string, javaScript = true, device: Parameters<typeof site.browser.newContext>[0] = { viewport: { width: 1280, height: 900 } }): Promise<Page> {
    context = await site.browser.newContext({ javaScriptEnabled: javaScript, ...device });
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
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^\d+ claims? and \d+ papers? \(\d+ matching passages?\) for “fence”\.$/);
    // The count is the corpus's (read from the status); the papers it counts are listed, a page at a time.
    const counted = Number(/and (\d+) papers?/.exec((await status(page).textContent())!)![1]);
    const listed = (await paperTitles(page)).length;
    expect(listed).toBeGreaterThan(1);
    expect(listed).toBeLessThanOrEqual(counted);
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
    await expect.poll(() => page.locator(`#${anchor} mark.pagefind-highlight`).count(), slow).toBeGreaterThan(0);
    expect((await page.locator(`#${anchor} mark.pagefind-highlight`).first().textContent())!.toLowerCase()).toContain('fenc');
    expect(await page.locator(`#${anchor}`).evaluate((el) => el.matches(':target'))).toBe(true);
    await context.close();
  });

  test('a spelling finds the other spellings, and the landing page highlights the one printed there', async () => {
    const page = await open('/search/?q=Azm-i-Istehkam');
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^(\d+ claims? and )?1 paper /);
    const link = page.locator('.search-results a.sub-title[href*="#p14"]');
    // The paragraph may be among the passages shown at first or behind "more": show more until it is there.
    const more = page.locator('.search-results .paper-result button.more');
    await expect.poll(async () => {
      if (await link.count()) return true;
      if (await more.count()) await more.first().click();
      return false;
    }, slow).toBe(true);
    await link.click();
    await expect.poll(() => page.locator('#p14 mark.pagefind-highlight').allTextContents(), slow).toContain('Aazm-e-Istehkam');
    await context.close();
  });

  test('reference entries are one click away, and back is the search before', async () => {
    const page = await open('/search/?q=Ahlawat');
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^(\d+ claims? and )?1 paper /);
    expect(await page.locator('.search-results a[href*="#ref-"]').count()).toBe(0);
    await page.getByRole('checkbox', { name: /^References \(1\)$/ }).check();
    const reference = page.locator('.search-results a[href*="#ref-ahmad-2023"]');
    await expect.poll(() => reference.count(), slow).toBe(1);
    expect(new URL(page.url()).searchParams.getAll('part').sort()).toEqual(['Abstract', 'Claims', 'References', 'Text']);
    await page.goBack();
    await expect.poll(() => page.locator('.search-results a[href*="#ref-"]').count()).toBe(0);
    await context.close();
  });

  test('the Paper facet narrows to one paper by its page; a URL shared with the paper\'s title still finds it', async () => {
    const page = await open('/search/?q=fence');
    await expect.poll(() => status(page).textContent(), slow).toMatch(/ papers \(/);
    const first = page.locator('.search-results .paper-result h4 a').first();
    const [title, href] = [(await first.textContent())!, (await first.getAttribute('href'))!];
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await page.getByRole('checkbox', { name: new RegExp(`^${escaped} \\(\\d+\\)$`) }).check();
    await expect.poll(() => status(page).textContent(), slow).toMatch(/(^|and )1 paper /);
    expect(new URL(page.url()).searchParams.getAll('paper')).toEqual([href]);

    const old = await context.newPage();
    await old.goto(`${site.origin}/search/?q=fence&paper=${encodeURIComponent(title)}`);
    await expect.poll(() => status(old).textContent(), slow).toMatch(/(^|and )1 paper /);
    expect(await old.locator('.search-results .paper-result h4 a').first().textContent()).toBe(title);
    expect(new URL(old.url()).searchParams.getAll('paper')).toEqual([href]);
  });

  test('sorting by year puts the newest paper first and is kept in the URL', async () => {
    const page = await open('/search/?q=Durand+Line');
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^(\d+ claims? and )?\d+ papers /);
    await page.getByLabel('Sort by').selectOption('year');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('year');
    const years = (await page.locator('.search-results .result h4 .muted').allTextContents()).map((t) => Number(t.replace(/\D/g, '')));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    await context.close();
  });

  test('typing in the header shows results before Enter; arrow keys reach a passage, Enter lands on it highlighted', async () => {
    const page = await open('/papers/taliban-ttp-nexus/');
    const field = page.getByRole('combobox', { name: 'Search' });
    await field.click();
    await page.keyboard.type('border fence');
    const options = page.getByRole('listbox').getByRole('option');
    await expect.poll(() => options.count(), slow).toBeGreaterThan(0);
    expect(await field.getAttribute('aria-expanded')).toBe('true');
    expect(page.url()).toBe(`${site.origin}/papers/taliban-ttp-nexus/`);
    const passage = options.filter({ has: page.locator('a[href*="#p"]:not([href*="/claims/"])') }).first();
    const target = (await passage.locator('a').getAttribute('href'))!;
    const index = (await options.evaluateAll((all, id) => all.findIndex((o) => o.id === id), await passage.getAttribute('id')));
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
    expect(await field.getAttribute('aria-activedescendant')).toBe(await passage.getAttribute('id'));
    expect(await passage.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${site.origin}${target}`);
    const anchor = target.split('#')[1]!;
    expect(new URL(page.url()).searchParams.getAll('highlight')).toEqual(['border', 'fence']);
    await expect.poll(() => page.locator(`#${anchor} mark.pagefind-highlight`).count(), slow).toBeGreaterThan(0);
    expect(await page.locator(`#${anchor}`).evaluate((el) => el.matches(':target'))).toBe(true);
    await context.close();
  });

  test('the header panel links to the search page with the query, and Escape closes it', async () => {
    const page = await open('/');
    await page.getByRole('combobox', { name: 'Search' }).fill('Torkham');
    const all = page.getByRole('link', { name: 'All results on the search page' });
    await expect.poll(() => all.getAttribute('href'), slow).toBe('/search/?q=Torkham');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('combobox', { name: 'Search' }).getAttribute('aria-expanded')).toBe('false');
    await context.close();
  });

  test('Back from a result restores the scroll position of the results', async () => {
    const page = await open('/search/?q=Taliban');
    await expect.poll(() => status(page).textContent(), slow).toMatch(/papers? \(/);
    await page.mouse.wheel(0, 1500);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    // A passage link on screen, once its words have loaded.
    const onScreen = page.locator('.search-results .paper-result a.sub-title').filter({ visible: true });
    await expect.poll(async () => {
      for (const link of await onScreen.all()) {
        const box = await link.boundingBox();
        if (box && box.y > 0 && box.y < 800) return link.getAttribute('href');
      }
      return null;
    }, slow).not.toBeNull();
    const y = await page.evaluate(() => scrollY);
    let link = onScreen.first();
    for (const candidate of await onScreen.all()) {
      const box = await candidate.boundingBox();
      if (box && box.y > 0 && box.y < 800) { link = candidate; break; }
    }
    const href = (await link.getAttribute('href'))!;
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    await link.click();
    await expect.poll(() => page.url()).toBe(`${site.origin}${href}`);
    await page.goBack();
    await expect.poll(() => status(page).textContent(), slow).toMatch(/papers? \(/);
    await expect.poll(() => page.evaluate(() => scrollY), slow).toBeGreaterThan(y - 40);
    expect(await page.evaluate(() => scrollY)).toBeLessThan(y + 40);
    await context.close();
  });

  test('on a phone (375 px) the first result is within the first screen, facets folded under "Refine"', async () => {
    const page = await open('/search/?q=Durand+Line', true, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    await expect.poll(() => status(page).textContent(), slow).toMatch(/papers? \(/);
    const first = await page.locator('.search-results .result').first().boundingBox();
    expect(first!.y).toBeLessThan(667 - 40);
    expect(await page.locator('[data-search-refine]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.getByRole('checkbox').first().isVisible()).toBe(false);
    await context.close();
  });

  test('results arrive without moving anything on screen: no layout shift at 1280 or 375 px', async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 375, height: 667 }]) {
      context = await site.browser.newContext({ viewport });
      await context.addInitScript(() => {
        const w = window as unknown as { shifted: number };
        w.shifted = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.shifted += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      await page.goto(`${site.origin}/search/?q=Durand+Line`);
      await expect.poll(() => status(page).textContent(), slow).toMatch(/^\d+ claims? and \d+ papers /);
      // Results below the first screen fill as they come near it; let those on screen settle.
      await page.waitForTimeout(500);
      const shifted = await page.evaluate(() => (window as unknown as { shifted: number }).shifted);
      expect(shifted, `cumulative layout shift at ${viewport.width} px`).toBeLessThan(0.01);
      await context.close();
    }
  });

  test('"Kind of claim" narrows the claims only; a claim links straight to its paragraph (¶ N)', async () => {
    const page = await open('/search/?q=Durand+Line');
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^\d+ claims? and \d+ papers /);
    await page.getByRole('checkbox', { name: /^Finding \(\d+\)$/ }).check();
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^\d+ claims? and \d+ papers /);
    const claim = page.locator('.search-results .claim-result h4 a').first();
    await expect.poll(() => claim.count(), slow).toBe(1);
    expect(await claim.textContent()).toMatch(/— ¶ \d+$/);
    const n = /¶ (\d+)$/.exec((await claim.textContent())!)![1];
    expect(await claim.getAttribute('href')).toMatch(new RegExp(`^/papers/[a-z0-9-]+/\\?highlight=.*#p${n}$`));
    await context.close();
  });

  test('"/" on any page focuses the header search box, which hands the query to the search page', async () => {
    const page = await open('/papers/taliban-ttp-nexus/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-query');
    await page.keyboard.type('Durand Line');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${site.origin}/search/?q=Durand+Line`);
    await expect.poll(() => status(page).textContent(), slow).toMatch(/^(\d+ claims? and )?\d+ papers /);
    await context.close();
  });

  test('without JavaScript the search page says so, and the header form is not offered', async () => {
    const page = await open('/search/', false);
    expect(await page.locator('main').textContent()).toContain('Search needs JavaScript, which is off.');
    await context.close();
    const other = await open('/papers/taliban-ttp-nexus/', false);
    expect(await other.locator('#header-search-query').isVisible()).toBe(false);
    expect(await other.locator('kbd.shortcut').isVisible()).toBe(false);
    await context.close();
  });

  test('the "/" hint shows only where the shortcut works, in space kept for it', async () => {
    const desktop = await open('/papers/taliban-ttp-nexus/');
    const hint = desktop.locator('kbd.shortcut');
    await expect.poll(() => hint.isVisible()).toBe(true);
    // Inside the field, it gives way to the reader's words: hidden while the field has focus or text.
    const field = desktop.locator('#header-search-query');
    const box = (await field.boundingBox())!;
    const mark = (await hint.boundingBox())!;
    expect(mark.x).toBeGreaterThan(box.x);
    expect(mark.x + mark.width).toBeLessThanOrEqual(box.x + box.width);
    await field.focus();
    expect(await hint.isVisible()).toBe(false);
    await field.fill('fence');
    await field.blur();
    expect(await hint.isVisible()).toBe(false);
    await context.close();
    const phone = await open('/papers/taliban-ttp-nexus/', true, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    expect(await phone.locator('#header-search-query').isVisible()).toBe(true);
    expect(await phone.locator('kbd.shortcut').isVisible()).toBe(false);
    await context.close();
    const heights = [];
    for (const javaScript of [true, false]) {
      const page = await open('/papers/taliban-ttp-nexus/', javaScript);
      heights.push((await page.locator('.header-search').boundingBox())!.height);
      await context.close();
    }
    expect(heights[0]).toBe(heights[1]);
  });

  test('axe finds no WCAG 2.2 AA violation on the search page with results and facets shown', async () => {
    const page = await open('/search/?q=Tehreek-e-Taliban&theme=TTP+militancy+and+cross-border+attacks');
    await expect.poll(() => status(page).textContent(), slow).toMatch(/papers? \(/);
    await page.locator('.search-results button.more').first().click();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`)).toEqual([]);
    await context.close();
  });
});
