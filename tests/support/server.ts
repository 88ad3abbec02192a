/** A minimal static file server for the built site, on loopback only (as a static host would serve it). */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** Text a static host sends compressed when asked (Pagefind's own files are compressed already). */
const compressible = new Set(['.html', '.css', '.js', '.json', '.svg', '.txt', '.xml', '.csv']);

/**
 * With `compress`, text is sent gzip-compressed to clients that accept it, as static hosts do;
 * `headers` are sent with every response, as a host's header rules would (e.g. the Content-Security-Policy).
 */
export function serve(root: string, basePath = '/', { compress = false, headers = {} as Record<string, string> } = {}): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(basePath)) return notFound();
    rel = rel.slice(basePath.length);
    let file = path.join(root, rel);
    if (!file.startsWith(root)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    if (!existsSync(file)) return notFound();
    const gzip = compress && compressible.has(path.extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    res.writeHead(200, { ...headers, 'content-type': types[path.extname(file)] ?? 'application/octet-stream', ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}) });
    if (gzip) createReadStream(file).pipe(createGzip()).pipe(res);
    else createReadStream(file).pipe(res);

    function notFound() {
      res.writeHead(404, { ...headers, 'content-type': types['.html']! });
      const page = path.join(root, '404.html');
      if (existsSync(page)) createReadStream(page).pipe(res);
      else res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}
