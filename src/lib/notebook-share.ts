/**
 * A notebook leaving the browser and coming back: as a link a student sends
 * to a classmate or teacher, and as a JSON file. Both carry addresses, notes
 * and the themes the student chose, never the papers' words (those come from
 * the build). Whatever arrives is untrusted: it is validated here, and the
 * page shows notes as text only.
 */
import { z } from 'zod';
import { parseRef, type NotebookItem } from './notebook.ts';

export const maxNoteLength = 10_000;
export const maxItems = 1_000;

const ref = z.string().max(300).refine((r) => parseRef(r) !== null, { error: 'not the address of a paper\'s paragraph or of a claim' });
const note = z.string().max(maxNoteLength);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);
const hash = z.string().regex(/^[0-9a-f]{16}$/);

const item = z.object({ ref, note: note.default(''), theme: slug.optional(), seen: hash.optional() });

/** The JSON file a notebook is exported to and imported from. */
export const notebookFileSchema = z.object({
  format: z.literal('corpus-notebook'),
  version: z.literal(1),
  items: z.array(item).max(maxItems),
});

/** A shared link's payload: one [address, note, theme?] per item, in the notebook's order. */
const sharedSchema = z.object({
  v: z.literal(1),
  items: z.array(z.union([z.tuple([ref, note]), z.tuple([ref, note, slug])])).max(maxItems),
});

export type NotebookFile = z.infer<typeof notebookFileSchema>;

/** A notebook's items as a file; what the page recorded about seen text travels with it. */
export const toNotebookFile = (items: NotebookItem[]): NotebookFile => ({ format: 'corpus-notebook', version: 1, items });

/** Items read from an imported file, with the first problem found when it is not a notebook. */
export function fromNotebookFile(text: string): { items: NotebookItem[] } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'The file is not JSON.' };
  }
  const parsed = notebookFileSchema.safeParse(json);
  if (!parsed.success) return { error: problem(parsed.error) };
  return { items: dedupe(parsed.data.items) };
}

/** The hash parameter a shared link carries its notebook in (never sent to a server). */
export const shareParameter = 'share';

/** The notebook as the value of a shared link's `#share=` fragment: compact JSON, deflated, base64url. */
export async function encodeShare(items: NotebookItem[]): Promise<string> {
  const payload = { v: 1, items: items.map((i) => (i.theme ? [i.ref, i.note, i.theme] : [i.ref, i.note])) };
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  const deflated = await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
  return toBase64Url(new Uint8Array(deflated));
}

/** The items of a shared link's value, or what is wrong with it. */
export async function decodeShare(value: string): Promise<{ items: NotebookItem[] } | { error: string }> {
  let json: unknown;
  try {
    json = JSON.parse(await inflate(fromBase64Url(value)));
  } catch {
    return { error: 'The link is damaged: its notebook could not be read.' };
  }
  const parsed = sharedSchema.safeParse(json);
  if (!parsed.success) return { error: problem(parsed.error) };
  return { items: dedupe(parsed.data.items.map(([r, n, t]) => (t ? { ref: r, note: n, theme: t } : { ref: r, note: n }))) };
}

/** A validation failure in words, naming where it is. */
function problem(error: z.ZodError): string {
  const first = error.issues[0]!;
  return `Not a notebook: ${first.path.length ? `${first.path.join('.')}: ` : ''}${first.message}`;
}

/** An address appears once: the first occurrence is kept. */
function dedupe(items: NotebookItem[]): NotebookItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.ref) && !!seen.add(i.ref));
}

/** Inflates at most a megabyte: a short link must not unpack into a page-freezing notebook. */
async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.length;
    if (size > 1_000_000) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(chunk.value);
  }
  const all = new Uint8Array(size);
  chunks.reduce((at, c) => (all.set(c, at), at + c.length), 0);
  return new TextDecoder('utf-8', { fatal: true }).decode(all);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new Error('not base64url');
  const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
