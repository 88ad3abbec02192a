/**
 * Entry ids come from the `id` field, never from the file name, so renaming a
 * file cannot move a published URL. Astro only warns about duplicate ids and
 * keeps the last one; here a duplicate stops the build, naming both files.
 */
export function idFromFrontmatter(collection: string) {
  const seen = new Map<string, string>();
  return ({ entry, data }: { entry: string; data: Record<string, unknown> }): string => {
    const file = `content/${collection}/${entry}`;
    const id = data.id;
    if (typeof id !== 'string' || id === '') {
      throw new Error(`${file}: field "id": expected a string id in the frontmatter, got ${JSON.stringify(id)}`);
    }
    const other = seen.get(id);
    if (other !== undefined && other !== file) {
      throw new Error(`${file}: field "id": expected a unique id, but "${id}" is already used by ${other}`);
    }
    seen.set(id, file);
    return id;
  };
}
