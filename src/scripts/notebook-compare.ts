/**
 * The comparison view (src/pages/notebook/compare/index.astro): the
 * notebook's passages of the chosen papers (two to five) in columns, one row
 * per theme, each with its paragraph link and the student's note.
 */
import { readNotebook } from '../lib/notebook';
import { isResolved, themeOf, type ResolvedItem } from '../lib/notebook-resolve';
import { paragraphPath } from '../lib/urls';
import { el, loadCorpusData, resolveAll } from './notebook-load';

export const maxCompared = 5;

export async function initNotebookCompare() {
  const root = document.querySelector<HTMLElement>('[data-compare]');
  if (!root) return;
  root.hidden = false;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const fieldset = root.querySelector<HTMLFieldSetElement>('[data-papers]')!;
  const table = root.querySelector<HTMLElement>('[data-table]')!;

  const corpus = await loadCorpusData(root.dataset.corpus!);
  const items = (await resolveAll(readNotebook().items, corpus)).filter(isResolved);
  const papers = [...new Map(items.map((r) => [r.paper.id, r.paper])).values()];
  if (papers.length < 2) {
    status.textContent = 'Collect passages from at least two papers to compare them.';
    return;
  }
  const boxes = papers.map((paper, i) => el('input', { type: 'checkbox', value: paper.id, checked: i < maxCompared }));
  fieldset.append(...boxes.map((box, i) => el('label', {}, box, ` ${papers[i]!.title}`)));
  fieldset.hidden = false;

  const draw = () => {
    const chosen = papers.filter((_, i) => boxes[i]!.checked);
    for (const box of boxes) box.disabled = !box.checked && chosen.length >= maxCompared;
    if (chosen.length < 2) {
      status.textContent = 'Choose at least two papers.';
      table.replaceChildren();
      return;
    }
    status.textContent = '';
    const shown = items.filter((r) => chosen.includes(r.paper));
    const themes = [...new Set(shown.map(themeOf))];
    const cell = (list: ResolvedItem[]) => el('td', {}, ...(list.length ? [el('ul', {}, ...list.map((r) => el('li', {},
      el('blockquote', {}, el('p', {}, r.quotation)),
      el('p', {}, el('a', { href: paragraphPath(r.paper.id, r.anchor) }, `¶ ${r.n}`)),
      ...(r.item.note ? [el('p', { className: 'compare-note' }, `Note: ${r.item.note}`)] : []))))] : []));
    const wrapper = el('div', { className: 'notebook-compare-table', tabIndex: 0 },
      el('table', {},
        el('caption', {}, `Your passages from ${chosen.length} papers, by theme`),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Theme'), ...chosen.map((p) => el('th', { scope: 'col' }, p.title)))),
        el('tbody', {}, ...themes.map((theme) => el('tr', {},
          el('th', { scope: 'row' }, corpus.themes[theme] ?? 'No theme'),
          ...chosen.map((p) => cell(shown.filter((r) => r.paper === p && themeOf(r) === theme))))))));
    wrapper.setAttribute('role', 'region');
    wrapper.setAttribute('aria-label', 'Comparison table (scrolls sideways)');
    table.replaceChildren(wrapper);
  };
  for (const box of boxes) box.addEventListener('change', draw);
  draw();
}
