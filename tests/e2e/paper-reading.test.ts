/**
 * Reading a paper in Chromium: a measure of at most 75 characters, "Go to ¶",
 * numbered and citable tables, the contents sidebar, reference previews, and
 * copying a paragraph that yields the author's words only. Paragraphs are
 * found in the built pages, and expected texts come from the edition.
 */
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { Element } from 'hast';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { editionFiles, readEdition } from '../../src/lib/edition-file.ts';
import { referenceEntrySelector, sourceText } from '../../src/lib/passages.ts';
import { chromiumPath, drawnPassageNumbers, noBrowserReason, siteInChromium } from '../support/browser.ts';
import { pageOf } from '../support/dist.ts';

const executable = chromiumPath();
const dist = inject('distDir');
const papers = editionFiles().map(readEdition).map((e) => e.data.id);
const thesis = editionFiles().map(readEdition).find((e) => e.data.documentType === 'thesis')!.data.id;
const tree = (id: string) => fromHtml(pageOf(dist, `papers/${id}/`));
/** The author's words of a passage as the edition gives them, whitespace collapsed. */
const words = (node: Element) => sourceText(node);

describe.skipIf(!executable)(executable ? 'in Chromium' : noBrowserReason, () => {
  const site = siteInChromium(dist, executable!);
  let context: BrowserContext;
  async function open(path: string, width = 1280): Promise<Page> {
    context = await site.browser.newContext({ viewport: { width, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await context.newPage();
    await page.goto(`${site.origin}${path}`);
    return page;
  }

  test.each(papers)('the body of %s runs at most 75 characters a line on average at 1280 px', async (id) => {
    const page = await open(`/papers/${id}/`);
    const perLine = await page.evaluate(() => {
      // With scripts, off-screen text is laid out only when scrolled to (content-visibility, which a headless
      // browser may never get round to on a long page): measured as laid out without scripts, at the same widths.
      document.documentElement.classList.remove('js');
      const paragraphs = [...document.querySelectorAll<HTMLElement>('.edition p')].map((p) => ({
        lines: Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)),
        chars: p.textContent!.replace(/\s+/g, ' ').trim().length,
      }));
      // A short last line would lower the average: paragraphs of three lines or more, unless a paper has none.
      const long = paragraphs.filter((p) => p.lines >= 3);
      const measured = long.length ? long : paragraphs;
      return measured.reduce((n, p) => n + p.chars, 0) / measured.reduce((n, p) => n + p.lines, 0);
    });
    expect(perLine).toBeGreaterThan(40);
    expect(perLine).toBeLessThanOrEqual(75);
    await context.close();
  });

  test('"Go to ¶ 40" on the thesis lands on ¶ 40 with its citation bar, in one step', async () => {
    const page = await open(`/papers/${thesis}/`);
    await page.getByLabel('Go to ¶').fill('40');
    await page.getByLabel('Go to ¶').press('Enter');
    await expect.poll(() => page.url()).toMatch(/#p40$/);
    const box = (await page.locator('#p40').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(900 / 2);
    // The bar floats at the foot of the screen (its styles load with the script that shows it).
    const bar = page.getByRole('button', { name: 'Cite paragraph 40' });
    const barTop = async () => (await bar.boundingBox())?.y ?? 0;
    await expect.poll(async () => { const y = await barTop(); return y > 900 - 120 && y < 900; }).toBe(true);
    await bar.click();
    expect(await page.getByRole('dialog').getByRole('heading', { level: 2 }).textContent()).toBe('Cite paragraph 40');
    await context.close();
  });

  test('a reload halfway through the thesis on a phone comes back to the paragraph being read', async () => {
    const page = await open(`/papers/${thesis}/`, 375);
    const middle = await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('.edition p[data-passage]')];
      return paragraphs[Math.floor(paragraphs.length / 2)]!.id;
    });
    const top = () => page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, middle);
    // Scrolled to as a reader would get there: frame by frame, the text on the way laid out as it comes on screen.
    await page.evaluate(async (id) => {
      for (let i = 0; i < 10; i++) {
        document.getElementById(id)!.scrollIntoView();
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      }
    }, middle);
    const before = await top();
    await page.reload();
    await expect.poll(async () => Math.abs((await top()) - before)).toBeLessThan(2);
    await context.close();
  });

  test('"Back to top" covers no text on the first screen and is there once the reader has scrolled on', async () => {
    const page = await open(`/papers/${thesis}/`, 375);
    const link = page.getByRole('link', { name: 'Back to top' });
    await expect.poll(() => link.isVisible()).toBe(false);
    await page.mouse.wheel(0, 2000);
    await expect.poll(() => link.isVisible()).toBe(true);
    await link.click();
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
    await context.close();
  });

  test('a table has a visible number and caption, and is cited like a paragraph', async () => {
    const id = papers.find((p) => select('table[data-passage]', tree(p)))!;
    const n = String(select('table[data-passage]', tree(id))!.properties.id).slice(1);
    const page = await open(`/papers/${id}/`);
    const caption = page.locator('figure.edition-table figcaption').first();
    expect(await caption.textContent()).toMatch(new RegExp(`^Table 1 · ¶ ${n}\\b`));
    await caption.getByRole('link').click();
    await page.getByRole('button', { name: `Cite paragraph ${n}` }).click();
    expect(await page.getByRole('dialog').getByRole('heading', { level: 2 }).textContent()).toBe(`Cite paragraph ${n}`);
    await context.close();
  });

  test.each([1280, 360])('every passage shows its own number in the margin, without scripts, at %i px', async (width) => {
    context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const id of papers) {
      await page.goto(`${site.origin}/papers/${id}/`);
      const drawn = await drawnPassageNumbers(page);
      expect(drawn.size, id).toBe(selectAll('[data-passage]:not(table)', tree(id)).length);
      expect([...drawn].filter(([pid, number]) => number !== pid.slice(1)), id).toEqual([]);
    }
    await context.close();
  });

  test.each([
    ['a paper\'s reference list', () => `/papers/${papers.find((p) => select(referenceEntrySelector, tree(p)))!}/`, referenceEntrySelector],
    ['works cited', () => '/works-cited/', '.works > li > p:first-child'],
    ['a cite page', () => `/papers/${papers[0]}/cite/`, '.cite .reference'],
  ])('entries of %s hang: their later lines start indented from the first', async (_what, path, selector) => {
    const page = await open(path(), 360);
    const indents = await page.locator(selector).evaluateAll((entries) => entries.map((entry) => {
      const range = document.createRange();
      range.selectNodeContents(entry);
      const lines = new Map<number, number>();
      for (const r of range.getClientRects()) if (r.width > 0) lines.set(Math.round(r.top), Math.min(lines.get(Math.round(r.top)) ?? Infinity, r.left));
      const lefts = [...lines.entries()].sort(([a], [b]) => a - b).map(([, left]) => left);
      return lefts.length > 1 ? lefts[1]! - lefts[0]! : null;
    }));
    const wrapped = indents.filter((x): x is number => x !== null);
    expect(wrapped.length).toBeGreaterThan(0);
    for (const indent of wrapped) expect(indent).toBeGreaterThan(16);
    await context.close();
  });

  test.each([360, 1280])('a reference entry\'s "cited in ¶ N" back-links sit side by side, none over its neighbour, at %i px', async (width) => {
    const id = papers.find((p) => select('.backlinks', tree(p)))!;
    const page = await open(`/papers/${id}/`, width);
    const overlaps = await page.locator('.backlinks').evaluateAll((lists) => lists.flatMap((list) => {
      // Each piece of the list (its words, each link's words) where its glyphs are drawn: neighbours on one line must not overlap.
      const boxes = [...list.childNodes].map((node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return [...range.getClientRects()].filter((box) => box.width > 0).at(-1);
      }).filter((box) => box !== undefined);
      return boxes.slice(1).flatMap((box, i) => {
        const before = boxes[i]!;
        const sameLine = Math.abs(box.top - before.top) < box.height / 2;
        return sameLine && box.left < before.right - 1 ? [`${list.textContent}: ${Math.round(before.right - box.left)} px`] : [];
      });
    }));
    expect(overlaps).toEqual([]);
    await context.close();
  });

  /** Selects a passage's contents, copies with the keyboard, and reads the clipboard. */
  async function copyPassage(page: Page, id: string): Promise<string> {
    await page.evaluate((pid) => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(pid)!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, id);
    await page.keyboard.press('Control+C');
    return (await page.evaluate(() => navigator.clipboard.readText())).replace(/\s+/g, ' ').trim();
  }

  test.each([
    ['a paragraph that holds a join mark', '[data-passage]:has([data-edition-note="join"])'],
    ['a list item', 'li[data-passage]'],
  ])('copying %s yields exactly the author\'s words', async (_what, selector) => {
    const [id, passage] = papers.map((p) => [p, selectAll(selector, tree(p)).find((el) => !select('[data-edition-note="page"], [data-edition-note="placeholder"]', el))] as const).find(([, el]) => el)!;
    const page = await open(`/papers/${id}/`, 360);
    const copied = await copyPassage(page, String(passage!.properties.id));
    expect(copied).toBe(words(passage!));
    expect(copied).not.toMatch(/^\d/);
    await context.close();
  });

  test('the contents mark the section being read, and an in-text citation previews its reference entry', async () => {
    const page = await open(`/papers/${thesis}/#p40`);
    await expect.poll(() => page.locator('.toc a[aria-current]').count()).toBe(1);
    const citation = page.locator('.edition a.citation').first();
    const entryId = (await citation.getAttribute('href'))!.slice(1);
    const entry = select(`#${entryId}`, tree(thesis))!;
    await citation.focus();
    const preview = page.getByRole('tooltip');
    expect(await preview.textContent()).toBe(words(entry));
    // Shown beside the citation, over the text, not at the foot of the page.
    const [at, shown] = [(await citation.boundingBox())!, (await preview.boundingBox())!];
    expect(Math.abs(shown.y - (at.y + at.height))).toBeLessThan(40);
    await context.close();
  });
});
