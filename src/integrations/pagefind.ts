/**
 * Indexes the built site with Pagefind as the last step of `astro build`,
 * so the site and its search index are always built together. Any error
 * Pagefind reports fails the build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'corpus-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const fail = (step: string, errors: string[]) => {
          throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
        };
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) return fail('createIndex', errors);
          const added = await index.addDirectory({ path: fileURLToPath(dir) });
          if (added.errors.length) fail('addDirectory', added.errors);
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
          if (written.errors.length) fail('writeFiles', written.errors);
          logger.info(`indexed the HTML files of ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
