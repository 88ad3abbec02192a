/**
 * Fidelity: every edition accounts for every word of its source, and the
 * check really notices a dropped sentence or an altered figure.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFidelity } from '../../src/lib/fidelity.ts';
import { contentDir, editionFiles, readEdition } from '../../src/lib/edition-file.ts';

const editions = editionFiles().map(readEdition);

test('every source in content/sources has exactly one edition', () => {
  const sources = readdirSync(path.join(contentDir, 'sources')).sort();
  expect(sources.length).toBeGreaterThan(0);
  expect(editions.map((e) => e.data.source.file).sort()).toEqual(sources);
});

test('a draft whose frontmatter is not YAML is named, with what the parser found', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-draft-'));
  const file = path.join(dir, 'draft.md');
  writeFileSync(file, "---\nid: draft\nomissions:\n  - reason: 'the journal's name'\n---\nBody.\n");
  try {
    expect(() => readEdition(file)).toThrow(/draft\.md: expected YAML frontmatter: \S/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe.each(editions.map((e) => [e.data.id, e] as const))('%s', (_id, edition) => {
  test('accounts for 100% of the source words, with no word the source lacks', async () => {
    const report = await checkFidelity(edition.source, edition.data, edition.body);
    expect(report.problems).toEqual([]);
    expect(report.divergences.slice(0, 3)).toEqual([]);
    expect(report.matchedWords + report.omittedWords).toBe(report.sourceWords);
  });

  /** The first line outside the omissions on which `text` begins. */
  const sourceLineOf = (text: string) => {
    const words = text.split(/\s+/).slice(0, 4);
    const omitted = (n: number) => edition.data.edition.omissions.some(({ lines: [a, b] }) => n >= a && n <= b);
    const lines = edition.source.split('\n');
    return lines.findIndex((l, i) => !omitted(i + 1) && words.every((w) => l.includes(w))) + 1;
  };

  test('fails, at the right source line, when a sentence is dropped', async () => {
    const lines = edition.body.split('\n');
    const at = lines.findIndex((l) => /^[A-Z][^{}|#*\\[\]]{40,}?\. [A-Z]/.test(l) && !l.startsWith('- '));
    const sentence = lines[at]!.slice(0, lines[at]!.indexOf('. ') + 2);
    lines[at] = lines[at]!.slice(sentence.length);
    const report = await checkFidelity(edition.source, edition.data, lines.join('\n'));
    expect(report.ok).toBe(false);
    // The diff may align a repeated word ("The … The") one token later, so compare counts, not the exact cut.
    expect(report.sourceWords - report.omittedWords - report.matchedWords).toBe(sentence.trim().split(/\s+/).length);
    // Within the sentence's own lines (hard-wrapped sources spread a sentence over several).
    const line = report.divergences[0]!.sourceLine;
    expect(line).toBeGreaterThanOrEqual(sourceLineOf(sentence));
    expect(line).toBeLessThanOrEqual(sourceLineOf(sentence) + 6);
  });

  test('fails when a metadata value is not printed, as whole words, in the lines it came from', async () => {
    // Drop the title's last letter or digit: a prefix of a word is not the word.
    const title = edition.data.title.replace(/[\p{L}\p{N}](?=[^\p{L}\p{N}]*$)/u, '');
    const report = await checkFidelity(edition.source, { ...edition.data, title }, edition.body);
    if (edition.data.edition.omissions.some((o) => o.fields?.includes('title'))) {
      expect(report.problems.some((p) => p.includes(`title value ${JSON.stringify(title)} is not printed`))).toBe(true);
    } else {
      expect(report.problems).toEqual([]);
    }
  });

  test('fails when a figure is altered', async () => {
    const lines = edition.body.split('\n');
    const at = lines.findIndex((l) => /\b\d{2,}\b/.test(l) && !l.includes('{{'));
    const original = lines[at]!.match(/\b\d{2,}\b/)![0];
    const altered = original.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    lines[at] = lines[at]!.replace(original, altered);
    const report = await checkFidelity(edition.source, edition.data, lines.join('\n'));
    expect(report.ok).toBe(false);
    expect(report.divergences[0]!.unexpected.join(' ')).toContain(altered);
  });
});

describe('a number that opens a line is printed, not list markup', () => {
  const data = { ...editions[0]!.data, edition: { omissions: [], changes: [], joins: [], referencesHeading: null } };
  const source = '1. Introduction\n\nMade-up words for the test.\n\n2. Findings\n\nMore made-up words.\n\n3. One\n4. Two\n';
  const check = (body: string) => checkFidelity(source, data, body);

  test('a numbered heading keeps its number', async () => {
    expect((await check('## 1. Introduction\n\nMade-up words for the test.\n\n## 2. Findings\n\nMore made-up words.\n\n3. One\n4. Two\n')).ok).toBe(true);
    const dropped = await check('## Introduction\n\nMade-up words for the test.\n\n## 2. Findings\n\nMore made-up words.\n\n3. One\n4. Two\n');
    expect(dropped.ok).toBe(false);
    expect(dropped.divergences[0]!.missing).toEqual(['1.']);
  });

  test('a renumbered list is a change', async () => {
    const list = 'Made-up words.\n\n3. One\n4. Two\n';
    expect((await checkFidelity(list, data, list)).ok).toBe(true);
    const renumbered = await checkFidelity(list, data, 'Made-up words.\n\n1. One\n2. Two\n');
    expect(renumbered.ok).toBe(false);
    expect(renumbered.divergences.map((d) => [d.missing, d.unexpected])).toEqual([[['3.'], ['1.']], [['4.'], ['2.']]]);
  });
});
