/**
 * Verifying claims against the editions: a claim's quotation must be a
 * verbatim part of the passage it cites, as the site numbers and prints it
 * (passages.ts), so every comparison of claims is one click from its evidence.
 * Pure functions: the build (corpus.ts) and tests call them with passages
 * rendered through the site's own pipeline.
 */
import { claimKindLabels, type ClaimKind } from '../schema/claim.ts';
import { openingWords } from './excerpts.ts';
import { passageNumber, type Passage } from './passages.ts';

/** A claim with its references as plain ids. */
export interface ClaimFields {
  id: string;
  paper: string;
  passage: string;
  kind: ClaimKind;
  quotation: string;
  themes: string[];
  citation: string | null;
  measure?: { quantity: string; figure: string };
}

export interface KnownIds {
  /** Each paper's numbered passages, by paper id. */
  passages: Map<string, Passage[]>;
  themes: Set<string>;
  quantities: Set<string>;
  /** Each paper's claim-id key (content/claim-policy.yaml). */
  idKeys: Record<string, string>;
}

const list = (ids: Iterable<string>) => [...ids].sort().join(', ');

/**
 * Where a quotation stops matching a text: the longest start of the quotation
 * the text contains, and what each says from there. Tells an editor which
 * character to fix instead of only that something differs.
 */
export function closestMatch(quotation: string, text: string): string {
  let lo = 0;
  let hi = quotation.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (text.includes(quotation.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  if (lo < 8) return `no part of the passage starts like the quotation "${quotation.slice(0, 40)}…"`;
  const at = text.indexOf(quotation.slice(0, lo));
  const agreed = quotation.slice(Math.max(0, lo - 40), lo);
  const passageGoes = text.slice(at + lo, at + lo + 30);
  return `the passage agrees up to "${lo > 40 ? '…' : ''}${agreed}", then reads "${passageGoes}" where the quotation has "${quotation.slice(lo, lo + 30)}"`;
}

/** Every way a claim fails to match the corpus, each naming the file, the field and what was expected. */
export function claimProblems(claim: ClaimFields, file: string, known: KnownIds): string[] {
  const problems: string[] = [];
  const fail = (field: string, expected: string) => problems.push(`${file}: field "${field}": ${expected}`);

  const key = known.idKeys[claim.paper];
  if (key === undefined) fail('paper', `expected a paper with a claim-id key in content/claim-policy.yaml (one of: ${list(Object.keys(known.idKeys))}), got "${claim.paper}"`);
  else if (!claim.id.startsWith(`${key}-`)) fail('id', `expected an id starting with "${key}-" (the key of ${claim.paper}), got "${claim.id}"`);

  const folder = file.split(/[\\/]/).at(-2);
  if (folder !== claim.paper) fail('paper', `expected the claim's file in the folder of its paper, content/claims/${claim.paper}/, but it is in "${folder}"`);

  claim.themes.forEach((theme, i) => {
    if (!known.themes.has(theme)) fail(`themes[${i}]`, `expected the id of an entry in content/themes/ (one of: ${list(known.themes)}), got "${theme}"`);
  });
  if (claim.measure && !known.quantities.has(claim.measure.quantity)) {
    fail('measure.quantity', `expected the id of an entry in content/quantities/ (one of: ${list(known.quantities)}), got "${claim.measure.quantity}"`);
  }
  if (claim.measure && !claim.quotation.includes(claim.measure.figure)) {
    fail('measure.figure', `expected the figure exactly as the quotation prints it; "${claim.measure.figure}" is not in the quotation`);
  }

  const passages = known.passages.get(claim.paper);
  if (!passages) {
    fail('paper', `expected the id of an entry in content/papers/ (one of: ${list(known.passages.keys())}), got "${claim.paper}"`);
    return problems;
  }
  const passage = passages.find((p) => p.id === claim.passage);
  if (!passage) {
    fail('passage', `expected a paragraph anchor of ${claim.paper} (p1–p${passages.length}, as \`npm run passages -- ${claim.paper}\` prints them), got "${claim.passage}"`);
    return problems;
  }
  if (!passage.text.includes(claim.quotation)) {
    const elsewhere = passages.find((p) => p.text.includes(claim.quotation));
    const hint = elsewhere ? `it is in ${elsewhere.id}` : `closest: ${closestMatch(claim.quotation, passage.text)}`;
    fail('quotation', `expected a verbatim quotation from passage ${claim.passage} of ${claim.paper}; not found there (${hint})`);
  }
  if (claim.citation !== null && !passage.text.includes(claim.citation)) {
    fail('citation', `expected the in-text citation exactly as passage ${claim.passage} of ${claim.paper} prints it, or null; not found there (${closestMatch(claim.citation, passage.text)})`);
  }
  return problems;
}

/** A short label for a claim (search result titles, page titles): its kind and the quotation's opening words. */
export function claimLabel(claim: Pick<ClaimFields, 'kind' | 'quotation'>, length = 80): string {
  return `${claimKindLabels[claim.kind]}: ${openingWords(claim.quotation, length)}`;
}

/** Claims in reading order: paper by paper as given, then by paragraph, then by id. */
export function inReadingOrder<C>(claims: C[], fields: (claim: C) => Pick<ClaimFields, 'id' | 'paper' | 'passage'>, paperOrder: string[]): C[] {
  return [...claims].sort((x, y) => {
    const a = fields(x);
    const b = fields(y);
    return paperOrder.indexOf(a.paper) - paperOrder.indexOf(b.paper) || passageNumber(a.passage) - passageNumber(b.passage) || a.id.localeCompare(b.id);
  });
}
