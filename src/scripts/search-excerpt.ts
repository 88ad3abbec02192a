/**
 * A Pagefind excerpt as DOM nodes: its text, with the matched words in
 * <mark>. The excerpt arrives as an HTML string made from indexed content, so
 * it is never assigned as HTML: it is parsed into an inert document (nothing
 * there loads or runs) and only its text and <mark> elements are rebuilt.
 */
export function excerptNodes(excerpt: string): Node[] {
  const inert = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  const nodes: Node[] = [];
  const walk = (parent: Node, marked: boolean) => {
    for (const child of parent.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (!marked) nodes.push(document.createTextNode(child.textContent ?? ''));
        else {
          const mark = document.createElement('mark');
          mark.textContent = child.textContent ?? '';
          nodes.push(mark);
        }
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        walk(child, marked || (child as Element).tagName === 'MARK');
      }
    }
  };
  walk(inert.body, false);
  return nodes;
}

/** Fills every `data-excerpt` placeholder under `root` with the excerpt's nodes. */
export function fillExcerpts(root: Element) {
  for (const slot of root.querySelectorAll<HTMLElement>('[data-excerpt]')) {
    slot.replaceChildren(...excerptNodes(slot.dataset.excerpt ?? ''));
    slot.removeAttribute('data-excerpt');
  }
}
