/**
 * The built site's Pagefind index, searched from Node as the browser would
 * (pagefind.js with a fetch that reads file: URLs, and the site root as base URL),
 * with the spelling groups the built record facets file carries.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openPagefindBundle, type NodePagefind } from '../../src/lib/search-node.ts';
import { recordFacetsFileName, type RecordFacetsFile } from '../../src/lib/search-results.ts';

export async function openIndex(dist: string): Promise<{ pagefind: NodePagefind; spellings: string[][]; close: () => Promise<void> }> {
  const { pagefind, close } = await openPagefindBundle(path.join(dist, 'pagefind'));
  const facets = JSON.parse(readFileSync(path.join(dist, 'pagefind', recordFacetsFileName), 'utf8')) as RecordFacetsFile;
  return { pagefind, spellings: facets.spellings, close };
}

/** A single Pagefind search with filters (no spelling expansion): each result's data. */
export async function pagefindOf(dist: string) {
  const { pagefind, close } = await openIndex(dist);
  const filtered = pagefind as unknown as { search(term: string | null, o: { filters: Record<string, string> }): Promise<{ results: { data(): Promise<{ url: string; meta: Record<string, string>; filters: Record<string, string[]> }> }[] }> };
  return {
    search: async (term: string | null, filters: Record<string, string>) => Promise.all((await filtered.search(term, { filters })).results.map((r) => r.data())),
    close,
  };
}
