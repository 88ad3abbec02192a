/**
 * Bad content stops the build with the file, the field and what was
 * expected. Each case copies content/, breaks one thing, and runs the real build.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { contentDir } from '../../src/lib/edition-file.ts';
import { buildSite } from '../support/build.ts';

const work = mkdtempSync(path.join(tmpdir(), 'corpus-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const paperFile = 'papers/neo-taliban-regime.md';

/** Builds a copy of content/ with one edit; returns the build's status and output. */
function buildWith(name: string, edit: (dir: string) => void) {
  const dir = path.join(work, name, 'content');
  cpSync(contentDir, dir, { recursive: true });
  edit(dir);
  return buildSite({ outDir: path.join(work, name, 'dist'), contentDir: dir, cacheDir: path.join(work, name, 'cache') });
}

const replaceIn = (dir: string, file: string, from: string | RegExp, to: string) => {
  const target = path.join(dir, file);
  const text = readFileSync(target, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(target, next);
};

describe('the build fails loudly', () => {
  test('on a reference to a theme that does not exist', () => {
    const { status, output } = buildWith('dangling', (dir) => replaceIn(dir, paperFile, /^themes:\n  - [a-z-]+$/m, 'themes:\n  - no-such-theme'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/neo-taliban-regime\.md: field "themes\[0\]": expected the id of an entry in content\/themes\/ \(one of: [a-z, -]+\), got "no-such-theme"/);
  });

  test('on a malformed DOI', () => {
    const { status, output } = buildWith('doi', (dir) => replaceIn(dir, 'papers/taliban-ttp-nexus.md', /^  doi: .*$/m, '  doi: "doi:10/abc"'));
    expect(status).not.toBe(0);
    expect(output).toContain('taliban-ttp-nexus.md');
    expect(output).toContain('venue.doi');
    expect(output).toContain('expected a DOI like "10.1234/abc" (no https://doi.org/ prefix)');
  });

  const claimFile = 'claims/security-dilemma-comparative-analysis/sdc-durand-line-length.yaml';

  test('on a claim whose quotation differs from its passage by one character', () => {
    const { status, output } = buildWith('claim-quotation', (dir) => replaceIn(dir, claimFile, 'conduit for terrorists', 'conduit for terorists'));
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/claims/security-dilemma-comparative-analysis/sdc-durand-line-length.yaml: field "quotation": expected a verbatim quotation from passage p10 of security-dilemma-comparative-analysis; not found there (closest: the passage agrees up to "…historically served as a conduit for ter", then reads "rorists and militants. Pakista" where the quotation has "orists and militants.")',
    );
  });

  test('on a claim citing a passage its paper does not have', () => {
    const { status, output } = buildWith('claim-passage', (dir) => replaceIn(dir, claimFile, /^passage: p10$/m, 'passage: p400'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/claims\/security-dilemma-comparative-analysis\/sdc-durand-line-length\.yaml: field "passage": expected a paragraph anchor of security-dilemma-comparative-analysis \(p1–p\d+, as `npm run passages -- security-dilemma-comparative-analysis` prints them\), got "p400"/);
  });

  test('on a duplicate id', () => {
    const { status, output } = buildWith('duplicate', (dir) => {
      cpSync(path.join(dir, 'themes/durand-line.yaml'), path.join(dir, 'themes/durand-line-copy.yaml'));
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/themes\/durand-line(-copy)?\.yaml: field "id": expected a unique id, but "durand-line" is already used by content\/themes\/durand-line(-copy)?\.yaml/);
  });
});
