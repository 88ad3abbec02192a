/** Builds the site (the real `astro build`, Pagefind included) into a given folder. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  outDir: string;
  /** A content folder to build instead of content/ (for deliberately broken copies). */
  contentDir?: string;
  cacheDir?: string;
  basePath?: string;
  /** The published origin (SITE_URL); without it the build is a local preview. */
  siteUrl?: string;
}

/** The `astro build` command for these options: the program, its arguments and its environment. */
export function buildCommand({ outDir, contentDir, cacheDir, basePath, siteUrl }: BuildOptions): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  return {
    command: process.execPath,
    args: [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    env: {
      ...cleanEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...(contentDir && { CORPUS_CONTENT_DIR: contentDir }),
      ...(cacheDir && { CORPUS_CACHE_DIR: cacheDir }),
      ...(basePath && { BASE_PATH: basePath }),
      ...(siteUrl && { SITE_URL: siteUrl }),
    },
  };
}

export function buildSite(options: BuildOptions): { status: number | null; output: string } {
  const { command, args, env } = buildCommand(options);
  const result = spawnSync(command, args, { cwd: projectRoot, encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  // Colour codes (CI may force them) would split the messages the tests look for.
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/** The environment without what Vitest's workers set (BASE_URL, MODE, DEV, …), which would leak into Astro's build. */
function cleanEnv(): NodeJS.ProcessEnv {
  // SITE_URL too: a test build is a local preview unless the test asks for a published origin.
  const leaked = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'FORCE_COLOR', 'SITE_URL']);
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !leaked.has(key) && !key.startsWith('VITEST')));
}
