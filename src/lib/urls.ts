/**
 * The site's URL contracts, defined once. Published URLs never change
 * (see the permanence manifest); every link is built here, under the base path.
 */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A site path under the configured base path ("/corpus/" on a sub-path deploy). */
export const href = (path: string) => `${base}${path.replace(/^\//, '')}`;

export const paperPath = (id: string) => href(`papers/${id}/`);
export const themePath = (id: string) => href(`themes/${id}/`);
export const theoryPath = (id: string) => href(`theories/${id}/`);
export const methodPath = (id: string) => href(`methods/${id}/`);
export const authorPath = (id: string) => href(`authors/${id}/`);
export const searchPath = () => href('search/');

/** Where a paper's citation downloads live, beside its page. */
export type CitationFormat = 'bib' | 'ris' | 'json';
export const paperCitationPath = (id: string, format: CitationFormat) => href(`papers/${id}/citation.${format}`);
export const corpusCitationPath = (format: CitationFormat) => href(`papers/corpus.${format}`);
export const howToCitePath = () => href('how-to-cite/');

/** An absolute URL on the published site (SITE_URL), for citations and metadata. */
export const absoluteUrl = (sitePath: string) => new URL(sitePath, import.meta.env.SITE).href;
