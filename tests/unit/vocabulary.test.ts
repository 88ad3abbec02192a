/**
 * The shared vocabulary is read from the papers: every alias a theme,
 * theory or method lists is a spelling some source actually prints.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { contentDir } from '../../src/lib/edition-file.ts';

const sources = readdirSync(path.join(contentDir, 'sources')).map((f) => readFileSync(path.join(contentDir, 'sources', f), 'utf8').toLowerCase());

describe.each(['themes', 'theories', 'methods'])('%s', (collection) => {
  const dir = path.join(contentDir, collection);
  const entries = readdirSync(dir).map((f) => parse(readFileSync(path.join(dir, f), 'utf8')) as { id: string; aliases: (string | string[])[] });
  test.each(entries.map((e) => [e.id, e.aliases.flat()] as const))('every alias of %s is printed in a source', (_id, aliases) => {
    const unprinted = aliases.filter((alias) => !sources.some((s) => s.includes(alias.toLowerCase())));
    expect(unprinted).toEqual([]);
  });
});
