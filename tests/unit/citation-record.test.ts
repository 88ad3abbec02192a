/**
 * The one bibliographic record and its outputs: the thesis is a thesis in
 * every format, dates follow Google Scholar's rule, institutions come from
 * the printed affiliations, every printed ISSN is passed on, and the classic
 * BibTeX download is read by the real `bibtex` program.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cslItem, institutionOf } from '../../src/lib/bibliographic-record.ts';
import { toBibtex } from '../../src/lib/citation-bibtex.ts';
import { toRis } from '../../src/lib/citation-styles.ts';
import { editionFiles, readCitablePaper, readEdition } from '../../src/lib/edition-file.ts';
import { dublinCoreTags, highwireTags, jsonLd } from '../../src/lib/scholarly-metadata.ts';

const editions = editionFiles().map(readEdition);
const pageUrl = (id: string) => `https://corpus.example/papers/${id}/`;
const tagValues = (tags: { content: string }[], name: string) => tags.filter((t) => 'name' in t && t.name === name).map((t) => t.content);

describe.each(editions.map((e) => [e.data.id, e.data.documentType] as const))('%s (%s)', (id, documentType) => {
  const paper = readCitablePaper(id);
  const item = cslItem(paper, pageUrl(id));
  const thesis = documentType === 'thesis';

  test(thesis ? 'is a thesis in every output' : 'is a journal article in every output', () => {
    const highwire = highwireTags(paper, pageUrl(id));
    const dc = dublinCoreTags(paper, pageUrl(id));
    expect(item.type).toBe(thesis ? 'thesis' : 'article-journal');
    expect(toRis([item])).toMatch(thesis ? /^TY {2}- THES\r\n/ : /^TY {2}- JOUR\r\n/);
    expect(toBibtex([item])).toMatch(thesis ? /^@mastersthesis\{/ : /^@article\{/);
    expect(jsonLd(paper, pageUrl(id))['@type']).toBe(thesis ? 'Thesis' : 'ScholarlyArticle');
    // Zotero reads DC.type into the thesis type and citation_dissertation_institution as the thesis's university.
    expect(tagValues(dc, 'DC.type')).toEqual([thesis ? 'Thesis' : 'Text']);
    expect(tagValues(highwire, 'citation_dissertation_institution')).toEqual(thesis ? [paper.thesis!.institution] : []);
    if (thesis) {
      // The source names no degree: the thesis is called what it calls itself, in every output that names a type.
      expect(paper.thesis!.degree).toBeNull();
      expect(item.genre).toBe('Thesis');
      expect(toRis([item])).toContain('M3  - Thesis\r\n');
      expect(toBibtex([item])).toContain('  type = {Thesis}');
    }
  });

  test('citation_publication_date is a full date or the year alone (Google Scholar), never year and month', () => {
    const [date] = tagValues(highwireTags(paper, pageUrl(id)), 'citation_publication_date');
    const stated = paper.dates.published ?? paper.dates.issued;
    if (!stated) return expect(date).toBeUndefined();
    expect(date).toBe(stated.precision === 'day' ? stated.value.replaceAll('-', '/') : stated.value.slice(0, 4));
    expect(date).toMatch(/^\d{4}(\/\d{2}\/\d{2})?$/);
  });

  test('every ISSN the source prints is in every output that carries ISSNs', () => {
    const issns = [paper.venue.issn, paper.venue.eIssn].filter(Boolean) as string[];
    expect(tagValues(highwireTags(paper, pageUrl(id)), 'citation_issn')).toEqual(issns);
    for (const issn of issns) {
      expect(item.ISSN).toContain(issn);
      expect(toRis([item])).toContain(issn);
      expect(toBibtex([item])).toContain(issn);
    }
  });

  test('the BibTeX issue is `number` (classic BibTeX has no `issue` field)', () => {
    const bib = toBibtex([item]);
    expect(bib).not.toMatch(/^\s*issue =/m);
    if (paper.venue.issue) expect(bib).toContain(`  number = {${paper.venue.issue}}`);
  });
});

test('the e-ISSN is the one the source prints beside "e-ISSN"', () => {
  const withElectronic = editions.filter((e) => e.data.venue.eIssn);
  expect(withElectronic.length).toBeGreaterThan(0);
  for (const { data, source } of withElectronic) {
    expect(source).toContain(`p-ISSN: ${data.venue.issn}`);
    expect(source).toContain(`e-ISSN: ${data.venue.eIssn}`);
  }
});

describe('the institution in a printed affiliation', () => {
  test.each([
    ['¹Lecturer Department of Political Science, University of X', 'University of X'],
    ['Associate Professor, Department of Y, Z College University Town, Region, Country.', 'Z College University Town, Region, Country'],
    ['PhD Scholar, Department of Y, Some Institute', 'Some Institute'],
    ['Dept. of Politics and IR', null],
  ])('%s', (affiliation, institution) => {
    expect(institutionOf(affiliation)).toBe(institution);
  });

  test('every author of the corpus with a printed affiliation gets the tail of it, without post or department', () => {
    const authors = editions.flatMap((e) => readCitablePaper(e.data.id).authors.filter((a) => a.affiliation));
    expect(authors.length).toBeGreaterThan(0);
    for (const author of authors) {
      expect(author.institution, author.name).not.toBeNull();
      expect(author.affiliation!.replace(/\.$/, '').endsWith(author.institution!)).toBe(true);
      expect(author.institution).not.toMatch(/Department|Professor|Lecturer|Scholar/);
    }
  });
});

const bibtexBinary = spawnSync('bibtex', ['--version'], { encoding: 'utf8' }).status === 0;
if (!bibtexBinary) console.log('skipped: the classic BibTeX check needs the `bibtex` program (TeX Live), which is not installed');

test.skipIf(!bibtexBinary)('classic bibtex reads the .bib with the plain style: journal, year, volume, number, pages and the thesis as printed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bibtex-'));
  const items = editions.map((e) => cslItem(readCitablePaper(e.data.id), pageUrl(e.data.id)));
  writeFileSync(path.join(dir, 'corpus.bib'), toBibtex(items));
  writeFileSync(path.join(dir, 'test.aux'), `\\citation{*}\n\\bibstyle{plain}\n\\bibdata{corpus}\n`);
  const log = execFileSync('bibtex', ['test'], { cwd: dir, encoding: 'utf8' });
  expect(log).not.toMatch(/error message/);
  // The only warnings are for facts the source does not state (it names no author, journal or year).
  const byKey = new Map(items.map((i) => [i['citation-key'], i]));
  const warnings = [...log.matchAll(/^Warning--(.*)$/gm)].map((m) => m[1]!);
  for (const warning of warnings) {
    const [, field, key] = warning.match(/^empty (author|journal|year) in (\w+)$/) ?? [];
    expect(field, warning).toBeDefined();
    const item = byKey.get(key!)!;
    expect({ author: item.author, journal: item['container-title'], year: item.issued }[field as 'author' | 'journal' | 'year'], warning).toBeUndefined();
  }
  const bbl = readFileSync(path.join(dir, 'test.bbl'), 'utf8').replace(/\s+/g, ' ');
  for (const item of items) {
    const [year] = item.issued?.['date-parts'][0] ?? [];
    if (item['container-title']) expect(bbl).toContain(`{\\em ${item['container-title']}}`);
    if (year) expect(bbl).toContain(String(year));
    if (item.volume && item.issue) expect(bbl).toContain(`${item.volume}(${item.issue})`);
    if (item.page) expect(bbl).toContain(item.page.replace('-', '--'));
    if (item.type === 'thesis') expect(bbl).toContain(`Thesis, ${item.publisher}`);
  }
});
