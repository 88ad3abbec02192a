/**
 * Where each collection's files live and which files it loads: the one
 * definition for the content config (what Astro loads) and the content check
 * (which refuses a file Astro would silently skip, such as a claim saved as .yml).
 */
export const collectionFiles = {
  papers: { pattern: '*.md', extension: '.md', nested: false },
  themes: { pattern: '*.yaml', extension: '.yaml', nested: false },
  theories: { pattern: '*.yaml', extension: '.yaml', nested: false },
  methods: { pattern: '*.yaml', extension: '.yaml', nested: false },
  authors: { pattern: '*.yaml', extension: '.yaml', nested: false },
  /** One file per claim, in a folder per paper: content/claims/<paper>/<claim-id>.yaml. */
  claims: { pattern: '**/*.yaml', extension: '.yaml', nested: true },
  quantities: { pattern: '*.yaml', extension: '.yaml', nested: false },
} as const;

export type CollectionName = keyof typeof collectionFiles;

/**
 * A content file as its editor saved it, read as the build reads it: a
 * byte-order mark and Windows line ends are harmless, so they are dropped.
 */
export const normalisedText = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
