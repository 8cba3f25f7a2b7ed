import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlLinks, formatLinkProblem } from '../../scripts/quality/crawl-links';
import { urlPathOfFile } from '../../scripts/quality/html-files';

const ORIGIN = 'https://archive.example';
const folders: string[] = [];

/** A small export folder: `files` maps paths under it to their content. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crawl-'));
  folders.push(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const page = (lang: string, body: string, head = '') =>
  `<!DOCTYPE html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;

/** The 1-based column where `markup` starts in a one-line page. */
const column = (html: string, markup: string) => html.indexOf(markup) + 1;

function problems(files: Record<string, string>): string[] {
  return crawlLinks({ outDir: site(files), siteOrigin: ORIGIN }).problems.map(formatLinkProblem);
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('urlPathOfFile', () => {
  it('should give the address a host serves each file at', () => {
    expect(urlPathOfFile('index.html')).toBe('/');
    expect(urlPathOfFile('en/articles/x/index.html')).toBe('/en/articles/x/');
    expect(urlPathOfFile('404.html')).toBe('/404.html');
  });
});

describe('crawlLinks', () => {
  it('should accept relative, absolute, same-origin, encoded and srcset links that resolve', () => {
    const report = crawlLinks({
      outDir: site({
        'index.html': page(
          'en',
          '<a href="en/">en</a><a href="https://archive.example/en/#top">top</a><img alt="" src="/img/a%20b.png" srcset="/img/a%20b.png 1x, img/c.png 2x">',
        ),
        'en/index.html': page(
          'en',
          '<h1 id="top">x</h1><a href="../">home</a><a href="/en">no slash</a><a href="mailto:a@b.c">mail</a><a href="https://elsewhere.example/">away</a>',
        ),
        'img/a b.png': 'png',
        'img/c.png': 'png',
      }),
      siteOrigin: ORIGIN,
    });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ pages: 2, reachable: 2, links: 7, fragments: 1, external: 1 });
  });

  it('should report a dead link, a missing file and a missing fragment with page and element position', () => {
    const html = page('en', '<a href="/nowhere/">x</a><img alt="" src="/missing.png"><a href="/#absent">y</a>');
    expect(problems({ 'index.html': html })).toEqual([
      `/: <a href="/nowhere/"> at 1:${column(html, '<a href="/nowhere/"')}: /nowhere/ is not a built file`,
      `/: <img src="/missing.png"> at 1:${column(html, '<img')}: /missing.png is not a built file`,
      `/: <a href="/#absent"> at 1:${column(html, '<a href="/#absent"')}: / has no element with id "absent"`,
    ]);
  });

  it('should report an orphan, but not Next’s own not-found copies', () => {
    expect(
      problems({
        'index.html': page('en', 'home'),
        'lost/index.html': page('en', '<a href="/">home</a>'),
        '404.html': page('en', '<a href="/">home</a>'),
        '_not-found/index.html': page('en', 'x'),
      }),
    ).toEqual(['/lost/: (whole page): orphan: no chain of links from / leads here']);
  });

  it('should make pages reachable through <a> links only, not through <link> alternates', () => {
    const alternate = `<link rel="alternate" hreflang="vi" href="${ORIGIN}/vi/">`;
    expect(
      problems({
        'index.html': page('en', 'home', alternate),
        'vi/index.html': page('vi', 'x', `<link rel="alternate" hreflang="en" href="${ORIGIN}/">`),
      }),
    ).toEqual(['/vi/: (whole page): orphan: no chain of links from / leads here']);
  });

  it('should require an alternate to be answered under the language the page stands for, not by x-default alone', () => {
    const alternates = (lang: string, other: string) =>
      `<link rel="alternate" hreflang="${lang}" href="/${lang}/"><link rel="alternate" hreflang="${other}" href="/${other}/"><link rel="alternate" hreflang="x-default" href="/en/">`;
    const en = page('en', 'en', alternates('en', 'vi'));
    expect(
      problems({
        'index.html': page('en', '<a href="/en/">en</a><a href="/vi/">vi</a>'),
        'en/index.html': en,
        // Answers /en/ only as x-default.
        'vi/index.html': page(
          'vi',
          'vi',
          '<link rel="alternate" hreflang="vi" href="/vi/"><link rel="alternate" hreflang="x-default" href="/en/">',
        ),
      }),
    ).toEqual([
      `/en/: <link hreflang="vi" href="/vi/"> at 1:${column(en, '<link rel="alternate" hreflang="vi"')}: /vi/ has no <link rel="alternate" hreflang="en"> back to /en/`,
    ]);
  });

  it('should report an alternate whose target is in another language than its hreflang', () => {
    const home = page('en', '<a href="/vi/" hreflang="vi" rel="alternate">vi</a>');
    expect(
      problems({
        'index.html': home,
        'vi/index.html': page('en', '<a href="/" hreflang="en" rel="alternate">en</a>'),
      }),
    ).toEqual([`/: <a hreflang="vi" href="/vi/"> at 1:${column(home, '<a')}: /vi/ is in lang="en", not "vi"`]);
  });
});
