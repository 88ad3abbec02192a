/** /papers/<id>/citation.{bib,ris,json}: one paper's reference for reference managers. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citationDownloads, citationFormats } from '../../../lib/citation-downloads';
import { citationRecord, loadCorpus, type Paper } from '../../../lib/corpus';
import type { CitationFormat } from '../../../lib/urls';

export const getStaticPaths = (async () => {
  const { papers } = await loadCorpus();
  return papers.flatMap((paper) => citationFormats.map((format) => ({ params: { id: paper.id, format }, props: { paper } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  const corpus = await loadCorpus();
  const { paper } = props as { paper: Paper };
  const download = citationDownloads[params.format as CitationFormat];
  return new Response(download.write([citationRecord(corpus, paper).item]), { headers: { 'content-type': download.mediaType } });
};
