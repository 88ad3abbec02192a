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

/** The 1-based source line a heading was taken from, found by its text; null if not found. */
export function headingSourceLine(source: string, heading: string): number | null {
  const plain = (s: string) => s.replace(/[#*_\\]/g, '').replace(/\s+/g, ' ').trim();
  const target = plain(heading);
  const index = source.split('\n').findIndex((line) => plain(line) === target);
  return index === -1 ? null : index + 1;
}
