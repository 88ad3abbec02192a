/**
 * Permanence: every URL and citable anchor recorded in content/published.json
 * still exists in the build and points at the same text, unless the record
 * says where it moved (redirect) or why its text changed (erratum).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { contentDir, editionFiles, readEdition } from '../../src/lib/edition-file.ts';
import { checkPermanence, readPublishedSite, type PermanenceRecord, type PublishedSite } from '../../src/lib/permanence.ts';

const dist = inject('distDir');
const record = JSON.parse(readFileSync(path.join(contentDir, 'published.json'), 'utf8')) as PermanenceRecord;
const site = readPublishedSite(dist);
const paperPage = `/papers/${readEdition(editionFiles()[0]!).data.id}/`;
/** A numbered paragraph of that page, read from the build (every paper has a first one). */
const paragraph = [...site.get(paperPage)!.keys()].find((a) => /^p\d+$/.test(a))!;

const copy = (s: PublishedSite): PublishedSite => new Map([...s].map(([k, v]) => [k, new Map(v)]));

test('the build keeps every published URL and anchor, pointing at the same text', () => {
  expect(checkPermanence(record, site).broken).toEqual([]);
});

test('every URL and anchor the build publishes is recorded (run `npm run build && npm run permanence -- --record`)', () => {
  expect(checkPermanence(record, site).unrecorded).toEqual([]);
});

test('the record covers every paper page and every numbered paragraph', () => {
  for (const file of editionFiles()) {
    const id = readEdition(file).data.id;
    const anchors = Object.keys(record.pages[`/papers/${id}/`] ?? {});
    expect(anchors.filter((a) => /^p\d+$/.test(a)).length, id).toBe([...site.get(`/papers/${id}/`)!.keys()].filter((a) => /^p\d+$/.test(a)).length);
  }
});

describe('the check fails', () => {
  test('when a paragraph anchor is removed', () => {
    const broken = copy(site);
    broken.get(paperPage)!.delete(paragraph);
    expect(checkPermanence(record, broken).broken).toEqual([`${paperPage}#${paragraph}: anchor removed`]);
  });

  test('when an anchor comes to point at different text, unless an erratum records it', () => {
    const shifted = copy(site);
    shifted.get(paperPage)!.set(paragraph, 'a-different-hash');
    expect(checkPermanence(record, shifted).broken).toEqual([`${paperPage}#${paragraph}: now points at different text (no erratum recorded)`]);
    const withErratum = { ...record, errata: [{ page: paperPage, anchor: paragraph, hash: 'a-different-hash', note: 'a corrected transcription' }] };
    expect(checkPermanence(withErratum, shifted).broken).toEqual([]);
  });

  test('when a page disappears, unless it redirects to a published page', () => {
    const moved = copy(site);
    moved.set('/papers/new-id/', moved.get(paperPage)!);
    moved.delete(paperPage);
    expect(checkPermanence(record, moved).broken).toEqual([`${paperPage}: no longer published, and no redirect is recorded`]);
    const redirected = { ...record, redirects: { [paperPage]: '/papers/new-id/' } };
    expect(checkPermanence(redirected, moved).broken).toEqual([`${paperPage}: moved to /papers/new-id/, but no redirect page is built`]);
    moved.set(paperPage, new Map());
    expect(checkPermanence(redirected, moved).broken).toEqual([]);
  });
});
