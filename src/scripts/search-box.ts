/**
 * Enhancements for the header search box: "/" focuses the search field (the
 * search page's own field when there is one), and a page opened from a search
 * result (`?highlight=…`) marks the searched words with Pagefind's highlighter.
 */
export function initSearchBox() {
  const form = document.querySelector<HTMLFormElement>('form.header-search');
  if (!form) return;
  form.querySelector<HTMLElement>('kbd.shortcut')!.hidden = false;
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const active = document.activeElement;
    if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement || (active as HTMLElement | null)?.isContentEditable) return;
    const field = document.querySelector<HTMLInputElement>('[data-search-primary]') ?? form.querySelector<HTMLInputElement>('input[name="q"]');
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.select();
  });
  if (new URLSearchParams(location.search).has('highlight')) void highlight(form.dataset.pagefindBundle!);
}

async function highlight(bundle: string) {
  await import(/* @vite-ignore */ `${bundle}pagefind-highlight.js`);
  const { PagefindHighlight } = window as unknown as { PagefindHighlight: new (options: { highlightParam: string }) => unknown };
  new PagefindHighlight({ highlightParam: 'highlight' });
}
