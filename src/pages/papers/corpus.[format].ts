/** /papers/corpus.{bib,ris,json}: every paper's reference in one file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citationDownloads, citationFormats } from '../../lib/citation-downloads';
import { citationRecord, loadCorpus } from '../../lib/corpus';
import type { CitationFormat } from '../../lib/urls';

export const getStaticPaths = (() => citationFormats.map((format) => ({ params: { format } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const corpus = await loadCorpus();
  const download = citationDownloads[params.format as CitationFormat];
  return new Response(download.write(corpus.papers.map((paper) => citationRecord(corpus, paper).item)), { headers: { 'content-type': download.mediaType } });
};
