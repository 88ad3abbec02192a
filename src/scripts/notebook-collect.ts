/**
 * "Add to notebook" on reading pages: a toggle button on every numbered
 * passage of a paper, every claim and every search result that lands on a
 * passage or a claim, and the notebook's count in the header. Only addresses
 * are stored; the notebook page reads the words from the build's data, so
 * this script stays small (it runs on every page).
 */
import { changeEvent, claimRef, parseRef, passageRef, readNotebook, storageKey, withItem, withoutItem, writeNotebook } from '../lib/notebook';
import { enhancementStyles } from './enhancements.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
/** A site path without the base path ("/papers/x/"), as the permanence record writes it. */
const sitePath = (pathname: string) => (pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname);

const buttons = new Map<string, HTMLButtonElement[]>();
let inNotebook = new Set<string>();

/**
 * Adds a control when its passage or claim comes near the viewport (or its
 * paragraph number gets keyboard focus): a long paper costs nothing for the
 * paragraphs nobody reaches.
 */
const pending = new Map<Element, () => void>();
const place = (target: Element) => {
  const add = pending.get(target);
  pending.delete(target);
  nearby.unobserve(target);
  // The toggles' look comes with the enhancements' stylesheet: none is shown unstyled.
  if (add) void enhancementStyles().then(add);
};
const nearby = new IntersectionObserver((entries) => entries.forEach((e) => e.isIntersecting && place(e.target)), { rootMargin: '100% 0px' });
const later = (target: Element, add: () => void) => {
  pending.set(target, add);
  nearby.observe(target);
};

export function initNotebookCollect() {
  const link = document.querySelector<HTMLAnchorElement>('.notebook-link');
  if (!link) return;
  link.hidden = false;

  const paper = /^\/papers\/([^/]+)\/$/.exec(sitePath(location.pathname))?.[1];
  if (paper) {
    for (const el of document.querySelectorAll<HTMLElement>('.edition [data-passage][id]')) {
      later(el, () => {
        // The number read from the id ("p12"), as lib/passages.ts passageNumber does: importing it would cost every page a shared chunk.
        const button = toggle(passageRef(paper, el.id), `paragraph ${el.id.slice(1)}`, el.tagName !== 'TABLE');
        const number = el.querySelector(':scope > .passage-number');
        if (el.tagName === 'TABLE') el.before(button);
        else if (number) number.after(button);
        else el.prepend(button);
      });
    }
    // Tabbing to a paragraph number brings its control along before the next Tab.
    document.addEventListener('focusin', (e) => {
      const passage = (e.target as Element).closest?.('[data-passage]');
      if (passage) place(passage);
    });
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-claim]')) {
    later(el, () => el.querySelector('.notebook-slot')?.append(toggle(claimRef(el.dataset.claim!), `claim ${el.dataset.claim}`, false)));
  }
  const results = document.querySelector('[data-search-results]');
  if (results) {
    const addToResults = () => {
      for (const a of results.querySelectorAll<HTMLAnchorElement>('.result a[href]:not([data-notebook-done])')) {
        a.dataset.notebookDone = '';
        const ref = resultRef(new URL(a.href));
        if (ref) a.after(' ', toggle(ref, a.textContent!.trim(), false));
      }
    };
    const addStyled = () => void enhancementStyles().then(addToResults);
    new MutationObserver(addStyled).observe(results, { childList: true, subtree: true });
    addStyled();
  }

  const show = () => {
    const { items } = readNotebook();
    link.textContent = `Notebook (${items.length})`;
    inNotebook = new Set(items.map((i) => i.ref));
    for (const [ref, list] of buttons) for (const b of list) b.setAttribute('aria-pressed', String(inNotebook.has(ref)));
  };
  addEventListener(changeEvent, show);
  addEventListener('storage', (e) => e.key === storageKey && show());
  show();
}

/** The address a search result lands on: a paper's passage, or a claim (its own page or its place on the claims index). */
function resultRef(url: URL): string | null {
  const path = sitePath(url.pathname);
  const claim = /^\/claims\/([^/]+)\/$/.exec(path)?.[1];
  if (claim) return claimRef(claim);
  const ref = `${path}${url.hash}`;
  return parseRef(ref) ? ref : null;
}

/** A toggle for one address: pressed when it is in the notebook (assistive technology announces the pressed state). */
function toggle(ref: string, what: string, inPassage: boolean): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = inPassage ? 'notebook-add in-passage' : 'notebook-add';
  // Edition-added: outside the author's words when a passage is copied (the label is CSS-generated).
  button.dataset.editionAdded = '';
  button.setAttribute('aria-label', `Add to notebook: ${what}`);
  button.setAttribute('aria-pressed', String(inNotebook.has(ref)));
  button.addEventListener('click', () => {
    const notebook = readNotebook();
    const had = notebook.items.some((i) => i.ref === ref);
    writeNotebook(had ? withoutItem(notebook, ref) : withItem(notebook, ref));
  });
  buttons.set(ref, [...(buttons.get(ref) ?? []), button]);
  return button;
}
