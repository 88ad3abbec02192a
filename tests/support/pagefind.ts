/**
 * The built site's Pagefind index, searched from Node as the browser would
 * (pagefind.js with a fetch that reads file: URLs, and the site root as base URL),
 * with the spelling groups the built header's search element carries.
 */
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import path from 'node:path';
import { openPagefindBundle, type NodePagefind } from '../../src/lib/search-node.ts';
import { pageOf } from './dist.ts';

export async function openIndex(dist: string): Promise<{ pagefind: NodePagefind; spellings: string[][]; close: () => Promise<void> }> {
  const { pagefind, close } = await openPagefindBundle(path.join(dist, 'pagefind'));
  const box = select('[data-search-box]', fromHtml(pageOf(dist, 'search/')));
  return {
    pagefind,
    spellings: JSON.parse(String(box!.properties.dataSpellings)) as string[][],
    close,
  };
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
