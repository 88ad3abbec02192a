/**
 * Enhancements of a paper page (src/pages/papers/[id].astro); the page reads
 * in full without them. Paragraph numbers, drawn by CSS, become links to the
 * paragraph's address (which opens its citation bar); "Go to ¶" lands on a
 * paragraph in one step; the contents mark the section being read; an
 * in-text citation shows its reference entry on hover and focus (without
 * scripts it is a plain link to the entry).
 */
export function initReading() {
  const edition = document.querySelector<HTMLElement>('.edition');
  if (!edition) return;
  linkParagraphNumbers(edition);
  initGoTo();
  markCurrentSection(edition);
  previewReferences(edition);
}

/** An empty link over each number in the margin: a 24 px target, named "Paragraph N", that adds nothing to copied text. */
function linkParagraphNumbers(edition: HTMLElement) {
  for (const passage of edition.querySelectorAll<HTMLElement>('[data-passage]:not(table)')) {
    const n = passage.dataset.passage!;
    const link = document.createElement('a');
    link.className = 'passage-number';
    link.href = `#p${n}`;
    link.setAttribute('aria-label', `Paragraph ${n}`);
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
  const hide = () => {
    box.hidden = true;
    shownFor?.removeAttribute('aria-describedby');
    shownFor = null;
  };
  const show = (link: HTMLAnchorElement) => {
    const entry = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!entry) return;
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
  edition.addEventListener('mouseover', (event) => { const link = citation(event); if (link) show(link); });
  edition.addEventListener('mouseout', (event) => { if (citation(event)) hide(); });
  edition.addEventListener('focusin', (event) => { const link = citation(event); if (link) show(link); });
  edition.addEventListener('focusout', hide);
  addEventListener('keydown', (event) => { if (event.key === 'Escape') hide(); });
}
