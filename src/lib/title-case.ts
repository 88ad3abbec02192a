/**
 * The case a citation style asks for in titles, as a declared editorial
 * normalisation: the page and the bibliographic record keep the title as
 * printed; only the formatted citations use these forms.
 *
 * - Sentence case (APA 7; Cite Them Right): capitals only for the
 *   first word, the first word after a colon, and proper nouns and acronyms.
 * - Headline case (Chicago 18; MLA 9): capitals for every word
 *   except articles, prepositions, coordinating conjunctions, "to" and "as"
 *   that are not first, last or after a colon.
 *
 * Proper nouns are not guessed: a word keeps its capitals when the corpus
 * vocabulary (the names and aliases of themes, theories and methods) writes it
 * with capitals, or when the title itself prints it as an acronym (capitals
 * after its first letter, "TTP", "U.S.") in mixed case.
 */

/** Words whose printed capitals a citation must keep, keyed by their lower-case form. */
export type ProtectedWords = ReadonlyMap<string, string>;

/** Articles, prepositions, coordinating conjunctions and "to"/"as": lower case inside a headline-case title. */
export const minorWords: ReadonlySet<string> = new Set([
  'a', 'an', 'the',
  'and', 'but', 'for', 'nor', 'or', 'so', 'yet',
  'as', 'to',
  'about', 'above', 'across', 'after', 'against', 'along', 'among', 'around', 'at', 'before', 'behind', 'below',
  'beneath', 'beside', 'between', 'beyond', 'by', 'despite', 'during', 'except', 'from', 'in', 'inside', 'into',
  'like', 'near', 'of', 'off', 'on', 'onto', 'over', 'per', 'since', 'through', 'throughout', 'toward', 'towards',
  'under', 'underneath', 'until', 'upon', 'versus', 'via', 'with', 'within', 'without',
]);

/** A vocabulary entry as the protected words read it. */
export interface NamedEntry {
  name: string;
  aliases: string[];
}

const edgePunctuation = /^[("“‘'[]+|[)"”’'\],;:!?]+$/g;
const possessive = /(['’]s)$/;

/**
 * The proper nouns and acronyms of the vocabulary's names and aliases:
 * - a word with capitals after its first letter ("TTP", "U.S.", "Pak-Afghan"), anywhere;
 * - each part of a hyphenated compound of capitalised parts ("Pakistan-Afghanistan");
 * - a one-word alias printed with a capital ("Taliban", "Kabul"): aliases of
 *   common nouns are in lower case ("militancy"), so a capital marks a name;
 * - a capitalised word after the first in an entry's name, since names are in
 *   sentence case ("The Durand Line and border management").
 * Words of multi-word aliases are not taken on their own: several are headings
 * the papers print in title case ("Human Rights Violations").
 */
export function protectedWordsOf(entries: NamedEntry[]): ProtectedWords {
  const words = new Map<string, string>();
  const add = (word: string) => words.set(word.toLowerCase(), word);
  const bare = (raw: string) => raw.replace(edgePunctuation, '').replace(possessive, '');
  const consider = (word: string, capitalisedCounts: boolean) => {
    if (!/\p{Lu}/u.test(word)) return;
    const parts = word.split(/[-–]/);
    if (parts.length > 1 && parts.every((p) => /^\p{Lu}/u.test(p))) parts.forEach((p) => add(p));
    if (isAcronym(word) || capitalisedCounts) add(word);
  };
  for (const entry of entries) {
    entry.name.split(/\s+/).forEach((raw, i) => consider(bare(raw), i > 0));
    for (const alias of entry.aliases) {
      const aliasWords = alias.split(/\s+/).map(bare);
      aliasWords.forEach((word) => consider(word, aliasWords.length === 1));
    }
  }
  return words;
}

/** Capitals after the first letter: "TTP", "U.S.", "CPEC". */
const isAcronym = (word: string) => /\p{Lu}/u.test(word.slice(1).replace(/[^\p{L}]/gu, ''));

const isAllCaps = (text: string) => !/\p{Ll}/u.test(text);

type Casing = 'sentence' | 'headline';

/** One word (or hyphen-separated part) in the casing asked for. */
function caseWord(part: string, protect: ProtectedWords, opts: { casing: Casing; capitalise: boolean; caps: boolean; minorAllowed: boolean }): string {
  const bare = part.replace(edgePunctuation, '');
  if (!/\p{L}/u.test(bare)) return part;
  const stem = bare.replace(possessive, '');
  const known = protect.get(stem.toLowerCase());
  const lead = part.slice(0, part.indexOf(bare));
  const tail = part.slice(part.indexOf(bare) + bare.length);
  const suffix = bare.slice(stem.length);
  // A word the vocabulary writes with capitals is written that way; in a title
  // printed in mixed case, only a matching spelling counts (so "is" is not "IS").
  if (known && (opts.caps || known === stem)) return lead + known + suffix + tail;
  if (!opts.caps && isAcronym(stem)) return part;
  const lower = opts.caps ? bare.toLowerCase() : bare.charAt(0).toLowerCase() + bare.slice(1);
  const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  if (opts.capitalise) return lead + upperFirst(lower) + tail;
  if (opts.casing === 'headline' && !(opts.minorAllowed && minorWords.has(lower))) return lead + upperFirst(lower) + tail;
  return lead + lower + tail;
}

function recase(title: string, protect: ProtectedWords, casing: Casing): string {
  const caps = isAllCaps(title);
  const tokens = title.split(/(\s+)/);
  const words = tokens.map((t, i) => ({ t, i })).filter(({ t }) => /\S/.test(t));
  const lastWord = words.at(-1)?.i;
  let startOfPart = true;
  return tokens
    .map((token, i) => {
      if (!/\S/.test(token)) return token;
      const capitalise = startOfPart || (casing === 'headline' && i === lastWord);
      startOfPart = /[:?!]$/.test(token);
      // A hyphenated name the vocabulary knows whole ("Pak-Afghan") is kept whole.
      const whole = token.replace(edgePunctuation, '').replace(possessive, '');
      if (whole.includes('-') && protect.get(whole.toLowerCase())) return caseWord(token, protect, { casing, capitalise, caps, minorAllowed: false });
      return token
        .split('-')
        .map((part, j) => caseWord(part, protect, { casing, capitalise: capitalise && j === 0, caps, minorAllowed: j === 0 }))
        .join('-');
    })
    .join('');
}

/** APA and Cite Them Right: the title in sentence case. */
export const sentenceCase = (title: string, protect: ProtectedWords) => recase(title, protect, 'sentence');

/** Chicago and MLA: the title in headline case. */
export const headlineCase = (title: string, protect: ProtectedWords) => recase(title, protect, 'headline');

/**
 * A name printed in capitals (an institution on a thesis title page) in the
 * capitalisation of a proper name, which is headline case; a name printed in
 * mixed case is kept as printed.
 */
export const nameCase = (name: string, protect: ProtectedWords) => (isAllCaps(name) ? headlineCase(name, protect) : name);

type Vocabulary = { themes: { data: NamedEntry }[]; theories: { data: NamedEntry }[]; methods: { data: NamedEntry }[] };
const wordsOfVocabulary = new WeakMap<Vocabulary, ProtectedWords>();

/** The protected words of a loaded corpus's themes, theories and methods; the same object for the same corpus (the citation formatter's cache is keyed by it). */
export function corpusProtectedWords(vocabulary: Vocabulary): ProtectedWords {
  if (!wordsOfVocabulary.has(vocabulary)) {
    wordsOfVocabulary.set(vocabulary, protectedWordsOf([...vocabulary.themes, ...vocabulary.theories, ...vocabulary.methods].map((e) => e.data)));
  }
  return wordsOfVocabulary.get(vocabulary)!;
}
