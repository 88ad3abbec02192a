/**
 * Search state ⇄ URL (`/search/?q=…&theme=…&part=…&sort=year`), so a search
 * can be shared and is restored on load. Several values of one facet repeat
 * the parameter (`theme=A&theme=B`).
 */

/** The parts of the corpus, in the order a result lists them, as the search record contract names them. */
export const parts = ['Claims', 'Abstract', 'Text', 'References', 'Edition notes'] as const;
export type Part = (typeof parts)[number];

/** The facet naming what a record is, which decides where it ranks under its paper (not a Pagefind filter). */
export const recordFilter = 'record';
/** The facet giving a record's paper page (a claim: the paper it quotes), without the site's base path (not a Pagefind filter). */
export const pageFilter = 'page';
export type RecordKind = 'passage' | 'heading' | 'title' | 'abstract' | 'reference' | 'notes' | 'claim';

/** The parts a search shows until the reader asks for others. */
export const defaultParts: readonly Part[] = ['Claims', 'Text', 'Abstract'];

/** The facets, by their Pagefind filter names, in the order the page shows them (`kind` is a claim's). */
export const facets = ['part', 'kind', 'paper', 'theme', 'theory', 'method', 'type', 'year'] as const;
export type Facet = (typeof facets)[number];
export type Selection = Partial<Record<Facet, string[]>>;
export type SortOrder = 'relevance' | 'year';

export interface SearchState {
  query: string;
  selection: Selection;
  sort: SortOrder;
}

export const facetLabels: Record<Facet, string> = {
  part: 'Part of the document',
  kind: 'Kind of claim',
  paper: 'Paper',
  theme: 'Theme',
  theory: 'Theory',
  method: 'Method',
  type: 'Document type',
  year: 'Year',
};

export function stateFromParams(params: URLSearchParams): SearchState {
  const selection: Selection = {};
  for (const facet of facets) {
    const values = [...new Set(params.getAll(facet).filter(Boolean))];
    if (values.length) selection[facet] = values;
  }
  return { query: params.get('q') ?? '', selection, sort: params.get('sort') === 'year' ? 'year' : 'relevance' };
}

export function paramsFromState({ query, selection, sort }: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  for (const facet of facets) for (const value of selection[facet] ?? []) params.append(facet, value);
  if (sort === 'year') params.set('sort', 'year');
  return params;
}

/** The parts searched: those chosen, else the default ones (claims, text, abstracts). */
export const effectiveParts = (selection: Selection): readonly string[] => (selection.part?.length ? selection.part : defaultParts);
