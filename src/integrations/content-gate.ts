/**
 * The build is the gate: `astro build` checks every promise the content
 * makes before a page is built (src/lib/content-check.ts) and the permanence
 * record once the site is written, and fails with the file, the field and
 * what was expected. Before anything is rendered it also drops Astro's
 * content cache if the Markdown pipeline or the schemas changed since it was
 * made (src/lib/pipeline-digest.ts), so a warm build equals a cold one.
 * Last, it writes the Content-Security-Policy header file (src/lib/csp.ts).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { offerRenderings, type CheckedRenderings } from '../lib/checked-renderings.ts';
import { checkContent } from '../lib/content-check.ts';
import { buildContentDir } from '../lib/content-dir.ts';
import { headersFile } from '../lib/csp.ts';
import { permanenceProblems, readPermanenceRecord } from '../lib/permanence.ts';
import { pipelineDigest } from '../lib/pipeline-digest.ts';

const fail = (what: string, problems: string[]) => {
  throw new Error(`${problems.length} ${what} problem${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`);
};

export function contentGate(): AstroIntegration {
  return {
    name: 'corpus-content-gate',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        const cacheDir = fileURLToPath(config.cacheDir);
        const stamp = path.join(cacheDir, 'pipeline-digest');
        const digest = pipelineDigest();
        const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8') : null;
        if (previous !== digest) {
          if (previous !== null) logger.info('the Markdown pipeline or the schemas changed: clearing the content cache');
          rmSync(path.join(cacheDir, 'data-store.json'), { force: true });
          rmSync(path.join(cacheDir, 'data-store'), { recursive: true, force: true });
          mkdirSync(cacheDir, { recursive: true });
          writeFileSync(stamp, digest);
        }
        if (command !== 'build') return;
        const started = performance.now();
        const renderings: CheckedRenderings = new Map();
        const problems = await checkContent(buildContentDir, { renderings });
        if (problems.length) fail('content', problems);
        offerRenderings(renderings);
        logger.info(`checked the content in ${((performance.now() - started) / 1000).toFixed(1)} s: fidelity, provenance, line references, edition notes, markup, references, claims`);
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        writeFileSync(path.join(root, '_headers'), headersFile);
        const record = readPermanenceRecord(buildContentDir);
        const problems = permanenceProblems(record, root);
        if (problems.length) {
          problems.push('Restore what was published, or record a redirect (moved page) or an erratum (changed text) in content/published.json.');
          fail('permanence', problems);
        }
        logger.info(`kept every published URL and anchor of content/published.json (${Object.keys(record.pages).length} pages)`);
      },
    },
  };
}
