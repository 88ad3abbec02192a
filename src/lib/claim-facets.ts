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

const computed = new WeakMap<object, Record<ClaimFacet, FacetValue[]>>();

/** Every value of every facet that at least one claim has, in the corpus's order; computed once per corpus. */
export function claimFacets(corpus: Pick<Corpus, 'claims' | 'themes' | 'papers'>): Record<ClaimFacet, FacetValue[]> {
  let facets = computed.get(corpus);
  if (!facets) computed.set(corpus, (facets = facetsOf(corpus)));
  return facets;
}

function facetsOf({ claims, themes, papers }: Pick<Corpus, 'claims' | 'themes' | 'papers'>): Record<ClaimFacet, FacetValue[]> {
  const grouped = { theme: new Map<string, Claim[]>(), paper: new Map<string, Claim[]>(), kind: new Map<string, Claim[]>() };
  const add = (facet: ClaimFacet, id: string, claim: Claim) => {
    const held = grouped[facet].get(id);
    if (held) held.push(claim);
    else grouped[facet].set(id, [claim]);
  };
  for (const claim of claims) {
    claim.data.themes.forEach((t) => add('theme', t.id, claim));
    add('paper', claim.data.paper.id, claim);
    add('kind', claim.data.kind, claim);
  }
  const values = (facet: ClaimFacet, entries: { id: string; name: string }[]) =>
    entries.flatMap(({ id, name }) => {
      const held = grouped[facet].get(id);
      return held ? [{ id, name, claims: held }] : [];
    });
  return {
    theme: values('theme', themes.map((t) => ({ id: t.id, name: t.data.name }))),
    paper: values('paper', papers.map((p) => ({ id: p.id, name: p.data.title }))),
    kind: values('kind', claimKinds.map((k) => ({ id: k, name: claimKindLabels[k] }))),
  };
}
