/**
 * Edition notes: the editors' visible marks in a paper's body. They are
 * written inline in the Markdown as `{{ed:<kind>}}` or `{{ed:<kind> <source text>}}`
 * and rendered apart from the author's words. A note that carries source text
 * (a page number, a placeholder) keeps that text verbatim, so fidelity counts it.
 */
export const editionNoteKinds = {
  join: { label: 'paragraph re-joined across a page break', carriesSourceText: false },
  page: { label: 'page furniture in the source', carriesSourceText: true },
  placeholder: { label: 'placeholder in the source', carriesSourceText: true },
} as const;

export type EditionNoteKind = keyof typeof editionNoteKinds;

export const editionNotePattern = /\{\{ed:([a-z]+)(?: ([^}]+))?\}\}/g;

/** Anything that looks like the start of an edition note; what the pattern above does not take is malformed. */
export const editionNoteOpening = /\{\{\s*ed\b/i;

export type EditionNoteSegment =
  | { type: 'text'; value: string }
  | { type: 'note'; kind: EditionNoteKind; sourceText: string | null };

/**
 * Splits text into author's text and edition notes; an unknown or malformed
 * note throws rather than being printed as if the author had written it.
 */
export function splitEditionNotes(text: string): EditionNoteSegment[] {
  const segments: EditionNoteSegment[] = [];
  let last = 0;
  const pushText = (value: string) => {
    const stray = value.match(editionNoteOpening);
    if (stray) {
      const shown = value.slice(stray.index, stray.index! + 30);
      throw new Error(`malformed edition note "${shown}${value.length > stray.index! + 30 ? '…' : ''}"; expected {{ed:<kind>}} or {{ed:<kind> <source text>}} with kind one of: ${Object.keys(editionNoteKinds).join(', ')}`);
    }
    segments.push({ type: 'text', value });
  };
  for (const match of text.matchAll(editionNotePattern)) {
    const [whole, kind, sourceText] = match;
    if (!(kind! in editionNoteKinds)) {
      throw new Error(`unknown edition note kind "${kind}" in ${whole}; expected one of: ${Object.keys(editionNoteKinds).join(', ')}`);
    }
    const spec = editionNoteKinds[kind as EditionNoteKind];
    if (spec.carriesSourceText !== (sourceText !== undefined)) {
      throw new Error(`edition note ${whole}: "${kind}" ${spec.carriesSourceText ? 'needs the verbatim source text after the kind' : 'takes no text'}`);
    }
    if (match.index > last) pushText(text.slice(last, match.index));
    segments.push({ type: 'note', kind: kind as EditionNoteKind, sourceText: sourceText ?? null });
    last = match.index + whole.length;
  }
  if (last < text.length) pushText(text.slice(last));
  return segments;
}

/**
 * Marks an element as added by the edition (labels, paragraph numbers) with
 * the attribute data-edition-added: not the source's words, so fidelity and
 * passage texts leave it out. This is its hast property name.
 */
export const editionAddedProperty = 'dataEditionAdded';
