/**
 * The editorial normalisations citations make, each declared: the name
 * policy (last word = family name unless a source prints the division), the
 * title case each style asks for with protected words derived from the
 * vocabulary, and short titles for papers with no author.
 */
import { describe, expect, test } from 'vitest';
import { editionFiles, readAuthor, readCitablePaper, readEdition, readVocabularyNames } from '../../src/lib/edition-file.ts';
import { divideName, invertedName } from '../../src/lib/name-policy.ts';
import { shortTitle } from '../../src/lib/short-title.ts';
import { headlineCase, minorWords, nameCase, protectedWordsOf, sentenceCase } from '../../src/lib/title-case.ts';

const editions = editionFiles().map(readEdition);
const vocabulary = readVocabularyNames();
const words = protectedWordsOf(vocabulary);

describe('the name policy', () => {
  test.each([
    ['Ada Byron Lovelace', null, { family: 'Lovelace', given: 'Ada Byron', basis: 'convention' }],
    ['Plato', null, { family: 'Plato', given: '', basis: 'convention' }],
    ['Ada Byron Lovelace', { family: 'Byron Lovelace', given: 'Ada' }, { family: 'Byron Lovelace', given: 'Ada', basis: 'printed' }],
  ] as const)('%s (printed division: %o)', (name, printed, expected) => {
    expect(divideName(name, printed)).toEqual(expected);
  });

  test('every author of the corpus: a printed division wins, otherwise the last word of the name is the family name', () => {
    for (const { data } of editions) {
      for (const [i, author] of readCitablePaper(data.id).authors.entries()) {
        const entry = readAuthor(typeof data.authors[i]!.author === 'string' ? data.authors[i]!.author : '');
        if (entry.nameParts) expect(author.nameParts).toMatchObject({ family: entry.nameParts.family, given: entry.nameParts.given, basis: 'printed' });
        else expect(invertedName(author.nameParts)).toBe(entry.name.includes(' ') ? `${entry.name.split(' ').at(-1)}, ${entry.name.split(' ').slice(0, -1).join(' ')}` : entry.name);
      }
    }
  });
});

describe('protected words, derived from the vocabulary', () => {
  test.each(['TTP', 'CPEC', 'Pak-Afghan', 'U.S.', 'Taliban', 'Afghanistan', 'Pakistan'])('%s is protected, and spelled so in a name or alias', (word) => {
    expect(words.get(word.toLowerCase())).toBe(word);
    expect(vocabulary.some((e) => [e.name, ...e.aliases].some((a) => a.split(/[\s–-]+/).includes(word) || a.split(/\s+/).includes(word)))).toBe(true);
  });

  test('common nouns of multi-word aliases and the sentence-case first word of a name are not protected', () => {
    const fixture = protectedWordsOf([{ name: 'Human rights in Kabul', aliases: ['Human Rights Violations', 'Kabul', 'militancy', 'TTP attacks'] }]);
    expect([...fixture.values()].sort()).toEqual(['Kabul', 'TTP']);
  });
});

describe('title case for citations', () => {
  const protect = protectedWordsOf([{ name: 'Border', aliases: ['Kabul', 'Pak-Afghan', 'TTP', 'Pakistan-Afghanistan'] }]);

  test.each([
    ['THE BORDER AT KABUL: A HISTORY OF TTP', 'The border at Kabul: A history of TTP', 'The Border at Kabul: A History of TTP'],
    ['Reshaping Pak-Afghan Relations under the Neo-Kabul Regime', 'Reshaping Pak-Afghan relations under the neo-Kabul regime', 'Reshaping Pak-Afghan Relations under the Neo-Kabul Regime'],
    ["Kabul's Return and the U.S. Withdrawal", "Kabul's return and the U.S. withdrawal", "Kabul's Return and the U.S. Withdrawal"],
    ['Pakistan-Afghanistan Ties in a New Era', 'Pakistan-Afghanistan ties in a new era', 'Pakistan-Afghanistan Ties in a New Era'],
  ])('%s', (printed, sentence, headline) => {
    expect(sentenceCase(printed, protect)).toBe(sentence);
    expect(headlineCase(printed, protect)).toBe(headline);
  });

  test('a name printed in capitals takes a name\'s capitals; one in mixed case is kept', () => {
    expect(nameCase('UNIVERSITY OF THE PUNJAB, LAHORE', protect)).toBe('University of the Punjab, Lahore');
    expect(nameCase('University of the Punjab', protect)).toBe('University of the Punjab');
  });

  test.each(editions.map((e) => [e.data.id, e.data.title] as const))('%s: only capitals change, never the words', (_id, title) => {
    for (const cased of [sentenceCase(title, words), headlineCase(title, words)]) expect(cased.toLowerCase()).toBe(title.toLowerCase());
    // Every protected word of the printed title keeps its capitals in both forms.
    for (const word of title.split(/[\s:()]+/)) {
      const known = words.get(word.replace(/['’]s$/, '').toLowerCase());
      if (known && !/^\p{Lu}+$/u.test(title.replace(/[^\p{L}]/gu, ''))) {
        expect(sentenceCase(title, words)).toContain(known);
        expect(headlineCase(title, words)).toContain(known);
      }
    }
  });
});

describe('short titles for in-text citations of papers with no author', () => {
  test.each([
    ['A Comparative Analysis of Two Regimes', 'Comparative Analysis'],
    ['Assessing the Impact of the Return on Security', 'Assessing the Impact'],
    ['The Long Road Home: A Memoir', 'Long Road Home'],
    ['Five Very Long Words Here Beyond Four', 'Five Very Long Words'],
  ])('%s → %s', (title, short) => {
    expect(shortTitle(title)).toBe(short);
  });

  test.each(editions.filter((e) => e.data.authors.length === 0).map((e) => [e.data.id, e.data.title] as const))('%s: the first words of the title, at most four, before any preposition or conjunction', (_id, title) => {
    const headline = headlineCase(title, words);
    const short = shortTitle(headline);
    const after = headline.replace(/^(A|An|The)\s+/, '');
    expect(after.startsWith(short)).toBe(true);
    expect(short.split(' ').length).toBeLessThanOrEqual(4);
    const next = after.slice(short.length).trim().split(/\s+/)[0]!.toLowerCase();
    expect(short.split(' ').length === 4 || minorWords.has(next) || next === '').toBe(true);
  });
});
