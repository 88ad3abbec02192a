/** Reading the built site and the content folders in build tests. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../../src/lib/edition-file.ts';

/** The ids of a YAML collection (sub-folders included, as for claims), read from the files' `id:` lines. */
export function readdirYaml(collection: string): string[] {
  const dir = path.join(contentDir, collection);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8').match(/^id:\s*["']?([a-z0-9-]+)/m)![1]!);
}

/** The HTML of a built page, by its URL path ("papers/x/"). */
export function pageOf(dist: string, urlPath: string): string {
  return readFileSync(path.join(dist, urlPath, 'index.html'), 'utf8');
}

/** Every built HTML file, relative to dist. */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
}
