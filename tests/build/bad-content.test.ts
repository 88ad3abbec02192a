/**
 * Bad content stops the build with the file, the field (or line) and what
 * was expected. Each case copies the small fixture corpus
 * (tests/fixtures/gate-corpus: one paper with its source, vocabulary and
 * claims), breaks one thing, and runs the content check the build runs first
 * (src/lib/content-check.ts, called by src/integrations/content-gate.ts):
 * the same code path, without rendering every page. Permanence cases check a
 * built site against a broken record with the function the build's last
 * step calls. One case runs the real `astro build` to show the gate is wired
 * in; harmless-by-design changes are built for real and must change nothing.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { checkContent } from '../../src/lib/content-check.ts';
import { contentDir as realContentDir } from '../../src/lib/edition-file.ts';
import { permanenceProblems, readPermanenceRecord, type PermanenceRecord } from '../../src/lib/permanence.ts';
import { buildSite, projectRoot } from '../support/build.ts';

const fixture = path.join(projectRoot, 'tests/fixtures/gate-corpus');
const work = mkdtempSync(path.join(tmpdir(), 'corpus-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const paper = 'papers/taliban-ttp-nexus.md';
const claim = 'claims/taliban-ttp-nexus/ttn-attacks-2023.yaml';
const theme = 'themes/durand-line.yaml';
const sourceFile = 'sources/003_96bfdd216bd14e6e.txt';

let copies = 0;
/** A fresh copy of the fixture corpus. */
function copyFixture(): string {
  const dir = path.join(work, `content-${++copies}`);
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const replaceIn = (dir: string, file: string, from: string | RegExp, to: string) => {
  const text = read(dir, file);
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}: ${from}`);
  writeFileSync(path.join(dir, file), next);
};
/** The 1-based line of a file on which `text` first appears. */
const lineOf = (dir: string, file: string, text: string) => read(dir, file).split('\n').findIndex((l) => l.includes(text)) + 1;

/** The check's problems for the fixture with one edit. */
async function problemsWith(edit: (dir: string) => void): Promise<string> {
  const dir = copyFixture();
  edit(dir);
  return (await checkContent(dir)).join('\n');
}

interface Case {
  name: string;
  edit: (dir: string) => void;
  /** What the message must name: the file, the field or line, and the expectation. */
  says: (string | RegExp | ((dir: string) => string))[];
}

const cases: Record<string, Case[]> = {
  schema: [
    { name: 'an empty title', edit: (d) => replaceIn(d, paper, /^title: .*$/m, 'title: ""'), says: [`content/${paper}: field "title": expected non-empty text`] },
    { name: 'a field the schema does not know', edit: (d) => replaceIn(d, paper, /^title: /m, 'subtitle: "x"\ntitle: '), says: [`content/${paper}: field "(whole file)"`, 'subtitle'] },
    { name: 'an unknown document type', edit: (d) => replaceIn(d, paper, /^documentType: .*$/m, 'documentType: book'), says: [`content/${paper}: field "documentType": expected one of: journal-article, thesis, article-unstated-venue`] },
    { name: 'an empty field not listed in notStated', edit: (d) => replaceIn(d, paper, /^  - venue\.publisher\n/m, ''), says: [`content/${paper}: field "notStated": expected "venue.publisher" in notStated, since it is empty`] },
    { name: 'a language that is not a language tag', edit: (d) => replaceIn(d, paper, /^language: en$/m, 'language: English'), says: [`content/${paper}: field "language": expected a BCP 47 language tag`] },
    { name: 'a malformed source file name', edit: (d) => replaceIn(d, paper, /^  file: .*$/m, '  file: source.txt'), says: [`content/${paper}: field "source.file": expected a source file name like`] },
    { name: 'a claim of an unknown kind', edit: (d) => replaceIn(d, claim, /^kind: .*$/m, 'kind: opinion'), says: [`content/${claim}: field "kind": expected one of: main-argument`] },
    { name: 'a citation on a claim that is not a statistic', edit: (d) => replaceIn(d, claim, /^kind: statistic$/m, 'kind: finding'), says: [`content/${claim}: field "citation": expected no citation (null) except on a statistic`] },
    { name: 'a theme without aliases', edit: (d) => replaceIn(d, theme, /^aliases:\n(  - .*\n|    - .*\n)+/m, 'aliases: []\n'), says: [`content/${theme}: field "aliases": expected at least one alias`] },
    { name: 'an author without a name', edit: (d) => replaceIn(d, 'authors/nazik-ali.yaml', /^name: .*$/m, 'name: ""'), says: ['content/authors/nazik-ali.yaml: field "name": expected non-empty text'] },
    {
      name: 'a duplicate id',
      edit: (d) => cpSync(path.join(d, theme), path.join(d, 'themes/durand-line-copy.yaml')),
      says: [/content\/themes\/durand-line(-copy)?\.yaml: field "id": expected a unique id, but "durand-line" is already used by content\/themes\/durand-line(-copy)?\.yaml/],
    },
  ],
  vocabulary: [
    { name: 'a theme that does not exist', edit: (d) => replaceIn(d, paper, /^themes:\n  - [a-z-]+$/m, 'themes:\n  - no-such-theme'), says: [/content\/papers\/taliban-ttp-nexus\.md: field "themes\[0\]": expected the id of an entry in content\/themes\/ \(one of: [a-z, -]+\), got "no-such-theme"/] },
    { name: 'a method that does not exist', edit: (d) => replaceIn(d, paper, /^methods:\n  - [a-z-]+$/m, 'methods:\n  - no-such-method'), says: [`content/${paper}: field "methods[0]": expected the id of an entry in content/methods/`] },
    { name: 'an author entry that does not exist', edit: (d) => replaceIn(d, paper, /^  - author: nazik-ali$/m, '  - author: no-such-author'), says: [`content/${paper}: field "authors[0].author": expected the id of an entry in content/authors/`] },
    { name: 'a theme listed twice on a paper', edit: (d) => replaceIn(d, paper, /^themes:\n  - ([a-z-]+)$/m, 'themes:\n  - $1\n  - $1'), says: [`content/${paper}: field "themes[1]": expected each theme once`] },
    { name: 'a method listed twice on a paper', edit: (d) => replaceIn(d, paper, /^methods:\n  - ([a-z-]+)$/m, 'methods:\n  - $1\n  - $1'), says: [`content/${paper}: field "methods[1]": expected each method once`] },
    { name: 'an author listed twice on a paper', edit: (d) => replaceIn(d, paper, /^authors:\n/m, 'authors:\n  - author: muhammad-arslan\n    asPrinted: "Muhammad Arslan"\n    affiliation: null\n'), says: [/content\/papers\/taliban-ttp-nexus\.md: field "authors\[\d\]": expected each author once, but "muhammad-arslan" is also entry 0/] },
    { name: 'a keyword listed twice', edit: (d) => replaceIn(d, paper, /^keywords:\n  - (.*)$/m, 'keywords:\n  - $1\n  - $1'), says: [`content/${paper}: field "keywords[1]": expected each keyword once`] },
    { name: 'a claim on a theme that does not exist', edit: (d) => replaceIn(d, claim, /^themes: \[.*\]$/m, 'themes: [no-such-theme]'), says: [`content/${claim}: field "themes[0]": expected the id of an entry in content/themes/`] },
    { name: 'a claim of a paper that does not exist', edit: (d) => replaceIn(d, claim, /^paper: .*$/m, 'paper: no-such-paper'), says: [`content/${claim}: field "paper": expected`] },
    { name: 'a quantity on a theme that does not exist', edit: (d) => replaceIn(d, 'quantities/terrorist-attacks-in-pakistan-2023.yaml', /^theme: .*$/m, 'theme: no-such-theme'), says: ['content/quantities/terrorist-attacks-in-pakistan-2023.yaml: field "theme": expected the id of an entry in content/themes/'] },
    { name: 'a theory framing a paper that does not exist', edit: (d) => writeFileSync(path.join(d, 'theories/security-dilemma.yaml'), `${read(d, 'theories/security-dilemma.yaml')}framings:\n  - paper: no-such-paper\n    framing: "x"\n`), says: ['content/theories/security-dilemma.yaml: field "framings[0].paper": expected the id of an entry in content/papers/'] },
  ],
  'dates and identifiers': [
    { name: 'a month that does not exist (2025-13)', edit: (d) => replaceIn(d, paper, 'value: "2025-03"', 'value: "2025-13"'), says: [`content/${paper}: field "dates.issued.value": expected a real calendar date, got "2025-13"`] },
    {
      name: 'a day that does not exist (30 February)',
      edit: (d) => replaceIn(d, paper, /value: "2025-03"\n    precision: month\n    asPrinted: .*/, 'value: "2025-02-30"\n    precision: day\n    asPrinted: "30 February 2025"'),
      says: [`content/${paper}: field "dates.issued.value": expected a real calendar date, got "2025-02-30"`],
    },
    { name: 'a date value that disagrees with its printed form', edit: (d) => replaceIn(d, paper, 'value: "2025-03"', 'value: "2025-04"'), says: [`content/${paper}: field "dates.issued.value": expected the value to agree with asPrinted "WINTER (MARCH-2025)", which does not show the month april`] },
    { name: 'a date read from a line that does not print it', edit: (d) => replaceIn(d, paper, /^    line: 17$/m, '    line: 19'), says: [`content/${paper}: field "dates.issued.line": expected source line 19 to print "WINTER (MARCH-2025)"`] },
    { name: 'a date read from a line the source does not have', edit: (d) => replaceIn(d, paper, /^    line: 17$/m, '    line: 4300'), says: [`content/${paper}: field "dates.issued.line": expected a line of 003_96bfdd216bd14e6e.txt (1–302), got 4300`] },
    { name: 'an ISSN with a wrong check digit', edit: (d) => replaceIn(d, paper, 'issn: "2788-502X"', 'issn: "2788-5021"'), says: [`content/${paper}: field "venue.issn": expected the check digit X for an ISSN starting "2788-502", got "2788-5021"`] },
    { name: 'a page range in the wrong order (83–77)', edit: (d) => replaceIn(d, paper, /first: "77"\n    last: "83"/, 'first: "83"\n    last: "77"'), says: [`content/${paper}: field "venue.pages.last": expected the last page not to come before the first`] },
    { name: 'a malformed DOI', edit: (d) => replaceIn(d, paper, /^  doi: .*$/m, '  doi: "doi:10/abc"'), says: [`content/${paper}: field "venue.doi": expected a DOI like "10.1234/abc" (no https://doi.org/ prefix)`] },
    { name: 'a javascript: URL for the article', edit: (d) => replaceIn(d, paper, /^  url: .*$/m, '  url: "javascript:alert(1)"'), says: [`content/${paper}: field "venue.url": expected an absolute http(s) URL`] },
    {
      name: 'a javascript: URL for an external fact',
      edit: (d) => replaceIn(d, paper, /^externalFacts: \[\]$/m, 'externalFacts:\n  - field: venue.publisher\n    value: "x"\n    url: "javascript:alert(1)"\n    note: "x"'),
      says: [`content/${paper}: field "externalFacts[0].url": expected an absolute http(s) URL`],
    },
    { name: 'a source changed by one byte', edit: (d) => replaceIn(d, sourceFile, 'Article Title', 'Article title'), says: [`content/${paper}: field "source.sha256": expected the sha256 of content/${sourceFile}`] },
    { name: 'a checksum that is not the source’s', edit: (d) => replaceIn(d, paper, /^  sha256: [0-9a-f]{64}$/m, `  sha256: ${'a'.repeat(64)}`), says: [`content/${paper}: field "source.sha256": expected the sha256 of content/${sourceFile}`] },
    { name: 'a source file that is not there', edit: (d) => rmSync(path.join(d, sourceFile)), says: [`content/${paper}: field "source.file": expected a file in content/sources/, but 003_96bfdd216bd14e6e.txt is not there`] },
  ],
  'edition bookkeeping': [
    { name: 'an omission past the end of the source', edit: (d) => replaceIn(d, paper, '- lines: [302, 302]', '- lines: [4300, 4500]'), says: [/content\/papers\/taliban-ttp-nexus\.md: field "edition\.omissions\[\d+\]\.lines": expected lines of the source, but omission 4300–4500 ends after its last line, 302/] },
    { name: 'a change on a line the source does not have', edit: (d) => replaceIn(d, paper, /^  changes: \[\]$/m, '  changes:\n    - line: 4300\n      source: "x"\n      edition: "y"\n      reason: "z"'), says: [`content/${paper}: field "edition.changes[0]": expected a line of the source, but line 4300 is after its last line, 302`] },
    { name: 'a join on lines the source does not have', edit: (d) => replaceIn(d, paper, '- lines: [171, 173]', '- lines: [4300, 4500]'), says: [`content/${paper}: field "edition.joins[0].lines": expected lines of the source, but 4300–4500 ends after its last line, 302`] },
    { name: 'a join mark without its declaration', edit: (d) => replaceIn(d, paper, /^    - lines: \[171, 173\]\n      reason: .*\n/m, ''), says: [`content/${paper}: field "edition.joins": expected one entry per {{ed:join}} mark of the body (9), but it declares 8`] },
    { name: 'a malformed edition note {{ed: join}}', edit: (d) => replaceIn(d, paper, 'the Taliban interim government {{ed:join}}', 'the Taliban interim government {{ed: join}}'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, 'the Taliban interim government {{ed: join}}')}: malformed edition note "{{ed: join}}`] },
    { name: 'an edition note of an unknown kind', edit: (d) => replaceIn(d, paper, 'the Taliban interim government {{ed:join}}', 'the Taliban interim government {{ed:jion}}'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, '{{ed:jion}}')}: unknown edition note kind "jion"`] },
    { name: 'a paragraph the source lacks, appended', edit: (d) => replaceIn(d, paper, /\n## References\n/, '\nThis paragraph is in no source.\n\n## References\n'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, 'This paragraph is in no source.')}: expected the words of 003_96bfdd216bd14e6e.txt`, 'the edition has "This paragraph is in no source."'] },
    { name: 'a figure altered in the body', edit: (d) => replaceIn(d, paper, 'the number of attacks was 79', 'the number of attacks was 97'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, 'the number of attacks was 97')}: expected the words of 003_96bfdd216bd14e6e.txt`, 'the source has "79", the edition has "97"'] },
    { name: 'a references heading that differs in case', edit: (d) => replaceIn(d, paper, /^  referencesHeading: References$/m, '  referencesHeading: references'), says: [`content/${paper}: field "edition.referencesHeading": expected the exact text of a heading of the body (the body has "References", which differs in case), got "references"`] },
    { name: 'a metadata value not printed where the omission says', edit: (d) => replaceIn(d, paper, /^title: "(.*)Relations"$/m, 'title: "$1Relation"'), says: [/content\/papers\/taliban-ttp-nexus\.md: field "edition\.omissions\[\d+\]\.fields": metadata omission 19–21: title value ".*Relation" is not printed in those lines/] },
    {
      name: 'a claim whose quotation differs from its passage by one character',
      edit: (d) => replaceIn(d, claim, 'the number of attacks was 79', 'the number of attacks was 97'),
      says: [`content/${claim}: field "quotation": expected a verbatim quotation from passage p23 of taliban-ttp-nexus; not found there`],
    },
    { name: 'a claim citing a passage its paper does not have', edit: (d) => replaceIn(d, claim, /^passage: p23$/m, 'passage: p400'), says: [/content\/claims\/taliban-ttp-nexus\/ttn-attacks-2023\.yaml: field "passage": expected a paragraph anchor of taliban-ttp-nexus \(p1–p\d+, as `npm run passages -- taliban-ttp-nexus` prints them\), got "p400"/] },
  ],
  'markup and URLs': [
    { name: 'a raw <script> block', edit: (d) => replaceIn(d, paper, '\n## Conclusion\n', '\n<script>alert(1)</script>\n\n## Conclusion\n'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, '<script>')}: expected text, found raw HTML "<script>alert(1)</script>"`] },
    { name: 'a third-party <iframe>', edit: (d) => replaceIn(d, paper, '\n## Conclusion\n', '\n<iframe src="https://example.com/"></iframe>\n\n## Conclusion\n'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, '<iframe')}: expected text, found raw HTML "<iframe`] },
    { name: 'an inline <img onerror> in a paragraph', edit: (d) => replaceIn(d, paper, 'the number of attacks was 79', 'the number of attacks was <img src=x onerror=alert(1)>79'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, 'onerror')}: expected text, found raw HTML "<img src=x onerror=alert(1)>"`] },
    { name: 'an inline <svg onload> in a paragraph', edit: (d) => replaceIn(d, paper, 'the number of attacks was 79', 'the number of attacks was <svg onload=alert(1)>79'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, 'onload')}: expected text, found raw HTML "<svg onload=alert(1)>"`] },
    { name: 'an HTML comment with an editor’s note', edit: (d) => replaceIn(d, paper, '\n## Conclusion\n', '\n<!-- TODO check this -->\n\n## Conclusion\n'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, '<!--')}: expected text, found an HTML comment "<!-- TODO check this -->"`] },
    { name: 'a javascript: link', edit: (d) => replaceIn(d, paper, 'the number of attacks was 79', 'the number of attacks was [79](javascript:alert(1))'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, 'javascript:')}: expected a link to http(s), mailto or a path of this site, found "javascript:alert(1)" (the scheme "javascript:" is not allowed)`] },
    { name: 'a javascript: link with a tab in its scheme', edit: (d) => replaceIn(d, paper, 'the number of attacks was 79', 'the number of attacks was [79](<java\tscript:alert(1)>)'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, 'script:alert')}: expected a link to http(s), mailto or a path of this site`, 'the scheme "javascript:" is not allowed'] },
    { name: 'a data: link', edit: (d) => replaceIn(d, paper, 'the number of attacks was 79', 'the number of attacks was [79](data:text/html,x)'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, 'data:text')}: expected a link to http(s), mailto or a path of this site`, 'the scheme "data:" is not allowed'] },
    { name: 'a protocol-relative link', edit: (d) => replaceIn(d, paper, 'the number of attacks was 79', 'the number of attacks was [79](//example.com/x)'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, '//example.com')}: expected a link to http(s), mailto or a path of this site`, 'protocol-relative'] },
    { name: 'a link reference definition to javascript:', edit: (d) => replaceIn(d, paper, '\n## Conclusion\n', '\n[x]: javascript:alert(1)\n\n## Conclusion\n'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, '[x]: javascript')}: expected a link to http(s), mailto or a path of this site`] },
    { name: 'an image', edit: (d) => replaceIn(d, paper, 'the number of attacks was 79', 'the number of attacks was ![79](https://example.com/x.png)'), says: [(d) => `content/${paper}: line ${lineOf(d, paper, 'x.png')}: expected text, found an image "https://example.com/x.png"`] },
  ],
  encoding: [
    { name: 'a claim saved as .yml', edit: (d) => renameSync(path.join(d, claim), path.join(d, claim.replace(/\.yaml$/, '.yml'))), says: ['content/claims/taliban-ttp-nexus/ttn-attacks-2023.yml: expected a .yaml file (content/claims/ loads only **/*.yaml), so this file would not be published'] },
    { name: 'a paper saved as .markdown', edit: (d) => renameSync(path.join(d, paper), path.join(d, paper.replace(/\.md$/, '.markdown'))), says: ['content/papers/taliban-ttp-nexus.markdown: expected a .md file directly in the folder (content/papers/ loads only *.md)'] },
    { name: 'a theme in a sub-folder', edit: (d) => { cpSync(path.join(d, 'themes'), path.join(d, 'themes-old'), { recursive: true }); renameSync(path.join(d, 'themes-old'), path.join(d, 'themes/old')); }, says: ['content/themes/old/durand-line.yaml: expected a .yaml file directly in the folder (content/themes/ loads only *.yaml)'] },
    { name: 'YAML that does not parse', edit: (d) => replaceIn(d, theme, /^name: /m, 'name: [unclosed\nname: '), says: [`content/${theme}: expected YAML:`] },
    { name: 'a paper without frontmatter delimiters', edit: (d) => replaceIn(d, paper, /^---\n/, ''), says: [`content/${paper}: expected YAML frontmatter and a Markdown body: content/${paper}: expected YAML frontmatter between --- lines`] },
    { name: 'a byte that is not UTF-8', edit: (d) => writeFileSync(path.join(d, theme), Buffer.concat([readFileSync(path.join(d, theme)), Buffer.from([0x0a, 0x23, 0x20, 0xe9, 0x0a])])), says: [/content\/themes\/durand-line\.yaml: expected YAML: expected UTF-8 text, but line \d+ has a byte that is not UTF-8/] },
  ],
};

test('the fixture corpus itself passes the check', async () => {
  expect(await checkContent(fixture)).toEqual([]);
});

test('checked on worker threads (as a large corpus is), the content check reports the same problems in the same order', async () => {
  const dir = copyFixture();
  for (let n = 2; n <= 4; n++) writeFileSync(path.join(dir, `papers/copy-${n}.md`), read(dir, paper).replace(/^id: taliban-ttp-nexus$/m, `id: copy-${n}`));
  replaceIn(dir, 'papers/copy-2.md', /^(  sha256: )[0-9a-f]/m, '$1f');
  replaceIn(dir, 'papers/copy-4.md', 'interdependent owing to', 'interdependent thanks to');
  const inline = await checkContent(dir, { workers: 0 });
  expect(inline.some((p) => p.startsWith('content/papers/copy-2.md: field "source.sha256"'))).toBe(true);
  expect(inline.some((p) => p.startsWith('content/papers/copy-4.md: line '))).toBe(true);
  expect(await checkContent(dir, { workers: 2 })).toEqual(inline);
});

test(`the suite holds at least 40 distinct bad-content cases (${Object.values(cases).flat().length})`, () => {
  const names = Object.values(cases).flat().map((c) => c.name);
  expect(new Set(names).size).toBe(names.length);
  expect(names.length).toBeGreaterThanOrEqual(40);
});

for (const [kind, list] of Object.entries(cases)) {
  describe(kind, () => {
    test.each(list.map((c) => [c.name, c] as const))('fails on %s', async (_name, { edit, says }) => {
      let dir = '';
      const problems = await problemsWith((d) => {
        dir = d;
        edit(d);
      });
      expect(problems, 'the check should have failed').not.toBe('');
      for (const part of says) {
        const expected = typeof part === 'function' ? part(dir) : part;
        if (expected instanceof RegExp) expect(problems).toMatch(expected);
        else expect(problems).toContain(expected);
      }
    });
  });
}

describe('permanence (checked against the site the build wrote, as its last step does)', () => {
  const dist = inject('distDir');
  const record = readPermanenceRecord(realContentDir);
  const paperPage = Object.keys(record.pages).find((p) => p.startsWith('/papers/') && Object.keys(record.pages[p]!).includes('p5'))!;
  const withRecord = (change: (r: PermanenceRecord) => void) => {
    const copy = structuredClone(record);
    change(copy);
    return permanenceProblems(copy, dist).join('\n');
  };

  test('the record as it is holds', () => {
    expect(permanenceProblems(record, dist)).toEqual([]);
  });
  test('fails on a recorded anchor the build no longer has', () => {
    expect(withRecord((r) => { r.pages[paperPage]!.p9999 = '0000000000000000'; })).toContain(`content/published.json: ${paperPage}#p9999: anchor removed`);
  });
  test('fails on an anchor that now points at different text, with no erratum', () => {
    expect(withRecord((r) => { r.pages[paperPage]!.p5 = '0000000000000000'; })).toContain(`content/published.json: ${paperPage}#p5: now points at different text (no erratum recorded)`);
  });
  test('fails on a recorded page that is gone without a redirect', () => {
    expect(withRecord((r) => { r.pages['/papers/an-earlier-id/'] = {}; })).toContain('content/published.json: /papers/an-earlier-id/: no longer published, and no redirect is recorded');
  });
  test('fails on a redirect to a page that does not exist', () => {
    expect(withRecord((r) => { r.redirects['/papers/an-earlier-id/'] = '/papers/nowhere/'; })).toContain('content/published.json: field "redirects["/papers/an-earlier-id/"]": expected a redirect to a published page, but /papers/nowhere/ is not built');
  });
  test('fails on a redirect from a page the site still serves', () => {
    expect(withRecord((r) => { r.redirects[paperPage] = '/papers/'; })).toContain(`content/published.json: field "redirects[${JSON.stringify(paperPage)}]": expected a URL that nothing else serves, but ${paperPage} is a page of the site`);
  });
  test('fails on a redirect that is not a site path', () => {
    expect(withRecord((r) => { r.redirects['/papers/an-earlier-id/'] = 'https://example.com/'; })).toContain('content/published.json: field "redirects["/papers/an-earlier-id/"]": expected site paths like "/papers/old-id/" on both sides');
  });
});

/** Every file of a built site with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, rel);
    if (statSync(file).isFile()) found.set(rel, readFileSync(file));
  }
  return found;
}

describe('the real build', () => {
  test('stops before rendering on bad content, naming file and line', { timeout: 300_000 }, () => {
    const dir = copyFixture();
    replaceIn(dir, paper, '\n## Conclusion\n', '\n<script>alert(1)</script>\n\n## Conclusion\n');
    const { status, output } = buildSite({ outDir: path.join(work, 'dist-bad'), contentDir: dir, cacheDir: path.join(work, 'cache-bad') });
    expect(status).not.toBe(0);
    expect(output).toContain(`content/${paper}: line ${lineOf(dir, paper, '<script>')}: expected text, found raw HTML "<script>alert(1)</script>"`);
    expect(output).not.toContain('[build] Complete!');
  });

  // Two clean builds (separate folders and caches) of one corpus, one with harmless changes: also a reproducibility check.
  test('publishes the same bytes whether files carry a byte-order mark, Windows line ends or another file name', { timeout: 600_000 }, () => {
    const plain = buildSite({ outDir: path.join(work, 'dist-plain'), contentDir: fixture, cacheDir: path.join(work, 'cache-plain') });
    expect(plain.status, plain.output.slice(-3000)).toBe(0);
    const dir = copyFixture();
    writeFileSync(path.join(dir, paper), `\uFEFF${read(dir, paper)}`);
    writeFileSync(path.join(dir, theme), read(dir, theme).replace(/\n/g, '\r\n'));
    renameSync(path.join(dir, 'themes/ttp-militancy.yaml'), path.join(dir, 'themes/ttp.yaml'));
    const harmless = buildSite({ outDir: path.join(work, 'dist-harmless'), contentDir: dir, cacheDir: path.join(work, 'cache-harmless') });
    expect(harmless.status, harmless.output.slice(-3000)).toBe(0);
    const before = files(path.join(work, 'dist-plain'));
    const after = files(path.join(work, 'dist-harmless'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const differing = [...before].filter(([rel, bytes]) => !bytes.equals(after.get(rel)!)).map(([rel]) => rel);
    expect(differing).toEqual([]);
  });
});
