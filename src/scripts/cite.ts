/**
 * Citing, enhanced: copy buttons on a paper's cite page (src/components/CitePanel.astro),
 * and on the paper's page, for the paragraph a reader selects by its number,
 * a bar that opens the paragraph's citation in each style with its permanent
 * URL. The citations themselves are rendered at build time on the cite page,
 * which the paper's page fetches when a paragraph is first cited; the
 * paragraph number is filled into each style's pinpoint template here.
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

/** The panel's styles, as the cite page renders them. */
interface PanelStyle {
  id: string;
  label: string;
  pinpoint: string;
  reference: HTMLElement;
}

/** What a cite panel (on this page or a fetched cite page) offers: the paper's URL, the pinpoint placeholder, each style. */
function readPanel(panel: HTMLElement) {
  return {
    pageUrl: panel.dataset.pageUrl!,
    placeholder: panel.dataset.paragraphPlaceholder!,
    notice: panel.querySelector('[data-preview-notice]'),
    styles: [...panel.querySelectorAll<HTMLElement>('.cite-style')].map((el): PanelStyle => ({
      id: el.dataset.style!,
      label: el.querySelector('h2')!.textContent!,
      pinpoint: el.dataset.pinpoint!,
      reference: el.querySelector<HTMLElement>('.reference')!,
    })),
  };
}

/** A polite live region announcing copies, and the copy buttons that use it. */
function copying() {
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.append(status);

  const copyButton = (label: string, text: () => string, options: { html?: () => string; style?: string; button?: HTMLButtonElement } = {}) => {
    const button = options.button ?? document.createElement('button');
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
  const referenceCopy = (style: PanelStyle, reference: HTMLElement, button?: HTMLButtonElement) =>
    copyButton('Copy reference', () => reference.textContent!.trim(), { html: () => reference.innerHTML.trim(), style: style.id, button });

  return { copyButton, referenceCopy };
}

/** The cite page: the copy button beside each reference (built with the page) starts working. */
export function initCitePanel() {
  const panel = document.querySelector<HTMLElement>('.cite');
  if (!panel) return;
  const { referenceCopy } = copying();
  for (const style of readPanel(panel).styles) {
    const button = style.reference.parentElement!.querySelector<HTMLButtonElement>('[data-copy-reference]')!;
    referenceCopy(style, style.reference, button);
  }
}

/** A paper's page: the bar for the paragraph in the address, and the dialog with its citation in each style. */
export function initParagraphCiting() {
  const citePage = document.querySelector<HTMLAnchorElement>('a[data-cite-page]');
  if (!citePage) return;
  const { copyButton, referenceCopy } = copying();
  /** The cite page's panel, fetched once, when a paragraph is first cited. */
  let panel: Promise<ReturnType<typeof readPanel>> | undefined;
  const loadPanel = () =>
    (panel ??= fetch(citePage.href)
      .then((response) => {
        if (!response.ok) throw new Error(`${citePage.href}: ${response.status}`);
        return response.text();
      })
      .then((html) => readPanel(new DOMParser().parseFromString(html, 'text/html').querySelector<HTMLElement>('.cite')!))
      .catch((error: unknown) => {
        panel = undefined;
        throw error;
      }));

  const dialog = document.createElement('dialog');
  dialog.className = 'passage-citation';
  dialog.setAttribute('aria-labelledby', 'passage-citation-title');
  document.body.append(dialog);

  const showPassage = async (n: string) => {
    let cited: ReturnType<typeof readPanel>;
    try {
      [cited] = await Promise.all([loadPanel(), enhancementStyles()]);
    } catch {
      // Offline or the cite page missing: the cite page itself still says everything.
      location.assign(citePage.href);
      return;
    }
    const url = `${cited.pageUrl}#p${n}`;
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
    dialog.append(title, ...(cited.notice ? [document.importNode(cited.notice, true)] : []), link);
    const last = rememberedStyle();
    const ordered = [...cited.styles].sort((a, b) => Number(b.id === last) - Number(a.id === last));
    for (const style of ordered) {
      const block = document.createElement('section');
      const heading = document.createElement('h3');
      heading.textContent = style.label;
      const inText = document.createElement('p');
      inText.className = 'passage-in-text';
      inText.textContent = style.pinpoint.replace(cited.placeholder, n);
      const reference = document.createElement('p');
      reference.className = 'reference';
      reference.replaceChildren(...[...style.reference.childNodes].map((node) => document.importNode(node, true)));
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
    const passage = n && document.querySelector(`.edition [data-passage]#p${n}`);
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
