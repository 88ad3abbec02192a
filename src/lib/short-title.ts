/**
 * The short title an in-text citation gives for a paper with no author.
 * The manuals agree on the shape: APA 7 cites "the first few words of
 * the reference entry (usually the title)"; Chicago 18 a short
 * title of no more than four words, without an initial article; MLA 9
 * the title shortened to its first noun phrase, beginning with the word by
 * which it is alphabetised. One rule serves all four styles:
 *
 *   drop an initial article, then take the words up to the first word that
 *   begins a prepositional or coordinate phrase (the minor words of headline
 *   case) after the first noun phrase has begun, at most four words, and
 *   never more than the main title (before a colon).
 *
 * The words come from the headline-case title, since in-text citations give
 * titles in title case in every one of these styles.
 */
import { minorWords } from './title-case.ts';

const articles = new Set(['a', 'an', 'the']);
const maxWords = 4;

export function shortTitle(headlineTitle: string): string {
  const main = headlineTitle.split(/:\s/)[0]!;
  const words = main.split(/\s+/).filter(Boolean);
  if (articles.has(words[0]!.toLowerCase())) words.shift();
  const taken: string[] = [];
  for (const word of words) {
    const bare = word.replace(/[^\p{L}'’-]/gu, '').toLowerCase();
    // "the" inside the phrase ("Assessing the Impact") belongs to it; a preposition or conjunction ends it.
    if (taken.length > 0 && minorWords.has(bare) && !articles.has(bare)) break;
    if (taken.length === maxWords) break;
    taken.push(word);
  }
  return taken.join(' ').replace(/[,;]$/, '');
}
