/**
 * The notebook page (src/pages/notebook/index.astro): lists the collected
 * items grouped by paper or theme, with note, theme, reorder and remove;
 * opens shared links and files; hands exports to notebook-export.ts.
 * Everything from the notebook is shown through text nodes and form values.
 */
import { merged, readNotebook, storageKey, withoutItem, writeNotebook, type Notebook } from '../lib/notebook';
import type { NotebookCorpus } from '../lib/notebook-data';
import { isResolved, themeOf, type ResolvedItem, type UnresolvedItem } from '../lib/notebook-resolve';
import { decodeShare, encodeShare, fromNotebookFile, maxNoteLength, shareParameter, toNotebookFile } from '../lib/notebook-share';
import { paragraphPath } from '../lib/urls';
import { download, exportNotebook, type ExportFormat } from './notebook-export';
import { el, loadCorpusData, resolveAll } from './notebook-load';

type Grouping = 'paper' | 'theme';
const groupingKey = 'notebook-grouping';

export async function initNotebookPage() {
  const root = document.querySelector<HTMLElement>('[data-notebook]');
  if (!root) return;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLElement>('[data-list]')!;
  const empty = root.querySelector<HTMLElement>('[data-empty]')!;
  const styleSelect = root.querySelector<HTMLSelectElement>('[data-style]')!;
  const say = (text: string) => (status.textContent = text);
  root.hidden = false;

  const corpus = await loadCorpusData(root.dataset.corpus!);
  let grouping: Grouping = localStorage.getItem(groupingKey) === 'theme' ? 'theme' : 'paper';
  let shown: (ResolvedItem | UnresolvedItem)[] = [];

  const radios = [...root.querySelectorAll<HTMLInputElement>('input[name="grouping"]')];
  for (const radio of radios) {
    radio.checked = radio.value === grouping;
    radio.addEventListener('change', () => {
      grouping = radio.value as Grouping;
      localStorage.setItem(groupingKey, grouping);
      void render();
    });
  }

  /** Saves a change made on this page; the list is redrawn only when its shape changed. */
  const save = (notebook: Notebook) => writeNotebook(notebook);

  async function render(focus?: { ref: string; action: string }) {
    const notebook = readNotebook();
    shown = await resolveAll(notebook.items, corpus);
    // Remember the words first shown, so a later correction can be told as a change since collecting.
    const unseen = shown.filter((r): r is ResolvedItem => isResolved(r) && !r.item.seen);
    for (const r of unseen) r.item.seen = r.hash;
    if (unseen.length) save(notebook);
    empty.hidden = notebook.items.length > 0;
    list.replaceChildren(...groups(shown, grouping, corpus).map(({ key, heading, members }) =>
      el('section', { className: 'notebook-group' },
        el('h2', { id: `group-${grouping}-${key || 'none'}` }, heading),
        el('ol', { className: 'notebook-items' }, ...members.map((r) => itemView(r, notebook, members))))));
    if (focus) list.querySelector<HTMLElement>(`[data-ref="${CSS.escape(focus.ref)}"] [data-action="${focus.action}"]`)?.focus();
  }

  function itemView(r: ResolvedItem | UnresolvedItem, notebook: Notebook, members: (ResolvedItem | UnresolvedItem)[]): HTMLLIElement {
    const item = notebook.items.find((i) => i.ref === r.item.ref)!;
    const li = el('li', { className: 'notebook-item' });
    li.dataset.ref = item.ref;
    const where = isResolved(r) ? `${r.paper.title}, ¶ ${r.n}` : item.ref;
    if (isResolved(r)) {
      li.append(
        el('blockquote', {}, el('p', {}, r.quotation)),
        el('p', { className: 'item-source' },
          r.kind === 'claim' ? 'Claim, quoting ' : '',
          el('a', { href: paragraphPath(r.paper.id, r.anchor) }, where)),
      );
      if (r.changes.length) li.append(el('ul', { className: 'item-changes' }, ...r.changes.map((c) => el('li', {}, c))));
    } else {
      li.append(el('p', { className: 'item-problem' }, r.problem));
    }
    const note = el('textarea', { value: item.note, maxLength: maxNoteLength, rows: 3 });
    note.addEventListener('input', () => {
      item.note = note.value;
      save(notebook);
    });
    li.append(el('label', { className: 'item-note' }, 'Note', note));
    if (isResolved(r)) {
      const select = el('select');
      const own = r.themes.filter((t) => corpus.themes[t]);
      const option = (id: string) => el('option', { value: id, selected: id === themeOf(r) }, corpus.themes[id]!);
      if (own.length) select.append(el('optgroup', { label: 'Named in this passage' }, ...own.map(option)));
      select.append(el('optgroup', { label: own.length ? 'Other themes' : 'Themes' }, ...Object.keys(corpus.themes).filter((t) => !own.includes(t)).map(option)));
      if (!themeOf(r)) select.prepend(el('option', { value: '', selected: true }, 'No theme'));
      select.addEventListener('change', () => {
        item.theme = select.value || undefined;
        save(notebook);
        void render({ ref: item.ref, action: 'theme' });
      });
      select.dataset.action = 'theme';
      li.append(el('label', { className: 'item-theme' }, 'Theme', select));
    }
    const position = members.indexOf(r);
    const action = (name: string, label: string, run: () => void, disabled = false) => {
      const button = el('button', { type: 'button', disabled }, label, el('span', { className: 'visually-hidden' }, `: ${where}`));
      button.dataset.action = name;
      button.addEventListener('click', run);
      return button;
    };
    const move = (by: number) => () => {
      const other = members[position + by]!.item.ref;
      const a = notebook.items.findIndex((i) => i.ref === item.ref);
      const b = notebook.items.findIndex((i) => i.ref === other);
      [notebook.items[a], notebook.items[b]] = [notebook.items[b]!, notebook.items[a]!];
      save(notebook);
      say(`Moved ${where} ${by < 0 ? 'up' : 'down'}`);
      void render({ ref: item.ref, action: by < 0 ? 'up' : 'down' });
    };
    li.append(el('div', { className: 'item-actions' },
      action('up', 'Move up', move(-1), position === 0),
      action('down', 'Move down', move(1), position === members.length - 1),
      action('remove', 'Remove', () => {
        const next = members[position + 1] ?? members[position - 1];
        save(withoutItem(notebook, item.ref));
        say(`Removed ${where}`);
        void render(next && { ref: next.item.ref, action: 'remove' });
      })));
    return li;
  }

  // Shared links: #share=… holds a notebook (addresses and notes).
  async function openShared() {
    const value = new URLSearchParams(location.hash.slice(1)).get(shareParameter);
    if (value === null) return;
    history.replaceState(null, '', location.pathname + location.search);
    const shared = await decodeShare(value);
    if ('error' in shared) return say(shared.error);
    const own = readNotebook();
    const count = `${shared.items.length} item${shared.items.length === 1 ? '' : 's'}`;
    if (own.items.length === 0) {
      save({ items: shared.items });
      return say(`Opened a shared notebook of ${count}.`);
    }
    const box = root!.querySelector<HTMLElement>('[data-shared]')!;
    const choose = (label: string, run: () => void) => {
      const button = el('button', { type: 'button' }, label);
      button.addEventListener('click', () => {
        run();
        box.hidden = true;
        void render();
      });
      return button;
    };
    box.replaceChildren(
      el('p', {}, `The link holds a shared notebook of ${count}. Your own notebook has ${own.items.length}.`),
      el('div', { className: 'notebook-actions' },
        choose('Add them to my notebook', () => {
          save(merged(readNotebook(), shared.items));
          say(`Added the shared notebook's ${count}.`);
        }),
        choose('Replace my notebook with it', () => {
          save({ items: shared.items });
          say(`Opened a shared notebook of ${count}.`);
        }),
        choose('Keep my notebook as it is', () => say('The shared notebook was not opened.'))));
    box.hidden = false;
  }

  root.querySelector('[data-share]')!.addEventListener('click', async () => {
    const code = await encodeShare(readNotebook().items);
    const url = new URL(`${root.dataset.notebookPath}#${shareParameter}=${code}`, location.origin).href;
    const output = root.querySelector<HTMLElement>('[data-share-output]')!;
    output.hidden = false;
    output.querySelector('input')!.value = url;
    await navigator.clipboard.writeText(url);
    say('Link copied to the clipboard.');
  });
  root.querySelector<HTMLInputElement>('[data-import]')!.addEventListener('change', async (event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const read = fromNotebookFile(await file.text());
    input.value = '';
    if ('error' in read) return say(read.error);
    save(merged(readNotebook(), read.items));
    say(`Added ${read.items.length} items from ${file.name}.`);
    await render();
  });
  root.querySelector('[data-clear]')!.addEventListener('click', () => {
    if (!confirm('Remove every item and note from this notebook?')) return;
    save({ items: [] });
    say('The notebook is empty.');
    void render();
  });
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-export]')) {
    button.addEventListener('click', async () => {
      const format = button.dataset.export as ExportFormat | 'json';
      if (format === 'json') {
        download('notebook.json', 'application/json', `${JSON.stringify(toNotebookFile(readNotebook().items), null, 2)}\n`);
        return say('Saved notebook.json.');
      }
      say(await exportNotebook(format, shown.filter(isResolved), styleSelect.value));
    });
  }

  addEventListener('hashchange', () => void openShared().then(() => render()));
  // Another tab changed the notebook; this page's own changes are drawn as they are made.
  addEventListener('storage', (e) => e.key === storageKey && void render());
  await openShared();
  await render();
}

interface Group {
  key: string;
  heading: string;
  members: (ResolvedItem | UnresolvedItem)[];
}

/** The items in groups, each group and each item in notebook order (the order of first appearance). */
function groups(items: (ResolvedItem | UnresolvedItem)[], grouping: Grouping, corpus: NotebookCorpus): Group[] {
  const byKey = new Map<string, Group>();
  for (const r of items) {
    const key = !isResolved(r) ? 'not-found' : grouping === 'paper' ? r.paper.id : themeOf(r);
    const heading = !isResolved(r) ? 'Not found in this corpus' : grouping === 'paper' ? r.paper.title : (corpus.themes[key] ?? 'No theme');
    if (!byKey.has(key)) byKey.set(key, { key, heading, members: [] });
    byKey.get(key)!.members.push(r);
  }
  return [...byKey.values()];
}
