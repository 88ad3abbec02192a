/**
 * Renders Markdown through the site's own pipeline (src/markdown), outside
 * Astro: the fidelity check, the claims check and tests read the same HTML
 * the pages show.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { pathToFileURL } from 'node:url';
import { markdownOptions, sourceMarkdownOptions } from '../markdown/index.ts';

type Processor = ReturnType<typeof createMarkdownProcessor>;
let editionProcessor: Processor | undefined;
let sourceProcessor: Processor | undefined;

/** An edition body rendered: its HTML and what the Markdown processor reports of it (headings, frontmatter …). */
export interface Rendering {
  html: string;
  metadata: Record<string, unknown>;
}

/**
 * An edition body (or any text the site publishes) as the pages render it,
 * as HTML. With its file, errors name that file and its lines.
 */
export async function renderMarkdownHtml(markdown: string, frontmatter: Record<string, unknown> = {}, file?: string): Promise<Rendering> {
  editionProcessor ??= createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  const { code, metadata } = await (await editionProcessor).render(markdown, { frontmatter, ...(file && { fileURL: pathToFileURL(file) }) });
  return { html: code, metadata };
}

/** The same, as a tree. */
export async function renderMarkdown(markdown: string, frontmatter: Record<string, unknown> = {}, file?: string): Promise<Root> {
  return fromHtml((await renderMarkdownHtml(markdown, frontmatter, file)).html, { fragment: true });
}

/** A source text, its own markup included, rendered the same way for comparison (never published). */
export async function renderSourceMarkdown(markdown: string): Promise<Root> {
  sourceProcessor ??= createMarkdownProcessor({ ...sourceMarkdownOptions, syntaxHighlight: false });
  const { code } = await (await sourceProcessor).render(markdown, {});
  return fromHtml(code, { fragment: true });
}
