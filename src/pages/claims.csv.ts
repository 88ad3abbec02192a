/** /claims.csv: every claim as a CSV row (RFC 4180; docs/claims.md). */
import type { APIRoute } from 'astro';
import { claimsCsv } from '../lib/claims-export';
import { claimRecords } from '../lib/claims-records';

export const GET: APIRoute = async ({ site }) =>
  new Response(claimsCsv(await claimRecords(site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
