/** /claims.json: every claim as a record (docs/claims.md). */
import type { APIRoute } from 'astro';
import { claimRecords } from '../lib/claims-records';

export const GET: APIRoute = async ({ site }) =>
  new Response(`${JSON.stringify(await claimRecords(site), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
