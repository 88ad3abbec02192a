/** Quality gates on the built site: every page is valid HTML, and every internal link and fragment resolves. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { check, LinkState } from 'linkinator';
import { describe, expect, inject, test } from 'vitest';
import { contentDir } from '../../src/lib/edition-file.ts';
import { htmlFiles, readdirYaml } from '../support/dist.ts';
import { serve } from '../support/server.ts';

const dist = inject('distDir');
// Reads .htmlvalidate.json at the project root, like the CLI would.
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('html-validate', () => {
  test.each(htmlFiles(dist))('%s is valid HTML', async (file) => {
    const report = await validator.validateString(readFileSync(path.join(dist, file), 'utf8'), path.resolve(file));
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`));
    expect(messages).toEqual([]);
  });
});

test('every internal link and #fragment on every page resolves', async () => {
  const { server, origin } = await serve(dist);
  const pages = htmlFiles(dist).filter((f) => f !== '404.html').map((f) => `${origin}/${f.replace(/index\.html$/, '')}`);
  const result = await check({
    path: pages,
    recurse: true,
    checkFragments: true,
    // Only this site's own links: external ones and the canonical host are not ours to check here.
    linksToSkip: [`^(?!${origin.replace(/\./g, '\\.')})`],
  }).finally(() => server.close());
  const broken = result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.status} ${l.url} (on ${l.parent})`);
  expect(broken).toEqual([]);
  // It really crawled: every page was fetched and found sound.
  expect(result.links.filter((l) => l.state === LinkState.OK).length).toBeGreaterThanOrEqual(pages.length);
});

/** A link that reads like an identifier: lower-case words and numbers joined by hyphens ("khan-2021", "tgs-fence-94-percent"). */
const identifierLike = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
const paperFiles = readdirSync(path.join(contentDir, 'papers')).filter((f) => f.endsWith('.md'));
/** Words the papers print, lower-cased: an id the papers print as a word ("counter-terrorism") is not only an id. */
const printed = new Set(paperFiles.flatMap((f) => readFileSync(path.join(contentDir, 'papers', f), 'utf8').toLowerCase().split(/[^a-z0-9-]+/)));
/** The corpus's own identifiers that are not ordinary words (a one-word id such as "refugees" is one). */
const contentIds = new Set([
  ...paperFiles.map((f) => f.replace(/\.md$/, '')),
  ...['claims', 'themes', 'theories', 'methods', 'authors'].flatMap(readdirYaml),
].filter((id) => id.includes('-') && !printed.has(id)));

test('no link on any page is named by an identifier, alone or in a phrase: readers see names, titles and labels', () => {
  const named = htmlFiles(dist).flatMap((file) =>
    [...readFileSync(path.join(dist, file), 'utf8').matchAll(/<a\b[^>]*>(.*?)<\/a>/gs)]
      .map((m) => m[1]!.replace(/<[^>]+>/g, '').trim())
      .filter((text) => identifierLike.test(text) || (!/^https?:/.test(text) && text.split(/[\s,;:()·]+/).some((word) => contentIds.has(word))))
      .map((text) => `${file}: “${text}”`));
  expect(named).toEqual([]);
});
