/**
 * Pagefind's browser API run in Node over a written bundle (pagefind.js with a
 * fetch that reads file: URLs, and the site root as base URL): the build uses
 * it to learn each record's id, the tests to search as a browser would.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindApi } from './search-results.ts';

export interface NodePagefind extends PagefindApi {
  options(o: object): Promise<void>;
  destroy(): Promise<void>;
}

/** Opens the bundle in `bundleDir` (a built site's pagefind/); `close` puts the global fetch back. */
export async function openPagefindBundle(bundleDir: string): Promise<{ pagefind: NodePagefind; close: () => Promise<void> }> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file:')) return realFetch(input, init);
    const file = new URL(url);
    file.search = '';
    return new Response(await readFile(file));
  };
  // A query string makes Node load this build's file, not a module cached from an earlier one.
  const pagefind = (await import(`${pathToFileURL(path.join(bundleDir, 'pagefind.js')).href}?${Date.now()}`)) as NodePagefind;
  await pagefind.options({ baseUrl: '/' });
  return {
    pagefind,
    close: async () => {
      await pagefind.destroy();
      globalThis.fetch = realFetch;
    },
  };
}
