/**
 * The notebook as a student uses it, in a real Chromium: collect passages
 * from two papers and a claim, write a note, reload, regroup, compare, export
 * an annotated bibliography in Chicago to the clipboard, share it to another
 * browser, and a crafted link that only ever shows as text. Every expected
 * word, pinpoint and URL is derived from the content.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { cslItem } from '../../src/lib/bibliographic-record.ts';
import { formatInTextCitation, formatReference } from '../../src/lib/citation-styles.ts';
import { contentDir, editionFiles, readCitablePaper, readEdition, readVocabularyNames } from '../../src/lib/edition-file.ts';
import { passagesOf, type Passage } from '../../src/lib/passages.ts';
import { renderMarkdown } from '../../src/lib/render.ts';
import { protectedWordsOf } from '../../src/lib/title-case.ts';
import { encodeShare } from '../../src/lib/notebook-share.ts';
import { chromiumPath, noBrowserReason, siteInChromium } from '../support/browser.ts';

const executable = chromiumPath();
const dist = inject('distDir');
const words = protectedWordsOf(readVocabularyNames());

interface PaperFacts {
  id: string;
  title: string;
  passages: Passage[];
}
async function paperFacts(file: string): Promise<PaperFacts> {
  const edition = readEdition(file);
  return { id: edition.data.id, title: edition.data.title, passages: passagesOf(await renderMarkdown(edition.body, edition.data as unknown as Record<string, unknown>)) };
}
const themeName = (id: string) => (parseYaml(readFileSync(path.join(contentDir, 'themes', `${id}.yaml`), 'utf8')) as { name: string }).name;

describe.skipIf(!executable)(executable ? 'the notebook in Chromium' : noBrowserReason, () => {
  const site = siteInChromium(dist, executable!);
  const contexts: BrowserContext[] = [];
  let first: PaperFacts;
  let second: PaperFacts;
  let third: PaperFacts;
  let claim: { id: string; paper: string; passage: string; quotation: string; themes: string[] };
  /** The passages collected, in the order they were added. */
  let collected: { paper: PaperFacts; passage: Passage }[];
  let page: Page;

  beforeAll(async () => {
    // Paragraphs (not tables or list items) of some length, so the quotation is a real one.
    const prose = (p: PaperFacts) => p.passages.filter((x) => x.text.length > 200);
    // The first two papers with enough such paragraphs, whichever papers the corpus holds.
    const facts = await Promise.all(editionFiles().map(paperFacts));
    [first, second] = facts.filter((p) => prose(p).length >= 4) as [PaperFacts, PaperFacts];
    // A claim from a third paper, so the comparison has three columns to choose from.
    const claimsDir = path.join(contentDir, 'claims');
    third = facts.find((p) => p !== first && p !== second && existsSync(path.join(claimsDir, p.id)))!;
    const claimFile = readdirSync(path.join(claimsDir, third.id)).sort()[0]!;
    claim = parseYaml(readFileSync(path.join(claimsDir, third.id, claimFile), 'utf8'));
    collected = [
      { paper: first, passage: prose(first)[1]! },
      { paper: first, passage: prose(first)[3]! },
      { paper: second, passage: prose(second)[2]! },
    ];
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  async function browse(width = 1280): Promise<Page> {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    contexts.push(context);
    return context.newPage();
  }
  const quotations = (p: Page) => p.locator('.notebook-item blockquote').allTextContents();
  const notes = (p: Page) => p.locator('.notebook-item textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  const expectedQuotations = () => [...collected.map((c) => c.passage.text), claim.quotation];

  test('collect three passages from two papers (click and key) and a claim; the header counts them', async () => {
    page = await browse();
    /** A paragraph's toggle is placed as the paragraph comes near the viewport. */
    const toggleOf = async (passage: Passage) => {
      await page.locator(`#${passage.id}`).scrollIntoViewIfNeeded();
      return page.getByRole('button', { name: `Add to notebook: paragraph ${passage.number}`, exact: true });
    };
    await page.goto(`${site.origin}/papers/${first.id}/`);
    for (const { passage } of collected.slice(0, 2)) await (await toggleOf(passage)).click();
    // The toggle shows the passage is in; the header counts it once.
    expect(await (await toggleOf(collected[0]!.passage)).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('link', { name: 'Notebook (2)' }).isVisible()).toBe(true);
    // What a reader copies from the paragraph is still the author's words only.
    const paragraph = page.locator(`#${collected[0]!.passage.id}`);
    expect(await paragraph.innerText()).not.toContain('notebook');

    // By keyboard: Tab from the paragraph's number to its toggle, then Enter.
    await page.goto(`${site.origin}/papers/${second.id}/`);
    await page.locator(`#${collected[2]!.passage.id} > .passage-number`).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Add to notebook: paragraph ${collected[2]!.passage.number}`);
    await page.keyboard.press('Enter');
    await page.goto(`${site.origin}/claims/${claim.id}/`);
    await page.getByRole('button', { name: `Add to notebook: claim ${claim.id}`, exact: true }).click();
    expect(await page.getByRole('link', { name: 'Notebook (4)' }).isVisible()).toBe(true);
  });

  test('the notebook lists them with their words as printed; a note survives a reload', async () => {
    await page.getByRole('link', { name: 'Notebook (4)' }).click();
    await expect.poll(() => quotations(page), { timeout: 10_000 }).toEqual(expectedQuotations());
    expect(await page.locator('.notebook-group h2').allTextContents()).toEqual([first.title, second.title, third.title]);
    const link = page.locator('.notebook-item').first().getByRole('link');
    expect(await link.getAttribute('href')).toBe(`/papers/${first.id}/#${collected[0]!.passage.id}`);
    await page.getByRole('textbox', { name: 'Note' }).first().fill('Contrast with the claim below.');
    await page.reload();
    await expect.poll(() => quotations(page), { timeout: 10_000 }).toEqual(expectedQuotations());
    expect((await notes(page))[0]).toBe('Contrast with the claim below.');
  });

  test('grouping by theme files the claim under its first theme, and the choice is kept', async () => {
    await page.getByRole('radio', { name: 'Theme' }).check();
    await expect.poll(() => page.locator('.notebook-group h2').allTextContents(), { timeout: 10_000 }).toContain(themeName(claim.themes[0]!));
    await page.reload();
    await expect.poll(() => page.locator('.notebook-group h2').allTextContents(), { timeout: 10_000 }).toContain(themeName(claim.themes[0]!));
    expect(await page.getByRole('radio', { name: 'Theme' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Paper' }).check();
  });

  test('the comparison puts the papers side by side by theme', async () => {
    await page.getByRole('link', { name: 'Compare papers side by side' }).click();
    const table = page.getByRole('table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Theme', first.title, second.title, third.title]);
    expect(await table.locator('tbody th').allTextContents()).toContain(themeName(claim.themes[0]!));
    expect((await table.locator('td blockquote').allTextContents()).sort()).toEqual(expectedQuotations().sort());
    // Two papers only: unticking one leaves two columns.
    await page.getByRole('checkbox', { name: first.title }).uncheck();
    expect(await table.locator('thead th').count()).toBe(3);
    await page.goBack();
  });

  test('the annotated bibliography in Chicago reaches the clipboard as rich text with italics, "para. N" pinpoints and stable URLs', async () => {
    await page.getByLabel('Citation style').selectOption('chicago-author-date');
    await page.getByRole('button', { name: 'Copy annotated bibliography' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('copied');
    const { html, text } = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() };
    });
    const canonical = async (paperId: string) => {
      const probe = await browse();
      await probe.goto(`${site.origin}/papers/${paperId}/`);
      return (await probe.locator('link[rel="canonical"]').getAttribute('href'))!;
    };
    let italicised = 0;
    for (const { paper, passage } of collected) {
      const url = await canonical(paper.id);
      const item = cslItem(readCitablePaper(paper.id), url);
      const pinpoint = formatInTextCitation(item, 'chicago-author-date', words, passage.number);
      expect(pinpoint).toContain(`para. ${passage.number}`);
      expect(text).toContain(`“${passage.text}” ${pinpoint}`);
      expect(html).toContain(`href="${url}#${passage.id}"`);
      const italics = [...formatReference(item, 'chicago-author-date', words).matchAll(/<i>([^<]+)<\/i>/g)].map((m) => m[1]!);
      for (const italic of italics) expect(html).toContain(`<i>${italic}</i>`);
      italicised += italics.length;
    }
    expect(italicised, 'at least one collected paper has a title or journal in italics').toBeGreaterThan(0);
    const claimUrl = `${await canonical(claim.paper)}#${claim.passage}`;
    expect(html).toContain(`href="${claimUrl}"`);
    expect(text).toContain('Note: Contrast with the claim below.');
  });

  let shareUrl: string;
  test('a share link opens the same notebook in another browser', async () => {
    await page.getByRole('button', { name: 'Copy a link to this notebook' }).click();
    // The link is made (compressed) after the click: its status line says when it is there.
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Link copied to the clipboard.');
    shareUrl = await page.getByLabel('Link to this notebook').inputValue();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shareUrl);
    const other = await browse();
    await other.goto(shareUrl);
    await expect.poll(() => quotations(other), { timeout: 10_000 }).toEqual(expectedQuotations());
    expect(await notes(other)).toEqual(await notes(page));
    expect(await other.getByRole('link', { name: 'Notebook (4)' }).isVisible()).toBe(true);
  });

  test('a crafted link holding markup shows it as text and runs nothing', async () => {
    const markup = '<img src="x" onerror="window.injected = 1"><b id="injected">bold</b>';
    const ref = `/papers/${first.id}/#${collected[0]!.passage.id}`;
    const crafted = await browse();
    await crafted.goto(`${site.origin}/notebook/#share=${await encodeShare([{ ref, note: markup }])}`);
    await expect.poll(() => notes(crafted), { timeout: 10_000 }).toEqual([markup]);
    expect(await crafted.locator('#injected, .notebook img').count()).toBe(0);
    expect(await crafted.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();

    // An address that is not a paragraph's is refused, with the reason as text.
    const payload = JSON.stringify({ v: 1, items: [['/papers/<b id="injected">x</b>/#p1', markup]] });
    const deflated = await new Response(new Blob([payload]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    const bad = await browse();
    await bad.goto(`${site.origin}/notebook/#share=${Buffer.from(deflated).toString('base64url')}`);
    await expect.poll(() => bad.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/^Not a notebook: items\.0\.0: /);
    expect(await bad.locator('#injected, .notebook img').count()).toBe(0);
    expect(await bad.locator('.notebook-item').count()).toBe(0);
  });

  test.each([360, 1280])('the notebook and its comparison pass axe at %i px', async (width) => {
    const reader = await browse(width);
    await reader.goto(shareUrl);
    await expect.poll(() => quotations(reader), { timeout: 10_000 }).toHaveLength(4);
    for (const path of ['/notebook/', '/notebook/compare/']) {
      if (path !== '/notebook/') await reader.goto(`${site.origin}${path}`);
      await reader.locator(path === '/notebook/' ? '.notebook-item' : 'table').first().waitFor();
      const { violations } = await new AxeBuilder({ page: reader }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(violations.map((v) => `${path} ${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    }
  });

  test('a search result that lands on a paragraph is added in one click, and the notebook quotes that paragraph', async () => {
    const reader = await browse();
    // A word of the first collected paragraph, long enough to be distinctive.
    const word = collected[0]!.passage.text.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0]!;
    await reader.goto(`${site.origin}/search/?q=${encodeURIComponent(word)}`);
    const link = reader.locator('[data-search-results] .result a[href*="/papers/"][href*="#p"]').first();
    await link.waitFor({ timeout: 20_000 });
    const landing = new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href));
    const add = link.locator('xpath=following-sibling::button[1]');
    expect(await add.getAttribute('aria-label')).toMatch(/^Add to notebook: /);
    await add.click();
    expect(await add.getAttribute('aria-pressed')).toBe('true');
    await reader.getByRole('link', { name: 'Notebook (1)' }).click();
    await expect.poll(() => reader.locator('.notebook-item .item-source a').getAttribute('href'), { timeout: 10_000 }).toBe(landing.pathname + landing.hash);
  });

  test('without JavaScript, no notebook control is shown and the page says why', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    contexts.push(context);
    const reader = await context.newPage();
    await reader.goto(`${site.origin}/papers/${first.id}/`);
    expect(await reader.locator('.notebook-link').isVisible()).toBe(false);
    expect(await reader.getByRole('button', { name: /notebook/i }).count()).toBe(0);
    await reader.goto(`${site.origin}/notebook/`);
    expect(await reader.locator('.notebook').isVisible()).toBe(false);
    expect(await reader.locator('body').innerText()).toContain('needs JavaScript');
  });
});
