/**
 * The site's URL contracts, defined once. Published URLs never change
 * (see the permanence manifest); every link is built here, under the base path.
 */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A site path under the configured base path ("/corpus/" on a sub-path deploy). */
export const href = (path: string) => `${base}${path.replace(/^\//, '')}`;

export const paperPath = (id: string) => href(`papers/${id}/`);
/** A paper's edition notes: every editorial act on its source, listed. */
export const editionNotesPath = (id: string) => href(`papers/${id}/edition/`);
/** A paper's cite page: its reference in every offered style and the downloads (kept off the paper's page so the page stays light). */
export const paperCitePath = (id: string) => href(`papers/${id}/cite/`);
export const themePath = (id: string) => href(`themes/${id}/`);
export const theoryPath = (id: string) => href(`theories/${id}/`);
export const methodPath = (id: string) => href(`methods/${id}/`);
export const authorPath = (id: string) => href(`authors/${id}/`);
export const searchPath = () => href('search/');
/** The student's notebook, its comparison view, and the data its script reads (not published documents: see permanence.ts). */
export const notebookPath = () => href('notebook/');
export const notebookComparePath = () => href('notebook/compare/');
export const notebookDataPath = (file: string) => href(`notebook/data/${file}.json`);

/** Where a paper's citation downloads live, beside its page. */
export type CitationFormat = 'bib' | 'ris' | 'json';
export const paperCitationPath = (id: string, format: CitationFormat) => href(`papers/${id}/citation.${format}`);
export const corpusCitationPath = (format: CitationFormat) => href(`papers/corpus.${format}`);
export const howToCitePath = () => href('how-to-cite/');

/** A paragraph of a paper: its permanent citation address. */
export const paragraphPath = (paperId: string, passageId: string) => `${paperPath(paperId)}#${passageId}`;
export const claimsPath = () => href('claims/');
/** A claim's own page, which is also its search record (its place on the claims index: claimIndexPath in corpus-views.ts). */
export const claimPath = (id: string) => href(`claims/${id}/`);
/** The claims facets: every claim on one theme, from one paper, or of one kind. */
export const claimsFacetPath = (facet: 'theme' | 'paper' | 'kind', id: string) => href(`claims/by-${facet}/${id}/`);
export const claimsExportPath = (format: 'json' | 'csv') => href(`claims.${format}`);

/** An absolute URL on the published site (SITE_URL), for citations, metadata and exports read away from the site. */
export const absoluteUrl = (path: string, site: URL | string = import.meta.env.SITE) => new URL(path, site).href;
