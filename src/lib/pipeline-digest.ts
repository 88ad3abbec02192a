/**
 * Astro keeps rendered content in its cache (data-store.json) and renders an
 * entry again only when the entry's file changes: a change to the Markdown
 * plugins or the schemas would leave pages built by the old pipeline. The
 * digest covers every project file the pipeline and the content config
 * import, so the build can drop a cache made by a different pipeline.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Where the content is turned into data and HTML: these files and all they import from the project. */
export const pipelineEntryPoints = ['src/markdown/index.ts', 'src/content.config.ts'];

/** The project files a module imports, directly or not (relative imports only; packages are pinned by the lock file). */
export function projectImports(entryPoints: string[], root = projectRoot): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const base = path.resolve(path.dirname(file), spec!);
      const found = [base, `${base}.ts`, `${base}.js`, `${base}.mjs`, path.join(base, 'index.ts')].find((f) => existsSync(f) && !f.endsWith('/'));
      if (found && /\.(ts|js|mjs)$/.test(found)) visit(found);
    }
  };
  for (const entry of entryPoints) visit(path.join(root, entry));
  return [...seen].sort();
}

/** A hash of those files' contents and of the installed packages (package-lock.json). */
export function pipelineDigest(root = projectRoot): string {
  const hash = createHash('sha256');
  for (const file of [...projectImports(pipelineEntryPoints, root), path.join(root, 'package-lock.json')]) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
