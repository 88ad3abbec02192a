/**
 * A paper as a bibliographic record: the one mapping from an edition's
 * frontmatter to the facts every output gives — CSL-JSON (and through it each
 * citation style, RIS and BibTeX), the page's citation_* and Dublin Core tags
 * and its JSON-LD. Only what the source states goes in, plus external facts
 * that carry their source and the edition's declared conventions (the name
 * policy, the edition date); nothing is filled in by guess.
 *
 * The mappings follow what the readers of these outputs document: Zotero's
 * translators (Embedded Metadata, RIS, BibTeX) and Google Scholar's inclusion
 * guidelines for the citation_* tags.
 */
import type { StatedDate } from '../schema/fields.ts';
import type { PaperData } from '../schema/paper.ts';
import { divideName, type DividedName } from './name-policy.ts';

/** An author as a citation needs it. */
export interface CitableAuthor {
  /** The name as the author entry gives it (without titles such as "Prof. Dr."). */
  name: string;
  /** Family/given division: printed in a source, or by the edition's name policy. */
  nameParts: DividedName;
  /** The affiliation exactly as printed (job title, department and all). */
  affiliation: string | null;
  /** The institution named in the printed affiliation, from its first part that names one; null if none does. */
  institution: string | null;
}

/** The frontmatter fields a citation reads, with authors resolved. */
export type CitablePaper = Pick<PaperData, 'id' | 'title' | 'documentType' | 'venue' | 'thesis' | 'dates' | 'keywords' | 'abstract' | 'language' | 'externalFacts'> & {
  authors: CitableAuthor[];
};

/** CSL-JSON (the subset this corpus uses). */
export interface CslItem {
  id: string;
  'citation-key': string;
  /** A paper is a journal article or a thesis; `document` only as citedItem (citation-styles.ts) formats an article with no author and no journal; `webpage` is the site itself. */
  type: 'article-journal' | 'thesis' | 'document' | 'webpage';
  title: string;
  'title-short'?: string;
  author?: ({ family: string; given?: string })[];
  issued?: { 'date-parts': [number[]] };
  accessed: { 'date-parts': [number[]] };
  'container-title'?: string;
  'container-title-short'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  ISSN?: string;
  URL: string;
  publisher?: string;
  genre?: string;
  language: string;
  abstract?: string;
  keyword?: string;
}

/**
 * The date of this edition of the five papers: the day their texts were last
 * changed. Styles that give an access date for an online source (Cite Them
 * Right; Chicago and MLA where no date is stated) give this one, and the cite
 * panel says so. Change it when an edition's text changes.
 */
export const editionDate = '2026-11-21';

/** The journal, as stated or as an external fact (with its source); null when neither. */
export function journalOf(paper: CitablePaper): { name: string; external: { url: string; note: string } | null } | null {
  if (paper.venue.journal) return { name: paper.venue.journal, external: null };
  const fact = paper.externalFacts.find((f) => f.field === 'venue.journal');
  return fact ? { name: fact.value, external: { url: fact.url, note: fact.note } } : null;
}

/**
 * The date a citation gives: the article's publication date, else the date of
 * the issue it appeared in. Null when the source dates neither (citations say "n.d.").
 */
export function citationDate(paper: Pick<PaperData, 'dates'>): StatedDate | null {
  return paper.dates.published ?? paper.dates.issued ?? null;
}

/**
 * Date parts at the precision stated (a season date's value is its year). The
 * season itself is not passed: CSL styles would print it in the locale's word
 * ("Autumn"), not as printed ("Fall").
 */
export const dateParts = (date: StatedDate | string): number[] => (typeof date === 'string' ? date : date.value).split('-').map(Number);

/**
 * Google Scholar's citation_publication_date: a full date as "2025/09/02", or
 * the year alone when the day is not known (its guidelines give no month-only form).
 */
export const scholarDate = (date: StatedDate) => (date.precision === 'day' ? date.value.replaceAll('-', '/') : date.value.slice(0, 4));

/** The ISSNs the source prints, print first (Zotero keeps them in one field, comma-separated). */
export const issnsOf = (paper: Pick<CitablePaper, 'venue'>) => [paper.venue.issn, paper.venue.eIssn].filter((i): i is string => Boolean(i));

/** Thesis or article: the one type decision every output follows. */
export const isThesis = (paper: Pick<CitablePaper, 'documentType'>) => paper.documentType === 'thesis';

/** The thesis's own word for itself, with the degree only where the source names it. */
export const thesisGenre = (paper: Pick<CitablePaper, 'thesis'>) => (paper.thesis?.degree ? `${paper.thesis.degree} thesis` : 'Thesis');

/** The institution a thesis was written at, or the journal's publisher; as printed. */
export const publisherOf = (paper: CitablePaper) => paper.venue.publisher ?? (isThesis(paper) ? paper.thesis?.institution : null) ?? null;

/** The name as a CSL name: always divided, by the source or by the name policy. */
export const cslName = (a: CitableAuthor) => (a.nameParts.given ? { family: a.nameParts.family, given: a.nameParts.given } : { family: a.nameParts.family });

/**
 * The CSL-JSON item for a paper. `pageUrl` (the edition's page) is the URL
 * given when the source names none, since that is where the reader read it.
 * A paper whose venue is not stated is still an article in a journal (its
 * source says it was published), so every output calls it a journal article.
 */
export function cslItem(paper: CitablePaper, pageUrl: string): CslItem {
  const journal = journalOf(paper);
  const date = citationDate(paper);
  const { venue } = paper;
  const publisher = publisherOf(paper);
  return {
    id: paper.id,
    // BibTeX keys may not contain hyphens; the key stays tied to the permanent id.
    'citation-key': paper.id.replaceAll('-', '_'),
    type: isThesis(paper) ? 'thesis' : 'article-journal',
    title: paper.title,
    ...(paper.authors.length && { author: paper.authors.map(cslName) }),
    ...(date && { issued: { 'date-parts': [dateParts(date)] as [number[]] } }),
    accessed: { 'date-parts': [dateParts(editionDate)] as [number[]] },
    ...(journal && { 'container-title': journal.name }),
    ...(venue.abbreviation && { 'container-title-short': venue.abbreviation }),
    ...(venue.volume && { volume: venue.volume }),
    ...(venue.issue && { issue: venue.issue }),
    ...(venue.pages && { page: `${venue.pages.first}-${venue.pages.last}` }),
    ...(venue.doi && { DOI: venue.doi }),
    ...(issnsOf(paper).length && { ISSN: issnsOf(paper).join(', ') }),
    URL: venue.url ?? pageUrl,
    ...(publisher && { publisher }),
    ...(isThesis(paper) && { genre: thesisGenre(paper) }),
    language: paper.language,
    ...(paper.abstract && { abstract: paper.abstract }),
    ...(paper.keywords.length && { keyword: paper.keywords.join(', ') }),
  };
}

/** Footnote markers that tie an affiliation to an author in print ("¹Lecturer …") are not part of it. */
const withoutMarker = (affiliation: string) => affiliation.replace(/^[\u00B9\u00B2\u00B3\u2070-\u2079*]+\s*/u, '');

/** A part of an affiliation that names an institution rather than a post or a department. */
const namesInstitution = /\b(University|College|Institute|Academy|School|Centre|Center)\b/;

/**
 * The institution in a printed affiliation: from its first comma-separated
 * part that names one to the end, words unchanged ("M.Phil. Scholar, Department
 * of International Relations, Government College University, Faisalabad, …"
 * gives "Government College University, Faisalabad, …"). Job titles and
 * departments are left out, as Google Scholar's citation_author_institution
 * and schema.org's affiliation ask for the organisation.
 */
export function institutionOf(affiliation: string | null): string | null {
  if (!affiliation) return null;
  const parts = withoutMarker(affiliation).split(/,\s*/);
  const first = parts.findIndex((p) => namesInstitution.test(p));
  if (first === -1) return null;
  // A part like "Lecturer Department of Political Science" runs post and department together; the institution follows it.
  const head = parts[first]!;
  const start = head.search(namesInstitution);
  const lead = head.slice(0, start).match(/\b(?:the\s+)?(?:[\p{Lu}][\p{L}.]*\s+)*$/u)?.[0] ?? '';
  const name = [head.slice(start - lead.length), ...parts.slice(first + 1)].join(', ');
  return name.replace(/\.$/, '').trim();
}

/** An author entry as content/authors/ stores it. */
export interface AuthorEntry {
  name: string;
  nameParts: { family: string; given: string; shownIn: { file: string; line: number } } | null;
}

/**
 * Resolves a paper's authors for citing. Works on Astro's entries (author
 * references) and on offline frontmatter (author ids) alike.
 */
export function citablePaper(
  data: Omit<CitablePaper, 'authors'> & { authors: { author: string | { id: string }; affiliation: string | null }[] },
  authorOf: (id: string) => AuthorEntry,
): CitablePaper {
  return {
    ...data,
    authors: data.authors.map((a) => {
      const entry = authorOf(typeof a.author === 'string' ? a.author : a.author.id);
      return {
        name: entry.name,
        nameParts: divideName(entry.name, entry.nameParts && { family: entry.nameParts.family, given: entry.nameParts.given }),
        affiliation: a.affiliation,
        institution: institutionOf(a.affiliation),
      };
    }),
  };
}
