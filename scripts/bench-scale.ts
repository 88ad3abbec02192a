/**
 * npm run bench:scale -- N: how the build grows with the corpus. Makes a
 * synthetic corpus of N papers outside content/ (the real papers, then
 * clones of them with new ids), builds it through the content
 * folder override (src/lib/content-dir.ts) and reports build time, peak
 * memory of the build's process tree, page count, the largest pages by gzip
 * size and the first search's cost in Chromium (scripts/bench-search.ts
 * --first). Claims are cloned with their papers up to 200 papers; above that
 * only the real papers' claims are kept, unless --claims=all.
 * Not a test: figures vary by machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseDocument } from 'yaml';
import { buildCommand, projectRoot } from '../tests/support/build.ts';
import type { PermanenceRecord } from '../src/lib/permanence.ts';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { claims: { type: 'string' }, 'keep': { type: 'boolean' }, 'no-search': { type: 'boolean' } } });
const count = Number(positionals[0]);
if (!Number.isInteger(count) || count < 1) {
  console.error('usage: npm run bench:scale -- <number of papers> [--claims=all|real] [--no-search] [--keep]');
  process.exit(2);
}
const cloneClaims = (args.claims ?? (count <= 200 ? 'all' : 'real')) === 'all';

const work = path.join(tmpdir(), `corpus-scale-${count}`);
const contentDir = path.join(work, 'content');
const outDir = path.join(work, 'dist');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(path.join(projectRoot, 'content'), contentDir, { recursive: true });
// A synthetic corpus was never published: it starts with an empty permanence record (the real one
// would fail the build as soon as paged listings move an anchor to page 2).
const unpublished: PermanenceRecord = { pages: {}, redirects: {}, errata: [] };
writeFileSync(path.join(contentDir, 'published.json'), JSON.stringify(unpublished));

/** Rewrites a file's YAML (a whole file, or a Markdown file's frontmatter) with some fields set. */
function withFields(text: string, fields: Record<string, string>, frontmatter: boolean): string {
  const [, yaml, body] = frontmatter ? /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)! : [null, text, ''];
  const doc = parseDocument(yaml!);
  for (const [key, value] of Object.entries(fields)) doc.set(key, value);
  return frontmatter ? `---\n${doc.toString()}---\n${body}` : doc.toString();
}

const papersDir = path.join(contentDir, 'papers');
const claimsDir = path.join(contentDir, 'claims');
const originals = readdirSync(papersDir).filter((f) => f.endsWith('.md')).sort();
let made = originals.length;
for (let copy = 1; made < count; copy++) {
  for (const file of originals) {
    if (made >= count) break;
    const text = readFileSync(path.join(papersDir, file), 'utf8');
    const doc = parseDocument(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);
    const id = `${doc.get('id')}-copy-${copy}`;
    // Only the id changes: the build checks the title against the source line it was read from.
    writeFileSync(path.join(papersDir, `${id}.md`), withFields(text, { id }, true));
    const paperClaims = path.join(claimsDir, String(doc.get('id')));
    if (cloneClaims && statSync(paperClaims, { throwIfNoEntry: false })) {
      mkdirSync(path.join(claimsDir, id));
      for (const claimFile of readdirSync(paperClaims)) {
        const claim = readFileSync(path.join(paperClaims, claimFile), 'utf8');
        const [key, ...rest] = String(parseDocument(claim).get('id')).split('-');
        const claimId = [`${key}${copy}`, ...rest].join('-');
        writeFileSync(path.join(claimsDir, id, `${claimId}.yaml`), withFields(claim, { id: claimId, paper: id }, false));
      }
    }
    made++;
  }
}
if (cloneClaims) {
  // Each copy's claims need their paper's claim-id key (content/claim-policy.yaml): the original's key, copy number appended.
  const policyFile = path.join(contentDir, 'claim-policy.yaml');
  const policy = parseDocument(readFileSync(policyFile, 'utf8'));
  for (const folder of readdirSync(claimsDir)) {
    const match = /^(.*)-copy-(\d+)$/.exec(folder);
    if (match) policy.setIn(['idKeys', folder], `${policy.getIn(['idKeys', match[1]])}${match[2]}`);
  }
  writeFileSync(policyFile, policy.toString());
}
const claimCount = readdirSync(claimsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).length;
console.log(`synthetic corpus: ${made} papers (${originals.length} real, ${made - originals.length} copies), ${claimCount} claims (${cloneClaims ? 'cloned with their papers' : 'the real papers\' only'}), in ${contentDir}`);

/** Resident memory of a process and all its descendants, in bytes, read from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * The build's phases, each ended by the first log line matching its pattern
 * (the last ends with the build), so time and memory can be told per phase.
 */
const phases: { name: string; ends: RegExp; seconds?: number; peak: number }[] = [
  { name: 'content check', ends: /\[corpus-content-gate\] checked the content/, peak: 0 },
  { name: 'content sync', ends: /\[content\] Synced content/, peak: 0 },
  { name: 'bundling', ends: /generating static routes/, peak: 0 },
  { name: 'pages and permanence check', ends: /\[corpus-content-gate\] kept every published/, peak: 0 },
  { name: 'search index', ends: /\[corpus-pagefind\] indexed/, peak: 0 },
  { name: 'the rest', ends: /$^/, peak: 0 },
];
let phase = 0;

const { command, args: buildArgs, env } = buildCommand({ outDir, contentDir, cacheDir: path.join(work, 'cache') });
const started = performance.now();
const build = spawn(command, buildArgs, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
let lineStart = 0;
const onOutput = (chunk: Buffer) => {
  log += chunk;
  const lines = log.slice(lineStart).split('\n');
  lineStart = log.length - lines.pop()!.length;
  for (const line of lines) {
    while (phase < phases.length - 1 && phases[phase]!.ends.test(line)) phases[phase++]!.seconds = (performance.now() - started) / 1000;
  }
};
build.stdout.on('data', onOutput);
build.stderr.on('data', onOutput);
let peak = 0;
const poll = setInterval(() => {
  const rss = treeRss(build.pid!);
  peak = Math.max(peak, rss);
  phases[phase]!.peak = Math.max(phases[phase]!.peak, rss);
}, 200);
const status = await new Promise<number | null>((resolve) => build.on('close', resolve));
clearInterval(poll);
const seconds = (performance.now() - started) / 1000;
phases.at(-1)!.seconds = seconds;
if (status !== 0) {
  console.error(log.slice(-6000));
  throw new Error(`the synthetic corpus of ${count} papers did not build`);
}

const htmlFiles = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
const pages = htmlFiles.map((file) => {
  const html = readFileSync(path.join(outDir, file));
  return { page: `/${file.replace(/index\.html$/, '')}`, raw: html.length, gzip: gzipSync(html).length };
});
const du = spawnSync('du', ['-sb', outDir], { encoding: 'utf8' }).stdout.split('\t')[0];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const minutes = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min ${(s % 60).toFixed(0)} s` : `${s.toFixed(1)} s`);

console.log(`\nbuild: ${minutes(seconds)}, peak RSS ${(peak / 1024 ** 3).toFixed(2)} GB (build process tree, sampled every 200 ms)`);
let phaseStart = 0;
for (const { name, seconds: end, peak: phasePeak } of phases) {
  if (end === undefined) continue;
  console.log(`  ${name}: ${minutes(end - phaseStart)}, peak RSS ${(phasePeak / 1024 ** 3).toFixed(2)} GB`);
  phaseStart = end;
}
console.log(`pages: ${pages.length} HTML files, dist ${(Number(du) / 1024 ** 2).toFixed(0)} MB`);
const byPage = new Map(pages.map((p) => [p.page, p]));
for (const page of ['/', '/works-cited/', '/glossary/', '/claims/', '/papers/']) {
  const p = byPage.get(page);
  if (p) console.log(`  ${page}: ${kb(p.raw)} raw / ${kb(p.gzip)} gzip`);
}
console.log('largest pages by gzip:');
for (const p of pages.sort((a, b) => b.gzip - a.gzip).slice(0, 10)) console.log(`  ${kb(p.gzip)} gzip (${kb(p.raw)} raw)  ${p.page}`);

if (!args['no-search']) {
  console.log('\nfirst search, cold, in Chromium:');
  const search = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/bench-search.ts'), '--dist', outDir, '--first'], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  console.log(search.stdout.trim());
}
if (!args.keep) rmSync(work, { recursive: true, force: true });
