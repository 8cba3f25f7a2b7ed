/**
 * A small static file server for the built site, as any file host serves it:
 * `/a/b/` is `out/a/b/index.html`, a folder without its slash is redirected, and
 * anything else missing gets `out/404.html` with status 404.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export function startStaticServer(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const base = path.resolve(root);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    const target = path.join(base, pathname);
    if (!target.startsWith(base)) {
      response.writeHead(400).end();
      return;
    }
    if (existsSync(target) && statSync(target).isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(308, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      send(path.join(target, 'index.html'), 200);
      return;
    }
    send(target, 200);

    function send(file: string, status: number) {
      if (!existsSync(file) || !statSync(file).isFile()) {
        const notFound = path.join(base, '404.html');
        if (status === 404 || !existsSync(notFound)) {
          response.writeHead(404, { 'content-type': TYPES['.txt'] }).end('Not found');
          return;
        }
        send(notFound, 404);
        return;
      }
      // Last-Modified lets browsers reuse what they fetched ahead (the search files).
      response.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'last-modified': statSync(file).mtime.toUTCString() });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
