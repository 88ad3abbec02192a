/** The reading layout as built: citable URLs of a local preview, the favicon and what static hosts expect. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, inject, test } from 'vitest';
import { editionFiles, readEdition } from '../../src/lib/edition-file.ts';
import { referenceEntrySelector } from '../../src/lib/passages.ts';
import { pageOf } from '../support/dist.ts';

const dist = inject('distDir');
const papers = editionFiles().map(readEdition).map((e) => e.data.id);

describe('a build without SITE_URL is a local preview, and says so wherever it offers a URL for citing', () => {
  test.each(papers)('the cite page of %s carries the notice', (id) => {
    const panel = select('section.cite', fromHtml(pageOf(dist, `papers/${id}/cite/`)));
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

describe.each(papers)('paper page %s', (id) => {
  const tree = fromHtml(pageOf(dist, `papers/${id}/`));

  test('"About this edition" gives the count of editorial acts in a collapsed disclosure, and the edition page lists exactly that many', () => {
    const details = select('section.about-edition details', tree)!;
    expect(details.properties.open).toBeUndefined();
    const total = Number(toText(select('summary', details)!).match(/\((\d+)\)/)![1]);
    const listed = selectAll('.edition-notes li', fromHtml(pageOf(dist, `papers/${id}/edition/`))).length;
    expect(total).toBe(listed);
  });

  test('each reference entry links back to every paragraph that cites it, in order', () => {
    for (const entry of selectAll(referenceEntrySelector, tree)) {
      const citing = selectAll('[data-passage]', tree)
        .filter((p) => selectAll(`a.citation[href="#${entry.properties.id}"]`, p).length > 0)
        .map((p) => `#${p.properties.id}`);
      const back = selectAll('.backlinks a', entry).map((a) => String(a.properties.href));
      expect(back, String(entry.properties.id)).toEqual([...new Set(citing)]);
    }
  });

  test('no paragraph carries its number as text, and every table its number and caption outside the table', () => {
    expect(selectAll('[data-passage] > a.passage-number', tree)).toEqual([]);
    selectAll('table[data-passage]', tree).forEach((table, i) => {
      const figure = selectAll('figure.edition-table', tree)[i]!;
      expect(select('table', figure)).toBe(table);
      expect(toText(select('figcaption', figure)!)).toMatch(new RegExp(`^Table ${i + 1} · ¶ ${String(table.properties.id).slice(1)}`));
    });
  });
});
