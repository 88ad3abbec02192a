/**
 * The built site's Pagefind index, searched from Node as the browser would
 * (pagefind.js with a fetch that reads file: URLs, and the site root as base URL),
 * with the spelling groups the built search page carries.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindApi } from '../../src/lib/search-results.ts';
import { pageOf } from './dist.ts';

export interface NodePagefind extends PagefindApi {
  filters(): Promise<Record<string, Record<string, number>>>;
  options(o: object): Promise<void>;
  destroy(): Promise<void>;
}

export async function openIndex(dist: string): Promise<{ pagefind: NodePagefind; spellings: string[][]; close: () => Promise<void> }> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file:')) return realFetch(input, init);
    const file = new URL(url);
    file.search = '';
    return new Response(await readFile(file));
  };
  const pagefind = (await import(pathToFileURL(path.join(dist, 'pagefind/pagefind.js')).href)) as NodePagefind;
  await pagefind.options({ baseUrl: '/' });
  const json = /<script type="application\/json" id="search-spellings">(.*?)<\/script>/s.exec(pageOf(dist, 'search/'))![1]!;
  return {
    pagefind,
    spellings: JSON.parse(json) as string[][],
    close: async () => {
      await pagefind.destroy();
      globalThis.fetch = realFetch;
    },
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
