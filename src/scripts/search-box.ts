/**
 * The header's search: results as the reader types, in a panel under the
 * field (the ARIA combobox pattern: the field keeps focus, arrow keys move
 * the active option, Enter opens it, Escape closes the panel). It lists the
 * best claims, each paper's best passage and the spellings searched, and
 * links to the search page with the query. Also: "/" focuses the search
 * field, and a page opened from a result (`?highlight=…`) marks the searched
 * words with Pagefind's highlighter. On the search page, starts the page.
 */
import { groupResults, type RecordHit } from '../lib/search-results.ts';
import { enhancementStyles } from './enhancements.ts';
import { element, excerptNodes, recordHref, recordLabel } from './search-dom.ts';
import { searchEngine, searchSettings, type SearchEngine } from './search-engine.ts';
import { initSearchPage } from './search.ts';

/** What the panel shows at most. */
const panelSizes = { claims: 2, passages: 5 };
/** Wait for a pause in typing before searching. */
const typingPause = 120;

export function initSearchBox() {
  const settings = searchSettings();
  if (!settings) return;
  document.documentElement.classList.add('search-ready');
  document.addEventListener('keydown', focusOnSlash);
  if (new URLSearchParams(location.search).has('highlight')) void highlight(settings.bundle);
  const form = document.querySelector<HTMLFormElement>('[data-search-header]');
  if (form) initPanel(form);
  void initSearchPage();
}

function focusOnSlash(event: KeyboardEvent) {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement || (active as HTMLElement | null)?.isContentEditable) return;
  const field = document.querySelector<HTMLInputElement>('[data-search-primary]') ?? document.querySelector<HTMLInputElement>('#header-search-query');
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
}

function initPanel(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const searchPage = new URL(form.action).pathname;
  const status = element('p', { id: 'header-search-status', class: 'panel-status', role: 'status', 'aria-live': 'polite' });
  const spellingsNote = element('p', { class: 'panel-spellings muted', hidden: '' });
  const list = element('ul', { id: 'header-search-results', role: 'listbox', 'aria-label': 'Results as you type' });
  const all = element('a', { href: searchPage }, 'All results on the search page');
  const panel = element('div', { class: 'search-panel', hidden: '' }, status, spellingsNote, list, element('p', { class: 'panel-all' }, all));
  input.parentElement!.append(panel);
  for (const [name, value] of Object.entries({ role: 'combobox', 'aria-expanded': 'false', 'aria-controls': list.id, 'aria-autocomplete': 'list', 'aria-describedby': status.id })) input.setAttribute(name, value);
  let timer = 0;
  let asked = '';

  const options = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  const open = (shown: boolean) => {
    panel.hidden = !shown;
    input.setAttribute('aria-expanded', String(shown));
    if (!shown) activate(null);
  };
  const activate = (option: HTMLElement | null) => {
    for (const o of options()) o.setAttribute('aria-selected', String(o === option));
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  async function update() {
    const query = input.value.trim();
    asked = query;
    all.href = `${searchPage}?${new URLSearchParams({ q: query })}`;
    if (!query) { open(false); return; }
    // The panel's styles come with the first search (begun on focus); it opens styled.
    await enhancementStyles();
    if (asked !== query) return;
    open(true);
    if (!list.childElementCount) status.textContent = 'Searching…';
    const engine = await searchEngine();
    const found = await engine.search(query);
    if (asked !== query) return;
    const { claims, papers } = groupResults(found.hits, found.terms.length, { selection: {}, sort: 'relevance' });
    const shownClaims = claims.slice(0, panelSizes.claims).map((g) => g.records[0]!);
    const shownPassages = papers.slice(0, panelSizes.passages).map((g) => g.records[0]!);
    const items = await Promise.all([...shownClaims, ...shownPassages].map((hit) => option(hit, engine)));
    if (asked !== query) return;
    const groups: Node[] = [];
    if (shownClaims.length) groups.push(element('li', { role: 'presentation', class: 'option-group muted' }, 'Claims'), ...items.slice(0, shownClaims.length));
    if (shownPassages.length) groups.push(element('li', { role: 'presentation', class: 'option-group muted' }, 'Passages, one per paper'), ...items.slice(shownClaims.length));
    list.replaceChildren(...groups);
    const alternatives = found.terms.filter((t) => t.searches.length > 1).map((t) => `${t.typed}: ${t.searches.map((s) => s.replace(/"/g, '')).join(', ')}`);
    spellingsNote.hidden = !alternatives.length;
    spellingsNote.textContent = alternatives.length ? `Every spelling searched — ${alternatives.join('; ')}` : '';
    const passages = papers.reduce((n, g) => n + g.records.length, 0);
    status.textContent = claims.length + papers.length
      ? `${claims.length} claim${claims.length === 1 ? '' : 's'} and ${papers.length} paper${papers.length === 1 ? '' : 's'} (${passages} passage${passages === 1 ? '' : 's'}); arrow keys to choose, Enter to open.`
      : `Nothing found for “${query}”.`;
  }

  let count = 0;
  async function option(hit: RecordHit, engine: SearchEngine): Promise<HTMLElement> {
    const data = await hit.data();
    const where = hit.facets.kind === 'claim' ? `${hit.facets.values.kind?.[0] ?? 'Claim'} · ${hit.facets.paper}, ${data.meta.paragraph ?? ''}` : `${hit.facets.paper}, ${recordLabel(data)}`;
    const title = hit.facets.kind === 'claim' ? recordLabel(data) : '';
    const link = element('a', { href: recordHref(hit, data, engine.base), tabindex: '-1' },
      ...(title ? [element('span', { class: 'option-title' }, title)] : []),
      element('span', { class: 'option-where muted' }, where),
      element('span', { class: 'option-excerpt' }, ...excerptNodes(data, hit, 24)));
    return element('li', { role: 'option', id: `header-search-option-${++count}`, 'aria-selected': 'false' }, link);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void update(), typingPause);
  });
  input.addEventListener('focus', () => {
    void enhancementStyles();
    if (input.value.trim() && list.childElementCount) open(true);
  });
  input.addEventListener('keydown', (event) => {
    const all = options();
    const current = all.findIndex((o) => o.getAttribute('aria-selected') === 'true');
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (panel.hidden) { if (input.value.trim()) void update(); return; }
      event.preventDefault();
      if (!all.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      activate(all[(current + step + all.length + (current < 0 && step < 0 ? 1 : 0)) % all.length]!);
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      all[current]!.querySelector('a')!.click();
    } else if (event.key === 'Escape') {
      if (!panel.hidden) { event.preventDefault(); open(false); }
    }
  });
  list.addEventListener('mousemove', (event) => {
    const o = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (o && o.getAttribute('aria-selected') !== 'true') activate(o);
  });
  document.addEventListener('pointerdown', (event) => { if (!form.contains(event.target as Node)) open(false); });
  form.addEventListener('focusout', (event) => { if (!form.contains(event.relatedTarget as Node | null)) open(false); });
}

async function highlight(bundle: string) {
  await import(/* @vite-ignore */ `${bundle}pagefind-highlight.js`);
  const { PagefindHighlight } = window as unknown as { PagefindHighlight: new (options: { highlightParam: string }) => unknown };
  new PagefindHighlight({ highlightParam: 'highlight' });
}
