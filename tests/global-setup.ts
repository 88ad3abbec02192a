/**
 * Builds the site once per test run into a temporary folder; build, quality
 * and end-to-end tests all read that one build (inject('distDir')).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './support/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-dist-'));
  const started = performance.now();
  const { status, output } = buildSite({ outDir: dir });
  if (status !== 0) throw new Error(`the site did not build:\n${output.slice(-4000)}`);
  console.log(`built the site in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  project.provide('distDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
