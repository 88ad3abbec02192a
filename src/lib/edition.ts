/**
 * A paper's edition as data: its numbered passages, reference entries and
 * in-text citations. Read from the HTML the build already rendered for the
 * paper's page (the content layer renders each edition once and stores it),
 * so the page and every view built on the edition see the same numbering.
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { placedCitations, type PlacedCitation } from './citations.ts';
import { passagesOf, referencesOf, type Passage, type ReferenceEntry } from './passages.ts';
import { renderMarkdown } from './render.ts';

export interface Edition {
  passages: Passage[];
  references: ReferenceEntry[];
  citations: PlacedCitation[];
}

/** What the edition needs of a paper entry: its id, its Markdown and, inside a build, the HTML Astro rendered from it. */
export interface EditionSource {
  id: string;
  body?: string;
  data: unknown;
  rendered?: { html: string };
}

/** The edition read from a rendered body. */
export function editionOfTree(tree: Root): Edition {
  return { passages: passagesOf(tree), references: referencesOf(tree), citations: placedCitations(tree) };
}

/**
 * The edition of one paper. Uses the stored rendering when there is one
 * (every build); renders through the same pipeline only when there is not
 * (an entry loaded with deferred rendering).
 */
export async function editionOf(paper: EditionSource): Promise<Edition> {
  const tree = paper.rendered
    ? fromHtml(paper.rendered.html, { fragment: true })
    : await renderMarkdown(paper.body ?? '', paper.data as Record<string, unknown>);
  return editionOfTree(tree);
}
