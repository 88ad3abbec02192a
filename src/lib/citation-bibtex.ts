/**
 * The .bib download in classic BibTeX, the dialect the `bibtex` program and
 * its standard styles (plain, apalike, …) read, and which Zotero's, JabRef's
 * and biber's readers also accept. Written here rather than by citation-js:
 * its BibLaTeX output uses fields classic styles do not read (journaltitle,
 * date), and its classic writer drops a non-numeric issue ("I") and a
 * thesis's type.
 *
 * Mapping (Zotero's BibTeX translator reads the same fields back):
 * - a journal article is @article: journal, year, month, volume, `number`
 *   for the issue (classic BibTeX has no `issue` field), pages with "--";
 * - the thesis is @mastersthesis with `type = {Thesis}`: classic BibTeX has
 *   no degree-neutral thesis type; the only hint of level the source prints
 *   is "MSIR" in the registration number, and `type` replaces the entry
 *   type's "Master's thesis" wording in every standard style and in Zotero,
 *   so the reference reads "Thesis" as the source calls itself;
 * - an entry without an author gets `key` (its title), which classic styles
 *   sort and label by;
 * - fields classic styles ignore but reference managers read (doi, issn, url,
 *   urldate, language, keywords, abstract) are kept.
 * Title words with capitals are braced so styles that lower-case titles keep
 * the printed form, as the record does.
 */
import type { CslItem } from './bibliographic-record.ts';

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Characters TeX treats as commands in running text. */
const tex = (text: string) => text.replace(/\\/g, '\\textbackslash{}').replace(/([&%$#_{}])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');

/** Braces every word with a capital, so a style's case change keeps the printed capitals. */
const protectCapitals = (title: string) =>
  tex(title)
    .split(/(\s+)/)
    .map((word) => (/\p{Lu}/u.test(word) ? `{${word}}` : word))
    .join('');

const bibtexName = (name: { family: string; given?: string }) => (name.given ? `${name.family}, ${name.given}` : `{${name.family}}`);

const entryType = (item: CslItem) => (item.type === 'thesis' ? 'mastersthesis' : item.type === 'article-journal' ? 'article' : 'misc');

export function toBibtexEntry(item: CslItem): string {
  const [year, month] = item.issued?.['date-parts'][0] ?? [];
  const accessed = item.accessed['date-parts'][0].map((n) => String(n).padStart(2, '0')).join('-');
  const fields: [string, string | undefined][] = [
    ['author', item.author?.map(bibtexName).join(' and ')],
    // Without an author, classic styles sort and label by `key`: the title, as the reference itself leads with it.
    ['key', item.author ? undefined : tex(item.title)],
    ['title', protectCapitals(item.title)],
    ['journal', item['container-title'] && tex(item['container-title'])],
    ['school', item.type === 'thesis' ? item.publisher && tex(item.publisher) : undefined],
    ['type', item.type === 'thesis' ? item.genre && tex(item.genre) : undefined],
    ['publisher', item.type !== 'thesis' ? item.publisher && tex(item.publisher) : undefined],
    ['year', year === undefined ? undefined : String(year)],
    ['month', month === undefined ? undefined : months[month - 1]],
    ['volume', item.volume && tex(item.volume)],
    ['number', item.issue && tex(item.issue)],
    ['pages', item.page?.replace('-', '--')],
    ['issn', item.ISSN],
    ['doi', item.DOI],
    ['url', item.URL],
    ['urldate', accessed],
    ['language', item.language],
    ['keywords', item.keyword && tex(item.keyword)],
    ['abstract', item.abstract && tex(item.abstract.replace(/\s*\n\s*/g, ' '))],
  ];
  const lines = fields
    .filter((f): f is [string, string] => Boolean(f[1]))
    // A month is a BibTeX string macro (jan … dec), written without braces.
    .map(([name, value]) => `  ${name} = ${name === 'month' ? value : `{${value}}`}`);
  return `@${entryType(item)}{${item['citation-key']},\n${lines.join(',\n')}\n}\n`;
}

export const toBibtex = (items: CslItem[]) => items.map(toBibtexEntry).join('\n');
