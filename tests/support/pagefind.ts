/**
 * The built site's Pagefind index, searched from Node as the browser would
 * (pagefind.js with a fetch that reads file: URLs, and the site root as base URL),
 * with the built record facets file and the spelling groups it carries.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openPagefindBundle, type NodePagefind } from '../../src/lib/search-node.ts';
import { recordFacetsFileName, type RecordFacetsFile } from '../../src/lib/search-results.ts';

export async function openIndex(dist: string): Promise<{ pagefind: NodePagefind; facetsFile: RecordFacetsFile; close: () => Promise<void> }> {
  const { pagefind, close } = await openPagefindBundle(path.join(dist, 'pagefind'));
  const facetsFile = JSON.parse(readFileSync(path.join(dist, 'pagefind', recordFacetsFileName), 'utf8')) as RecordFacetsFile;
  return { pagefind, facetsFile, close };
}
