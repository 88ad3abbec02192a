/**
 * /search/spellings.json: the vocabulary's groups of spellings of one name,
 * which search tries for a query term. The search index step copies them into
 * the record facets file, so a reader's browser fetches them with the facets
 * instead of every page carrying them.
 */
import type { APIRoute } from 'astro';
import { loadCorpus, spellingGroups } from '../../lib/corpus';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(spellingGroups(await loadCorpus()))}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
