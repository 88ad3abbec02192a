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
import { cslItem, editionDate } from '../../src/lib/bibliographic-record.ts';
import { toBibtex } from '../../src/lib/citation-bibtex.ts';
import { citationStyles, formatInTextCitation, formatReference, toCslJson, toRis } from '../../src/lib/citation-styles.ts';
import { contentDir, editionFiles, readAuthor, readCitablePaper, readEdition, readVocabularyNames } from '../../src/lib/edition-file.ts';
import { headlineCase, nameCase, protectedWordsOf, sentenceCase } from '../../src/lib/title-case.ts';

const pageUrl = (id: string) => `https://corpus.example/papers/${id}/`;
const ids = editionFiles().map((f) => readEdition(f).data.id);
const words = protectedWordsOf(readVocabularyNames());
const itemFor = (id: string) => cslItem(readCitablePaper(id), pageUrl(id));
const text = (id: string, style: string) => formatReference(itemFor(id), style, words, 'text');
const inText = (id: string, style: string, paragraph?: number) => formatInTextCitation(itemFor(id), style, words, paragraph);

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

  test('APA 7: identical, except the en dash APA 7 sets in page ranges and the sentence case it asks for in article titles', () => {
    const title = readCitablePaper('taliban-ttp-nexus').title;
    expect(ours('apa').replace('77–83', '77-83').replace(sentenceCase(title, words), title)).toBe(printed('APA'));
  });

  test('Chicago 18: the same elements once differences of edition and typography are undone', () => {
    const undone = ours('chicago-author-date')
      .replace(/[“”]/g, '"') // typographic quotation marks; the journal's page has straight ones
      .replace('–', '-') // Chicago sets page ranges with an en dash
      .replace('(I): 77', '(I):77') // the CSL style puts a space after the colon before pages; the journal does not
      .replace('https://doi.org/', 'doi: '); // Chicago gives a DOI as a URL; the older "doi:" prefix is 16th-edition form
    expect(undone).toBe(printed('CHICAGO'));
  });

  test('MLA 9 against the journal\'s MLA 7-era string: the same work, in the 9th edition\'s form', () => {
    const journal = printed('MLA');
    const mla9 = ours('modern-language-association');
    // The journal lists all three authors and ends with the medium ("Print."), as MLA 7 did;
    // MLA 9 uses "et al." for three or more authors, labels vol./no./pp., adds the DOI and drops the medium.
    expect(journal).toMatch(/^Ali, Nazik, Ghulam Mustafa, and Muhammad Arslan\. .* VIII\.I \(2025\): 77-83\. Print\.$/);
    expect(mla9).toMatch(/^Ali, Nazik, et al\. /);
    expect(mla9).toContain(`Global Foreign Policies Review, ${'VIII'}, no. I, Mar. 2025, pp. 77–83, https://doi.org/${data.venue.doi}.`);
    // The journal's generator title-cased "TTP" as "Ttp"; the title is kept as the article prints it.
    expect(journal).toContain('Afghan Taliban and Ttp Nexus');
    expect(mla9).toContain(`“${headlineCase(data.title, words)}.”`);
  });

  test('Harvard (Cite Them Right 12) against the journal\'s own Harvard variant: the same elements', () => {
    const journal = printed('HARVARD');
    const ctr = ours('harvard-cite-them-right');
    // The journal's variant capitalises surnames, gives the year without parentheses, leaves the title
    // unquoted and omits issue and DOI; Cite Them Right puts the year in parentheses, quotes the
    // article title in single quotes (British usage), and adds the issue, "pp." and the DOI.
    expect(journal).toBe(`ALI, N., MUSTAFA, G. & ARSLAN, M. 2025. ${data.title}. Global Foreign Policies Review, VIII, 77-83.`);
    expect(ctr).toBe(`Ali, N., Mustafa, G. and Arslan, M. (2025) ‘${sentenceCase(data.title, words)}’, Global Foreign Policies Review, VIII(I), pp. 77–83. Available at: https://doi.org/${data.venue.doi}.`);
  });
});

describe('missing data, the way each style prescribes', () => {
  test('no author: the title moves to the author position (Cite Them Right: the journal, where one is known)', () => {
    const id = 'taliban-return-national-security';
    const paper = readCitablePaper(id);
    expect(paper.authors).toEqual([]);
    const unquoted = (s: string) => s.replace(/[‘’“”'"]/g, '');
    for (const style of citationStyles) {
      const lead = style.id === 'harvard-cite-them-right' ? paper.venue.journal! : style.titleCase === 'sentence' ? sentenceCase(paper.title, words) : headlineCase(paper.title, words);
      expect(unquoted(text(id, style.id)).startsWith(unquoted(lead)), style.id).toBe(true);
    }
    // With neither author nor journal, every style leads with the title and labels nothing.
    const bare = 'security-dilemma-comparative-analysis';
    for (const style of citationStyles) {
      expect(unquoted(text(bare, style.id)).startsWith(unquoted(style.titleCase === 'sentence' ? sentenceCase(readCitablePaper(bare).title, words) : headlineCase(readCitablePaper(bare).title, words))), style.id).toBe(true);
      expect(text(bare, style.id)).not.toMatch(/preprint/i);
    }
  });

  test('no date: "n.d." (APA, Chicago), "no date" (Harvard); MLA leaves the date out', () => {
    const id = 'taliban-government-security-challenges';
    expect(itemFor(id).issued).toBeUndefined();
    expect(text(id, 'apa')).toMatch(/^Asma\. \(n\.d\.\)\. /);
    expect(text(id, 'chicago-author-date')).toMatch(/^Asma\. n\.d\. /);
    expect(text(id, 'harvard-cite-them-right')).toMatch(/^Asma \(no date\) /);
    expect(inText(id, 'apa', 7)).toBe('(Asma, n.d., para. 7)');
  });

  test('the thesis: named as a thesis with its institution, printed in capitals, given as a name', () => {
    const id = 'taliban-government-security-challenges';
    const institution = readCitablePaper(id).thesis!.institution!;
    const asName = nameCase(institution, words);
    expect(asName.toLowerCase()).toBe(institution.toLowerCase());
    expect(asName).not.toBe(institution);
    expect(text(id, 'apa')).toContain(`[Thesis, ${asName}]`);
    for (const style of citationStyles) expect(text(id, style.id)).toContain(asName);
  });

  test('no venue stated and none known: no journal appears, and the record still calls it a journal article', () => {
    const id = 'security-dilemma-comparative-analysis';
    expect(itemFor(id)['container-title']).toBeUndefined();
    expect(itemFor(id).type).toBe('article-journal');
  });

  test('a journal known only from outside the source is used, and only with its source recorded', () => {
    const paper = readCitablePaper('neo-taliban-regime');
    const fact = paper.externalFacts.find((f) => f.field === 'venue.journal')!;
    expect(paper.venue.journal).toBeNull();
    expect(itemFor('neo-taliban-regime')['container-title']).toBe(fact.value);
    expect(fact.url).toMatch(/^https:\/\//);
  });

  test('names whose division no source shows are divided by the declared convention, the last word as family name', () => {
    const paper = readCitablePaper('neo-taliban-regime');
    expect(paper.authors.every((a) => a.nameParts.basis === 'convention')).toBe(true);
    const [first, second] = paper.authors.map((a) => a.name.split(' '));
    const initials = (given: string[]) => given.map((g) => `${g[0]}.`).join(' ');
    expect(text('neo-taliban-regime', 'apa')).toMatch(new RegExp(`^${first!.at(-1)}, ${initials(first!.slice(0, -1))}, & ${second!.at(-1)}, ${initials(second!.slice(0, -1))} \\(`));
    expect(inText('neo-taliban-regime', 'apa')).toBe(`(${first!.at(-1)} & ${second!.at(-1)}, ${paper.dates.published!.value.slice(0, 4)})`);
  });

  test('passage pinpoints: the label each style uses for unpaginated text (MLA 9: "par.")', () => {
    const id = 'taliban-ttp-nexus';
    expect(inText(id, 'apa', 12)).toBe('(Ali et al., 2025, para. 12)');
    expect(inText(id, 'chicago-author-date', 12)).toBe('(Ali et al. 2025, para. 12)');
    expect(inText(id, 'harvard-cite-them-right', 12)).toBe('(Ali, Mustafa and Arslan, 2025, para. 12)');
    expect(inText(id, 'modern-language-association', 12)).toBe('(Ali et al., par. 12)');
  });

  test('an access date, the edition\'s, where a style asks for one: Cite Them Right for a reference without a DOI', () => {
    const [y, m, d] = editionDate.split('-').map(Number);
    const british = new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (const id of ids) {
      const ctr = text(id, 'harvard-cite-them-right');
      if (itemFor(id).DOI) expect(ctr, id).not.toContain('Accessed');
      else expect(ctr, id).toContain(`(Accessed: ${british})`);
    }
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
    type: item.type,
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
    for (const style of citationStyles) expect(formatReference(again, style.id, words)).toBe(formatReference(item, style.id, words));
  });
});

test('the style definitions are the official files, unmodified (checksums recorded in src/citation-styles/README.md)', () => {
  const dir = path.resolve(import.meta.dirname, '../../src/citation-styles');
  const recorded = new Map([...readFileSync(path.join(dir, 'README.md'), 'utf8').matchAll(/`([0-9a-f]{64})`\s+`([\w.-]+)`/g)].map((m) => [m[2]!, m[1]!]));
  const files = readdirSync(dir).filter((f) => /\.(csl|xml)$/.test(f));
  expect(files.length).toBe(6);
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
