/**
 * Renders Markdown through the site's own pipeline (src/markdown), outside
 * Astro: the fidelity check, the claims check and tests read the same HTML
 * the pages show.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { markdownOptions } from '../markdown/index.ts';

let processor: ReturnType<typeof createMarkdownProcessor> | undefined;

export async function renderMarkdown(markdown: string, frontmatter: Record<string, unknown> = {}): Promise<Root> {
  processor ??= createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  const { code } = await (await processor).render(markdown, { frontmatter });
  return fromHtml(code, { fragment: true });
}
