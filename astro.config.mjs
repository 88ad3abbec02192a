// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { markdownOptions } from './src/markdown/index.ts';
import sitemap from '@astrojs/sitemap';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { contentGate } from './src/integrations/content-gate.ts';
import { buildContentDir } from './src/lib/content-dir.ts';
import { readPermanenceRecord } from './src/lib/permanence.ts';

const base = process.env.BASE_PATH ?? '/';
/**
 * Where the site is published. Without SITE_URL the build is a local preview:
 * its citable URLs point at this computer, and every page that offers one says so
 * (src/lib/site.ts `isLocalPreview`). README: "Publishing".
 */
const site = process.env.SITE_URL || 'http://127.0.0.1:4321';
if (!/^https?:\/\/[^/]+/.test(site)) throw new Error(`SITE_URL must be an absolute http(s) address such as https://example.org, not "${site}"`);
/** Old URLs of moved pages: they forward (src/pages/[...moved].astro) but are not listed in the sitemap. */
const moved = new Set(Object.keys(readPermanenceRecord(buildContentDir).redirects));
/** @param {string} page */
const listed = (page) => !moved.has(`/${new URL(page).pathname.slice(base.replace(/\/?$/, '/').length)}`);

/**
 * SITE_URL is where the site is published (canonical URLs, sitemap);
 * BASE_PATH lets it live under a sub-path such as /corpus/.
 */
export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Every stylesheet and script is a file of its own: the Content-Security-Policy (src/lib/csp.ts) allows no inline ones.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  compressHTML: true,
  devToolbar: { enabled: false },
  // Tests that build deliberately broken content use their own cache.
  cacheDir: process.env.CORPUS_CACHE_DIR ?? './node_modules/.astro',
  markdown: { processor: unified(markdownOptions) },
  // Content is checked before anything is rendered; permanence once the sitemap is written, before indexing.
  integrations: [sitemap({ filter: listed }), contentGate(), pagefindIndex()],
});
