/**
 * Claims on the built site: every claim file has an anchor on /claims/ that
 * links to a paragraph printing its quotation, its own page as a search
 * record, a place in the theme pages' side-by-side comparison and in the
 * exports; facet counts equal what their pages list.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { contentDir, editionFiles, readEdition } from '../../src/lib/edition-file.ts';
import { readClaimPolicy } from '../../src/lib/claim-policy.ts';
import { listingSizes } from '../../src/lib/listing.ts';
import { sourceText } from '../../src/lib/passages.ts';
import type { ClaimFields } from '../../src/lib/claims.ts';
import { claimKindLabels } from '../../src/schema/claim.ts';
import { pageOf } from '../support/dist.ts';
import { facetIndexOf, type FacetIndex } from '../../src/lib/search-results.ts';
import { openIndex } from '../support/pagefind.ts';

const dist = inject('distDir');
const titles = new Map(editionFiles().map(readEdition).map((e) => [e.data.id, e.data.title]));
const themeNames = new Map(readdirSync(path.join(contentDir, 'themes')).map((f) => {
  const t = parseYaml(readFileSync(path.join(contentDir, 'themes', f), 'utf8')) as { id: string; name: string };
  return [t.id, t.name];
}));

/** A claim's YAML file as written: its fields, with `citation` optional there. */
type ClaimFile = Omit<ClaimFields, 'citation'> & { citation?: string | null };
/** The claims as their files state them, read without the site's code. */
const claims: ClaimFile[] = readdirSync(path.join(contentDir, 'claims'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parseYaml(readFileSync(path.join(contentDir, 'claims', f), 'utf8')) as ClaimFile)
  .map((c) => ({ ...c, quotation: c.quotation.replace(/\s+/g, ' ').trim() }));
const quantities = readdirSync(path.join(contentDir, 'quantities')).map((f) => parseYaml(readFileSync(path.join(contentDir, 'quantities', f), 'utf8')) as { id: string; name: string; theme: string });

const tree = (urlPath: string) => fromHtml(pageOf(dist, urlPath.replace(/^\//, '')));

test('there are claims to check', () => {
  expect(claims.length).toBeGreaterThan(20);
});

describe('the claims index', () => {
  const index = tree('claims/');
  const articles = selectAll('article.claim[id]', index);

  test('lists every claim once, under its own #<claim-id> anchor', () => {
    expect(articles.map((a) => String(a.properties.id)).sort()).toEqual(claims.map((c) => c.id).sort());
  });

  test.each(claims.map((c) => [c.id, c] as const))('%s links to its paragraph, which prints its quotation word for word', (id, claim) => {
    const article = articles.find((a) => a.properties.id === id)!;
    expect(toText(select('blockquote', article)!).trim()).toBe(claim.quotation);
    const [page, anchor] = String(select('.claim-meta a', article)!.properties.href).split('#');
    expect(page).toBe(`/papers/${claim.paper}/`);
    const paragraph = select(`[id="${anchor}"]`, tree(page!));
    expect(sourceText(paragraph!)).toContain(claim.quotation);
  });

  test('each filter count equals the claims its page lists', () => {
    const facets = selectAll('.claims-filters .facet li', index);
    expect(facets.length).toBeGreaterThan(10);
    for (const facet of facets) {
      const count = Number(toText(facet).match(/\((\d+)\)$/)![1]);
      expect(selectAll('article.claim', tree(String(select('a', facet)!.properties.href))).length, toText(facet)).toBe(count);
    }
  });

  test('the kind filter lists exactly the claims of that kind', () => {
    const statistics = selectAll('article.claim', tree('claims/by-kind/statistic/')).map((a) => String(a.properties.id));
    expect(statistics.sort()).toEqual(claims.filter((c) => c.kind === 'statistic').map((c) => c.id).sort());
  });
});

describe('theme pages: "What the papers claim"', () => {
  test.each([...themeNames.keys()])('%s sets each paper\'s claims on it side by side, a long column cut short with a link to all of them', (theme) => {
    const page = tree(`themes/${theme}/`);
    const onTheme = claims.filter((c) => c.themes.includes(theme));
    const columns = selectAll('.claims-side-by-side > section', page);
    expect(columns.length).toBe(new Set(onTheme.map((c) => c.paper)).size);
    for (const column of columns) {
      const title = toText(select('h3 a', column)!);
      const expected = onTheme.filter((c) => titles.get(c.paper) === title).map((c) => c.quotation);
      const shown = selectAll('blockquote', column).map((b) => toText(b).trim());
      expect(shown.length, title).toBe(Math.min(expected.length, listingSizes.claimsPerColumn));
      expect(expected, title).toEqual(expect.arrayContaining(shown));
      const more = select('.more-claims a', column);
      expect(Boolean(more), `${title}: a link to the rest`).toBe(expected.length > shown.length);
      if (!more) continue;
      expect(toText(more)).toBe(`All ${expected.length} claims of this paper on this theme`);
      // The link lands on the paper's section of the theme's claims list, which holds every one of them.
      const [listPath, anchor] = String(more.properties.href).split('#');
      const section = select(`section:has(> h2#${anchor})`, tree(listPath!))!;
      expect(selectAll('blockquote', section).map((b) => toText(b).trim()).sort()).toEqual([...expected].sort());
    }
  });

  const compared = quantities
    .map((q) => ({ ...q, rows: claims.filter((c) => c.measure?.quantity === q.id) }))
    .filter((q) => new Set(q.rows.map((c) => c.paper)).size >= 2);

  test('at least one quantity is given by two papers', () => {
    expect(compared.length).toBeGreaterThan(0);
  });

  test.each(compared.map((q) => [q.id, q] as const))('the figures for %s from different papers stand next to each other, as printed', (id, quantity) => {
    const table = select(`table.figures[data-quantity="${id}"]`, tree(`themes/${quantity.theme}/`))!;
    expect(toText(select('caption', table)!)).toContain(quantity.name);
    const rows = selectAll('tbody tr', table).map((tr) => ({
      paper: toText(select('th', tr)!),
      figure: toText(select('.figure', tr)!),
      quotation: toText(selectAll('td', tr)[1]!),
      paragraph: String(select('td:last-child a', tr)!.properties.href),
    }));
    expect(rows.map((r) => [r.paper, r.figure, r.paragraph]).sort()).toEqual(
      quantity.rows.map((c) => [titles.get(c.paper), c.measure!.figure, `/papers/${c.paper}/#${c.passage}`]).sort(),
    );
    for (const row of rows) expect(row.quotation).toContain(row.figure);
  });
});

describe('claim pages are search records', () => {
  test.each(claims.map((c) => [c.id, c] as const))('/claims/%s/ carries its search facets and indexes only the quotation', (id, claim) => {
    const page = tree(`claims/${id}/`);
    const filters = selectAll('[data-facet]', page).map((e) => [String(e.properties.dataFacet), toText(e)]);
    expect(filters).toEqual(expect.arrayContaining([
      ['part', 'Claims'],
      ['paper', titles.get(claim.paper)],
      ['kind', claimKindLabels[claim.kind]],
      ...claim.themes.map((t) => ['theme', themeNames.get(t)]),
    ]));
    const bodies = selectAll('[data-record-body]', page);
    expect(bodies.map((b) => toText(b).trim())).toEqual([claim.quotation]);
    expect(toText(select('[data-record-title]', page)!)).toMatch(new RegExp(`^${claimKindLabels[claim.kind]}: `));
  });

  describe('searching the built index from Node', () => {
    let index: Awaited<ReturnType<typeof openIndex>>;
    let facets: FacetIndex;
    beforeAll(async () => {
      index = await openIndex(dist);
      facets = facetIndexOf(index.facetsFile);
    });
    afterAll(() => index?.close());

    test('a search finds claim records, and the record facets say each is a claim of its kind', async () => {
      const results = (await index.pagefind.search('Durand'))?.results ?? [];
      const claimHits = await Promise.all(results.filter((r) => facets.get(r.id)?.part === 'Claims').map(async (r) => ({ ...(await r.data()), facets: facets.get(r.id)! })));
      expect(claimHits.length).toBeGreaterThan(0);
      for (const hit of claimHits) expect(hit.url).toMatch(/^\/claims\/[a-z0-9-]+\/$/);
      const durand = claims.find((c) => c.measure?.quantity === 'durand-line-length')!;
      const hit = claimHits.find((h) => h.url === `/claims/${durand.id}/`);
      expect(hit?.facets.kind).toBe('claim');
      expect(hit?.facets.values.kind).toEqual([claimKindLabels[durand.kind]]);
      expect(hit?.meta.title).toMatch(new RegExp(`^${claimKindLabels[durand.kind]}: `));
    });

    test('the record facets count every claim', () => {
      expect([...facets.values()].filter((f) => f.part === 'Claims').length).toBe(claims.length);
    });
  });
});

describe('exports', () => {
  const expected = claims.map((c) => ({
    id: c.id,
    paper: c.paper,
    passage: c.passage,
    kind: c.kind,
    themes: c.themes,
    quotation: c.quotation,
    citation: c.citation ?? null,
    quantity: c.measure?.quantity ?? null,
    figure: c.measure?.figure ?? null,
  }));
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

  const json = JSON.parse(readFileSync(path.join(dist, 'claims.json'), 'utf8')) as { id: string; paper: string; paragraphUrl: string; quotation: string }[];
  // csv-parse rejects unbalanced quotes and rows with a different number of fields than the header.
  const csv = parseCsv(readFileSync(path.join(dist, 'claims.csv'), 'utf8'), { columns: true, record_delimiter: '\r\n' }) as ({ id: string; paragraphUrl: string } & Record<string, string>)[];

  test('every paper with claims has its share, as content/claim-policy.yaml sets it for its document type', () => {
    const { minimumPerPaper, idKeys } = readClaimPolicy(contentDir);
    for (const edition of editionFiles().map(readEdition).filter((e) => e.data.id in idKeys)) {
      const count = json.filter((r) => r.paper === edition.data.id).length;
      expect(count, `${edition.data.id}: ${minimumPerPaper.reason}`).toBeGreaterThanOrEqual(minimumPerPaper.byDocumentType[edition.data.documentType] ?? 0);
    }
  });

  test('/claims.json parses and matches the claim files', () => {
    expect(byId(json.map(({ paragraphUrl: _, ...r }) => r))).toEqual(byId(expected));
  });

  test('/claims.csv parses (RFC 4180) and matches the claim files', () => {
    const asCsv = expected.map((r) => ({ ...r, themes: r.themes.join(';'), citation: r.citation ?? '', quantity: r.quantity ?? '', figure: r.figure ?? '' }));
    expect(byId(csv.map(({ paragraphUrl: _, ...r }) => r))).toEqual(byId(asCsv));
  });

  test('both give each claim the absolute URL of a paragraph that prints its quotation', () => {
    const fromCsv = new Map(csv.map((r) => [r.id!, r.paragraphUrl]));
    for (const record of json) {
      expect(fromCsv.get(record.id)).toBe(record.paragraphUrl);
      const url = new URL(record.paragraphUrl);
      expect(url.protocol).toMatch(/^https?:$/);
      const paragraph = select(`[id="${url.hash.slice(1)}"]`, tree(url.pathname))!;
      expect(sourceText(paragraph)).toContain(record.quotation);
    }
  });
});
