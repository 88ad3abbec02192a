/**
 * The machine-readable description of a paper page, read by reference
 * managers (Zotero, Mendeley) and indexers: Highwire Press `citation_*` tags
 * (the set Google Scholar documents), Dublin Core, schema.org JSON-LD and
 * OpenGraph. Every value comes from a stated field or a sourced external fact
 * (see bibliographic-record.ts); an absent fact produces no tag at all.
 */
import type { StatedDate } from '../schema/fields.ts';
import { citationDate, isThesis, issnsOf, journalOf, publisherOf, scholarDate, thesisGenre, type CitablePaper } from './bibliographic-record.ts';
import { pageDescription } from './excerpts.ts';
import { invertedName } from './name-policy.ts';

export type MetaTag = { name: string; content: string } | { property: string; content: string };

/** W3C-DTF / ISO 8601 at the stated precision (the stored value), for Dublin Core and schema.org. */
const isoDate = (date: StatedDate) => date.value;

/** "Family, Given", divided by the name policy, so a page save and a download give the same author record. */
const highwireName = (a: CitablePaper['authors'][number]) => invertedName(a.nameParts);

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
    add('citation_author_institution', author.institution);
  }
  if (date) add('citation_publication_date', scholarDate(date));
  add('citation_journal_title', journal?.name);
  add('citation_journal_abbrev', paper.venue.abbreviation);
  add('citation_volume', paper.venue.volume);
  add('citation_issue', paper.venue.issue);
  add('citation_firstpage', paper.venue.pages?.first);
  add('citation_lastpage', paper.venue.pages?.last);
  add('citation_doi', paper.venue.doi);
  for (const issn of issnsOf(paper)) add('citation_issn', issn);
  add('citation_publisher', paper.venue.publisher);
  if (isThesis(paper)) add('citation_dissertation_institution', paper.thesis?.institution);
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
  for (const author of paper.authors) add('DC.creator', invertedName(author.nameParts));
  if (date) add('DC.date', isoDate(date));
  // Zotero reads DC.type into the thesis type ("[Text, …]" in every citation if it says "Text").
  add('DC.type', isThesis(paper) ? thesisGenre(paper) : 'Text');
  add('DC.format', 'text/html');
  add('DC.identifier', pageUrl);
  if (paper.venue.doi) add('DC.identifier', `https://doi.org/${paper.venue.doi}`);
  add('DC.source', journalOf(paper)?.name);
  add('DC.publisher', publisherOf(paper));
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
  if (paper.abstract) tags.push({ property: 'og:description', content: pageDescription(paper.abstract) });
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
  const issns = issnsOf(paper);
  const periodical = journal && { '@type': 'Periodical', name: journal.name, ...(issns.length && { issn: issns.length === 1 ? issns[0] : issns }) };
  const volume = periodical && venue.volume ? { '@type': 'PublicationVolume', volumeNumber: venue.volume, isPartOf: periodical } : periodical;
  const isPartOf = volume && venue.issue ? { '@type': 'PublicationIssue', issueNumber: venue.issue, isPartOf: volume } : volume;
  return {
    '@context': 'https://schema.org',
    '@type': isThesis(paper) ? 'Thesis' : 'ScholarlyArticle',
    '@id': pageUrl,
    url: pageUrl,
    name: paper.title,
    headline: paper.title,
    ...(paper.authors.length && {
      author: paper.authors.map((a) => ({
        '@type': 'Person',
        name: a.name,
        familyName: a.nameParts.family,
        ...(a.nameParts.given && { givenName: a.nameParts.given }),
        ...(a.institution && { affiliation: { '@type': 'Organization', name: a.institution } }),
      })),
    }),
    ...(date && { datePublished: isoDate(date) }),
    ...(isPartOf && { isPartOf }),
    ...(venue.pages && { pageStart: venue.pages.first, pageEnd: venue.pages.last }),
    ...(venue.doi && { identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: venue.doi }, sameAs: `https://doi.org/${venue.doi}` }),
    ...(venue.publisher && { publisher: { '@type': 'Organization', name: venue.publisher } }),
    ...(isThesis(paper) && paper.thesis?.institution && { sourceOrganization: { '@type': 'CollegeOrUniversity', name: paper.thesis.institution } }),
    ...(paper.keywords.length && { keywords: paper.keywords.join(', ') }),
    ...(paper.abstract && { abstract: paper.abstract }),
    inLanguage: paper.language,
  };
}
