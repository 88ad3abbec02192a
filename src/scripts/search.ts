/**
 * The search page: one query box, claims first and then one result per paper
 * with its best passages, facets with counts (OR within, AND across) behind
 * "Refine", sort by relevance or year, all of it in the URL so a search can be
 * shared and restored, and the scroll position kept for Back. Only the
 * results on screen download their words; more come on demand.
 */
import { facetCounts, groupResults, paperChoices, paperLabels, partOrder, type RecordHit, type ResultGroup } from '../lib/search-results.ts';
import { defaultParts, effectiveParts, facetLabels, facets, paramsFromState, stateFromParams, type Facet, type SearchState } from '../lib/search-state.ts';
import { element, excerptNodes, fillVisible, recordHref, recordLabel, whenShown } from './search-dom.ts';
import { searchEngine, type Found, type SearchEngine } from './search-engine.ts';

/** Results shown at first, and how many more each "show more" adds. */
const pageSizes = { claims: 5, papers: 10, passages: 3, morePassages: 10 };
/** Wide enough for facets beside the results: "Refine" starts open. */
const wide = '(min-width: 48rem)';

export async function initSearchPage() {
  const ui = document.querySelector<HTMLElement>('[data-search-ui]');
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  if (!ui || !form) return;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const refine = ui.querySelector<HTMLDetailsElement>('[data-search-refine]')!;
  const sortSelect = ui.querySelector<HTMLSelectElement>('[data-search-sort]')!;
  const facetsBox = ui.querySelector<HTMLElement>('[data-search-facets]')!;
  const resultsBox = ui.querySelector<HTMLElement>('[data-search-results]')!;
  const status = ui.querySelector<HTMLElement>('[data-search-status]')!;
  ui.hidden = false;
  refine.open = matchMedia(wide).matches;

  // Back to this page restores where the reader was, once the results are back.
  history.scrollRestoration = 'manual';
  let scrollTimer = 0;
  addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = window.setTimeout(() => history.replaceState({ ...(history.state ?? {}), scrollY }, ''), 150);
  }, { passive: true });
  addEventListener('pagehide', () => history.replaceState({ ...(history.state ?? {}), scrollY }, ''));

  let state: SearchState = stateFromParams(new URLSearchParams(location.search));
  let found: Found | null = null;
  if (state.query) input.value = state.query;
  status.textContent = state.query ? 'Loading the search index…' : 'Type words to search for.';
  const engine = await searchEngine();
  const paperNames = paperLabels(engine.records());
  if (state.selection.paper) {
    state = { ...state, selection: { ...state.selection, paper: paperChoices(state.selection.paper, engine.records()) } };
    history.replaceState(history.state, '', `${location.pathname}?${paramsFromState(state)}`);
  }
  // Words typed before the index was ready, with no query in the address, are the reader's query: searched, not cleared.
  if (!state.query && input.value.trim()) {
    state = { ...state, query: input.value.trim() };
    history.replaceState(history.state, '', `${location.pathname}?${paramsFromState(state)}`);
  }

  const pushState = () => {
    const params = paramsFromState(state).toString();
    history.pushState({ scrollY: 0 }, '', `${location.pathname}${params ? `?${params}` : ''}`);
  };

  async function run() {
    input.value = state.query;
    sortSelect.value = state.sort;
    if (!state.query.trim()) {
      found = null;
      status.textContent = 'Type words to search for.';
    } else if (found?.query !== state.query) {
      status.textContent = 'Searching…';
      found = await engine.search(state.query);
      performance.mark('search:searched');
    }
    await render();
    const y = (history.state as { scrollY?: number } | null)?.scrollY;
    if (y) {
      scrollTo(0, y);
      await fillVisible(resultsBox);
    }
  }

  async function render() {
    if (!found) { resultsBox.replaceChildren(); renderFacets(); return; }
    const termCount = found.terms.length;
    const { claims, papers } = groupResults(found.hits, termCount, state);
    resultsBox.replaceChildren(
      ...(claims.length ? [element('h3', {}, 'Claims'), resultList(claims, pageSizes.claims, (g) => claimItem(g, engine))] : []),
      ...(papers.length ? [element('h3', {}, 'Papers'), resultList(papers, pageSizes.papers, (g) => paperItem(g, engine))] : []),
    );
    await fillVisible(resultsBox);
    performance.mark('search:results-painted');
    const passages = papers.reduce((n, g) => n + g.records.length, 0);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const summary = [claims.length && plural(claims.length, 'claim'), `${plural(papers.length, 'paper')} (${plural(passages, 'matching passage')})`].filter(Boolean).join(' and ');
    status.textContent = claims.length + papers.length ? `${summary} for “${state.query}”.` : `Nothing found for “${state.query}” with these choices.`;
    // The counts beside each facet after the results: they take longer than the results themselves.
    renderFacets();
  }

  function renderFacets() {
    const counts = facetCounts(found?.hits ?? [], found?.terms.length ?? 0, state.selection);
    const all = allValues(engine);
    const labelOf = (facet: Facet, value: string) => (facet === 'paper' ? paperNames.get(value) ?? value : value);
    facetsBox.replaceChildren(...facets.flatMap((facet) => {
      const chosen = facet === 'part' ? effectiveParts(state.selection) : state.selection[facet] ?? [];
      const shown = [...(all.get(facet) ?? [])].sort(facetOrder(facet, (v) => labelOf(facet, v)))
        .filter((v) => facet === 'part' || chosen.includes(v) || (counts[facet].get(v) ?? 0) > 0);
      if (!shown.length) return [];
      const legend = element('legend', {}, facetLabels[facet]);
      const boxes = shown.map((value, i) => {
        const id = `facet-${facet}-${i}`;
        const box = element('input', { type: 'checkbox', id, 'data-facet': facet, value });
        box.checked = chosen.includes(value);
        return element('label', { for: id }, box, ` ${labelOf(facet, value)} `, element('span', { class: 'muted' }, `(${counts[facet].get(value) ?? 0})`));
      });
      const note = facet === 'kind' ? [element('p', { class: 'muted facet-note' }, 'Applies to claims only.')] : [];
      return [element('fieldset', {}, legend, ...note, ...boxes)];
    }));
  }

  facetsBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const facet = box.dataset.facet as Facet;
    const current = new Set(facet === 'part' ? effectiveParts(state.selection) : state.selection[facet] ?? []);
    if (box.checked) current.add(box.value); else current.delete(box.value);
    const next = [...current];
    const isDefault = facet === 'part' && next.length === defaultParts.length && defaultParts.every((p) => current.has(p));
    state = { ...state, selection: { ...state.selection, [facet]: next.length && !isDefault ? next : undefined } };
    if (!state.selection[facet]) delete state.selection[facet];
    pushState();
    void render().then(() => facetsBox.querySelector<HTMLInputElement>(`input[data-facet="${facet}"][value="${CSS.escape(box.value)}"]`)?.focus());
  });
  sortSelect.addEventListener('change', () => {
    state = { ...state, sort: sortSelect.value === 'year' ? 'year' : 'relevance' };
    pushState();
    void render();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, query: input.value.trim() };
    pushState();
    void run();
  });
  addEventListener('popstate', () => {
    state = stateFromParams(new URLSearchParams(location.search));
    void run();
  });
  await run();
}

/** Every value of each facet in the index, for the facet lists. */
function allValues(engine: SearchEngine): Map<Facet, Set<string>> {
  const values = new Map<Facet, Set<string>>();
  for (const record of engine.records()) {
    for (const facet of facets) {
      for (const v of facet === 'part' ? [record.part] : record.values[facet] ?? []) values.set(facet, (values.get(facet) ?? new Set()).add(v));
    }
  }
  return values;
}

function facetOrder(facet: Facet, label: (value: string) => string) {
  if (facet === 'part') return partOrder;
  if (facet === 'year') return (a: string, b: string) => Number(b) - Number(a);
  return (a: string, b: string) => label(a).localeCompare(label(b));
}

/** A list showing `first` groups, with a button for the rest. */
function resultList(groups: ResultGroup[], first: number, item: (g: ResultGroup) => HTMLElement): HTMLElement {
  const list = element('ol', { class: 'result-list' }, ...groups.slice(0, first).map(item));
  const rest = groups.slice(first);
  if (!rest.length) return list;
  const more = element('button', { type: 'button', class: 'more' }, `Show ${rest.length} more`);
  more.addEventListener('click', () => {
    const added = rest.map(item);
    list.append(...added);
    more.remove();
    added[0]?.querySelector<HTMLElement>('a, [data-record]')?.focus();
  });
  return element('div', {}, list, more);
}

/** A passage (or heading, abstract …) under its paper: a placeholder until on screen. */
function recordItem(hit: RecordHit, engine: SearchEngine): HTMLElement {
  const item = element('li', { 'data-record': '', class: 'record' }, element('span', { class: 'sub-title pending' }, 'Loading…'));
  whenShown(item, async () => {
    const data = await hit.data();
    item.replaceChildren(
      element('a', { href: recordHref(hit, data, engine.base), class: 'sub-title' }, recordLabel(data)),
      ' ',
      element('span', { class: 'excerpt' }, ...excerptNodes(data, hit)),
    );
  });
  return item;
}

function paperItem(group: ResultGroup, engine: SearchEngine): HTMLElement {
  const heading = element('h4', {}, element('a', { href: `${engine.base}${group.page.replace(/^\//, '')}` }, group.title), ...(group.year ? [' ', element('span', { class: 'muted' }, `(${group.year})`)] : []));
  const list = element('ul', {}, ...group.records.slice(0, pageSizes.passages).map((r) => recordItem(r, engine)));
  const item = element('li', { class: 'result paper-result' }, heading, list);
  let shown = pageSizes.passages;
  if (group.records.length > shown) {
    const more = element('button', { type: 'button', class: 'more' }, '');
    const label = () => { more.textContent = `Show more passages (${group.records.length - shown} left)`; };
    label();
    more.addEventListener('click', async () => {
      const next = group.records.slice(shown, shown + pageSizes.morePassages).map((r) => recordItem(r, engine));
      list.append(...next);
      shown += next.length;
      if (shown >= group.records.length) more.remove(); else label();
      await fillVisible(list, 400);
      next[0]?.querySelector<HTMLElement>('a')?.focus();
    });
    item.append(more);
  }
  return item;
}

/** A claim links straight to the paragraph it quotes (¶ N), and to its own page. */
function claimItem(group: ResultGroup, engine: SearchEngine): HTMLElement {
  const hit = group.records[0]!;
  const kind = hit.facets.values.kind?.[0] ?? 'Claim';
  const item = element('li', { class: 'result claim-result', 'data-record': '' },
    element('h4', {}, element('span', { class: 'pending' }, 'Loading…')),
    element('p', { class: 'muted' }, `${kind} · ${group.title}${group.year ? ` (${group.year})` : ''}`));
  whenShown(item, async () => {
    const data = await hit.data();
    item.replaceChildren(
      element('h4', {}, element('a', { href: recordHref(hit, data, engine.base) }, `${recordLabel(data)} — ${data.meta.paragraph ?? ''}`)),
      element('p', { class: 'excerpt' }, ...excerptNodes(data, hit)),
      element('p', { class: 'muted' }, `${kind} · ${group.title}${group.year ? ` (${group.year})` : ''} · `, element('a', { href: data.url }, 'the claim’s page')),
    );
  });
  return item;
}
