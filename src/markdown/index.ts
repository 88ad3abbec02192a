/**
 * The Markdown pipeline of the site, defined once: Astro renders pages with
 * it (astro.config.mjs) and src/lib/render.ts renders editions with it for
 * fidelity checks, claims and tests, so both see the same HTML.
 *
 * GFM comes from remark-gfm. Smart punctuation is off: quotation marks and dashes stay as the source prints them.
 */
import remarkGfm from 'remark-gfm';
import { rehypeEditionNotes } from './rehype-edition-notes.ts';
import { rehypePassages } from './rehype-passages.ts';
import { rehypeCitationLinks } from './rehype-citation-links.ts';
import { rehypeReferenceBacklinks } from './rehype-reference-backlinks.ts';
import { remarkTextOnly } from './remark-text-only.ts';

export const markdownOptions = {
  gfm: false, // remark-gfm is added explicitly below, once
  smartypants: false,
  remarkPlugins: [remarkGfm, remarkTextOnly],
  rehypePlugins: [rehypeEditionNotes, rehypePassages, rehypeCitationLinks, rehypeReferenceBacklinks],
};

/**
 * The same pipeline for the source texts, which are journal pages with their
 * own HTML: fidelity renders that markup away to compare words, so it must
 * not be refused there. Nothing rendered this way is published.
 */
export const sourceMarkdownOptions = {
  ...markdownOptions,
  remarkPlugins: markdownOptions.remarkPlugins.filter((plugin) => plugin !== remarkTextOnly),
};
