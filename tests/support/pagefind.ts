/** Searching a built site's Pagefind index from Node, as the browser would: pagefind.js with `fetch` reading file: URLs. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface SearchResult {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  content: string;
}

interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, string | string[]> }): Promise<{ results: { data(): Promise<SearchResult> }[] }>;
  destroy(): Promise<void>;
}

/** Loads the index of `dist` (pagefind.js fetches its chunks; Node's fetch cannot read file: URLs, so those are read from disk). */
export async function pagefindOf(dist: string): Promise<{ search: (term: string | null, filters?: Record<string, string | string[]>) => Promise<SearchResult[]>; close: () => Promise<void> }> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file:')) return realFetch(input, init);
    const file = new URL(url);
    file.search = '';
    return new Response(await readFile(file));
  };
  const api = (await import(pathToFileURL(path.join(dist, 'pagefind/pagefind.js')).href)) as PagefindApi;
  await api.options({ baseUrl: '/' });
  return {
    search: async (term, filters) => Promise.all((await api.search(term, { filters })).results.map((r) => r.data())),
    close: async () => {
      await api.destroy();
      globalThis.fetch = realFetch;
    },
  };
}
