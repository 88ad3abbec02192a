/**
 * The citation styles the site offers and the formats it exports, all
 * produced by citation-js (a CSL processor) from one CSL-JSON item per paper.
 * The styles are the Citation Style Language project's official definitions,
 * kept unmodified in src/citation-styles/; no style is hand-written here.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import apa from '../citation-styles/apa.csl?raw';
import chicagoAuthorDate from '../citation-styles/chicago-author-date.csl?raw';
import harvardCiteThemRight from '../citation-styles/harvard-cite-them-right.csl?raw';
import mla from '../citation-styles/modern-language-association.csl?raw';
import localeEnGb from '../citation-styles/locales-en-GB.xml?raw';
import localeEnUs from '../citation-styles/locales-en-US.xml?raw';
import type { CslItem } from './bibliographic-record.ts';
import { shortTitle } from './short-title.ts';
import { headlineCase, nameCase, sentenceCase, type ProtectedWords } from './title-case.ts';

export interface CitationStyle {
  id: string;
  /** What a course calls it. */
  label: string;
  /** The style's language: Cite Them Right is British (its file carries en-GB terms), the others American. */
  locale: 'en-US' | 'en-GB';
  /** The case the style's manual asks for in titles (see title-case.ts). */
  titleCase: 'sentence' | 'headline';
}

export const citationStyles: CitationStyle[] = [
  { id: 'apa', label: 'APA (7th edition)', locale: 'en-US', titleCase: 'sentence' },
  { id: 'chicago-author-date', label: 'Chicago (18th edition, author-date)', locale: 'en-US', titleCase: 'headline' },
  { id: 'modern-language-association', label: 'MLA (9th edition)', locale: 'en-US', titleCase: 'headline' },
  { id: 'harvard-cite-them-right', label: 'Harvard (Cite Them Right, 12th edition)', locale: 'en-GB', titleCase: 'sentence' },
];

/** A style's short name, without its edition ("APA"), for naming styles in running text. */
export const styleName = (style: Pick<CitationStyle, 'label'>) => style.label.replace(/ \(.*$/, '');

const csl = plugins.config.get('@csl');
for (const [id, xml] of Object.entries({ apa, 'chicago-author-date': chicagoAuthorDate, 'modern-language-association': mla, 'harvard-cite-them-right': harvardCiteThemRight })) {
  csl.styles.add(id, xml);
}
csl.locales.add('en-GB', localeEnGb);
csl.locales.add('en-US', localeEnUs);

const styleById = (id: string) => {
  const style = citationStyles.find((s) => s.id === id);
  if (!style) throw new Error(`unknown citation style "${id}" (known: ${citationStyles.map((s) => s.id).join(', ')})`);
  return style;
};

/**
 * The item as a style cites it: the title in the style's case, a name printed
 * in capitals (a thesis's institution) in a proper name's capitals, and for a
 * paper with no author the short title its in-text citation uses. The record
 * itself (downloads, page metadata) keeps the printed forms.
 */
export function citedItem(item: CslItem, style: CitationStyle, words: ProtectedWords): CslItem {
  const headline = headlineCase(item.title, words);
  return {
    ...item,
    // A journal article with neither author nor known journal: styles put the journal in a missing
    // author's place (Cite Them Right), which would leave that place empty; CSL's generic article
    // type puts the title there instead, and names no container, so no style labels it.
    ...(item.type === 'article-journal' && !item.author && !item['container-title'] && { type: 'document' as const }),
    title: style.titleCase === 'sentence' ? sentenceCase(item.title, words) : headline,
    ...(!item.author && { 'title-short': shortTitle(headline) }),
    ...(item.publisher && { publisher: nameCase(item.publisher, words) }),
  };
}

/**
 * What the CSL processor has already produced, by the protected words, the
 * request and the item: a build formats the same paper for every page that
 * cites it (its page, its claims, the notebook data), and the processor is
 * the slowest step of a build.
 */
const formatted = new WeakMap<ProtectedWords, Map<string, string>>();
function once(words: ProtectedWords, request: string, item: CslItem, format: () => string): string {
  let done = formatted.get(words);
  if (!done) formatted.set(words, (done = new Map()));
  const key = `${request}\n${JSON.stringify(item)}`;
  if (!done.has(key)) done.set(key, format());
  return done.get(key)!;
}

/** The reference-list entry for a paper, as HTML (italics kept) or plain text. */
export function formatReference(item: CslItem, styleId: string, words: ProtectedWords, format: 'html' | 'text' = 'html'): string {
  const style = styleById(styleId);
  return once(words, `bibliography ${style.id} ${format}`, item, () => {
    const out = new Cite(citedItem(item, style, words)).format('bibliography', { format, style: style.id, lang: style.locale }) as string;
    if (format === 'text') return out.trim();
    // citation-js wraps the entry in the CSL bibliography divs; the page supplies its own container.
    const entry = out.match(/<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/);
    if (!entry) throw new Error(`no bibliography entry in the ${styleId} output for ${item.id}`);
    return entry[1]!.trim();
  });
}

/** A placeholder paragraph number, so a browser can fill in any paragraph's pinpoint from one rendered template. */
export const paragraphPlaceholder = '999999';

/**
 * The in-text citation, optionally pinpointing a numbered paragraph the way
 * the style cites unpaginated text (APA "para. 12"). A pinpoint is the
 * style's citation of the placeholder paragraph with the number put in, as
 * the browser fills it in: formatted once per paper and style.
 */
export function formatInTextCitation(item: CslItem, styleId: string, words: ProtectedWords, paragraph?: number | string): string {
  const style = styleById(styleId);
  const cite = (entry: { id: string; locator?: string; label?: string }[]) =>
    (new Cite(citedItem(item, style, words)).format('citation', { format: 'text', style: style.id, lang: style.locale, entry }) as string).trim();
  if (paragraph === undefined) return once(words, `citation ${style.id}`, item, () => cite([{ id: item.id }]));
  const template = once(words, `pinpoint ${style.id}`, item, () => cite([{ id: item.id, locator: paragraphPlaceholder, label: 'paragraph' }]));
  if (!template.includes(paragraphPlaceholder)) throw new Error(`the ${styleId} citation of ${item.id} does not print its paragraph: ${template}`);
  return template.replace(paragraphPlaceholder, String(paragraph));
}

export const toCslJson = (items: CslItem[]) => `${JSON.stringify(items, null, 2)}\n`;

/**
 * RIS. citation-js maps the fields; the lines are written here because its
 * writer wraps values at 70 characters, which its own reader (and reference
 * managers) then join with a space, corrupting titles and DOIs.
 */
export function toRis(items: CslItem[]): string {
  const records = new Cite(items).format('ris', { format: 'object' }) as Record<string, string | string[]>[];
  return records
    .map((record) => {
      const lines = [`TY  - ${record.TY}`];
      for (const [tag, values] of Object.entries(record)) {
        if (tag === 'TY') continue;
        for (const value of [values].flat()) lines.push(`${tag}  - ${String(value).replace(/\s+/g, ' ').trim()}`);
      }
      lines.push('ER  - ');
      return lines.join('\r\n');
    })
    .join('\r\n\r\n')
    .concat('\r\n');
}
