/**
 * The machine-readable description of a paper page, read by reference
 * managers (Zotero, Mendeley) and indexers: Highwire Press `citation_*` tags
 * (the set Google Scholar documents), Dublin Core, schema.org JSON-LD and
 * OpenGraph. Every value comes from a stated field or a sourced external fact
 * (see bibliographic-record.ts); an absent fact produces no tag at all.
 */
import type { StatedDate } from '../schema/fields.ts';
import { citationDate, journalOf, type CitablePaper } from './bibliographic-record.ts';

export type MetaTag = { name: string; content: string } | { property: string; content: string };

/** Footnote markers that tie an affiliation to an author in print ("¹Lecturer …") are not part of the institution. */
const withoutMarker = (affiliation: string) => affiliation.replace(/^[\u00B9\u00B2\u00B3\u2070-\u2079*]+\s*/u, '');

/** Highwire's date form at the stated precision: 2025/09/02, 2025/03 or 2025. */
const highwireDate = (date: StatedDate) => date.value.replaceAll('-', '/');

/** W3C-DTF / ISO 8601 at the stated precision (the stored value), for Dublin Core and schema.org. */
const isoDate = (date: StatedDate) => date.value;

/** Name as Highwire expects it: "Family, Given" where the division is known, else as printed. */
const highwireName = (a: CitablePaper['authors'][number]) => (a.nameParts ? `${a.nameParts.family}, ${a.nameParts.given}` : a.name);

export function highwireTags(paper: CitablePaper, pageUrl: string): MetaTag[] {
  const tags: MetaTag[] = [];
  const add = (name: string, content: string | null | undefined) => {
    if (content) tags.push({ name, content });
  };
  const journal = journalOf(paper);
  const date = citationDate(paper);
  add('citation_title', paper.title);
  for (const author of paper.authors) {
    add('citation_author', highwireName(author));
    if (author.affiliation) add('citation_author_institution', withoutMarker(author.affiliation));
  }
  if (date) add('citation_publication_date', highwireDate(date));
  add('citation_journal_title', journal?.name);
  add('citation_journal_abbrev', paper.venue.abbreviation);
  add('citation_volume', paper.venue.volume);
  add('citation_issue', paper.venue.issue);
  add('citation_firstpage', paper.venue.pages?.first);
  add('citation_lastpage', paper.venue.pages?.last);
  add('citation_doi', paper.venue.doi);
  add('citation_issn', paper.venue.issn);
  add('citation_publisher', paper.venue.publisher);
  if (paper.documentType === 'thesis') add('citation_dissertation_institution', paper.thesis?.institution);
  for (const keyword of paper.keywords) add('citation_keywords', keyword);
  add('citation_language', paper.language);
  add('citation_abstract', paper.abstract);
  if (paper.abstract) add('citation_abstract_html_url', `${pageUrl}#abstract`);
  add('citation_fulltext_html_url', pageUrl);
  return tags;
}

export function dublinCoreTags(paper: CitablePaper, pageUrl: string): MetaTag[] {
  const tags: MetaTag[] = [];
  const add = (name: string, content: string | null | undefined) => {
    if (content) tags.push({ name, content });
  };
  const date = citationDate(paper);
  add('DC.title', paper.title);
  for (const author of paper.authors) add('DC.creator', author.name);
  if (date) add('DC.date', isoDate(date));
  add('DC.type', 'Text');
  add('DC.format', 'text/html');
  add('DC.identifier', pageUrl);
  if (paper.venue.doi) add('DC.identifier', `https://doi.org/${paper.venue.doi}`);
  add('DC.source', journalOf(paper)?.name);
  add('DC.publisher', paper.venue.publisher ?? paper.thesis?.institution);
  for (const keyword of paper.keywords) add('DC.subject', keyword);
  add('DC.description', paper.abstract);
  add('DC.language', paper.language);
  return tags;
}

export function openGraphTags(paper: CitablePaper, pageUrl: string, siteName: string): MetaTag[] {
  const tags: MetaTag[] = [
    { property: 'og:type', content: 'article' },
    { property: 'og:title', content: paper.title },
    { property: 'og:url', content: pageUrl },
    { property: 'og:site_name', content: siteName },
  ];
  if (paper.abstract) tags.push({ property: 'og:description', content: paper.abstract.split(/\n\n/)[0]! });
  const date = citationDate(paper);
  if (date?.precision === 'day') tags.push({ property: 'article:published_time', content: date.value });
  for (const author of paper.authors) tags.push({ property: 'article:author', content: author.name });
  return tags;
}

/** schema.org: a ScholarlyArticle, or a Thesis, with only the stated properties. */
export function jsonLd(paper: CitablePaper, pageUrl: string): Record<string, unknown> {
  const journal = journalOf(paper);
  const date = citationDate(paper);
  const { venue } = paper;
  const periodical = journal && { '@type': 'Periodical', name: journal.name, ...(venue.issn && { issn: venue.issn }) };
  const volume = periodical && venue.volume ? { '@type': 'PublicationVolume', volumeNumber: venue.volume, isPartOf: periodical } : periodical;
  const isPartOf = volume && venue.issue ? { '@type': 'PublicationIssue', issueNumber: venue.issue, isPartOf: volume } : volume;
  return {
    '@context': 'https://schema.org',
    '@type': paper.documentType === 'thesis' ? 'Thesis' : 'ScholarlyArticle',
    '@id': pageUrl,
    url: pageUrl,
    name: paper.title,
    headline: paper.title,
    ...(paper.authors.length && {
      author: paper.authors.map((a) => ({
        '@type': 'Person',
        name: a.name,
        ...(a.nameParts && { familyName: a.nameParts.family, givenName: a.nameParts.given }),
        ...(a.affiliation && { affiliation: { '@type': 'Organization', name: withoutMarker(a.affiliation) } }),
      })),
    }),
    ...(date && { datePublished: isoDate(date) }),
    ...(isPartOf && { isPartOf }),
    ...(venue.pages && { pageStart: venue.pages.first, pageEnd: venue.pages.last }),
    ...(venue.doi && { identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: venue.doi }, sameAs: `https://doi.org/${venue.doi}` }),
    ...(venue.publisher && { publisher: { '@type': 'Organization', name: venue.publisher } }),
    ...(paper.documentType === 'thesis' && paper.thesis?.institution && { sourceOrganization: { '@type': 'CollegeOrUniversity', name: paper.thesis.institution } }),
    ...(paper.keywords.length && { keywords: paper.keywords.join(', ') }),
    ...(paper.abstract && { abstract: paper.abstract }),
    inLanguage: paper.language,
  };
}
