import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finishPages, pruneRscPayloads, renderedPages } from '../../scripts/finish-pages';
import { htmlFiles } from '../../scripts/quality/html-files';
import { checkPageSafety } from '../../scripts/quality/page-safety';
import { bundledScriptUrls } from '../../lib/finishing/page-html';
import { nextPage } from '../helpers/next-pages';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project folder with `out/` holding `files` and `.next/` describing an export of the page routes `routes` into it. */
function exportedSite(
  files: Record<string, string>,
  routes: Record<string, 'page' | 'route'>,
  outDirectory?: string,
): { out: string; next: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'finish-'));
  dirs.push(dir);
  const out = path.join(dir, 'out');
  const next = path.join(dir, '.next');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), text);
  }
  mkdirSync(next);
  writeFileSync(
    path.join(next, 'export-detail.json'),
    JSON.stringify({ version: 1, outDirectory: outDirectory ?? out, success: true }),
  );
  writeFileSync(
    path.join(next, 'export-marker.json'),
    JSON.stringify({ version: 1, hasExportPathMap: false, exportTrailingSlash: true, isNextImageImported: false }),
  );
  const manifestRoutes = Object.fromEntries(
    Object.entries(routes).map(([route, routeType]) => [
      route,
      { routeType, initialRevalidateSeconds: false, srcRoute: route },
    ]),
  );
  writeFileSync(
    path.join(next, 'prerender-manifest.json'),
    JSON.stringify({ version: 4, routes: manifestRoutes, dynamicRoutes: {}, notFoundRoutes: [], preview: {} }),
  );
  return { out, next };
}

const ROUTES = {
  '/': 'page',
  '/en': 'page',
  '/en/articles/x': 'page',
  '/_not-found': 'page',
  '/_global-error': 'page',
  '/en/feed.xml': 'route',
  '/sitemap.xml': 'route',
} as const;
const RENDERED = [
  '404.html',
  '404/index.html',
  '_not-found/index.html',
  'en/articles/x/index.html',
  'en/index.html',
  'index.html',
];

describe('the pages Next rendered', () => {
  const files = Object.fromEntries(
    [...RENDERED, 'en/feed.xml', 'sitemap.xml', 'google1234.html', 'docs/index.html'].map((file) => [file, 'x']),
  );

  it("should be read from Next's build output: page routes where Next exports them, the not-found page also as 404.html, no route handler, no file from public/", () => {
    const { out, next } = exportedSite(files, ROUTES);
    expect(renderedPages(out, next)).toEqual(RENDERED);
  });

  it('should refuse build output from an export into another folder', () => {
    const { out, next } = exportedSite(files, ROUTES, '/elsewhere/out');
    expect(() => renderedPages(out, next)).toThrow(/export into \/elsewhere\/out/);
  });

  it('should name a page the build output lists but the export folder lacks', () => {
    const { out, next } = exportedSite(files, { ...ROUTES, '/vi': 'page' });
    expect(() => renderedPages(out, next)).toThrow(/lacks: vi\/index\.html/);
  });

  it('should say what to run when there is no build output', () => {
    expect(() => renderedPages('out', path.join(os.tmpdir(), 'no-such-next-dir'))).toThrow(/run `next build`/);
  });
});

describe('pruneRscPayloads', () => {
  it('should remove the RSC payload files beside rendered pages and keep everything else, public files named like them too', () => {
    const removed = [
      'index.txt',
      'en/index.txt',
      'en/__next._full.txt',
      'en/__next._tree.txt',
      'en/articles/x/__next.$d$lang.articles.$d$id.__PAGE__.txt',
    ];
    const kept = [
      'index.html',
      'robots.txt',
      'sitemap.xml',
      'en/index.html',
      'en/feed.xml',
      'en/articles/x/index.html',
      'search/en/index.json',
      'notes.txt',
      'docs/index.txt',
      'docs/__next.notes.txt',
    ];
    const { out } = exportedSite(Object.fromEntries([...removed, ...kept].map((file) => [file, 'x'])), {});
    expect(pruneRscPayloads(out, ['index.html', 'en/index.html', 'en/articles/x/index.html'])).toBe(removed.length);
    for (const file of removed) expect(existsSync(path.join(out, file)), file).toBe(false);
    for (const file of kept) expect(existsSync(path.join(out, file)), file).toBe(true);
  });
});

describe('finishing a build', () => {
  it('should finish the pages Next rendered, leave a file from public/ that looks like HTML byte for byte, and pass the page check', () => {
    const article = nextPage('article.html');
    const home = nextPage('home.html');
    // Not what a serializer writes: upper-case tags, unquoted attributes, a self-closed <p>.
    const publicPage =
      '<!doctype html>\r\n<HTML><HEAD><TITLE>Verification</TITLE></HEAD><BODY><P CLASS=x>google-site-verification: google1234.html<p/></BODY></HTML>';
    const { out, next } = exportedSite(
      { 'index.html': home.html, 'vi/articles/x/index.html': article.html, 'google1234.html': publicPage },
      { '/': 'page', '/vi/articles/x': 'page' },
    );
    const result = finishPages(out, next);
    expect(result.pages).toBe(2);
    expect(readFileSync(path.join(out, 'google1234.html'), 'utf8')).toBe(publicPage);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).not.toBe(home.html);
    const bundled = bundledScriptUrls(result.scripts);
    expect(result.scripts.search.shared.length).toBeGreaterThan(0);
    for (const script of bundled) expect(existsSync(path.join(out, script)), script).toBe(true);
    expect(checkPageSafety(out, htmlFiles(out), bundled)).toEqual([]);
    // Bundling the search script with React takes a few seconds on a busy machine.
  }, 60_000);
});
