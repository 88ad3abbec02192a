/**
 * A published build (SITE_URL=https://example.org) deployed under a sub-path
 * (BASE_PATH=/corpus/): every internal link and fragment still resolves, and
 * no file offers a loopback address for citing.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, LinkState } from 'linkinator';
import { afterAll, expect, test } from 'vitest';
import { buildSite } from '../support/build.ts';
import { htmlFiles, pageOf } from '../support/dist.ts';
import { serve } from '../support/server.ts';

const work = mkdtempSync(path.join(tmpdir(), 'corpus-base-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const dist = path.join(work, 'dist');
const siteUrl = 'https://example.org';

test('a build for /corpus/ links only within /corpus/', async () => {
  const { status, output } = buildSite({ outDir: dist, basePath: '/corpus/', siteUrl, cacheDir: path.join(work, 'cache') });
  expect(status, output).toBe(0);
  expect(pageOf(dist, 'search/')).toContain('data-pagefind-bundle="/corpus/pagefind/"');

  const { server, origin } = await serve(dist, '/corpus/');
  const pages = htmlFiles(dist).filter((f) => f !== '404.html').map((f) => `${origin}/corpus/${f.replace(/index\.html$/, '')}`);
  const result = await check({ path: pages, recurse: true, checkFragments: true, linksToSkip: [`^(?!${origin.replace(/\./g, '\\.')})`] }).finally(() => server.close());
  expect(result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.status} ${l.url} (on ${l.parent})`)).toEqual([]);
  expect(result.links.filter((l) => l.state === LinkState.OK).length).toBeGreaterThanOrEqual(pages.length);
}, 240_000); // a whole second build plus a crawl of every page: minutes on a busy 2-core machine

test('with SITE_URL set, no page, download or export names a loopback origin, and no page carries the local-preview notice', () => {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('pagefind/') && statSync(path.join(dist, f)).isFile());
  const loopback = /\b(?:127\.0\.0\.1|localhost|\[::1\])\b/;
  expect(files.filter((f) => loopback.test(readFileSync(path.join(dist, f), 'utf8')))).toEqual([]);
  expect(files.filter((f) => f.endsWith('.html') && readFileSync(path.join(dist, f), 'utf8').includes('data-preview-notice'))).toEqual([]);
  expect(pageOf(dist, 'how-to-cite/')).toContain(`${siteUrl}/corpus/papers/`);
});
