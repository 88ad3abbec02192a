/** The content folder the build reads (relative to the project); tests point it at a copy with a deliberate change. */
export const buildContentDir = process.env.CORPUS_CONTENT_DIR ?? './content';
