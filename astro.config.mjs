// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { markdownOptions } from './src/markdown/index.ts';
import sitemap from '@astrojs/sitemap';
import { readFileSync } from 'node:fs';
import { pagefindIndex } from './src/integrations/pagefind.ts';

/** Pages that moved keep their old URLs as redirects (src/lib/permanence.ts). */
const { redirects } = JSON.parse(readFileSync(new URL('./content/published.json', import.meta.url), 'utf8'));

/**
 * SITE_URL is where the site is published (canonical URLs, sitemap);
 * BASE_PATH lets it live under a sub-path such as /corpus/.
 */
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://127.0.0.1:4321',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // Tests that build deliberately broken content use their own cache.
  cacheDir: process.env.CORPUS_CACHE_DIR ?? './node_modules/.astro',
  markdown: { processor: unified(markdownOptions) },
  redirects,
  integrations: [sitemap(), pagefindIndex()],
});
