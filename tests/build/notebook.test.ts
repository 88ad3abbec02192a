/**
 * The notebook's side of the build: the data its page reads holds each
 * paragraph's words exactly as the edition prints them and each claim's
 * quotation, carries the permanence record's moves and errata, and reading
 * pages pay at most 5 kB (gzip) of script for "Add to notebook", which is
 * not in their HTML without scripts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { expect, inject, test } from 'vitest';
import type { NotebookCorpus, NotebookPaper } from '../../src/lib/notebook-data.ts';
import { contentDir, editionFiles, readEdition } from '../../src/lib/edition-file.ts';
import { passagesOf } from '../../src/lib/passages.ts';
import { readPermanenceRecord } from '../../src/lib/permanence.ts';
import { renderMarkdown } from '../../src/lib/render.ts';
import { pageOf, readdirYaml } from '../support/dist.ts';

const dist = inject('distDir');
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(path.join(dist, rel), 'utf8'));
const corpus = readJson<NotebookCorpus>('notebook/data/corpus.json');
const papers = editionFiles().map((f) => readEdition(f));

test.each(papers.map((p) => [p.data.id, p] as const))('the notebook data of %s gives every paragraph\'s words as the edition prints them', async (_, edition) => {
  const data = readJson<NotebookPaper>(corpus.papers[edition.data.id]!.data.replace(/^\//, ''));
  const passages = passagesOf(await renderMarkdown(edition.body, edition.data as unknown as Record<string, unknown>));
  expect(Object.entries(data.passages).map(([id, p]) => [id, p.n, p.text])).toEqual(passages.map((p) => [p.id, p.number, p.text]));
  expect(data.url).toBe(new URL(`/papers/${edition.data.id}/`, data.url).href);
});

test('every claim is in its paper\'s notebook data with its quotation and paragraph', () => {
  const claimsDir = path.join(contentDir, 'claims');
  for (const paper of papers) {
    const data = readJson<NotebookPaper>(`notebook/data/papers/${paper.data.id}.json`);
    // A paper without claims has no folder of them.
    const ids = existsSync(path.join(claimsDir, paper.data.id)) ? readdirYaml(`claims/${paper.data.id}`) : [];
    for (const id of ids) {
      const claim = parseYaml(readFileSync(path.join(claimsDir, paper.data.id, `${id}.yaml`), 'utf8')) as { passage: string; quotation: string };
      expect(data.claims[id], id).toMatchObject({ anchor: claim.passage, quotation: claim.quotation });
      expect(corpus.claims[id]).toBe(paper.data.id);
    }
  }
});

test('the notebook knows every move and erratum of the permanence record', () => {
  const record = readPermanenceRecord(contentDir);
  expect(corpus.redirects).toEqual(record.redirects);
  expect(corpus.errata).toEqual(record.errata.map(({ page, anchor, note }) => ({ page, anchor, note })));
});

test('"Add to notebook" costs a reading page at most 5 kB of script (gzip), and is absent without scripts', () => {
  const html = pageOf(dist, `papers/${papers[0]!.data.id}/`);
  const entry = html.match(/<script type="module" src="\/(_astro\/NotebookLink[^"]+\.js)"/)?.[1];
  expect(entry, 'the header\'s notebook script is an external module').toBeDefined();
  // The entry and every module it imports statically (what the page loads before any click).
  const loaded = new Set<string>();
  const visit = (rel: string) => {
    if (loaded.has(rel)) return;
    loaded.add(rel);
    const code = readFileSync(path.join(dist, rel), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) visit(path.posix.join(path.posix.dirname(rel), m[1]!));
  };
  visit(entry!);
  const gzip = [...loaded].reduce((sum, rel) => sum + gzipSync(readFileSync(path.join(dist, rel)), { level: 9 }).length, 0);
  console.log(`notebook script on reading pages: ${[...loaded].length} files, ${gzip} bytes gzip`);
  expect(gzip).toBeLessThanOrEqual(5 * 1024);
  expect(html).toMatch(/<a class="notebook-link" href="\/notebook\/" hidden/);
  expect(html).not.toContain('Add to notebook');
});
