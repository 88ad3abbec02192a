/** One paper's data for the notebook page: its passages' words, themes, references and pinpoints (src/lib/notebook-data.ts). */
import type { APIRoute } from 'astro';
import { loadCorpus, type Paper } from '../../../../lib/corpus';
import { notebookPaper } from '../../../../lib/notebook-data';

export async function getStaticPaths() {
  const { papers } = await loadCorpus();
  return papers.map((paper) => ({ params: { paper: paper.id }, props: { paper } }));
}

export const GET: APIRoute = async ({ props }) =>
  new Response(JSON.stringify(await notebookPaper(await loadCorpus(), (props as { paper: Paper }).paper)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
