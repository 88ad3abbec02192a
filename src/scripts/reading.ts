/**
 * Enhancements of a paper page (src/pages/papers/[id].astro); the page reads
 * in full without them. Paragraph numbers, drawn by CSS, become links to the
 * paragraph's address (which opens its citation bar); "Go to ¶" lands on a
 * paragraph in one step; the contents mark the section being read; an
 * in-text citation shows its reference entry on hover and focus (without
 * scripts it is a plain link to the entry); a reload or Back returns to the
 * paragraph being read.
 */
import { passageNumber, referenceEntrySelector } from '../lib/passages.ts';
import { enhancementStyles } from './enhancements.ts';

export function initReading() {
  const edition = document.querySelector<HTMLElement>('.edition');
  if (!edition) return;
  keepPlace(edition);
  linkParagraphNumbers(edition);
  initGoTo();
  markCurrentSection(edition);
  previewReferences(edition);
}

/** Where a reader was: the passage or heading at the top of the screen, and how far above the screen's top it started. */
interface Place {
  id: string;
  offset: number;
}

/**
 * With scripts, text away from the screen is laid out only when scrolled to
 * (edition.css), so a scroll offset restored by the browser would land on
 * another paragraph: the passage at the top of the screen is kept in the
 * page's history entry instead, and scrolled back to.
 */
function keepPlace(edition: HTMLElement) {
  history.scrollRestoration = 'manual';
  const saved = (history.state as { place?: Place } | null)?.place;
  const target = saved ? document.getElementById(saved.id) : null;
  if (saved && target) returnTo(target, saved.offset);
  const marks = [...edition.querySelectorAll<HTMLElement>(`[data-passage], ${referenceEntrySelector}, :is(h2, h3, h4, h5, h6)[id]`)];
  /** The first passage or heading whose bottom is below the screen's top: they run down the page in order. */
  const place = (): Place | null => {
    let [low, high] = [0, marks.length - 1];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (marks[mid]!.getBoundingClientRect().bottom > 0) high = mid; else low = mid + 1;
    }
    const mark = marks[low];
    return mark ? { id: mark.id, offset: -mark.getBoundingClientRect().top } : null;
  };
  const save = () => history.replaceState({ ...(history.state ?? {}), place: place() }, '');
  let timer = 0;
  addEventListener('scroll', () => {
    clearTimeout(timer);
    timer = window.setTimeout(save, 200);
  }, { passive: true });
  addEventListener('pagehide', save);
}

/**
 * Scrolls `target` back to `offset` above the screen's top. Text laid out as
 * it comes on screen moves it, so it is put back after each frame until it
 * has stayed put for three frames (at most a second), or the reader scrolls.
 */
function returnTo(target: HTMLElement, offset: number) {
  let frames = 0;
  let still = 0;
  let stopped = false;
  for (const type of ['wheel', 'touchstart', 'keydown']) addEventListener(type, () => { stopped = true; }, { once: true, passive: true });
  const settle = () => {
    const by = target.getBoundingClientRect().top + offset;
    if (Math.abs(by) >= 1) {
      scrollBy(0, by);
      still = 0;
    } else still += 1;
    if (!stopped && still < 3 && ++frames < 60) requestAnimationFrame(settle);
  };
  settle();
}

/** An empty link over each number in the margin: a 24 px target, named "Paragraph N", that adds nothing to copied text. */
function linkParagraphNumbers(edition: HTMLElement) {
  for (const passage of edition.querySelectorAll<HTMLElement>('[data-passage]:not(table)')) {
    const link = document.createElement('a');
    link.className = 'passage-number';
    link.href = `#${passage.id}`;
    link.setAttribute('aria-label', `Paragraph ${passageNumber(passage.id)}`);
    passage.prepend(link);
  }
}

/** "Go to ¶ N": the paragraph's address, so the reader lands on it with its citation bar open, and focus moves there. */
function initGoTo() {
  const form = document.querySelector<HTMLFormElement>('form.goto');
  if (!form) return;
  const field = form.querySelector<HTMLInputElement>('input')!;
  form.hidden = false;
  field.addEventListener('input', () => field.setCustomValidity(''));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = document.getElementById(`p${field.valueAsNumber}`);
    if (!target) {
      field.setCustomValidity(`This paper has paragraphs 1 to ${field.max}.`);
      field.reportValidity();
      return;
    }
    if (location.hash === `#${target.id}`) {
      target.scrollIntoView();
      dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      location.hash = target.id;
    }
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
  });
}

/** Marks in the contents the last heading scrolled past, as the section being read. */
function markCurrentSection(edition: HTMLElement) {
  const contents = document.querySelector<HTMLDetailsElement>('details.toc');
  if (!contents) return;
  // Browsers that cannot show a closed disclosure's content by CSS (edition.css) get the sidebar open here.
  if (matchMedia('(min-width: 72rem)').matches) contents.open = true;
  const links = new Map([...contents.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
  const headings = [...edition.querySelectorAll<HTMLElement>('h2[id], h3[id], h4[id], h5[id], h6[id]')].filter((h) => links.has(h.id));
  let current: HTMLAnchorElement | undefined;
  let queued = false;
  const update = () => {
    queued = false;
    const passed = headings.filter((h) => h.getBoundingClientRect().top < 120).at(-1);
    const link = passed && links.get(passed.id);
    if (link === current) return;
    current?.removeAttribute('aria-current');
    current = link;
    if (!link) return;
    link.setAttribute('aria-current', 'location');
    const box = contents.closest<HTMLElement>('.paper-aside')!;
    const top = link.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - 40) box.scrollTop = top - box.clientHeight / 3;
  };
  addEventListener('scroll', () => {
    if (!queued) requestAnimationFrame(update);
    queued = true;
  }, { passive: true });
  update();
}

/** One preview box, filled with the text of the reference entry an in-text citation points at. */
function previewReferences(edition: HTMLElement) {
  const box = document.createElement('div');
  box.className = 'reference-preview';
  box.id = 'reference-preview';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  document.body.append(box);
  let shownFor: HTMLAnchorElement | null = null;
  /** The citation last pointed at or focused: a preview still waiting for its styles shows only if it is still this one. */
  let wanted: HTMLAnchorElement | null = null;
  const hide = () => {
    wanted = null;
    box.hidden = true;
    shownFor?.removeAttribute('aria-describedby');
    shownFor = null;
  };
  const show = async (link: HTMLAnchorElement) => {
    const entry = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!entry) return;
    wanted = link;
    await enhancementStyles();
    if (wanted !== link) return;
    const copy = entry.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-edition-added]').forEach((e) => e.remove());
    box.textContent = copy.textContent!.trim();
    box.hidden = false;
    const at = link.getBoundingClientRect();
    box.style.left = `${Math.max(8, Math.min(at.left + scrollX, scrollX + document.documentElement.clientWidth - box.offsetWidth - 8))}px`;
    box.style.top = `${at.bottom + scrollY + 6}px`;
    link.setAttribute('aria-describedby', box.id);
    shownFor = link;
  };
  const citation = (event: Event) => (event.target as Element).closest?.<HTMLAnchorElement>('a.citation') ?? null;
  edition.addEventListener('mouseover', (event) => { const link = citation(event); if (link) void show(link); });
  edition.addEventListener('mouseout', (event) => { if (citation(event)) hide(); });
  edition.addEventListener('focusin', (event) => { const link = citation(event); if (link) void show(link); });
  edition.addEventListener('focusout', hide);
  addEventListener('keydown', (event) => { if (event.key === 'Escape') hide(); });
}
