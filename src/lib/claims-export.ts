/**
 * The claims as data for researchers: one record per claim, the same fields
 * in /claims.json and /claims.csv (docs/claims.md describes them).
 */
import type { ClaimFields } from './claims.ts';

export interface ClaimRecord {
  id: string;
  paper: string;
  passage: string;
  /** Absolute URL of the paragraph the quotation comes from. */
  paragraphUrl: string;
  kind: string;
  themes: string[];
  quotation: string;
  citation: string | null;
  quantity: string | null;
  figure: string | null;
}

export const claimColumns = ['id', 'paper', 'passage', 'paragraphUrl', 'kind', 'themes', 'quotation', 'citation', 'quantity', 'figure'] as const;

export function claimRecord(claim: ClaimFields, paragraphUrl: string): ClaimRecord {
  return {
    id: claim.id,
    paper: claim.paper,
    passage: claim.passage,
    paragraphUrl,
    kind: claim.kind,
    themes: claim.themes,
    quotation: claim.quotation,
    citation: claim.citation,
    quantity: claim.measure?.quantity ?? null,
    figure: claim.measure?.figure ?? null,
  };
}

/** One CSV field per RFC 4180: always quoted, inner quotes doubled. */
const field = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * RFC 4180 CSV with a header row and CRLF line ends. Themes are joined with
 * ";"; an absent citation, quantity or figure is an empty field.
 */
export function claimsCsv(records: ClaimRecord[]): string {
  const cell = (r: ClaimRecord, column: (typeof claimColumns)[number]) => {
    const value = r[column];
    return field(Array.isArray(value) ? value.join(';') : (value ?? ''));
  };
  return [claimColumns.map(field).join(','), ...records.map((r) => claimColumns.map((c) => cell(r, c)).join(','))].map((line) => `${line}\r\n`).join('');
}
