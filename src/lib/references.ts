/**
 * Reference entries: the items of a paper's own reference list. Each gets a
 * stable anchor `ref-<key>` built from its first author's surname and year,
 * so an in-text citation can link to it and the link survives re-rendering.
 */

/** A year as reference entries print it: "2000", "2021b". */
const yearPattern = /\b(1[89]\d\d|20\d\d)[a-z]?\b/;

/** "Rashid, A. (2000). Taliban…" → "rashid-2000"; no year gives "nd". */
export function referenceKey(entryText: string): string {
  const text = entryText.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const surname = (text.match(/[A-Za-z][A-Za-z'’-]*/)?.[0] ?? 'anon').toLowerCase().replace(/['’]/g, '');
  const year = text.match(yearPattern)?.[0] ?? 'nd';
  return `${surname}-${year}`.replace(/-+/g, '-');
}

/** A human name for an entry, its first word and year as printed: "Rashid, 2000" ("n.d." where no year is printed). */
export function referenceLabel(entryText: string): string {
  const surname = entryText.match(/\p{L}[\p{L}'’-]*/u)?.[0] ?? entryText.trim();
  return `${surname}, ${entryText.match(yearPattern)?.[0] ?? 'n.d.'}`;
}

/** An entry's anchor id: `ref-` and its key. */
export const referenceId = (key: string) => `ref-${key}`;

/** The key an entry's anchor id names; null for an id that is not an entry's. */
export const referenceKeyOf = (id: string): string | null => (id.startsWith(referenceId('')) ? id.slice(referenceId('').length) : null);

/** Keys for a whole list, in order; a repeated key gets -2, -3… so every anchor is unique. */
export function referenceKeys(entries: string[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const key = referenceKey(entry);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}-${count}`;
  });
}
