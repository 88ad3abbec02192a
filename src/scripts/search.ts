/**
 * The search page, on Pagefind's JS API: runs every spelling variant of the
 * query, shows claims first and then one result per paper with its matching
 * paragraphs, facets with counts (OR within, AND across), sort by relevance or
 * year, and keeps all of it in the URL so a search can be shared and restored.
 */
import { facetCounts, groupResults, landingUrl, searchRecords, type PagefindApi, type RecordHit, type ResultGroup, type SubResult } from '../lib/search-results.ts';
import { fillExcerpts } from './search-excerpt.ts';
import { defaultParts, effectiveParts, facetLabels, facets, paramsFromState, parts, stateFromParams, type Facet, type SearchState } from '../lib/search-state.ts';

type Pagefind = PagefindApi & { filters(): Promise<Record<string, Record<string, number>>>; options(o: object): Promise<void> };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Paragraph lists longer than this fold the rest under a disclosure. */
const shownSubResults = 6;

export async function initSearch() {
  const ui = document.querySelector<HTMLElement>('[data-search-ui]');
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  if (!ui || !form) return;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = ui.querySelector<HTMLSelectElement>('[data-search-sort]')!;
  const facetsBox = ui.querySelector<HTMLElement>('[data-search-facets]')!;
  const resultsBox = ui.querySelector<HTMLElement>('[data-search-results]')!;
  const status = ui.querySelector<HTMLElement>('[data-search-status]')!;
  const spellings = JSON.parse(document.getElementById('search-spellings')!.textContent!) as string[][];
  ui.hidden = false;

  let state: SearchState = stateFromParams(new URLSearchParams(location.search));
  let hits: { query: string; records: RecordHit[] } = { query: '', records: [] };
  status.textContent = 'Loading the search index…';
  const pagefind = (await import(/* @vite-ignore */ `${ui.dataset.pagefindBundle}pagefind.js`)) as Pagefind;
  await pagefind.options({ excerptLength: 28 });
  const allValues = await pagefind.filters();

  const pushState = () => {
    const params = paramsFromState(state).toString();
    history.pushState(null, '', `${location.pathname}${params ? `?${params}` : ''}`);
  };

  async function run() {
    input.value = state.query;
    sortSelect.value = state.sort;
    if (!state.query.trim()) {
      hits = { query: '', records: [] };
      status.textContent = 'Type words to search for.';
    } else if (hits.query !== state.query) {
      status.textContent = 'Searching…';
      hits = { query: state.query, records: await searchRecords(pagefind, state.query, spellings) };
    }
    render();
  }

  function render() {
    renderFacets();
    if (!hits.query) { resultsBox.replaceChildren(); return; }
    const { claims, papers } = groupResults(hits.records, state);
    const passages = papers.reduce((n, g) => n + g.records.reduce((m, r) => m + r.subResults.length, 0), 0);
    const phrase = [claims.length && `${claims.length} claim${claims.length === 1 ? '' : 's'}`, `${papers.length} paper${papers.length === 1 ? '' : 's'} (${passages} matching passage${passages === 1 ? '' : 's'})`]
      .filter(Boolean).join(' and ');
    status.textContent = claims.length + papers.length ? `${phrase} for “${state.query}”.` : `Nothing found for “${state.query}” with these choices.`;
    resultsBox.innerHTML = [
      claims.length ? `<h3>Claims</h3><ol class="result-list">${claims.map(claimHtml).join('')}</ol>` : '',
      papers.length ? `<h3>Papers</h3><ol class="result-list">${papers.map(paperHtml).join('')}</ol>` : '',
    ].join('');
    // Excerpts are content: built as nodes, never parsed as the page's HTML.
    fillExcerpts(resultsBox);
  }

  function renderFacets() {
    const counts = facetCounts(hits.records, state.selection);
    facetsBox.innerHTML = facets.map((facet) => {
      const chosen = facet === 'part' ? effectiveParts(state.selection) : state.selection[facet] ?? [];
      const values = Object.keys(allValues[facet] ?? {}).sort(facetOrder(facet));
      const shown = values.filter((v) => facet === 'part' || chosen.includes(v) || (counts[facet].get(v) ?? 0) > 0);
      if (!shown.length) return '';
      return `<fieldset><legend>${facetLabels[facet]}</legend>${shown.map((value, i) => {
        const id = `facet-${facet}-${i}`;
        return `<label for="${id}"><input type="checkbox" id="${id}" data-facet="${facet}" value="${escapeHtml(value)}"${chosen.includes(value) ? ' checked' : ''}> ${escapeHtml(value)} <span class="muted">(${counts[facet].get(value) ?? 0})</span></label>`;
      }).join('')}</fieldset>`;
    }).join('');
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
    render();
    facetsBox.querySelector<HTMLInputElement>(`input[data-facet="${facet}"][value="${CSS.escape(box.value)}"]`)?.focus();
  });
  sortSelect.addEventListener('change', () => {
    state = { ...state, sort: sortSelect.value === 'year' ? 'year' : 'relevance' };
    pushState();
    render();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, query: input.value.trim() };
    pushState();
    void run();
  });
  window.addEventListener('popstate', () => {
    state = stateFromParams(new URLSearchParams(location.search));
    void run();
  });
  await run();
}

function facetOrder(facet: Facet) {
  if (facet === 'part') return (a: string, b: string) => parts.indexOf(a as never) - parts.indexOf(b as never);
  if (facet === 'year') return (a: string, b: string) => Number(b) - Number(a);
  return (a: string, b: string) => a.localeCompare(b);
}

function subHtml(sub: SubResult, record: RecordHit): string {
  const label = sub.url.includes('#') ? sub.title : record.part === 'Text' ? 'Title and authors' : sub.title;
  return `<li><a href="${escapeHtml(landingUrl(sub))}" class="sub-title">${escapeHtml(label)}</a> <span class="excerpt" data-excerpt="${escapeHtml(sub.excerpt)}"></span></li>`;
}

function paperHtml(group: ResultGroup): string {
  const items = group.records.flatMap((r) => r.subResults.map((s) => subHtml(s, r)));
  const first = items.slice(0, shownSubResults).join('');
  const rest = items.slice(shownSubResults);
  return `<li class="result paper-result"><h4><a href="${escapeHtml(group.url)}">${escapeHtml(group.title)}</a>${group.year ? ` <span class="muted">(${group.year})</span>` : ''}</h4>
    <ul>${first}</ul>${rest.length ? `<details><summary>${rest.length} more</summary><ul>${rest.join('')}</ul></details>` : ''}</li>`;
}

function claimHtml(group: ResultGroup): string {
  const record = group.records[0]!;
  const sub = record.subResults[0];
  const paper = record.filters.paper?.[0];
  return `<li class="result claim-result"><h4><a href="${escapeHtml(sub ? landingUrl(sub) : group.url)}">${escapeHtml(group.title)}</a></h4>
    ${sub ? `<p class="excerpt" data-excerpt="${escapeHtml(sub.excerpt)}"></p>` : ''}${paper ? `<p class="muted">${escapeHtml(paper)}${group.year ? ` (${group.year})` : ''}</p>` : ''}</li>`;
}
