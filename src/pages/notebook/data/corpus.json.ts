/** The notebook page's index of the corpus: papers, claims, themes, styles, moved pages and errata (src/lib/notebook-data.ts). */
import type { APIRoute } from 'astro';
import { loadCorpus } from '../../../lib/corpus';
import { notebookCorpus } from '../../../lib/notebook-data';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await notebookCorpus(await loadCorpus())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
