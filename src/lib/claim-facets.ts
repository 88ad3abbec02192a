/**
 * The facets of the claims: by theme, by paper and by kind, each value with
 * the claims it holds. One definition for the index's counts and the facet
 * pages they link to, so a count always equals the claims its page lists.
 */
import { claimKindLabels, claimKinds } from '../schema/claim.ts';
import type { Claim, Corpus } from './corpus.ts';

export type ClaimFacet = 'theme' | 'paper' | 'kind';

export interface FacetValue {
  id: string;
  name: string;
  claims: Claim[];
}

export const claimFacetLabels: Record<ClaimFacet, string> = { theme: 'Theme', paper: 'Paper', kind: 'Kind' };

/** Every value of every facet that at least one claim has, in the corpus's order. */
export function claimFacets({ claims, themes, papers }: Pick<Corpus, 'claims' | 'themes' | 'papers'>): Record<ClaimFacet, FacetValue[]> {
  const nonEmpty = (values: FacetValue[]) => values.filter((v) => v.claims.length > 0);
  return {
    theme: nonEmpty(themes.map((t) => ({ id: t.id, name: t.data.name, claims: claims.filter((c) => c.data.themes.some((r) => r.id === t.id)) }))),
    paper: nonEmpty(papers.map((p) => ({ id: p.id, name: p.data.title, claims: claims.filter((c) => c.data.paper.id === p.id) }))),
    kind: nonEmpty(claimKinds.map((k) => ({ id: k, name: claimKindLabels[k], claims: claims.filter((c) => c.data.kind === k) }))),
  };
}
