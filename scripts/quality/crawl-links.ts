/**
 * A link check of a built export folder, from the files alone (no server, no browser):
 * every internal `href`/`src`/`srcset` must resolve to a built file, every `#fragment`
 * must be an id on its target page, every hreflang alternate must be answered by one
 * pointing back, and every page must be reachable from `/` by following links. A
 * redirect page (a renamed story's old address, `<meta http-equiv="refresh">`) is
 * reached from outside, not by links: its target must resolve, and it is no orphan.
 *
 * It takes the folder as a parameter and returns problems instead of throwing, so the
 * same code checks the real build and a deliberately broken copy of it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeElement, parseHtml, type HtmlDocument, type HtmlElement } from './html-document';
import { htmlFiles, urlPathOfFile } from './html-files';

/** One thing wrong, at one element of one page (`page` is the address it is served at). */
export interface LinkProblem {
  page: string;
  element: string;
  message: string;
}

/** What the crawl looked at, and what it found wrong. */
export interface CrawlReport {
  /** HTML files whose links were checked. */
  pages: number;
  /** Pages reached from the start page by following links. */
  reachable: number;
  /** Internal references (href, src, srcset entries) resolved to a file. */
  links: number;
  /** References with a `#fragment` checked against the target's ids. */
  fragments: number;
  /** hreflang alternates checked for a link back. */
  alternates: number;
  /** References to other sites: counted, not followed. */
  external: number;
  problems: LinkProblem[];
}

export interface CrawlOptions {
  /** The export folder, e.g. `out`. */
  outDir: string;
  /**
   * The site's public origin. Canonical and hreflang links are absolute (Next writes them
   * from `metadataBase`); those on this origin are internal like relative ones.
   */
  siteOrigin: string;
  /** Where a reader starts; every page must be reachable from here. */
  start?: string;
}

/**
 * Next's own copies of the not-found page. A host serves `404.html` for any missing
 * address, so nothing links to these; they are checked but cannot be orphans.
 */
const NOT_LINKED_BY_DESIGN = new Set(['/404.html', '/404/', '/_not-found/']);

/** Attributes that hold one URL, by element. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  iframe: ['src'],
  embed: ['src'],
  source: ['src'],
  track: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  input: ['src'],
  object: ['data'],
  form: ['action'],
};

/** Attributes that hold a list of `url descriptor` candidates. */
const SRCSET_ELEMENTS = new Set(['img', 'source']);

/**
 * Elements whose link a reader follows to another page (what makes a page reachable); a
 * form's action counts, since submitting it takes the reader there (the header's search box).
 */
const NAVIGATION_ELEMENTS = new Set(['a', 'area', 'form']);

interface Page {
  url: string;
  document: HtmlDocument;
  ids: Set<string>;
}

interface Reference {
  element: HtmlElement;
  attribute: string;
  value: string;
}

/** The address a `<meta http-equiv="refresh" content="0; url=…">` sends the browser to, if the element is one. */
export function refreshTarget(element: HtmlElement): string | undefined {
  if (element.tag !== 'meta' || element.attributes.get('http-equiv')?.toLowerCase() !== 'refresh') return undefined;
  return /^\s*\d+(?:\.\d*)?\s*[;,]\s*url\s*=\s*['"]?([^'"]*)/i
    .exec(element.attributes.get('content') ?? '')?.[1]
    ?.trim();
}

function referencesOf(element: HtmlElement): Reference[] {
  const references: Reference[] = [];
  const refresh = refreshTarget(element);
  if (refresh !== undefined) references.push({ element, attribute: 'content', value: refresh });
  for (const attribute of URL_ATTRIBUTES[element.tag] ?? []) {
    const value = element.attributes.get(attribute);
    if (value !== undefined) references.push({ element, attribute, value });
  }
  const srcset = SRCSET_ELEMENTS.has(element.tag) ? element.attributes.get('srcset') : undefined;
  for (const candidate of srcset?.split(',') ?? []) {
    const value = candidate.trim().split(/\s+/)[0];
    if (value) references.push({ element, attribute: 'srcset', value });
  }
  return references;
}

function isAlternate(element: HtmlElement): boolean {
  const rel = element.attributes.get('rel')?.toLowerCase().split(/\s+/) ?? [];
  return (
    (element.tag === 'link' || element.tag === 'a') && rel.includes('alternate') && element.attributes.has('hreflang')
  );
}

/** Checks the links of every HTML file under `outDir`. */
export function crawlLinks({ outDir, siteOrigin, start = '/' }: CrawlOptions): CrawlReport {
  const origin = new URL(siteOrigin).origin;
  const root = path.resolve(outDir);
  const problems: LinkProblem[] = [];
  const report: CrawlReport = { pages: 0, reachable: 0, links: 0, fragments: 0, alternates: 0, external: 0, problems };

  const pages = new Map<string, Page>();
  for (const file of htmlFiles(root)) {
    const document = parseHtml(readFileSync(path.join(root, file), 'utf8'));
    const ids = new Set(document.elements.flatMap((element) => element.attributes.get('id') ?? []));
    const url = urlPathOfFile(file);
    pages.set(url, { url, document, ids });
  }
  report.pages = pages.size;

  /** The file a host would serve for an address, as the page key for HTML or the file path. */
  const resolve = (pathname: string): { file: string; page: Page | undefined } | null => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    const candidates = decoded.endsWith('/') ? [`${decoded}index.html`] : [decoded, `${decoded}/index.html`];
    for (const candidate of candidates) {
      const file = path.join(root, candidate);
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) continue;
      const relative = path.relative(root, file).split(path.sep).join('/');
      return { file: relative, page: pages.get(urlPathOfFile(relative)) };
    }
    return null;
  };

  /** An internal reference resolved to a URL, or null for other sites and non-http schemes. */
  const internalUrl = (value: string, base: string): URL | null => {
    let url: URL;
    try {
      url = new URL(value, new URL(base, origin));
    } catch {
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.origin !== origin) {
      report.external += 1;
      return null;
    }
    return url;
  };

  const links = new Map<Page, Set<Page>>();
  for (const page of pages.values()) {
    const outgoing = new Set<Page>();
    links.set(page, outgoing);
    for (const element of page.document.elements) {
      for (const reference of referencesOf(element)) {
        const url = internalUrl(reference.value, page.url);
        if (!url) continue;
        report.links += 1;
        const where = describeElement(element, reference.attribute);
        const target = resolve(url.pathname);
        if (!target) {
          problems.push({ page: page.url, element: where, message: `${url.pathname} is not a built file` });
          continue;
        }
        if (target.page && (NAVIGATION_ELEMENTS.has(element.tag) || refreshTarget(element) !== undefined))
          outgoing.add(target.page);
        const fragment = url.hash.slice(1);
        if (!fragment || !target.page) continue;
        report.fragments += 1;
        const id = safeDecode(fragment);
        if (!target.page.ids.has(id))
          problems.push({
            page: page.url,
            element: where,
            message: `${target.page.url} has no element with id "${id}"`,
          });
      }
    }
  }

  checkAlternates();
  checkReachability();
  return report;

  function checkAlternates() {
    const alternatesOf = (page: Page) =>
      page.document.elements.filter(isAlternate).map((element) => {
        const url = internalUrl(element.attributes.get('href') ?? '', page.url);
        return {
          element,
          hreflang: element.attributes.get('hreflang')?.toLowerCase() ?? '',
          target: url ? resolve(url.pathname)?.page : undefined,
        };
      });
    for (const page of pages.values()) {
      const own = alternatesOf(page);
      // The languages this page stands for in its set (it lists itself under them). The
      // answer must name it under one of those, not merely as x-default; a page that only
      // lists itself as x-default (the language choice at /) is answered by x-default.
      const ownLanguages = own
        .filter((alternate) => alternate.target === page && alternate.hreflang !== 'x-default')
        .map((alternate) => alternate.hreflang);
      for (const { element, hreflang, target } of own) {
        // A dead alternate is already reported as a dead link; a self-reference needs no answer.
        if (!target || target === page) continue;
        report.alternates += 1;
        const where = describeElement(element, 'hreflang', 'href');
        const answered = alternatesOf(target).some(
          (back) =>
            back.element.tag === element.tag &&
            back.target === page &&
            (ownLanguages.length === 0 || ownLanguages.includes(back.hreflang)),
        );
        if (!answered) {
          const expected = ownLanguages.length > 0 ? `hreflang="${ownLanguages.join('" or "')}"` : 'hreflang';
          problems.push({
            page: page.url,
            element: where,
            message: `${target.url} has no <${element.tag} rel="alternate" ${expected}> back to ${page.url}`,
          });
        }
        const targetLang = target.document.lang?.toLowerCase() ?? '';
        if (hreflang !== 'x-default' && hreflang.split('-')[0] !== targetLang.split('-')[0]) {
          problems.push({
            page: page.url,
            element: where,
            message: `${target.url} is in lang="${targetLang}", not "${hreflang}"`,
          });
        }
      }
    }
  }

  function checkReachability() {
    const first = resolve(start)?.page;
    if (!first) {
      problems.push({ page: start, element: '(start page)', message: 'the start page is not a built HTML page' });
      return;
    }
    const reached = new Set<Page>([first]);
    const queue = [first];
    for (let page = queue.shift(); page; page = queue.shift()) {
      for (const next of links.get(page) ?? []) {
        if (reached.has(next)) continue;
        reached.add(next);
        queue.push(next);
      }
    }
    report.reachable = reached.size;
    for (const page of pages.values()) {
      if (
        reached.has(page) ||
        NOT_LINKED_BY_DESIGN.has(page.url) ||
        page.document.elements.some((element) => refreshTarget(element) !== undefined)
      )
        continue;
      problems.push({
        page: page.url,
        element: '(whole page)',
        message: `orphan: no chain of links from ${start} leads here`,
      });
    }
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** One line per problem, for failure messages. */
export function formatLinkProblem(problem: LinkProblem): string {
  return `${problem.page}: ${problem.element}: ${problem.message}`;
}

/** The one-line summary of what a crawl covered. */
export function crawlSummary(report: CrawlReport): string {
  return `links: ${report.pages} pages (${report.reachable} reachable from /), ${report.links} internal links, ${report.fragments} fragments, ${report.alternates} hreflang alternates checked, ${report.external} external links not followed; ${report.problems.length} problems`;
}
