/**
 * A paper as a bibliographic record: the one mapping from an edition's
 * frontmatter to CSL-JSON, from which every citation style, BibTeX, RIS and
 * CSL-JSON download is produced. Only what the source states goes in, plus
 * external facts that carry their source; nothing is filled in by guess.
 */
import type { StatedDate } from '../schema/fields.ts';
import type { PaperData } from '../schema/paper.ts';

/** An author as a citation needs it. */
export interface CitableAuthor {
  name: string;
  /** Family/given division, only where a source shows it. */
  nameParts: { family: string; given: string } | null;
  affiliation: string | null;
}

/** The frontmatter fields a citation reads, with authors resolved. */
export type CitablePaper = Pick<PaperData, 'id' | 'title' | 'documentType' | 'venue' | 'thesis' | 'dates' | 'keywords' | 'abstract' | 'language' | 'externalFacts'> & {
  authors: CitableAuthor[];
};

/** CSL-JSON (the subset this corpus uses). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'article-journal' | 'article' | 'thesis' | 'webpage';
  title: string;
  author?: ({ family: string; given: string } | { literal: string })[];
  issued?: { 'date-parts': [number[]] };
  'container-title'?: string;
  'container-title-short'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  ISSN?: string;
  URL?: string;
  publisher?: string;
  genre?: string;
  language: string;
  abstract?: string;
  keyword?: string;
}

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
export const dateParts = (date: StatedDate): number[] => date.value.split('-').map(Number);

/** The name as a CSL name: divided where a source shows the division, else as printed. */
export const cslName = (a: CitableAuthor) => (a.nameParts ? { family: a.nameParts.family, given: a.nameParts.given } : { literal: a.name });

/**
 * The CSL-JSON item for a paper. `pageUrl` (the edition's page) is the URL
 * given when the source names none, since that is where the reader read it.
 */
export function cslItem(paper: CitablePaper, pageUrl: string): CslItem {
  const journal = journalOf(paper);
  const date = citationDate(paper);
  const { venue } = paper;
  const type = paper.documentType === 'thesis' ? 'thesis' : journal ? 'article-journal' : 'article';
  return {
    id: paper.id,
    // BibTeX keys may not contain hyphens; the key stays tied to the permanent id.
    'citation-key': paper.id.replaceAll('-', '_'),
    type,
    title: paper.title,
    ...(paper.authors.length && { author: paper.authors.map(cslName) }),
    ...(date && { issued: { 'date-parts': [dateParts(date)] as [number[]] } }),
    ...(journal && { 'container-title': journal.name }),
    ...(venue.abbreviation && { 'container-title-short': venue.abbreviation }),
    ...(venue.volume && { volume: venue.volume }),
    ...(venue.issue && { issue: venue.issue }),
    ...(venue.pages && { page: `${venue.pages.first}-${venue.pages.last}` }),
    ...(venue.doi && { DOI: venue.doi }),
    ...(venue.issn && { ISSN: venue.issn }),
    URL: venue.url ?? pageUrl,
    ...((venue.publisher ?? paper.thesis?.institution) && { publisher: (venue.publisher ?? paper.thesis?.institution)! }),
    // The thesis calls itself a thesis; the degree is given only when stated.
    ...(paper.documentType === 'thesis' && { genre: paper.thesis?.degree ? `${paper.thesis.degree} thesis` : 'Thesis' }),
    language: paper.language,
    ...(paper.abstract && { abstract: paper.abstract }),
    ...(paper.keywords.length && { keyword: paper.keywords.join(', ') }),
  };
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
      return { name: entry.name, nameParts: entry.nameParts && { family: entry.nameParts.family, given: entry.nameParts.given }, affiliation: a.affiliation };
    }),
  };
}
