/**
 * A warm build publishes what a cold one would: Astro keeps rendered content
 * in its cache and re-renders an entry only when its file changes, so a
 * change to a rehype plugin must clear that cache. A copy of the project
 * (its own src/, the installed packages linked) builds the made-up corpus of
 * tests/fixtures/scale twice with one cache, a plugin changed in between.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildCommand, projectRoot } from '../support/build.ts';
import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

const work = mkdtempSync(path.join(tmpdir(), 'corpus-warm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const project = path.join(work, 'project');
const contentDir = path.join(work, 'content');
const cacheDir = path.join(work, 'cache');
const plugin = path.join(project, 'src/markdown/rehype-reference-backlinks.ts');
/** The attribute the changed plugin puts on every numbered passage. */
const probe = 'data-pipeline-probe';

function build(outDir: string): string {
  const { command, args, env } = buildCommand({ outDir, contentDir, cacheDir });
  const astro = path.join(project, 'node_modules/astro/bin/astro.mjs');
  const result = spawnSync(command, args.map((a) => (a.endsWith('astro.mjs') ? astro : a)), { cwd: project, encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  const output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  expect(result.status, output.slice(-3000)).toBe(0);
  return readFileSync(path.join(outDir, 'papers/tiny/index.html'), 'utf8');
}

test('changing a rehype plugin between two builds that share a cache shows in the second build', { timeout: 600_000 }, () => {
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(path.join(projectRoot, entry), path.join(project, entry), { recursive: true });
  }
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  cpSync(path.join(projectRoot, 'tests/fixtures/scale/content'), contentDir, { recursive: true });

  const before = build(path.join(work, 'dist-1'));
  expect(before).toContain('data-passage');
  expect(before).not.toContain(probe);

  // The plugin now marks each passage it visits; the source files of the corpus are untouched.
  const code = readFileSync(plugin, 'utf8');
  const visit = 'if (passage.properties.dataPassage === undefined) return;';
  expect(code).toContain(visit);
  writeFileSync(plugin, code.replace(visit, `${visit}\n      passage.properties.dataPipelineProbe = '';`));

  const after = build(path.join(work, 'dist-2'));
  expect(after).toContain(probe);
  expect(after.match(/data-passage/g)?.length).toBe(before.match(/data-passage/g)?.length);
});
