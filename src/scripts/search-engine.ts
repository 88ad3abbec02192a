/**
 * The browser's search engine, shared by the header panel and the search
 * page: Pagefind loaded once (on the main thread: its worker would be one
 * more download) with the record facets file and its spelling groups, and each query's hits kept, so
 * typing the same words again costs nothing.
 */
import { parseQuery, spellingIndex, type QueryTerm } from '../lib/search-query.ts';
import { facetIndexOf, recordFacetsFileName, searchHits, type PagefindApi, type RecordFacets, type RecordFacetsFile, type RecordHit } from '../lib/search-results.ts';

export interface Found {
  query: string;
  terms: QueryTerm[];
  hits: RecordHit[];
}

export interface SearchEngine {
  search(query: string): Promise<Found>;
  /** The site's base path ("/" or "/corpus/"), which record pages lack. */
  base: string;
  /** Every record's facets. */
  records(): Iterable<RecordFacets>;
}

type Pagefind = PagefindApi & { options(o: object): Promise<void> };

let engine: Promise<SearchEngine> | null = null;

/** Where the header's search element keeps the Pagefind bundle's URL. */
export function searchSettings(): { bundle: string } | null {
  const box = document.querySelector<HTMLElement>('[data-search-box]');
  if (!box?.dataset.pagefindBundle) return null;
  return { bundle: box.dataset.pagefindBundle };
}

export function searchEngine(): Promise<SearchEngine> {
  engine ??= (async () => {
    const { bundle } = searchSettings()!;
    // The record facets (with the spelling groups) are small and change with every build: revalidated, not taken from cache unchecked.
    const [pagefind, { facetIndex, spellings }] = await Promise.all([
      import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (module: Pagefind) => {
        await module.options({ noWorker: true });
        // An empty search returns nothing, once Pagefind's code and metadata are loaded.
        await module.search('');
        return module;
      }),
      fetch(`${bundle}${recordFacetsFileName}`, { cache: 'no-cache' }).then(async (r) => {
        const file = (await r.json()) as RecordFacetsFile;
        return { facetIndex: facetIndexOf(file), spellings: spellingIndex(file.spellings) };
      }),
    ]);
    performance.mark('search:index-loaded');
    let queue: Promise<unknown> = Promise.resolve();
    /** One Pagefind call at a time across callers (see searchHits). */
    const queued = <T>(task: () => Promise<T>): Promise<T> => {
      const run = queue.then(task);
      queue = run.catch(() => undefined);
      return run;
    };
    const found = new Map<string, Promise<Found>>();
    return {
      base: bundle.replace(/pagefind\/$/, ''),
      records: () => facetIndex.values(),
      search(query: string) {
        const key = query.trim().toLowerCase();
        if (!found.has(key)) {
          const terms = parseQuery(query, spellings);
          found.set(key, queued(() => searchHits(pagefind, terms, facetIndex)).then((hits) => ({ query, terms, hits })));
        }
        return found.get(key)!;
      },
    };
  })();
  return engine;
}
