/**
 * A reference from one entry to another (a paper's theme, a claim's paper):
 * Astro only logs a reference to a missing entry; here it is a problem that
 * names the file, the field and the ids that would do.
 */
export function refProblem(known: string[], collection: string, id: string, file: string, field: string): string | null {
  if (known.includes(id)) return null;
  return `${file}: field "${field}": expected the id of an entry in content/${collection}/ (one of: ${[...known].sort().join(', ')}), got "${id}"`;
}
