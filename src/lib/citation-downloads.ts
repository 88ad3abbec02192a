/**
 * The citation downloads: one definition of which formats exist, their file
 * extensions and media types, shared by the per-paper and whole-corpus routes.
 */
import type { CslItem } from './bibliographic-record.ts';
import { toBibtex } from './citation-bibtex.ts';
import { toCslJson, toRis } from './citation-styles.ts';
import type { CitationFormat } from './urls.ts';

export const citationDownloads: Record<CitationFormat, { label: string; mediaType: string; write: (items: CslItem[]) => string }> = {
  bib: { label: 'BibTeX', mediaType: 'application/x-bibtex; charset=utf-8', write: toBibtex },
  ris: { label: 'RIS', mediaType: 'application/x-research-info-systems; charset=utf-8', write: toRis },
  json: { label: 'CSL-JSON', mediaType: 'application/vnd.citationstyles.csl+json; charset=utf-8', write: toCslJson },
};

export const citationFormats = Object.keys(citationDownloads) as CitationFormat[];
