/**
 * Provenance and honest metadata: each edition names its source by checksum,
 * and what the source does not state is absent (null or empty, never a guess).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentDir, editionFiles, readEdition } from '../../src/lib/edition-file.ts';
import { sha256 } from '../../src/lib/source-file.ts';
import type { StatableField } from '../../src/schema/paper.ts';

const editions = editionFiles().map(readEdition);
const bySource = (prefix: string) => editions.find((e) => e.data.source.file.startsWith(prefix))!;

describe.each(editions.map((e) => [e.data.id, e] as const))('%s', (_id, { data, source }) => {
  test('names its source file by its sha256 checksum', () => {
    const bytes = readFileSync(path.join(contentDir, 'sources', data.source.file));
    expect(sha256(bytes)).toBe(data.source.sha256);
  });

  test('leaves a field absent when the source has no trace of it', () => {
    // Checks that need no reading: a source that never prints the word cannot state the fact.
    if (!/ISSN/i.test(source)) expect(data.venue.issn).toBeNull();
    if (!/\b10\.\d{4,9}\//.test(source)) expect(data.venue.doi).toBeNull();
    if (!/keywords?/i.test(source)) expect(data.keywords).toEqual([]);
    if (!/received/i.test(source)) expect(data.dates.received).toBeNull();
    if (!/accepted/i.test(source)) expect(data.dates.accepted).toBeNull();
    if (!/\b(19|20)\d\d\b/.test(source.slice(0, 2000)) && !/published/i.test(source)) expect(data.dates.published).toBeNull();
  });

  test('stated values are printed in the source', () => {
    const flat = source.replace(/\s+/g, ' ');
    const stated = [
      data.venue.journal,
      data.venue.doi,
      data.venue.issn,
      data.venue.volume,
      ...data.keywords,
      ...data.authors.map((a) => a.asPrinted),
      ...Object.values(data.dates).map((d) => d?.asPrinted),
    ].filter((v): v is string => typeof v === 'string');
    for (const value of stated) expect(flat, `"${value}" should be printed in the source`).toContain(value.replace(/\s+/g, ' '));
  });
});

/**
 * What each source's map (shared seed notes) records as not stated. The
 * fields must be absent in the edition and listed as not stated.
 */
const absentBySource: Record<string, StatableField[]> = {
  // 000: no venue, volume, issue, pages, DOI, URL, keywords, ISSN or publisher (map §1).
  '000': ['venue.journal', 'venue.volume', 'venue.issue', 'venue.pages', 'venue.doi', 'venue.url', 'venue.issn', 'venue.publisher', 'keywords'],
  // 001: no title line, no authors, venue, dates or reference list (map §1).
  '001': ['authors', 'venue.journal', 'venue.volume', 'venue.issue', 'venue.pages', 'venue.doi', 'venue.issn', 'dates.published', 'dates.received', 'dates.accepted', 'referenceList'],
  // 002: no authors, DOI, URL, ISSN, article dates, keywords, page range or reference list (map §1).
  '002': ['authors', 'venue.doi', 'venue.url', 'venue.issn', 'venue.pages', 'dates.received', 'dates.accepted', 'dates.published', 'keywords', 'referenceList'],
  // 003: no received/accepted/published dates and no publisher name (map §1).
  '003': ['dates.received', 'dates.accepted', 'dates.published', 'venue.publisher'],
  // 004: a thesis with no degree name, no date and no keywords (map §1).
  '004': ['thesis.degree', 'dates.published', 'dates.issued', 'keywords'],
};

describe.each(Object.entries(absentBySource))('source %s', (prefix, absent) => {
  test.each(absent)('does not state %s, so the edition leaves it absent', (field) => {
    const { data } = bySource(prefix);
    expect(data.notStated).toContain(field);
    const value = field === 'referenceList'
      ? data.edition.referencesHeading
      : field.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | null)?.[k], data);
    expect(value === null || (Array.isArray(value) && value.length === 0), `${field} should be null or empty, got ${JSON.stringify(value)}`).toBe(true);
  });
});

test('a source without an author keeps an empty author list (no "Anonymous")', () => {
  for (const prefix of ['001', '002']) expect(bySource(prefix).data.authors).toEqual([]);
});
