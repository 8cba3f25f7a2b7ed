/**
 * The preview server for the built site, behaving as a file host does: `/a/b/` is
 * `out/a/b/index.html`, a folder asked for without its slash is redirected to it, and
 * anything else missing gets `out/404.html` with status 404.
 *
 * Files are served by sirv (the server behind Vite's preview): it maps a URL to a file
 * only inside the root (decoding, `..` and separators handled once, by a library many
 * servers rely on), and names every type with mrmime's current table. It runs in its
 * per-request mode, so a rebuilt `out/` is served as it now is, with ETags instead of
 * lengths remembered from startup. What is written here is only what a host adds: the
 * redirect, the 404 page, and `X-Content-Type-Options: nosniff` on every answer.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { lookup } from 'mrmime';
import sirv from 'sirv';

/** Types mrmime's table leaves out. */
const MORE_TYPES: Record<string, string> = { ico: 'image/x-icon' };

/** The Content-Type of a file by its name; text in this site is always UTF-8. */
export function contentTypeOf(file: string): string {
  const extension = path.extname(file).slice(1).toLowerCase();
  const type = lookup(extension) ?? MORE_TYPES[extension] ?? 'application/octet-stream';
  return /^text\/|^application\/(?:json|xml)$|\+xml$/.test(type) ? `${type}; charset=utf-8` : type;
}

/** The path part of a request target, as sent (still encoded), or undefined when there is none. */
function requestPath(request: IncomingMessage): { pathname: string; search: string } | undefined {
  const target = request.url ?? '';
  if (!target.startsWith('/')) return undefined;
  const query = target.search(/[?#]/);
  return query < 0
    ? { pathname: target, search: '' }
    : { pathname: target.slice(0, query), search: target.slice(query).split('#')[0] ?? '' };
}

/**
 * Whether `pathname` (no trailing slash) names a folder of `root` with an index page, so
 * the answer is a redirect to the folder's address rather than the 404 page. It only
 * chooses between those two answers: the file that is then served is sirv's to find.
 */
function isFolderWithIndex(root: string, pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const folder = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (folder !== root && !folder.startsWith(root + path.sep)) return false;
  const index = path.join(folder, 'index.html');
  return existsSync(index) && statSync(index).isFile();
}

function sendNotFound(root: string, request: IncomingMessage, response: ServerResponse): void {
  const page = path.join(root, '404.html');
  if (!existsSync(page)) {
    response.writeHead(404, { 'content-type': contentTypeOf('404.txt') }).end('Not found');
    return;
  }
  response.writeHead(404, { 'content-type': contentTypeOf(page) });
  if (request.method === 'HEAD') response.end();
  else
    createReadStream(page)
      .on('error', () => response.destroy())
      .pipe(response);
}

/**
 * The files of `root`, each with its own Content-Type, looked up on every request (a
 * rebuild or the preview changes them while the server runs); nothing outside `root`.
 */
export function fileHandler(root: string) {
  return sirv(root, {
    dev: true,
    etag: true,
    extensions: [],
    setHeaders: (response, pathname) => response.setHeader('content-type', contentTypeOf(pathname)),
  });
}

/** Answers a request itself and says so, or leaves it to the files (returns false). */
export type OwnAnswer = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * Serves `root` on `port` and `host`; resolves once it listens (port 0 picks a free port: read `server.address()`).
 * `ownAnswer` is asked first about every GET and HEAD: the benchmark's pages report to it.
 */
export function startStaticServer(
  root: string,
  port: number,
  host = '127.0.0.1',
  ownAnswer: OwnAnswer = () => false,
): Promise<Server> {
  const base = path.resolve(root);
  const files = fileHandler(base);
  const server = createServer((request, response) => {
    response.setHeader('x-content-type-options', 'nosniff');
    try {
      const target = requestPath(request);
      if (!target || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response.writeHead(target ? 405 : 400).end();
        return;
      }
      if (ownAnswer(request, response)) return;
      const { pathname, search } = target;
      if (pathname.endsWith('/')) {
        // sirv would also answer `/a/b/` from `a/b.html`; a file host answers only from the folder's index.
        request.url = `${pathname}index.html${search}`;
        files(request, response, () => sendNotFound(base, request, response));
        return;
      }
      files(request, response, () => {
        // One leading slash only: `//host` in a Location header would leave the site.
        if (isFolderWithIndex(base, pathname))
          response.writeHead(308, { location: `/${pathname.replace(/^\/+/, '')}/${search}` }).end();
        else sendNotFound(base, request, response);
      });
    } catch {
      if (!response.headersSent) response.writeHead(400);
      response.end();
    }
  });
  // A request Node cannot even parse is answered and closed, never thrown.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/** The address a started server really listens on, for people to open. */
export function addressOf(server: Server): string {
  const { address, family, port } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  return `http://${host}:${port}/`;
}
