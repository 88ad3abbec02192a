/**
 * Indexes the built site with Pagefind as the last step of `astro build`,
 * so the site and its search index are always built together. Any error
 * Pagefind reports fails the build. The index holds the small records of
 * search-records.ts (a passage, a heading, a claim …), read from the built
 * paper and claim pages, not the pages themselves; the record facets file
 * beside it also carries the built spelling groups.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { openPagefindBundle } from '../lib/search-node.ts';
import { isPaperPage, pageRecords, recordCountBound, recordFacetsFile, type SearchRecord } from '../lib/search-records.ts';
import { recordFacetsFileName, spellingsFile } from '../lib/search-results.ts';
import { inOrderOnThreads, threadsFor } from '../lib/threads.ts';

/**
 * Records per fragment file. Pagefind bundles the fragments of consecutive
 * records (reading order), so a reader who opens a paper's best passage also
 * receives its neighbours in the same request, without paying for the paper.
 */
const recordsPerFragmentFile = 8;

/**
 * Word-index chunk size, in word positions (Pagefind's default is 20000, about
 * 22 KB a chunk here). A query loads the chunk of each word it searches, so
 * smaller chunks cost a reader less per word; the chunk list in Pagefind's
 * metadata grows as they shrink. Measured with `npm run bench:search` on this
 * corpus: 6000 → 1500 took the first query from 127–175 KB to 117–137 KB and
 * every further query under 27 KB; 750 saved under 3 KB more for more requests.
 * Pagefind offers this only as an environment variable marked unstable:
 * without it, chunks are larger, not wrong.
 */
const indexChunkSize = 1500;

/** Pages per thread below which a thread is not worth its start-up (loading the HTML parser costs about as much as reading a few hundred pages). */
const pagesPerThread = 200;
/**
 * Cores left to Pagefind, which indexes the records as they are read: reading
 * them is faster than Pagefind takes them in, so a thread on its core slows
 * the index (1,000 papers on 2 cores: 5 min 25 s with two reading threads,
 * 3 min 52 s with one).
 */
const pagefindCores = 1;

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'corpus-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const fail = (step: string, errors: string[]) => {
          throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
        };
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
        const urlOf = (file: string) => `/${file.split(path.sep).join('/').replace(/index\.html$/, '')}`;
        const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
        // Pages are read one at a time and dropped (a large corpus's pages would not all fit in memory), twice:
        // first for the paper pages (a claim record names its paper's) and a bound of the record count,
        // then for their records, on threads beside Pagefind (reading a page's records is most of indexing a large corpus).
        const paperPages: string[] = [];
        let recordBound = 0;
        for (const file of files) {
          const html = read(file);
          if (isPaperPage(html)) paperPages.push(urlOf(file));
          recordBound += recordCountBound(html);
        }
        const records: Omit<SearchRecord, 'html'>[] = [];
        process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize);
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', maxFragments: Math.ceil(recordBound / recordsPerFragmentFile) });
          if (!index) return fail('createIndex', errors);
          // Each page's records go to Pagefind as they come, in the pages' order, not awaited one by one:
          // Pagefind indexes them while the next pages are read.
          const added: Promise<void>[] = [];
          const addErrors: string[] = [];
          const pages = files.map((file) => ({ file: path.join(root, file), url: urlOf(file) }));
          await inOrderOnThreads(pages, pageRecords, paperPages, threadsFor(pages.length, pagesPerThread, pagefindCores), (pageRecordList: SearchRecord[]) => {
            for (const { html, ...record } of pageRecordList) {
              added.push(index.addHTMLFile({ url: record.url, content: html }).then((result) => {
                addErrors.push(...result.errors.map((e) => `${record.url}: ${e}`));
              }));
              records.push(record);
            }
            // Yields, so that the records are sent before the next page's are read.
            return new Promise(setImmediate);
          });
          await Promise.all(added);
          if (addErrors.length) fail('adding records', addErrors);
          const bundle = path.join(root, 'pagefind');
          const written = await index.writeFiles({ outputPath: bundle });
          if (written.errors.length) fail('writeFiles', written.errors);
          const spellings = JSON.parse(readFileSync(path.join(root, spellingsFile), 'utf8')) as string[][];
          writeFileSync(path.join(bundle, recordFacetsFileName), JSON.stringify(recordFacetsFile(records, await recordIds(bundle), spellings)));
          const count = (part: string) => records.filter((r) => r.part === part).length;
          logger.info(`indexed ${records.length} search records: ${count('Text')} of paper text, ${count('Claims')} claims, the rest abstracts, reference entries and edition notes`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/** Each record's Pagefind id by its URL, read back from the written bundle; throws if a record is missing. */
async function recordIds(bundle: string): Promise<(url: string) => string> {
  const { pagefind, close } = await openPagefindBundle(bundle);
  try {
    const ids = new Map<string, string>();
    for (const result of (await pagefind.search(null))?.results ?? []) ids.set((await result.data()).url, result.id);
    return (url) => {
      const id = ids.get(url);
      if (!id) throw new Error(`Pagefind has no record for ${url}: a record without words? Leave it out of search-records.ts.`);
      return id;
    };
  } finally {
    await close();
  }
}
