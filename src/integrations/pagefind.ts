/**
 * Indexes the built site with Pagefind as the last step of `astro build`,
 * so the site and its search index are always built together. Any error
 * Pagefind reports fails the build. Besides the pages, each paper's abstract,
 * reference list and edition notes become records of their own (see
 * search-records.ts), so search can filter by part of the document.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { isTextRecordPage, partRecords, textRecordExclusions } from '../lib/search-records.ts';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'corpus-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const fail = (step: string, errors: string[]) => {
          throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
        };
        const root = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: textRecordExclusions });
          if (!index) return fail('createIndex', errors);
          const added = await index.addDirectory({ path: root });
          if (added.errors.length) fail('addDirectory', added.errors);
          let partCount = 0;
          for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort()) {
            const html = readFileSync(path.join(root, file), 'utf8');
            if (!isTextRecordPage(html)) continue;
            const pageUrl = `/${file.split(path.sep).join('/').replace(/index\.html$/, '')}`;
            for (const record of partRecords(html, pageUrl)) {
              const result = await index.addHTMLFile({ url: record.url, content: record.html });
              if (result.errors.length) fail(`adding the ${record.part} record of ${pageUrl}`, result.errors);
              partCount++;
            }
          }
          const written = await index.writeFiles({ outputPath: path.join(root, 'pagefind') });
          if (written.errors.length) fail('writeFiles', written.errors);
          logger.info(`indexed the HTML files of ${added.page_count} pages and ${partCount} records of abstracts, reference lists and edition notes`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
