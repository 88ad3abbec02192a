/**
 * npm run bench: measures what the tests must not time. Builds the site into
 * a temporary folder and reports build time, each paper page's weight
 * (HTML + CSS, gzip-compressed), the search index payload, and each edition's size.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { checkFidelity } from '../src/lib/fidelity.ts';
import { editionFiles, readEdition } from '../src/lib/edition-file.ts';
import { passagesOf, referenceEntrySelector } from '../src/lib/passages.ts';
import { buildSite } from '../tests/support/build.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'corpus-bench-'));
const started = performance.now();
// Measured as deployed: a build without SITE_URL is a local preview that adds its warning notices to every page.
const siteUrl = process.env.SITE_URL ?? 'https://example.org';
const { status, output } = buildSite({ outDir: dist, siteUrl });
const buildSeconds = (performance.now() - started) / 1000;
if (status !== 0) throw new Error(output);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file)).length;
const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)).filter((f) => statSync(f).isFile());

console.log(`build for ${siteUrl} (astro + pagefind): ${buildSeconds.toFixed(1)} s, ${files(dist).filter((f) => f.endsWith('.html')).length} HTML pages`);
const pagefind = files(path.join(dist, 'pagefind'));
console.log(`search bundle on disk: ${kb(pagefind.reduce((n, f) => n + statSync(f).size, 0))} in ${pagefind.length} files`);

/** The weight budget of a paper page: its HTML and CSS (gzip) may add at most 15 % and 8 KB to the paper's own text (gzip). */
const budget = (textBytes: number) => 1.15 * textBytes + 8 * 1024;

console.log('\npaper page weight (gzip): HTML + CSS = total, against the budget 1.15 × text + 8 KB; JavaScript needed to read: none');
for (const edition of editionFiles().map(readEdition)) {
  const htmlFile = path.join(dist, 'papers', edition.data.id, 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"/g)].map((m) => path.join(dist, m[1]!));
  const cssBytes = css.reduce((n, f) => n + gz(f), 0);
  const scripts = [...html.matchAll(/<script\b/g)].length;
  const tree = fromHtml(html);
  const passages = passagesOf(tree);
  const report = await checkFidelity(edition.source, edition.data, edition.body);
  const headings = [...edition.body.matchAll(/^#{1,6} /gm)].length;
  const references = selectAll(referenceEntrySelector, tree).length;
  const total = gz(htmlFile) + cssBytes;
  const text = gzipSync(edition.body).length;
  console.log(
    `  ${edition.data.id}: ${kb(gz(htmlFile))} + ${kb(cssBytes)} = ${kb(total)} (${scripts} scripts); text ${kb(text)}, ratio ${(total / text).toFixed(2)}, ` +
      `budget ${kb(budget(text))}: ${total <= budget(text) ? `within by ${Math.floor(budget(text) - total)} bytes` : `over by ${Math.ceil(total - budget(text))} bytes`}; ` +
      `${passages.length} passages, ${report.sourceWords} source words (${report.omittedWords} in ${edition.data.edition.omissions.length} declared omissions), ` +
      `${headings} headings, ${references} reference entries, ${edition.data.edition.joins.length} joins, ${edition.data.edition.changes.length} changes; fidelity ${report.ok ? '100%' : 'FAILED'}`,
  );
}
rmSync(dist, { recursive: true, force: true });
