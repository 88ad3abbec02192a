/**
 * What reference managers and indexers read from the built site: each paper
 * page's citation_* tags are exactly its stated fields (no empty or guessed
 * tag), Dublin Core and JSON-LD agree, the downloads exist at their stable
 * URLs and parse, and robots.txt points at a sitemap of every page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, inject, test } from 'vitest';
import { contentDir, editionFiles, readAuthor, readEdition } from '../../src/lib/edition-file.ts';
import { divideName, invertedName } from '../../src/lib/name-policy.ts';
import { styleName } from '../../src/lib/citation-styles.ts';
import { readPermanenceRecord } from '../../src/lib/permanence.ts';
import { htmlFiles, pageOf } from '../support/dist.ts';

const dist = inject('distDir');
const editions = editionFiles().map(readEdition);

/** Every <meta name|property> in the head, as [key, content] pairs. */
function metaOf(html: string): [string, string][] {
  const tree = fromHtml(html);
  return selectAll('head meta', tree)
    .filter((m) => m.properties.name || m.properties.property)
    .map((m) => [String(m.properties.name ?? m.properties.property), String(m.properties.content)]);
}

describe.each(editions.map((e) => [e.data.id, e.data] as const))('%s', (id, data) => {
  const html = pageOf(dist, `papers/${id}/`);
  /** The paper's cite page, with the panel of references. */
  const citePage = pageOf(dist, `papers/${id}/cite/`);
  const meta = metaOf(html);
  const pageUrl = meta.find(([k]) => k === 'citation_fulltext_html_url')?.[1];

  test('citation_* tags are exactly the fields the source states (external facts only with their source)', () => {
    const journal = data.venue.journal ?? data.externalFacts.find((f) => f.field === 'venue.journal')?.value ?? null;
    const date = data.dates.published ?? data.dates.issued;
    const authorTags = data.authors.map((a) => {
      const entry = readAuthor(a.author);
      return ['citation_author', invertedName(divideName(entry.name, entry.nameParts))];
    });
    const institutions = meta.filter(([k]) => k === 'citation_author_institution').map(([, v]) => v);
    const expected = [
      ['citation_title', data.title],
      ...authorTags,
      ...institutions.map((i) => ['citation_author_institution', i]),
      // Google Scholar: the full date, or the year alone.
      ['citation_publication_date', date && (date.precision === 'day' ? date.value.replaceAll('-', '/') : date.value.slice(0, 4))],
      ['citation_journal_title', journal],
      ['citation_journal_abbrev', data.venue.abbreviation],
      ['citation_volume', data.venue.volume],
      ['citation_issue', data.venue.issue],
      ['citation_firstpage', data.venue.pages?.first],
      ['citation_lastpage', data.venue.pages?.last],
      ['citation_doi', data.venue.doi],
      ['citation_issn', data.venue.issn],
      ['citation_issn', data.venue.eIssn],
      ['citation_publisher', data.venue.publisher],
      ['citation_dissertation_institution', data.documentType === 'thesis' ? data.thesis?.institution : null],
      ...data.keywords.map((k) => ['citation_keywords', k]),
      ['citation_language', data.language],
      ['citation_abstract', data.abstract],
      ['citation_abstract_html_url', data.abstract && `${pageUrl}#abstract`],
      ['citation_fulltext_html_url', pageUrl],
    ].filter(([, v]) => v != null);
    const actual = meta.filter(([k]) => k.startsWith('citation_'));
    expect(actual.slice().sort()).toEqual(expected.slice().sort());
    expect(pageUrl).toMatch(new RegExp(`/papers/${id}/$`));
    // Each author's institution is the end of the affiliation as printed, from the part naming the institution: no post, no department.
    const printed = data.authors.flatMap((a) => (a.affiliation ? [a.affiliation.replace(/\.$/, '')] : []));
    expect(institutions).toHaveLength(printed.length);
    institutions.forEach((institution, i) => {
      expect(printed[i]!.endsWith(institution)).toBe(true);
      expect(institution).toMatch(/^(?:\p{Lu}\p{L}*\s)*(University|College)\b/u);
      expect(institution).not.toMatch(/Professor|Lecturer|Scholar|Prof\.|Department/);
    });
  });

  test('no metadata tag is empty', () => {
    expect(meta.filter(([, v]) => v.trim() === '')).toEqual([]);
  });

  test('Dublin Core and OpenGraph agree with the citation tags', () => {
    const values = (k: string) => meta.filter(([key]) => key === k).map(([, v]) => v);
    expect(values('DC.title')).toEqual([data.title]);
    expect(values('og:title')).toEqual([data.title]);
    expect(values('DC.creator')).toEqual(values('citation_author'));
    // Zotero reads DC.type into a thesis's type, so the thesis says "Thesis", not "Text".
    expect(values('DC.type')).toEqual([data.documentType === 'thesis' ? 'Thesis' : 'Text']);
    expect(values('og:url')).toEqual([pageUrl]);
    if (data.venue.doi) expect(values('DC.identifier')).toContain(`https://doi.org/${data.venue.doi}`);
  });

  test('JSON-LD: a Thesis or ScholarlyArticle with only stated, non-empty properties', () => {
    const script = select('script[type="application/ld+json"]', fromHtml(html))!;
    const ld = JSON.parse(toText(script)) as Record<string, unknown>;
    expect(ld['@type']).toBe(data.documentType === 'thesis' ? 'Thesis' : 'ScholarlyArticle');
    expect(ld.name).toBe(data.title);
    // The same authors and institutions as the citation_* tags: a person's affiliation is the institution, not a job title.
    const authors = (ld.author ?? []) as { familyName: string; givenName?: string; affiliation?: { name: string } }[];
    const values = (k: string) => meta.filter(([key]) => key === k).map(([, v]) => v);
    expect(authors.map((a) => (a.givenName ? `${a.familyName}, ${a.givenName}` : a.familyName))).toEqual(values('citation_author'));
    expect(authors.flatMap((a) => (a.affiliation ? [a.affiliation.name] : []))).toEqual(values('citation_author_institution'));
    expect('author' in ld).toBe(data.authors.length > 0);
    expect('datePublished' in ld).toBe(Boolean(data.dates.published ?? data.dates.issued));
    const empty = (v: unknown): boolean => v === '' || v === null || (Array.isArray(v) && (v.length === 0 || v.some(empty))) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).some(empty));
    expect(Object.entries(ld).filter(([, v]) => empty(v))).toEqual([]);
  });

  test('the cite panel declares the name division it uses for names no source divides', () => {
    const panel = toText(select('section.cite', fromHtml(citePage))!).replace(/\s+/g, ' ');
    const undivided = data.authors.map((a) => readAuthor(a.author)).filter((a) => !a.nameParts && a.name.includes(' '));
    expect(panel.includes('Name division (editorial decision)')).toBe(undivided.length > 0);
    for (const author of undivided) expect(panel).toContain(invertedName(divideName(author.name, null)));
  });

  test('a style\'s "[Preprint]" label for an article without volume or pages is explained beside it', () => {
    const panel = select('section.cite', fromHtml(citePage))!;
    const labelled = selectAll('.cite-style', panel).filter((s) => toText(select('.reference', s)!).includes('[Preprint]'));
    const caveat = select('.cite-caveats li.preprint', panel);
    expect(Boolean(caveat)).toBe(labelled.length > 0);
    for (const style of labelled) expect(toText(caveat!)).toContain(styleName({ label: toText(select('h2', style)!) }));
  });

  test('the cite panel gives the reference in all four styles and links the downloads', () => {
    const panel = select('section.cite', fromHtml(citePage))!;
    const styles = selectAll('.cite-style', panel);
    expect(styles.map((s) => s.properties.dataStyle)).toEqual(['apa', 'chicago-author-date', 'modern-language-association', 'harvard-cite-them-right']);
    for (const s of styles) expect(toText(select('.reference', s)!).length).toBeGreaterThan(40);
    const downloads = selectAll('.cite-downloads a', panel).map((a) => String(a.properties.href));
    expect(downloads).toEqual(['bib', 'ris', 'json'].map((f) => `/papers/${id}/citation.${f}`));
  });

  test.each(['bib', 'ris', 'json'])('citation.%s describes the paper field by field as the page\'s citation_* and DC tags do', async (format) => {
    const values = (k: string) => meta.filter(([key]) => key === k).map(([, v]) => v);
    const one = (k: string) => values(k)[0];
    const fromPage = {
      type: values('DC.type')[0] === 'Thesis' ? 'thesis' : 'article-journal',
      title: one('citation_title'),
      authors: values('citation_author'),
      year: one('citation_publication_date')?.slice(0, 4),
      journal: one('citation_journal_title'),
      volume: one('citation_volume'),
      issue: one('citation_issue'),
      pages: one('citation_firstpage') && `${one('citation_firstpage')}-${one('citation_lastpage')}`,
      doi: one('citation_doi'),
      issns: values('citation_issn'),
      institution: one('citation_dissertation_institution'),
    };
    const [item] = (await Cite.async(readFileSync(path.join(dist, 'papers', id, `citation.${format}`), 'utf8'))).data as Record<string, unknown>[];
    const names = (item!.author as { family: string; given?: string }[] | undefined) ?? [];
    const year = (item!.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.[0];
    const fromDownload = {
      type: item!.type,
      title: item!.title,
      authors: names.map((n) => (n.given ? `${n.family}, ${n.given}` : n.family)),
      year: year === undefined ? undefined : String(year),
      journal: item!['container-title'],
      volume: item!.volume,
      issue: item!.issue,
      pages: (item!.page as string | undefined)?.replace(/–|--/, '-'),
      doi: item!.DOI,
      issns: item!.ISSN ? String(item!.ISSN).split(/,\s*/) : [],
      institution: item!.type === 'thesis' ? item!.publisher : undefined,
    };
    expect(fromDownload).toEqual(fromPage);
  });

  test.each(['bib', 'ris', 'json'])('citation.%s is published beside the page and reads back as this paper', async (format) => {
    const file = path.join(dist, 'papers', id, `citation.${format}`);
    const [item] = (await Cite.async(readFileSync(file, 'utf8'))).data;
    expect(item!.title).toBe(data.title);
  });
});

test('the whole corpus downloads hold every paper once', async () => {
  for (const format of ['bib', 'ris', 'json']) {
    const items = (await Cite.async(readFileSync(path.join(dist, 'papers', `corpus.${format}`), 'utf8'))).data;
    expect(items.map((i) => i.title).sort(), format).toEqual(editions.map((e) => e.data.title).sort());
  }
});

test('robots.txt points at the sitemap, and the sitemap lists every page', () => {
  const robots = readFileSync(path.join(dist, 'robots.txt'), 'utf8');
  const sitemapUrl = robots.match(/^Sitemap: (\S+)$/m)![1]!;
  const index = readFileSync(path.join(dist, new URL(sitemapUrl).pathname), 'utf8');
  const listed = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].flatMap((m) => {
    const sitemap = readFileSync(path.join(dist, new URL(m[1]!).pathname), 'utf8');
    return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((l) => new URL(l[1]!).pathname);
  });
  const moved = Object.keys(readPermanenceRecord(contentDir).redirects);
  const pages = htmlFiles(dist)
    .filter((f) => f !== '404.html' && !moved.includes(`/${f.replace(/index\.html$/, '')}`))
    .map((f) => `/${f.replace(/index\.html$/, '')}`);
  expect(listed.sort()).toEqual(pages.sort());
});

test('the how-to-cite page exists and is linked from every page', () => {
  expect(existsSync(path.join(dist, 'how-to-cite/index.html'))).toBe(true);
  expect(pageOf(dist, '')).toContain('href="/how-to-cite/"');
});
