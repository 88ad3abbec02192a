/**
 * Citations as a student would paste them: the styles against a journal's own
 * printed references, missing data handled the way each style prescribes,
 * downloads that reference managers read back into the same fields, and
 * output identical from run to run.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import { describe, expect, test } from 'vitest';
import { cslItem } from '../../src/lib/bibliographic-record.ts';
import { citationStyles, formatInTextCitation, formatReference, toBibtex, toCslJson, toRis } from '../../src/lib/citation-styles.ts';
import { contentDir, editionFiles, readAuthor, readCitablePaper, readEdition } from '../../src/lib/edition-file.ts';

const pageUrl = (id: string) => `https://corpus.example/papers/${id}/`;
const ids = editionFiles().map((f) => readEdition(f).data.id);
const itemFor = (id: string) => cslItem(readCitablePaper(id), pageUrl(id));
const text = (id: string, style: string) => formatReference(itemFor(id), style, 'text');

describe('against the references the journal printed for taliban-ttp-nexus (source 003, lines 102–108)', () => {
  const { data } = readEdition(editionFiles().find((f) => readEdition(f).data.id === 'taliban-ttp-nexus')!);
  const sourceLines = readFileSync(path.join(contentDir, 'sources', data.source.file), 'utf8').split('\n');
  /** The journal's string for a style, as the page printed it (tags stripped; the extraction put a space before commas after italics). */
  const printed = (label: string) => {
    const line = sourceLines.slice(101, 108).find((l) => l.startsWith(`${label}\t`));
    if (!line) throw new Error(`no ${label} line in source lines 102–108`);
    return line.split('\t')[1]!.replace(/<[^>]+>/g, '').replace(/ ,/g, ',').replace(/\s+/g, ' ').trim();
  };
  const ours = (style: string) => text('taliban-ttp-nexus', style);

  test('APA 7: identical, except that APA 7 sets page ranges with an en dash where the journal typed a hyphen', () => {
    expect(ours('apa').replace('77–83', '77-83')).toBe(printed('APA'));
  });

  test('Chicago 17: identical once four differences of edition and typography are undone', () => {
    const undone = ours('chicago-author-date')
      .replace(/[“”]/g, '"') // typographic quotation marks; the journal's page has straight ones
      .replace('–', '-') // Chicago sets page ranges with an en dash
      .replace('(I): 77', '(I):77') // Chicago 17 (15.47) puts a space after the colon before pages; the journal does not
      .replace('https://doi.org/', 'doi: '); // Chicago 17 (14.64) gives a DOI as a URL; the older "doi:" prefix is 16th-edition form
    expect(undone).toBe(printed('CHICAGO'));
  });

  test('MLA 9 against the journal\'s MLA 7-era string: the same work, in the 9th edition\'s form', () => {
    const journal = printed('MLA');
    const mla9 = ours('modern-language-association');
    // The journal lists all three authors and ends with the medium ("Print."), as MLA 7 did;
    // MLA 9 uses "et al." for three or more authors, labels vol./no./pp., adds the DOI and drops the medium.
    expect(journal).toMatch(/^Ali, Nazik, Ghulam Mustafa, and Muhammad Arslan\. .* VIII\.I \(2025\): 77-83\. Print\.$/);
    expect(mla9).toMatch(/^Ali, Nazik, et al\. /);
    expect(mla9).toContain('Global Foreign Policies Review, vol. VIII, no. I, Mar. 2025, pp. 77–83, https://doi.org/10.31703/gfpr.2025(VIII-I).08.');
    // The journal's generator title-cased "TTP" as "Ttp"; the title is kept as the article prints it.
    expect(journal).toContain('Afghan Taliban and Ttp Nexus');
    expect(mla9).toContain(`“${data.title}.”`);
  });

  test('Harvard (Cite Them Right 12) against the journal\'s own Harvard variant: the same elements', () => {
    const journal = printed('HARVARD');
    const ctr = ours('harvard-cite-them-right');
    // The journal's variant capitalises surnames, gives the year without parentheses, leaves the title
    // unquoted and omits issue and DOI; Cite Them Right puts the year in parentheses, quotes the
    // article title in single quotes (British usage), and adds the issue, "pp." and the DOI.
    expect(journal).toBe(`ALI, N., MUSTAFA, G. & ARSLAN, M. 2025. ${data.title}. Global Foreign Policies Review, VIII, 77-83.`);
    expect(ctr).toBe(`Ali, N., Mustafa, G. and Arslan, M. (2025) ‘${data.title}’, Global Foreign Policies Review, VIII(I), pp. 77–83. Available at: https://doi.org/${data.venue.doi}.`);
  });
});

describe('missing data, the way each style prescribes', () => {
  test('no author: the title moves to the author position', () => {
    const id = 'taliban-return-national-security';
    const title = readCitablePaper(id).title;
    expect(readCitablePaper(id).authors).toEqual([]);
    const unquoted = (s: string) => s.replace(/[‘’“”'"]/g, '');
    for (const style of citationStyles) expect(unquoted(text(id, style.id)).startsWith(unquoted(title)), style.id).toBe(true);
  });

  test('no date: "n.d." (APA, Chicago), "no date" (Harvard); MLA leaves the date out', () => {
    const id = 'taliban-government-security-challenges';
    expect(itemFor(id).issued).toBeUndefined();
    expect(text(id, 'apa')).toMatch(/^Asma\. \(n\.d\.\)\. /);
    expect(text(id, 'chicago-author-date')).toMatch(/^Asma\. n\.d\. /);
    expect(text(id, 'harvard-cite-them-right')).toMatch(/^Asma \(no date\) /);
    expect(formatInTextCitation(itemFor(id), 'apa', 7)).toBe('(Asma, n.d., para. 7)');
  });

  test('the thesis: named as a thesis with its institution, as printed', () => {
    const id = 'taliban-government-security-challenges';
    const institution = readCitablePaper(id).thesis!.institution!;
    expect(text(id, 'apa')).toContain(`[Thesis, ${institution}]`);
    for (const style of citationStyles) expect(text(id, style.id)).toContain(institution);
  });

  test('no venue stated and none known: no journal appears', () => {
    const id = 'security-dilemma-comparative-analysis';
    expect(itemFor(id)['container-title']).toBeUndefined();
    expect(itemFor(id).type).toBe('article');
  });

  test('a journal known only from outside the source is used, and only with its source recorded', () => {
    const paper = readCitablePaper('neo-taliban-regime');
    const fact = paper.externalFacts.find((f) => f.field === 'venue.journal')!;
    expect(paper.venue.journal).toBeNull();
    expect(itemFor('neo-taliban-regime')['container-title']).toBe(fact.value);
    expect(fact.url).toMatch(/^https:\/\//);
  });

  test('names whose division no source shows are given as printed, not split by guess', () => {
    const paper = readCitablePaper('neo-taliban-regime');
    expect(paper.authors.every((a) => a.nameParts === null)).toBe(true);
    expect(text('neo-taliban-regime', 'apa')).toMatch(new RegExp(`^${paper.authors[0]!.name} & ${paper.authors[1]!.name}\\. `));
  });

  test('passage pinpoints: the label each style uses for unpaginated text', () => {
    const item = itemFor('taliban-ttp-nexus');
    expect(formatInTextCitation(item, 'apa', 12)).toBe('(Ali et al., 2025, para. 12)');
    expect(formatInTextCitation(item, 'chicago-author-date', 12)).toBe('(Ali, Mustafa, and Arslan 2025, para. 12)');
    expect(formatInTextCitation(item, 'harvard-cite-them-right', 12)).toBe('(Ali, Mustafa and Arslan, 2025, para. 12)');
    // The official MLA style joins label and number without a space; kept as the style produces it.
    expect(formatInTextCitation(item, 'modern-language-association', 12)).toBe('(Ali et al., para.12)');
  });
});

/** The fields a reference manager shows, from CSL-JSON (whichever way it was read). */
function fields(item: Record<string, unknown>) {
  const names = (item.author as ({ family?: string; given?: string; literal?: string })[] | undefined)?.map((n) => n.literal ?? [n.given, n.family].filter(Boolean).join(' '));
  const issued = (item.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  return {
    title: item.title,
    authors: names ?? [],
    year: issued?.[0],
    journal: item['container-title'],
    volume: item.volume,
    issue: item.issue,
    page: (item.page as string | undefined)?.replace('--', '-'),
    doi: item.DOI,
    issn: item.ISSN,
    url: item.URL,
    publisher: item.publisher,
  };
}

describe.each(ids)('downloads of %s', (id) => {
  const item = itemFor(id);
  test('BibTeX parses back into the same fields', async () => {
    const [back] = (await Cite.async(toBibtex([item]))).data;
    expect(fields(back!)).toEqual(fields(item as unknown as Record<string, unknown>));
  });
  test('RIS parses back into the same fields', async () => {
    const [back] = (await Cite.async(toRis([item]))).data;
    expect(fields(back!)).toEqual(fields(item as unknown as Record<string, unknown>));
  });
  test('CSL-JSON is the item itself', () => {
    expect(JSON.parse(toCslJson([item]))).toEqual([item]);
  });
  test('every format names the paper by its permanent id, and is identical from run to run', () => {
    const again = itemFor(id);
    expect(toBibtex([item])).toContain(`{${id.replaceAll('-', '_')},`);
    expect(toRis([item])).toContain(`ID  - ${id.slice(0, 20)}`);
    for (const write of [toBibtex, toRis, toCslJson]) expect(write([again])).toBe(write([item]));
    for (const style of citationStyles) expect(formatReference(again, style.id)).toBe(formatReference(item, style.id));
  });
});

test('the style definitions are the official files, unmodified (checksums recorded in src/citation-styles/README.md)', () => {
  const dir = path.resolve(import.meta.dirname, '../../src/citation-styles');
  const recorded = new Map([...readFileSync(path.join(dir, 'README.md'), 'utf8').matchAll(/`([0-9a-f]{64})`\s+`([\w.-]+)`/g)].map((m) => [m[2]!, m[1]!]));
  const files = readdirSync(dir).filter((f) => /\.(csl|xml)$/.test(f));
  expect(files.length).toBe(5);
  for (const file of files) expect(createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex'), file).toBe(recorded.get(file));
});

test('every family/given division of a name is printed so in the source line it cites ("Ali, N.")', () => {
  const dir = path.join(contentDir, 'authors');
  const divided = readdirSync(dir)
    .map((f) => readAuthor(f.replace(/\.yaml$/, '')))
    .filter((a) => a.nameParts);
  expect(divided.length).toBeGreaterThan(0);
  for (const author of divided) {
    const { family, given, shownIn } = author.nameParts!;
    const line = readFileSync(path.join(contentDir, 'sources', shownIn.file), 'utf8').split('\n')[shownIn.line - 1]!;
    expect(line, author.name).toContain(`${family}, ${given[0]}.`);
    expect(`${given} ${family}`).toBe(author.name);
  }
});
