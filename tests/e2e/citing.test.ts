/** Citing in a real Chromium: copying a reference, and a paragraph citation whose URL opens that paragraph. */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { chromiumPath, noBrowserReason, siteInChromium } from '../support/browser.ts';

const executable = chromiumPath();
const dist = inject('distDir');
const paper = '/papers/taliban-ttp-nexus/';
const citePage = `${paper}cite/`;

describe.skipIf(!executable)(executable ? 'citing in Chromium' : noBrowserReason, () => {
  const site = siteInChromium(dist, executable!);
  let context: BrowserContext;

  async function open(path: string): Promise<Page> {
    context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await context.newPage();
    await page.goto(`${site.origin}${path}`);
    return page;
  }

  test('the cite page copies a reference to the clipboard', async () => {
    const page = await open(citePage);
    const apa = page.locator('.cite-style[data-style="apa"]');
    await apa.getByRole('button', { name: 'Copy reference' }).click();
    // The copy is written asynchronously (text and HTML); on a loaded machine it lands after the click returns.
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe((await apa.locator('.reference').textContent())!.trim());
    expect(copied).toMatch(/^Ali, N\., Mustafa, G\., & Arslan, M\. \(2025\)\. /);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Copied to the clipboard');
    await context.close();
  });

  test('a copied reference keeps its italics: the clipboard holds text/html with <i> beside the plain text', async () => {
    const page = await open(citePage);
    const apa = page.locator('.cite-style[data-style="apa"]');
    const italic = (await apa.locator('.reference i').first().textContent())!;
    expect(italic.length).toBeGreaterThan(3);
    await apa.getByRole('button', { name: 'Copy reference' }).click();
    // Read only once the copy has landed: a read that starts before the write commits sees the clipboard change under it.
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Copied to the clipboard');
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        types: item!.types,
        html: await (await item!.getType('text/html')).text(),
        text: await (await item!.getType('text/plain')).text(),
      };
    });
    expect(copied.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(copied.html).toContain(`<i>${italic}</i>`);
    expect(copied.text).toBe((await apa.locator('.reference').textContent())!.trim());
    expect(copied.text).not.toContain('<');
    await context.close();
  });

  test('the paragraph dialog offers first the style the reader last copied from', async () => {
    const page = await open(citePage);
    await page.locator('.cite-style[data-style="modern-language-association"]').getByRole('button', { name: 'Copy reference' }).click();
    // The style is remembered once the copy has landed, as the reader is told; leaving before then would leave nothing to remember.
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toContain('Copied');
    await page.goto(`${site.origin}${paper}`);
    await page.locator('#p12 > a.passage-number').click();
    await page.getByRole('button', { name: 'Cite paragraph 12' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cite paragraph 12' });
    expect(await dialog.locator('section').first().getAttribute('data-style')).toBe('modern-language-association');
    expect(await dialog.locator('.passage-in-text').first().textContent()).toMatch(/, par\. 12\)$/);
    await context.close();
  });

  test('a paragraph citation gives that paragraph\'s pinpoint, and its URL opens that paragraph', async () => {
    const page = await open(paper);
    await page.locator('#p12 > a.passage-number').click();
    await page.getByRole('button', { name: 'Cite paragraph 12' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cite paragraph 12' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.passage-in-text').first().textContent()).toBe('(Ali et al., 2025, para. 12)');
    await dialog.getByRole('button', { name: 'Copy URL' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/papers\/taliban-ttp-nexus\/#p12$/);
    const url = await page.evaluate(() => navigator.clipboard.readText());

    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await context.close();

    // The copied URL names the site it was built for; open the same path and fragment here.
    const reader = await open(new URL(url).pathname + new URL(url).hash);
    const target = reader.locator(':target');
    expect(await target.getAttribute('id')).toBe('p12');
    expect(await target.isVisible()).toBe(true);
    expect(await reader.getByRole('button', { name: 'Cite paragraph 12' }).isVisible()).toBe(true);
    await context.close();
  });
});
