/**
 * The student's notebook: the passages and claims they collected, each with a
 * note, kept in the browser (localStorage; no server, no account).
 *
 * An item names what it collects by its permanent address, exactly as the
 * permanence record (content/published.json) writes it: the page URL without
 * the base path, then the anchor ("/papers/<id>/#p12", "/claims/#<claim-id>").
 * A notebook therefore survives a moved page or a corrected paragraph: the
 * notebook page resolves the address against the record.
 *
 * This module is loaded on every reading page, so it stays small: no
 * validation library here (src/lib/notebook-share.ts validates untrusted input).
 */

export interface NotebookItem {
  /** Permanent address: "/papers/<paper>/#p<N>" or "/claims/#<claim>". */
  ref: string;
  /** The student's note ('' when none). */
  note: string;
  /** The theme the student filed it under; absent means the first theme the item treats. */
  theme?: string;
  /** Hash of the text when the notebook first showed it, to tell the student if it changed since. */
  seen?: string;
}

export interface Notebook {
  items: NotebookItem[];
}

export const storageKey = 'notebook';
/** Fired on window when this tab changes the notebook (other tabs get the `storage` event). */
export const changeEvent = 'notebook-change';

export const passageRef = (paper: string, anchor: string) => `/papers/${paper}/#${anchor}`;
export const claimRef = (claim: string) => `/claims/#${claim}`;

export type ParsedRef = { kind: 'passage'; page: string; paper: string; anchor: string } | { kind: 'claim'; page: string; claim: string };

const passagePattern = /^\/papers\/([a-z0-9][a-z0-9-]*)\/#(p[1-9]\d*)$/;
const claimPattern = /^\/claims\/#([a-z0-9][a-z0-9-]*)$/;

/** What an address points at, or null when it is not the address of a passage or claim. */
export function parseRef(ref: string): ParsedRef | null {
  const passage = passagePattern.exec(ref);
  if (passage) return { kind: 'passage', page: `/papers/${passage[1]}/`, paper: passage[1]!, anchor: passage[2]! };
  const claim = claimPattern.exec(ref);
  if (claim) return { kind: 'claim', page: '/claims/', claim: claim[1]! };
  return null;
}

/** Reads the stored notebook; anything unreadable counts as empty rather than breaking the page. */
export function readNotebook(storage: Storage = localStorage): Notebook {
  try {
    const parsed = JSON.parse(storage.getItem(storageKey) ?? 'null') as Notebook | null;
    if (!parsed || !Array.isArray(parsed.items)) return { items: [] };
    return { items: parsed.items.filter((i) => typeof i?.ref === 'string' && parseRef(i.ref) && typeof i.note === 'string') };
  } catch {
    return { items: [] };
  }
}

export function writeNotebook(notebook: Notebook, storage: Storage = localStorage) {
  storage.setItem(storageKey, JSON.stringify(notebook));
  dispatchEvent(new Event(changeEvent));
}

/** The notebook with the item added at the end; an address already collected stays where it is, once. */
export function withItem(notebook: Notebook, ref: string): Notebook {
  if (notebook.items.some((i) => i.ref === ref)) return notebook;
  return { items: [...notebook.items, { ref, note: '' }] };
}

export const withoutItem = (notebook: Notebook, ref: string): Notebook => ({ items: notebook.items.filter((i) => i.ref !== ref) });

/** Items from elsewhere (a shared link, a file) added to a notebook: new addresses at the end, known ones keep the note already written unless it was empty. */
export function merged(notebook: Notebook, incoming: NotebookItem[]): Notebook {
  const items = notebook.items.map((i) => ({ ...i }));
  for (const item of incoming) {
    const known = items.find((i) => i.ref === item.ref);
    if (!known) items.push({ ...item });
    else if (!known.note) known.note = item.note;
  }
  return { items };
}
