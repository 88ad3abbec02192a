/** The frontmatter Astro hands to Markdown plugins through the vfile. */
import type { VFile } from 'vfile';

export interface EditionFrontmatter {
  edition?: { referencesHeading?: string | null };
}

export function frontmatterOf(file: VFile): EditionFrontmatter {
  const astro = (file.data as { astro?: { frontmatter?: EditionFrontmatter } }).astro;
  return astro?.frontmatter ?? {};
}
