/** Assertions on the built site: URL contracts, paragraph anchors, the edition notes, the search index. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { editionFiles, readEdition } from '../../src/lib/edition-file.ts';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { citationsIn } from '../../src/lib/citations.ts';
import { listingSizes } from '../../src/lib/listing.ts';
import { passagesOf, sourceText } from '../../src/lib/passages.ts';
import { renderMarkdown } from '../../src/lib/render.ts';
import { recordCountBound, searchRecordsOf } from '../../src/lib/search-records.ts';
import { readdirYaml, pageOf } from '../support/dist.ts';

const dist = inject('distDir');
const editions = editionFiles().map(readEdition);

describe('URL contracts', () => {
  const required = [
    'index.html',
    '404.html',
    'papers/index.html',
    'search/index.html',
    ...editions.map((e) => `papers/${e.data.id}/index.html`),
    ...readdirYaml('themes').map((id) => `themes/${id}/index.html`),
    ...readdirYaml('theories').map((id) => `theories/${id}/index.html`),
    ...readdirYaml('authors').map((id) => `authors/${id}/index.html`),
    ...readdirYaml('methods').map((id) => `methods/${id}/index.html`),
  ];
  test.each(required)('%s exists', (file) => {
    expect(existsSync(path.join(dist, file))).toBe(true);
  });
});

describe.each(editions.map((e) => [e.data.id, e] as const))('paper page %s', (id, edition) => {
  const page = pageOf(dist, `papers/${id}/`);

  test('numbers its passages p1…pN, consecutively, each id once', () => {
    const ids = [...page.matchAll(/\sid="(p\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(ids.map((_, i) => `p${i + 1}`));
  });

  test('marks every passage for the margin numbers (counted in CSS; the e2e checks compare what is drawn), a table also gets its caption link', () => {
    const passages = [...page.matchAll(/<(p|li|table) [^>]*id="(p\d+)"[^>]*>/g)];
    for (const [tag, , pid] of passages) {
      expect(tag).toMatch(/ data-passage[ >=]/);
      if (tag.startsWith('<table')) expect(page).toContain(`href="#${pid}"`);
    }
  });

  test('has no element id twice', () => {
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((x, i) => ids.indexOf(x) !== i)).toEqual([]);
  });

  test('links "About this edition" to its edition notes, which show the source checksum and every declared omission', () => {
    const notes = select('section.about-edition', fromHtml(page))!;
    expect(selectAll('a', notes).map((a) => String(a.properties.href))).toContain(`/papers/${id}/edition/`);
    const about = pageOf(dist, `papers/${id}/edition/`);
    expect(about).toContain(edition.data.source.sha256);
    expect((about.match(/\(boilerplate|\(metadata|\(duplicate|\(contents|\(page-furniture/g) ?? []).length).toBe(edition.data.edition.omissions.length);
  });

  test('links in-text citations to existing reference entries, and lists every citation it could not link', () => {
    const tree = fromHtml(page);
    const ids = new Set(selectAll('[id]', tree).map((e) => String(e.properties.id)));
    const links = selectAll('a.citation', tree);
    for (const a of links) expect(ids.has(String(a.properties.href).slice(1)), String(a.properties.href)).toBe(true);
    const listed = selectAll('.unmatched-citations li', fromHtml(pageOf(dist, `papers/${id}/edition/`))).map((li) => toText(li));
    for (const passage of selectAll('[data-passage]', tree)) {
      const linked = selectAll('a.citation', passage).map((a) => toText(a));
      for (const c of citationsIn(sourceText(passage))) {
        const n = String(passage.properties.id).slice(1);
        if (!linked.includes(c.text)) expect(listed, `¶ ${n}: ${c.label}`).toContain(`¶ ${n}: ${c.label}`);
      }
    }
  });

  test('names each related paper by a label (never its id) linking to its page, with what they share', () => {
    const items = selectAll('section.related li', fromHtml(page));
    for (const li of items) {
      const link = select('a', li)!;
      const target = String(link.properties.href).match(/^\/papers\/([^/]+)\/$/)?.[1];
      expect(target, toText(li)).toBeTruthy();
      expect(toText(link)).not.toBe(target);
      expect(toText(li)).toMatch(/, sharing (\d+ themes?|the theor(y|ies) )|\d+ cited works? \(/);
      // Read as a sentence: no space before a semicolon, comma or full stop.
      expect(toText(li).replace(/\s+/g, ' ')).not.toMatch(/ [;,.]/);
    }
  });

  test('summarises itself for search engines and link previews in the abstract\'s opening words, whole words only', () => {
    const tree = fromHtml(page);
    const content = (selector: string) => String(select(selector, tree)?.properties.content ?? '');
    const description = content('meta[name="description"]');
    expect(content('meta[property="og:description"]')).toBe(edition.data.abstract ? description : '');
    if (!edition.data.abstract) return;
    const abstract = edition.data.abstract.replace(/\s+/g, ' ').trim();
    const words = description.replace(/ …$/, '');
    expect(words.length).toBeLessThanOrEqual(300);
    expect(abstract.startsWith(words)).toBe(true);
    expect(description.endsWith(' …')).toBe(words.length < abstract.length);
    if (words.length < abstract.length) expect(abstract[words.length]).toBe(' ');
  });

  test('says what the source does not state, instead of leaving blanks', () => {
    if (edition.data.authors.length === 0) expect(page).toContain('Authors not stated in the source');
    if (edition.data.keywords.length === 0) expect(page).toMatch(/Keywords<\/dt>\s*<dd><span class="not-stated">Not stated in the source/);
  });

  test('shows the same passages, with the same words, as the edition rendered offline (one numbering rule)', async () => {
    const offline = passagesOf(await renderMarkdown(edition.body, edition.data as unknown as Record<string, unknown>));
    const built = passagesOf(fromHtml(page));
    expect(built.length).toBe(offline.length);
    expect(built.map((p) => [p.id, p.text])).toEqual(offline.map((p) => [p.id, p.text]));
  });
});

test.each(readdirYaml('themes'))('the theme page %s gives every passage that names it, the first few of each paper with an excerpt', (theme) => {
  const tree = fromHtml(pageOf(dist, `themes/${theme}/`));
  const papers = selectAll('section[id^="in-"]', tree);
  expect(papers.length).toBeGreaterThan(0);
  for (const paper of papers) {
    const items = selectAll('.passage-list > li', paper);
    const count = Number(/\((\d+)\)/.exec(toText(selectAll('h3', paper)[0]!))![1]);
    expect(items.length, String(paper.properties.id)).toBe(count);
    const withExcerpt = items.map((li) => selectAll('.excerpt', li).length > 0);
    expect(withExcerpt).toEqual(items.map((_, i) => i < listingSizes.excerptsPerPaper));
    // An excerpt is the passage's own words, cut between words: no broken word at either end.
    for (const li of items) {
      const excerpt = select('.excerpt', li);
      if (!excerpt) continue;
      const [paperPage, anchor] = String(select('a', li)!.properties.href).split('#');
      const passage = passagesOf(fromHtml(pageOf(dist, paperPage!.slice(1)))).find((p) => p.id === anchor)!;
      const words = toText(excerpt).replace(/^… /, '').replace(/ …$/, '');
      const at = passage.text.indexOf(words);
      expect(at, `${paperPage}#${anchor}: ${toText(excerpt)}`).toBeGreaterThanOrEqual(0);
      expect(`${passage.text[at - 1] ?? ' '}${passage.text[at + words.length] ?? ' '}`, `${paperPage}#${anchor}: ${toText(excerpt)}`).toBe('  ');
    }
  }
});

test('the works-cited index marks works cited by several papers and links each to its places', () => {
  const tree = fromHtml(pageOf(dist, 'works-cited/'));
  const shared = selectAll('li[id^="work-"]', tree).filter((li) => toText(li).includes('cited by'));
  expect(shared.length).toBeGreaterThan(0);
  for (const work of shared) {
    const papersLinked = new Set(selectAll('a', work).map((a) => String(a.properties.href).split('#')[0]));
    expect(papersLinked.size).toBe(Number(toText(work).match(/cited by (\d+) papers/)![1]));
  }
});

test('the glossary gives each abbreviation as a paper spells it out, linked to that paragraph', () => {
  const tree = fromHtml(pageOf(dist, 'glossary/'));
  const terms = selectAll('dt', tree).map((dt) => toText(dt));
  expect(terms.length).toBeGreaterThan(10);
  for (const item of selectAll('dd li', tree)) {
    const [pagePath, anchor] = String(selectAll('a', item)[0]!.properties.href).split('#');
    const passage = selectAll(`[id="${anchor}"]`, fromHtml(pageOf(dist, pagePath!.replace(/^\//, ''))))[0]!;
    expect(sourceText(passage)).toContain(toText(item).split(' — ')[0]!);
  }
});

test('each facet count on the papers index equals the papers its link lists', () => {
  const tree = fromHtml(pageOf(dist, 'papers/'));
  const facets = selectAll('.facet li', tree);
  expect(facets.length).toBeGreaterThan(10);
  for (const facet of facets) {
    const count = Number(toText(facet).match(/\((\d+)\)$/)![1]);
    const target = fromHtml(pageOf(dist, String(selectAll('a', facet)[0]!.properties.href).replace(/^\//, '')));
    expect(selectAll('.paper-title', target).length, toText(facet)).toBe(count);
  }
});

describe('search index', () => {
  /** The search records: each paper's passages, headings, title and authors, abstract, reference entries and edition notes, and one record per claim. */
  const claimPages = readdirYaml('claims').map((id) => `claims/${id}/index.html`);
  const paperPages = editions.map((e) => `/papers/${e.data.id}/`);

  test('Pagefind indexed exactly the records of the paper pages and one per claim page', () => {
    const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>)[0]!.page_count;
    const records = paperPages.flatMap((url) => searchRecordsOf(pageOf(dist, url.slice(1)), url, paperPages));
    expect(records.filter((r) => r.kind === 'passage').length).toBeGreaterThan(editions.length);
    expect(pages).toBe(records.length + claimPages.length);
  });

  test("the record count bound that sizes Pagefind's fragment bundles is never below a page's records", () => {
    for (const url of [...paperPages, ...claimPages.map((f) => `/${f.replace(/index\.html$/, '')}`)]) {
      const html = pageOf(dist, url.slice(1));
      const count = searchRecordsOf(html, url, paperPages).length;
      expect(recordCountBound(html), url).toBeGreaterThanOrEqual(count);
      // A bound, not a guess: near enough that bundles keep about the size chosen.
      expect(recordCountBound(html), url).toBeLessThanOrEqual(count * 1.5 + 10);
    }
  });

  // Records are read from pages by selectors (search-records.ts); a claim's quotation is the one part marked for it.
  test('only claim pages carry data-record-body', () => {
    const bodies = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .filter((f) => readFileSync(path.join(dist, f), 'utf8').includes('data-record-body'));
    expect(bodies.sort()).toEqual([...claimPages].sort());
  });
});
