/**
 * Shortened texts (excerpts, labels, page descriptions) cut only between
 * words, with "…" where words were left out, so a reader never meets a
 * broken word ("… ese developments") and always sees that the text goes on.
 */

/** The words of `text` from `start` to `end` (character offsets), widened to whole words, with "…" at each cut end. */
export function wordsBetween(text: string, start: number, end: number): string {
  const from = start <= 0 ? 0 : Math.max(0, text.lastIndexOf(' ', start) + 1);
  const spaceAfter = end >= text.length ? -1 : text.indexOf(' ', end);
  const to = spaceAfter === -1 ? text.length : spaceAfter;
  return `${from > 0 ? '… ' : ''}${text.slice(from, to).trim()}${to < text.length ? ' …' : ''}`;
}

/** The opening words of `text`, at most `length` characters before the "…" (the first word whole if it is longer). */
export function openingWords(text: string, length: number): string {
  if (text.length <= length) return text;
  const lastSpace = text.lastIndexOf(' ', length);
  return wordsBetween(text, 0, lastSpace > 0 ? lastSpace : length);
}

/** A page's summary for search engines and link previews (meta description, og:description): its text's opening words, up to 300 characters. */
export const pageDescription = (text: string) => openingWords(text.replace(/\s+/g, ' ').trim(), 300);
