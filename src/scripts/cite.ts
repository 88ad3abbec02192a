/**
 * Enhancements of the cite panel (src/components/CitePanel.astro): copy
 * buttons, and for the paragraph a reader selects by its number, a bar that
 * opens the paragraph's citation in each style with its permanent URL. The citations
 * themselves are rendered at build time; the paragraph number is filled into
 * each style's pinpoint template here.
 *
 * A copied reference goes on the clipboard as HTML and as plain text, so a
 * word processor keeps its italics and a plain editor gets clean text. The
 * style a reader last copied from is remembered in this browser only and
 * offered first next time.
 */

import { enhancementStyles } from './enhancements.ts';

/** Where the browser keeps the last style copied from (nothing leaves the browser). */
const lastStyleKey = 'cite:last-style';

const rememberStyle = (id: string) => {
  try {
    localStorage.setItem(lastStyleKey, id);
  } catch {
    // Storage may be disabled; the order then stays the panel's.
  }
};

const rememberedStyle = () => {
  try {
    return localStorage.getItem(lastStyleKey);
  } catch {
    return null;
  }
};

/** Puts text, and where given its HTML form, on the clipboard. */
async function copy(text: string, html?: string) {
  if (html !== undefined && typeof ClipboardItem !== 'undefined' && navigator.clipboard.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
  } else {
    await navigator.clipboard.writeText(text);
  }
}

export function initCiting() {
  const panel = document.querySelector<HTMLElement>('.cite');
  if (!panel) return;
  const pageUrl = panel.dataset.pageUrl!;
  const placeholder = panel.dataset.paragraphPlaceholder!;
  const styles = [...panel.querySelectorAll<HTMLElement>('.cite-style')].map((el) => ({
    id: el.dataset.style!,
    label: el.querySelector('h3')!.textContent!,
    pinpoint: el.dataset.pinpoint!,
    reference: el.querySelector<HTMLElement>('.reference')!,
  }));

  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.append(status);

  const copyButton = (label: string, text: () => string, options: { html?: () => string; style?: string } = {}) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = label;
    button.addEventListener('click', async () => {
      await copy(text(), options.html?.());
      if (options.style) rememberStyle(options.style);
      status.textContent = 'Copied to the clipboard';
      button.textContent = 'Copied';
      setTimeout(() => (button.textContent = label), 2000);
    });
    return button;
  };

  /** A reference's HTML as built (the CSL processor's markup: <i> for italics), for pasting with formatting. */
  const referenceCopy = (style: (typeof styles)[number], reference: HTMLElement) =>
    copyButton('Copy reference', () => reference.textContent!.trim(), { html: () => reference.innerHTML.trim(), style: style.id });

  for (const style of styles) {
    style.reference.after(referenceCopy(style, style.reference));
  }

  const dialog = document.createElement('dialog');
  dialog.className = 'passage-citation';
  dialog.setAttribute('aria-labelledby', 'passage-citation-title');
  document.body.append(dialog);

  const showPassage = async (n: string) => {
    const url = `${pageUrl}#p${n}`;
    dialog.replaceChildren();
    const title = document.createElement('h2');
    title.id = 'passage-citation-title';
    title.textContent = `Cite paragraph ${n}`;
    const link = document.createElement('p');
    link.className = 'passage-url';
    const a = document.createElement('a');
    a.href = url;
    a.textContent = url;
    link.append(a, ' ', copyButton('Copy URL', () => url));
    const notice = document.querySelector('[data-preview-notice]');
    dialog.append(title, ...(notice ? [notice.cloneNode(true)] : []), link);
    const last = rememberedStyle();
    const ordered = [...styles].sort((a, b) => Number(b.id === last) - Number(a.id === last));
    for (const style of ordered) {
      const block = document.createElement('section');
      const heading = document.createElement('h3');
      heading.textContent = style.label;
      const inText = document.createElement('p');
      inText.className = 'passage-in-text';
      inText.textContent = style.pinpoint.replace(placeholder, n);
      const reference = document.createElement('p');
      reference.className = 'reference';
      reference.replaceChildren(...[...style.reference.childNodes].map((node) => node.cloneNode(true)));
      block.dataset.style = style.id;
      block.append(heading, inText, copyButton('Copy citation', () => inText.textContent!, { style: style.id }), reference, referenceCopy(style, reference));
      dialog.append(block);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = 'Close';
    close.addEventListener('click', () => dialog.close());
    dialog.append(close);
    await enhancementStyles();
    dialog.showModal();
  };

  // One "cite" bar for the paragraph in the address (#p12): it appears when a reader
  // follows a paragraph number or arrives by a paragraph link.
  const bar = document.createElement('div');
  bar.className = 'passage-bar';
  bar.hidden = true;
  const barLabel = document.createElement('span');
  const barButton = document.createElement('button');
  barButton.type = 'button';
  barButton.className = 'copy';
  bar.append(barLabel, ' ', barButton);
  document.body.append(bar);
  const showBar = async () => {
    const n = location.hash.match(/^#p(\d+)$/)?.[1];
    const passage = n && document.querySelector(`.edition [data-passage="${n}"]`);
    if (!passage) {
      bar.hidden = true;
      return;
    }
    barLabel.textContent = `Paragraph ${n}`;
    barButton.textContent = `Cite paragraph ${n}`;
    barButton.onclick = () => void showPassage(n);
    await enhancementStyles();
    // The address may have changed while the styles loaded.
    bar.hidden = location.hash !== `#p${n}`;
  };
  addEventListener('hashchange', () => void showBar());
  void showBar();
}
