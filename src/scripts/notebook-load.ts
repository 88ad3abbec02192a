/**
 * Loads what the notebook pages show: the build's notebook data (the corpus
 * index, then the data of each paper the notebook names) and every item
 * resolved against it. Shared by the notebook and its comparison view.
 */
import type { NotebookItem } from '../lib/notebook';
import type { NotebookCorpus, NotebookPaper } from '../lib/notebook-data';
import { papersNeeded, resolveItem, type ResolvedItem, type UnresolvedItem } from '../lib/notebook-resolve';

const fetchJson = async <T>(url: string): Promise<T> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json() as Promise<T>;
};

let corpusData: Promise<NotebookCorpus> | undefined;
const paperData = new Map<string, Promise<NotebookPaper>>();

export const loadCorpusData = (url: string) => (corpusData ??= fetchJson<NotebookCorpus>(url));

export async function resolveAll(items: NotebookItem[], corpus: NotebookCorpus): Promise<(ResolvedItem | UnresolvedItem)[]> {
  const ids = papersNeeded(items, corpus);
  for (const id of ids) if (!paperData.has(id)) paperData.set(id, fetchJson<NotebookPaper>(corpus.papers[id]!.data));
  const papers = new Map(await Promise.all(ids.map(async (id) => [id, await paperData.get(id)!] as const)));
  return items.map((item) => resolveItem(item, corpus, papers));
}

/** Makes an element with text content only: notebook text (notes, words, links from a shared notebook) never passes through an HTML parser. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}
