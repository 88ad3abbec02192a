/** The frontmatter Astro hands to Markdown plugins through the vfile, and where the body sits in its file. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';

export interface EditionFrontmatter {
  edition?: { referencesHeading?: string | null };
}

export function frontmatterOf(file: VFile): EditionFrontmatter {
  const astro = (file.data as { astro?: { frontmatter?: EditionFrontmatter } }).astro;
  return astro?.frontmatter ?? {};
}

/** The lines before a Markdown file's body (its frontmatter): plugins see the body alone, editors the whole file. */
function bodyOffset(file: VFile): number {
  if (!file.path) return 0;
  try {
    const text = readFileSync(file.path, 'utf8').replace(/^\uFEFF/, '');
    return text.match(/^---\r?\n[\s\S]*?\r?\n---\r?\n/)?.[0].split('\n').length ?? 1;
  } catch {
    return 1;
  }
}

/** "content/papers/x.md: line 12" for a node of the body, as an editor finds it in the file. */
export function placeOf(file: VFile, node: { position?: { start: { line: number } } }): string {
  const name = file.path ? path.relative(process.cwd(), file.path) : 'Markdown text';
  const line = node.position?.start.line;
  return `${name}: line ${line === undefined ? '?' : line + bodyOffset(file) - 1}`;
}
