/**
 * Result DOM shared by the header panel and the search page. Everything from
 * the index reaches the page as text nodes (createElement/textContent, never
 * innerHTML); matched words become <mark> elements. A record's words are
 * fetched only once its placeholder is on screen.
 */
import { excerptOf, landingUrl, type PagefindData, type RecordHit } from '../lib/search-results.ts';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

/** The excerpt of a record as text and <mark> nodes. */
export function excerptNodes(data: PagefindData, hit: RecordHit, words = 30): Node[] {
  return excerptOf(data.content, hit.words, words).map((p) => (p.mark ? element('mark', {}, p.text) : document.createTextNode(p.text)));
}

/** Where a record's link lands, highlighting the spellings that found it: a claim lands on the paragraph it quotes. */
export function recordHref(hit: RecordHit, data: PagefindData, base: string): string {
  const url = hit.facets.kind === 'claim' ? `${base}${hit.facets.page.replace(/^\//, '')}#${data.meta.anchor ?? ''}` : data.url;
  return landingUrl(url, hit.highlight);
}

/** How a record is named in a list: "¶ 12", "Abstract", a heading, "Title and authors", a claim's label. */
export const recordLabel = (data: PagefindData) => data.meta.title ?? '';

const fills = new WeakMap<Element, () => Promise<void>>();
const observer = typeof IntersectionObserver === 'undefined' ? null : new IntersectionObserver((entries) => {
  for (const entry of entries) if (entry.isIntersecting) void fillNow(entry.target);
}, { rootMargin: '200px 0px' });

async function fillNow(target: Element) {
  const fill = fills.get(target);
  if (!fill) return;
  fills.delete(target);
  observer?.unobserve(target);
  await fill();
}

/** Calls `fill` once `target` comes on screen (or is forced by fillVisible). */
export function whenShown(target: Element, fill: () => Promise<void>) {
  fills.set(target, fill);
  observer?.observe(target);
}

/** Fills the placeholders inside `root` that are on screen now, and waits for them: the first paint. */
export async function fillVisible(root: Element, margin = 0) {
  const height = window.innerHeight + margin;
  const shown = [...root.querySelectorAll('[data-record]')].filter((el) => {
    const box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < height && box.height > 0;
  });
  await Promise.all(shown.map(fillNow));
}
