/** The source texts kept byte for byte in content/sources, read at build time. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const contentDir = path.resolve(process.env.CORPUS_CONTENT_DIR ?? 'content');

export function readSource(file: string): string {
  return readFileSync(path.join(contentDir, 'sources', file), 'utf8');
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

const plain = (s: string) => s.replace(/[#*_\\]/g, '').replace(/\s+/g, ' ').trim();

/**
 * Where the headings of an edition were taken from: `lineOf(heading)` is the
 * 1-based line of the source that prints the heading's text (the first such
 * line), or null. The source is read through once, not once per heading.
 */
export function headingSourceLines(source: string): (heading: string) => number | null {
  const lines = new Map<string, number>();
  source.split('\n').forEach((line, i) => {
    const text = plain(line);
    if (!lines.has(text)) lines.set(text, i + 1);
  });
  return (heading) => lines.get(plain(heading)) ?? null;
}
