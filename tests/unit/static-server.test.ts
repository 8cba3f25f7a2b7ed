import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf, contentTypeOf, startStaticServer } from '../../scripts/static-server';

/** A built site in `out/`, and beside it a folder whose name starts with `out` that must stay unreachable. */
const parent = mkdtempSync(path.join(os.tmpdir(), 'static-server-'));
const root = path.join(parent, 'out');
const SECRET = 'a file outside the site';
const FILES: Record<string, string> = {
  'index.html': '<!DOCTYPE html><title>home</title>',
  '404.html': '<!DOCTYPE html><title>not found page</title>',
  'a/b/index.html': '<!DOCTYPE html><title>a b</title>',
  'style.css': 'body{}',
  'site.js': 'void 0',
  'search/en/manifest.json': '{}',
  'en/feed.xml': '<rss/>',
  'robots.txt': 'User-agent: *',
  'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'image.png': 'png',
  'favicon.ico': 'ico',
  'font.woff2': 'woff2',
  'photo.jpg': 'jpg',
  'photo.jpeg': 'jpeg',
  'photo.webp': 'webp',
  'photo.avif': 'avif',
  '../out-other/secret.txt': SECRET,
  '../out-other/x/index.html': SECRET,
};

let server: Server;
let port: number;

beforeAll(async () => {
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  server = await startStaticServer(root, 0);
  port = Number(new URL(addressOf(server)).port);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(parent, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with the path sent exactly as given, not normalised by a URL parser. */
function get(rawPath: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: rawPath, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/**
 * Bytes sent on a bare socket, for requests an HTTP client would refuse to send; resolves
 * with the raw answer once the server closes the connection (`Connection: close`, or an error).
 */
function sendRaw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('the preview server', () => {
  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/style.css', 'text/css; charset=utf-8'],
    ['/site.js', 'text/javascript; charset=utf-8'],
    ['/search/en/manifest.json', 'application/json; charset=utf-8'],
    ['/en/feed.xml', 'text/xml; charset=utf-8'],
    ['/robots.txt', 'text/plain; charset=utf-8'],
    ['/icon.svg', 'image/svg+xml; charset=utf-8'],
    ['/image.png', 'image/png'],
    ['/favicon.ico', 'image/x-icon'],
    ['/font.woff2', 'font/woff2'],
    ['/photo.jpg', 'image/jpeg'],
    ['/photo.jpeg', 'image/jpeg'],
    ['/photo.webp', 'image/webp'],
    ['/photo.avif', 'image/avif'],
  ])('should serve %s as %s, with nosniff', async (urlPath, type) => {
    const answer = await get(urlPath);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(type);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it("should serve a folder's index at its address with the slash, and redirect to it without", async () => {
    expect(await get('/a/b/')).toMatchObject({ status: 200, body: FILES['a/b/index.html'] });
    expect((await get('/a/b?q=1')).headers.location).toBe('/a/b/?q=1');
    const redirect = await get('/a/b');
    expect(redirect).toMatchObject({
      status: 308,
      headers: { location: '/a/b/', 'x-content-type-options': 'nosniff' },
    });
  });

  it('should never redirect to another host, whatever slashes the path starts with', async () => {
    expect((await get('//a/b')).headers.location).toBe('/a/b/');
  });

  it.each(['/missing/', '/missing', '/a/b/missing.html', '/a/b.html'])(
    'should answer %s with the 404 page and status 404',
    async (urlPath) => {
      expect(await get(urlPath)).toMatchObject({
        status: 404,
        body: FILES['404.html'],
        headers: { 'content-type': 'text/html; charset=utf-8', 'x-content-type-options': 'nosniff' },
      });
    },
  );

  it.each([
    '/../out-other/secret.txt',
    '/..%2fout-other/secret.txt',
    '/..%2Fout-other/x/',
    '/%2e%2e/out-other/secret.txt',
    '/%2e%2e%2fout-other/secret.txt',
    '/%252e%252e%252fout-other/secret.txt',
    '/..%5cout-other/secret.txt',
    '/a/../../out-other/secret.txt',
    '/..%2fout-other/x',
  ])('should serve nothing outside its folder for %s', async (urlPath) => {
    const answer = await get(urlPath);
    expect([400, 404]).toContain(answer.status);
    expect(answer.body).not.toContain(SECRET);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('should answer malformed and oversized requests and keep serving', async () => {
    for (const urlPath of ['//[', '/%', '/%E0%A4%A', '/%ZZ/', '/a/b%00', `/${'a'.repeat(4000)}`]) {
      const answer = await get(urlPath);
      expect(answer.status, urlPath).toBeGreaterThanOrEqual(400);
      expect(answer.headers['x-content-type-options'], urlPath).toBe('nosniff');
    }
    expect(await sendRaw(`GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`)).toMatch(
      /^HTTP\/1\.1 (?:414|431|400)[^\r]*\r\n(?:[^\r]+\r\n)*X-Content-Type-Options: nosniff\r\n/i,
    );
    expect(await sendRaw('GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 404 /);
    expect(await sendRaw('NOT A REQUEST\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await get('/')).toMatchObject({ status: 200, body: FILES['index.html'] });
  });

  it('should refuse to change anything', async () => {
    expect(await get('/', 'POST')).toMatchObject({ status: 405, headers: { 'x-content-type-options': 'nosniff' } });
  });
});

describe('npm run serve', () => {
  it('should print the address it really listens on, a free port when PORT is 0', async () => {
    // Run from the folder above `out/`, as `npm run serve` runs from the repository.
    const child = spawn(
      process.execPath,
      [
        '--import',
        pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href,
        path.resolve('scripts/serve.ts'),
      ],
      {
        cwd: parent,
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const printed = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          if (output.includes('\n')) resolve(output);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
      });
      const address = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(printed);
      expect(address, printed).not.toBeNull();
      expect(Number(address?.[1])).toBeGreaterThan(0);
      const answer = await fetch(address?.[0] ?? '');
      expect(await answer.text()).toBe(FILES['index.html']);
    } finally {
      child.kill();
    }
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['a1b2-480.avif', 'image/avif'],
    ['a1b2-480.webp', 'image/webp'],
    ['a1b2-480.jpg', 'image/jpeg'],
    ['chart.png', 'image/png'],
  ])('should name the type of the photo file %s as %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});

describe('requests the caller answers itself', () => {
  it('should ask ownAnswer about each GET first, and serve the files for what it leaves', async () => {
    const asked: string[] = [];
    const own = await startStaticServer(root, 0, undefined, (request, response) => {
      asked.push(request.url ?? '');
      if (request.url !== '/own') return false;
      response.writeHead(200).end('answered');
      return true;
    });
    try {
      const base = addressOf(own);
      expect(await (await fetch(new URL('own', base))).text()).toBe('answered');
      expect(await (await fetch(new URL('site.js', base))).text()).toBe('void 0');
      expect((await fetch(new URL('own', base), { method: 'POST' })).status).toBe(405);
      expect(asked).toEqual(['/own', '/site.js']);
    } finally {
      await new Promise((resolve) => own.close(resolve));
    }
  });
});
