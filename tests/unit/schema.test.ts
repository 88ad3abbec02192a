/**
 * Bad content must fail with the field and what was expected. Each row
 * breaks one field of an otherwise valid paper (or vocabulary entry) and
 * asserts the exact message a content editor would read.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { paperSchema } from '../../src/schema/paper.ts';
import { slugId } from '../../src/schema/fields.ts';
import { themeSchema, authorSchema } from '../../src/schema/vocabulary.ts';
import { idFromFrontmatter } from '../../src/schema/entry-id.ts';

const schema = paperSchema({ author: slugId, theme: slugId, theory: slugId, method: slugId });

const nullVenue = { journal: null, abbreviation: null, volume: null, issue: null, issueDate: null, pages: null, issn: null, doi: null, url: null, publisher: null };
const validPaper = () => ({
  id: 'a-paper',
  title: 'A Paper',
  titleSource: 'line 1',
  documentType: 'journal-article',
  authors: [],
  venue: { ...nullVenue, journal: 'A Journal' },
  dates: { published: { value: '2025-09-02', precision: 'day', asPrinted: 'Published on 02 Sept 2025', line: 3 }, received: null, accepted: null, issued: null },
  keywords: [],
  abstract: null,
  themes: ['durand-line'],
  theories: [],
  methods: [],
  language: 'en',
  source: { file: '000_2550d759d4bfafe2.txt', sha256: 'a'.repeat(64) },
  notStated: ['authors', 'venue.abbreviation', 'venue.volume', 'venue.issue', 'venue.issueDate', 'venue.pages', 'venue.issn', 'venue.doi', 'venue.url', 'venue.publisher', 'dates.received', 'dates.accepted', 'dates.issued', 'keywords', 'abstract', 'referenceList'],
  edition: { omissions: [], referencesHeading: null },
});

type Paper = ReturnType<typeof validPaper>;
const messages = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

test('the valid fixture passes, so each failure below is caused by its one change', () => {
  expect(messages(schema.safeParse(validPaper()))).toEqual([]);
});

describe('a paper with one bad field fails with the field and the expectation', () => {
  const cases: [string, (p: Paper) => unknown, string][] = [
    ['missing title', ({ title: _, ...p }) => p, 'title: expected text'],
    ['title of the wrong type', (p) => ({ ...p, title: 42 }), 'title: expected text'],
    ['empty title', (p) => ({ ...p, title: '  ' }), 'title: expected non-empty text'],
    ['id with capitals', (p) => ({ ...p, id: 'A_Paper' }), 'id: expected an id of lower-case letters, digits and single hyphens (e.g. "durand-line")'],
    ['unknown document type', (p) => ({ ...p, documentType: 'book' }), 'documentType: expected one of: journal-article, thesis, article-unstated-venue'],
    ['malformed DOI', (p) => ({ ...p, venue: { ...p.venue, doi: 'https://doi.org/10.1/x' } }), 'venue.doi: expected a DOI like "10.1234/abc" (no https://doi.org/ prefix)'],
    ['malformed ISSN', (p) => ({ ...p, venue: { ...p.venue, issn: '12345678' } }), 'venue.issn: expected an ISSN like "1234-567X"'],
    ['date not at its precision', (p) => ({ ...p, dates: { ...p.dates, published: { ...p.dates.published, value: '2025-09' } } }), 'dates.published.value: expected a day-precision date (YYYY-MM-DD), got "2025-09"'],
    ['impossible calendar date', (p) => ({ ...p, dates: { ...p.dates, published: { ...p.dates.published, value: '2025-13-45' } } }), 'dates.published.value: expected a real calendar date, got "2025-13-45"'],
    ['season without its name', (p) => ({ ...p, dates: { ...p.dates, published: { ...p.dates.published, value: '2024', precision: 'season' } } }), 'dates.published.season: expected a season exactly when precision is "season"'],
    ['no theme', (p) => ({ ...p, themes: [] }), 'themes: expected at least one theme'],
    ['malformed source file name', (p) => ({ ...p, source: { ...p.source, file: 'paper.txt' } }), 'source.file: expected a source file name like "000_0123456789abcdef.txt"'],
    ['malformed checksum', (p) => ({ ...p, source: { ...p.source, sha256: 'abc' } }), 'source.sha256: expected a lower-case hex sha256 of the source file'],
    ['an empty field not declared as not stated', (p) => ({ ...p, notStated: p.notStated.filter((f) => f !== 'keywords') }), 'notStated: expected "keywords" in notStated, since it is empty'],
    ['a stated field declared as not stated', (p) => ({ ...p, notStated: [...p.notStated, 'venue.journal'] }), 'notStated: expected "venue.journal" not in notStated, since it has a value'],
    ['unknown field in notStated', (p) => ({ ...p, notStated: ['venue.colour'] }), 'notStated.0: expected one of: authors, venue.journal, venue.abbreviation, venue.volume, venue.issue, venue.issueDate, venue.pages, venue.issn, venue.doi, venue.url, venue.publisher, dates.published, dates.received, dates.accepted, dates.issued, keywords, abstract, referenceList, thesis.degree, thesis.institution'],
    ['a thesis without thesis details', (p) => ({ ...p, documentType: 'thesis' }), 'thesis: expected thesis details exactly when documentType is "thesis"'],
    ['an unknown key (a typo)', (p) => ({ ...p, keywrods: [] }), ': Unrecognized key: "keywrods"'],
    ['omission with reversed lines', (p) => ({ ...p, edition: { ...p.edition, omissions: [{ lines: [9, 3], kind: 'boilerplate', reason: 'x' }] } }), 'edition.omissions.0.lines: expected the first line to come before the last'],
  ];
  test.each(cases)('%s', (_name, breakIt, expected) => {
    expect(messages(schema.safeParse(breakIt(validPaper())))).toContain(expected);
  });
});

describe('vocabulary entries', () => {
  test('a theme needs at least one alias', () => {
    expect(messages(themeSchema.safeParse({ id: 'x', name: 'X', description: 'd', aliases: [] }))).toEqual([
      'aliases: expected at least one alias (the name itself counts)',
    ]);
  });
  test('an author needs a description', () => {
    expect(messages(authorSchema.safeParse({ id: 'x', name: 'X' }))).toEqual(['description: expected text']);
  });
});

describe('entry ids', () => {
  test('come from the frontmatter, not the file name', () => {
    expect(idFromFrontmatter('papers')({ entry: 'Some File.md', data: { id: 'stable-id' } })).toBe('stable-id');
  });
  test('a missing id names the file and field', () => {
    expect(() => idFromFrontmatter('papers')({ entry: 'a.md', data: {} })).toThrow('content/papers/a.md: field "id": expected a string id in the frontmatter, got undefined');
  });
  test('a duplicate id names both files', () => {
    const generate = idFromFrontmatter('themes');
    generate({ entry: 'a.yaml', data: { id: 'same' } });
    expect(() => generate({ entry: 'b.yaml', data: { id: 'same' } })).toThrow('content/themes/b.yaml: field "id": expected a unique id, but "same" is already used by content/themes/a.yaml');
  });
});
