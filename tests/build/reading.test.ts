/** The reading layout as built: citable URLs of a local preview, the favicon and what static hosts expect. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { describe, expect, inject, test } from 'vitest';
import { editionFiles, readEdition } from '../../src/lib/edition-file.ts';
import { pageOf } from '../support/dist.ts';

const dist = inject('distDir');
const papers = editionFiles().map(readEdition).map((e) => e.data.id);

describe('a build without SITE_URL is a local preview, and says so wherever it offers a URL for citing', () => {
  test.each(papers)('the cite panel of %s carries the notice', (id) => {
    const panel = select('section.cite', fromHtml(pageOf(dist, `papers/${id}/`)));
    expect(panel && select('[data-preview-notice]', panel)).toBeTruthy();
  });
  test('how to cite carries the notice', () => {
    expect(pageOf(dist, 'how-to-cite/')).toContain('data-preview-notice');
  });
});

test('the favicon (SVG, with an ICO fallback) is built and linked from every page, and GitHub Pages is told not to run Jekyll', () => {
  for (const file of ['favicon.svg', 'favicon.ico', '.nojekyll']) expect(existsSync(path.join(dist, file)), file).toBe(true);
  const head = pageOf(dist, '');
  expect(head).toMatch(/<link rel="icon" href="\/favicon\.svg" type="image\/svg\+xml"/);
  expect(head).toMatch(/<link rel="icon" href="\/favicon\.ico"/);
});
