/** robots.txt: everything may be crawled; the sitemap lists every page. */
import type { APIRoute } from 'astro';
import { absoluteUrl, href } from '../lib/urls';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(href('sitemap-index.xml'))}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
