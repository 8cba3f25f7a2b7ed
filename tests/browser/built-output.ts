/**
 * Reading the built site in `out/` for the syndication tests: its pages, its XML files
 * (parsed with a real XML parser), and what Chromium finds in each page's head.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { getArchive } from '../../lib/views/archive';
import { storyRedirects } from '../../lib/views/story-redirects';
import { filesUnder, urlPathOfFile } from '../../scripts/quality/html-files';
import { recordCspViolations, watchPage } from '../../scripts/quality/page-load';
import type { RunningSite } from './site';

export const OUT = 'out';

/** The file a public path is served from: `/a/b/` is `out/a/b/index.html`, `/a.xml` is `out/a.xml`. */
export function builtFile(urlPath: string): string {
  const relative = decodeURIComponent(urlPath).replace(/^\//, '');
  return path.join(OUT, urlPath.endsWith('/') ? path.join(relative, 'index.html') : relative);
}

export function isBuilt(urlPath: string): boolean {
  return existsSync(builtFile(urlPath));
}

export function readBuilt(urlPath: string): string {
  return readFileSync(builtFile(urlPath), 'utf8');
}

/** Files called `name` in `out/`, relative to it with `/` separators. */
const filesNamed = (name: string) => filesUnder(OUT).filter((file) => path.posix.basename(file) === name);

/** Public paths of every file called `name` in `out/` (e.g. every feed.xml). */
export function builtPathsOf(name: string): string[] {
  return filesNamed(name).map((file) => `/${file}`);
}

/** The old addresses of renamed stories: pages that only send the reader on, kept out of the sitemap. */
export function redirectPaths(): Set<string> {
  return new Set(storyRedirects(getArchive().stories).map((redirect) => redirect.path));
}

/**
 * Every page of the build, as public paths (`/en/topics/`). Next also writes copies of
 * the 404 page as `404/index.html` and `_not-found/index.html`; those are not pages of
 * the site, and are returned apart, as are the old addresses of renamed stories.
 */
export function builtPages(): { pages: string[]; notFoundCopies: string[]; redirects: string[] } {
  const notFound = readFileSync(path.join(OUT, '404.html'), 'utf8');
  const old = redirectPaths();
  const pages: string[] = [];
  const notFoundCopies: string[] = [];
  const redirects: string[] = [];
  for (const file of filesNamed('index.html')) {
    const urlPath = urlPathOfFile(file);
    (old.has(urlPath)
      ? redirects
      : readFileSync(path.join(OUT, file), 'utf8') === notFound
        ? notFoundCopies
        : pages
    ).push(urlPath);
  }
  return { pages: pages.sort(), notFoundCopies, redirects };
}

/** Elements that may occur once or many times are always read as lists. */
const LISTS = new Set(['url', 'xhtml:link', 'item', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
});

/** Parses XML; fast-xml-parser's validator runs first, so malformed XML fails here. */
export function parseXml(text: string): Record<string, unknown> {
  return parser.parse(text, true);
}

/** What a page's head (and main links) say, as Chromium read it after loading the page. */
export interface PageHead {
  lang: string;
  title: string;
  description: string | null;
  canonical: string | null;
  /** hreflang → href, from `<link rel="alternate" hreflang>`. */
  hreflang: Record<string, string>;
  feeds: { href: string; title: string | null }[];
  /** `<meta property>` and `<meta name>` values, in document order. */
  meta: [string, string][];
  robots: string | null;
  jsonLd: string[];
  /** Link targets inside `<main>`, as written. */
  mainLinks: string[];
  /** Console errors, page errors, failed requests and Content-Security-Policy violations while loading. */
  problems: string[];
}

/** Loads every page in Chromium, a few at a time, and reads its head. */
export async function readHeads(
  site: RunningSite,
  paths: readonly string[],
  parallel = 2,
): Promise<Map<string, PageHead>> {
  const heads = new Map<string, PageHead>();
  const queue = [...paths];
  const context = await site.browser.newContext();
  await recordCspViolations(context);
  // Each worker loads its pages one after another in one tab: a new tab costs Chromium a renderer process.
  async function worker() {
    const page = await context.newPage();
    for (let urlPath = queue.shift(); urlPath !== undefined; urlPath = queue.shift()) {
      const watcher = watchPage(page, site.origin + urlPath);
      const response = await page.goto(site.origin + urlPath, { waitUntil: 'load' });
      const head = await page.evaluate(() => {
        const attribute = (selector: string, name: string) =>
          document.querySelector(selector)?.getAttribute(name) ?? null;
        return {
          lang: document.documentElement.lang,
          title: document.title,
          description: attribute('meta[name="description"]', 'content'),
          canonical: attribute('link[rel="canonical"]', 'href'),
          hreflang: Object.fromEntries(
            [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => [
              link.getAttribute('hreflang') ?? '',
              link.getAttribute('href') ?? '',
            ]),
          ),
          feeds: [...document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')].map((link) => ({
            href: link.getAttribute('href') ?? '',
            title: link.getAttribute('title'),
          })),
          meta: [...document.querySelectorAll('meta[property], meta[name]')].map(
            (meta) =>
              [
                meta.getAttribute('property') ?? meta.getAttribute('name') ?? '',
                meta.getAttribute('content') ?? '',
              ] as [string, string],
          ),
          robots: attribute('meta[name="robots"]', 'content'),
          jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map(
            (script) => script.textContent ?? '',
          ),
          mainLinks: [...document.querySelectorAll('main a[href]')].map((anchor) => anchor.getAttribute('href') ?? ''),
          violations: window.__cspViolations ?? [],
        };
      });
      watcher.stop();
      const { violations, ...rest } = head;
      const problems = [
        ...(response?.status() === 200 ? [] : [`status ${response?.status()}`]),
        ...watcher.problems(),
        ...violations.map((violation) => `CSP: ${violation}`),
      ];
      heads.set(urlPath, { ...rest, problems });
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  await context.close();
  return heads;
}

/** The values of one `<meta property|name>` key on a page. */
export function metaValues(head: PageHead, key: string): string[] {
  return head.meta.filter(([name]) => name === key).map(([, value]) => value);
}

/** Values that occur more than once, with the pages they occur on. */
export function duplicates(values: Map<string, string | null>): string[] {
  const byValue = new Map<string, string[]>();
  for (const [page, value] of values) byValue.set(value ?? '(none)', [...(byValue.get(value ?? '(none)') ?? []), page]);
  return [...byValue]
    .filter(([, pages]) => pages.length > 1)
    .map(([value, pages]) => `${JSON.stringify(value)} on ${pages.join(', ')}`);
}
