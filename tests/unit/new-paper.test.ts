/** The new-paper draft, on a tiny made-up source (tests/fixtures/new-paper). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { draftEdition } from '../../src/lib/new-paper.ts';
import { sha256 } from '../../src/lib/source-file.ts';
import { statableFields } from '../../src/schema/paper.ts';

const source = readFileSync(path.join(import.meta.dirname, '../fixtures/new-paper/source.txt'));
const lines = source.toString('utf8').split('\n');
const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;
const draft = draftEdition(source, ['000_2550d759d4bfafe2.txt', '004_2ef06fe834ad6b9e.txt']);

describe('drafting an edition from a source', () => {
  test('names the source by the next number and its checksum, which is the checksum of the exact bytes', () => {
    expect(draft.sha256).toBe(sha256(source));
    expect(draft.sourceFile).toBe(`005_${sha256(source).slice(0, 16)}.txt`);
    expect(draft.frontmatter.source).toEqual({ file: draft.sourceFile, sha256: draft.sha256 });
  });

  test('invents no metadata: title, id, type, language, authors and dates stay empty, every statable field starts as not stated', () => {
    const f = draft.frontmatter as Record<string, unknown>;
    expect([f.id, f.title, f.titleSource, f.documentType, f.language]).toEqual(['', '', '', '', '']);
    expect(f.authors).toEqual([]);
    expect(f.dates).toEqual({ published: null, received: null, accepted: null, issued: null });
    expect(f.notStated).toEqual(statableFields.filter((s) => !s.startsWith('thesis.')));
  });

  test('the body keeps every line of the source; only candidate headings gain a "## " mark', () => {
    const bodyLines = draft.body.split('\n');
    expect(bodyLines.map((l) => l.replace(/^## /, ''))).toEqual(lines.map((l, i) => (draft.headings.some((h) => h.lines[0] === i + 1) ? l.trim() : l)));
    expect(draft.headings.map((h) => h.reason)).toEqual(expect.arrayContaining(['Introduction', 'Conclusion']));
  });

  test('proposes a join where a paragraph stops mid-sentence and the next starts in lower case', () => {
    expect(draft.joins.map((j) => j.lines)).toEqual([[lineOf('ends here and the'), lineOf('continues on the next page')]]);
  });

  test('proposes boilerplate and metadata lines as omissions, each with its source line', () => {
    const byLine = Object.fromEntries(draft.omissions.map((o) => [o.lines[0], o.kind]));
    expect(byLine).toEqual({
      [lineOf('A Made-Up Paper')]: 'metadata',
      [lineOf('Jane Example')]: 'metadata',
      [lineOf('Email:')]: 'metadata',
      [lineOf('Received on')]: 'metadata',
      [lineOf('Keywords:')]: 'metadata',
      [lineOf('Abstract')]: 'metadata',
      [lineOf('Journal of Examples |')]: 'page-furniture',
      [lineOf('Journal of Examples 13')]: 'page-furniture',
      [lineOf('12')]: 'page-furniture',
    });
  });

  test('a running header or footer is proposed as an omission by what it repeats, not taken for a heading', () => {
    const footer = draft.omissions.find((o) => o.lines[0] === lineOf('Journal of Examples 13'));
    expect(footer?.reason).toMatch(/running header or footer.*"Journal of Examples".*line \d+/);
    expect(draft.headings.map((h) => h.reason)).not.toContain('Journal of Examples 13');
  });

  test('a footer glued to a paragraph is proposed too when another line prints exactly its words, and the paragraph around it as a join', () => {
    const glued = draftEdition(Buffer.from('Journal of Examples\n\nIntroduction\n\nA paragraph that runs over the\nJournal of Examples 2\n\nnext page.\n'), []);
    expect(glued.omissions.map((o) => [o.lines, o.kind])).toEqual([[[6, 6], 'page-furniture']]);
    expect(glued.joins.map((j) => j.lines)).toEqual([[5, 8]]);
  });

  test('a keywords line in Markdown bold is a keywords line too', () => {
    expect(draftEdition(Buffer.from('Title\n\n**Keywords:** borders, markets\n'), []).omissions.map((o) => [o.lines, o.kind])).toEqual([[[3, 3], 'metadata']]);
  });

  test('the abstract under its heading is proposed as one metadata omission, up to the next heading', () => {
    const abstract = draft.omissions.find((o) => o.lines[0] === lineOf('Abstract'));
    expect(abstract?.lines).toEqual([lineOf('Abstract'), lineOf('A made-up abstract')]);
    expect(draft.headings.map((h) => h.reason)).not.toContain('Abstract');
  });

  test('an abstract printed as a paragraph opening with its label is proposed as one omission, to the paragraph\'s end', () => {
    const inline = draftEdition(Buffer.from('Abstract: A made-up abstract\nover two lines.\n\nIntroduction\n\nText of the paper.\n'), []);
    expect(inline.omissions.map((o) => [o.lines, o.kind])).toEqual([[[1, 2], 'metadata']]);
    expect(inline.headings.map((h) => h.reason)).toEqual(['Introduction']);
  });

  test('the front matter before the abstract is proposed as metadata omissions, a run of lines each, and never as headings', () => {
    const front = draft.omissions.filter((o) => o.reason.startsWith('front matter'));
    expect(front.map((o) => o.lines)).toEqual([[lineOf('A Made-Up Paper'), lineOf('A Made-Up Paper')], [lineOf('Jane Example'), lineOf('Jane Example')]]);
    expect(draft.headings.every((h) => h.lines[0] > lineOf('Abstract'))).toBe(true);
  });

  test('an abstract heading not taken for a heading ("**Abstract**") leaves the real headings alone', () => {
    const bold = draftEdition(Buffer.from('**Abstract**\n\nA made-up abstract.\n\nIntroduction\n\nText of the paper.\n'), []);
    expect(bold.omissions.map((o) => o.lines)).toEqual([[1, 3]]);
    expect(bold.headings.map((h) => h.reason)).toEqual(['Introduction']);
  });

  test('the report lists what the editor must decide, with the counts of candidates', () => {
    expect(draft.decisions.join('\n')).toMatch(/joins: 1 candidate/);
    expect(draft.decisions.join('\n')).toMatch(/omissions: 9 candidate/);
  });
});
