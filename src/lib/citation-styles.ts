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
import type { CslItem } from './bibliographic-record.ts';

export interface CitationStyle {
  id: string;
  /** What a course calls it. */
  label: string;
  /** The locale the style names as its default (citation-js bundles en-US only). */
  locale: 'en-US' | 'en-GB';
}

export const citationStyles: CitationStyle[] = [
  { id: 'apa', label: 'APA (7th edition)', locale: 'en-US' },
  { id: 'chicago-author-date', label: 'Chicago (17th edition, author-date)', locale: 'en-US' },
  { id: 'modern-language-association', label: 'MLA (9th edition)', locale: 'en-US' },
  { id: 'harvard-cite-them-right', label: 'Harvard (Cite Them Right)', locale: 'en-GB' },
];

const csl = plugins.config.get('@csl');
for (const [id, xml] of Object.entries({ apa, 'chicago-author-date': chicagoAuthorDate, 'modern-language-association': mla, 'harvard-cite-them-right': harvardCiteThemRight })) {
  csl.styles.add(id, xml);
}
csl.locales.add('en-GB', localeEnGb);

const styleById = (id: string) => {
  const style = citationStyles.find((s) => s.id === id);
  if (!style) throw new Error(`unknown citation style "${id}" (known: ${citationStyles.map((s) => s.id).join(', ')})`);
  return style;
};

/** The reference-list entry for a paper, as HTML (italics kept) or plain text. */
export function formatReference(item: CslItem, styleId: string, format: 'html' | 'text' = 'html'): string {
  const style = styleById(styleId);
  const out = new Cite(item).format('bibliography', { format, style: style.id, lang: style.locale }) as string;
  if (format === 'text') return out.trim();
  // citation-js wraps the entry in the CSL bibliography divs; the page supplies its own container.
  const entry = out.match(/<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/);
  if (!entry) throw new Error(`no bibliography entry in the ${styleId} output for ${item.id}`);
  return entry[1]!.trim();
}

/**
 * The in-text citation, optionally pinpointing a numbered paragraph the way
 * the style cites unpaginated text (APA "para. 12").
 */
export function formatInTextCitation(item: CslItem, styleId: string, paragraph?: number | string): string {
  const style = styleById(styleId);
  const entry = paragraph === undefined ? [{ id: item.id }] : [{ id: item.id, locator: String(paragraph), label: 'paragraph' }];
  return (new Cite(item).format('citation', { format: 'text', style: style.id, lang: style.locale, entry }) as string).trim();
}

/** A placeholder paragraph number, so a browser can fill in any paragraph's pinpoint from one rendered template. */
export const paragraphPlaceholder = '999999';

export const toCslJson = (items: CslItem[]) => `${JSON.stringify(items, null, 2)}\n`;

/**
 * A .bib file in the BibLaTeX dialect: classic BibTeX has no field for a
 * non-numeric issue ("I") and no thesis type without a degree, so citation-js's
 * BibTeX output would drop stated facts; BibLaTeX keeps them, and Zotero,
 * JabRef, Mendeley and biber read it.
 */
export const toBibtex = (items: CslItem[]) => new Cite(items).format('biblatex', { format: 'text' }) as string;

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
