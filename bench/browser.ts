/**
 * Search and page weight as a reader's Chromium sees them: bytes fetched before the
 * first result of a first query, and query latency, for the project's search and for
 * Pagefind over the same built site.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { defaultTreeAdapter as tree } from 'parse5';
import type { Browser } from 'playwright-core';
import { attributeOf, elementsIn, htmlElement, parsePage, serializePage } from '../lib/finishing/html-tree';
import { SEARCH_ISLAND } from '../lib/finishing/islands';
import { isPolicyMeta } from '../lib/finishing/csp';
import { isPreloadOf, isScriptPreload } from '../lib/finishing/page-html';
import { searchUrl } from '../lib/site/urls';
import { launchChromium } from '../scripts/chromium';
import { EAGER_COMPILE_HINT, SCRIPT_BUNDLING } from '../scripts/page-scripts';
import { startStaticServer } from '../scripts/static-server';
import {
  driverlessOpenings,
  FIRST_RESULT_SELECTOR,
  withFirstResultClock,
  type DriverlessOpenings,
} from './open-without-driver';
import { fileForUrl, gzipBytes, median, percentile, scriptSources, wireBytes } from './measure';

export interface SearchFigures {
  /** Median over the first queries of fresh browsers: bytes (gzip, as served compressed) fetched for search before the first result. */
  firstQueryBytes: number;
  /** The same, without code (index data only). */
  firstQueryDataBytes: number;
  /** The project's: the search page opened with ?q= until its first result shows. Pagefind's: its search call alone. */
  firstQueryMs: number;
  /**
   * A search page opened with ?q= in a fresh browser until its first result is in the
   * document, timed by the page from the start of its navigation: the site's own search
   * page, and for Pagefind a bare page that runs its search at once (absent from figures
   * measured before it was).
   */
  openWithQueryMs?: number;
  /**
   * Pagefind's only: the site's own search page with Pagefind's UI in place of the site's search
   * (pagefindSearchPage), opened the same way until Pagefind's UI shows its first result.
   */
  openInSitePageMs?: number;
  /**
   * The project's only: its search code alone on a bare page like Pagefind's (bench/browser-search.ts: no style sheet,
   * fonts, layout or React), opened the same way until it shows the first result's title.
   */
  openOnBarePageMs?: number;
  /**
   * The same openings in a Chromium no driver is attached to, as a reader's is (bench/open-without-driver.ts), where
   * measured: the site's search page or Pagefind's bare page, Pagefind's UI on the site's page, the site's bare page.
   */
  withoutDriver?: { openWithQueryMs: number; openInSitePageMs?: number; openOnBarePageMs?: number };
  /** Each query the first time it is asked, fetching what it needs. */
  p50: number;
  p95: number;
  /** The same queries asked again, their files already fetched: the search itself. */
  warmP50: number;
  warmP95: number;
}

const BENCH_DIR = '__bench';
/** A bench page's copy with the clock of the openings without a driver (bench/open-without-driver.ts). */
const timedPage = (name: string) => `timed-${name}`;

/** Gzip bytes of the scripts each page loads: what Next reports as First Load JS. */
export function firstLoadJs(outDir: string, pagePath: string): number {
  const html = readFileSync(fileForUrl(outDir, pagePath), 'utf8');
  return scriptSources(html).reduce((sum, src) => sum + gzipBytes(readFileSync(fileForUrl(outDir, src))), 0);
}

/**
 * The site's search page as a site using Pagefind's own UI would ship it: the same header, style sheet, fonts and site
 * script, and in place of the search island (its root, its scripts and the files it fetches first) Pagefind's UI set up
 * as Pagefind's documentation sets it up, searching for the URL's query at once. Without the site's
 * Content-Security-Policy: Pagefind's UI needs WebAssembly and inline styles, which a site using it would allow.
 */
export function pagefindSearchPage(html: string): string {
  const document = parsePage(html);
  const elements = [...elementsIn(document)];
  const root = elements.find((element) => attributeOf(element, 'id') === SEARCH_ISLAND.root);
  const head = elements.find((element) => element.tagName === 'head');
  if (!root?.parentNode || !head) throw new Error(`The search page has no <head> or no #${SEARCH_ISLAND.root}`);
  const islandParts = elements.filter(
    (element) =>
      (element.tagName === 'script' && attributeOf(element, 'type') === 'module') ||
      isScriptPreload(element) ||
      isPreloadOf('fetch')(element) ||
      isPolicyMeta(element),
  );
  for (const element of islandParts) tree.detachNode(element);
  tree.insertBefore(root.parentNode, htmlElement('div', { id: 'pagefind-search' }), root);
  tree.detachNode(root);
  tree.appendChild(head, htmlElement('link', { rel: 'stylesheet', href: '/pagefind/pagefind-ui.css' }));
  tree.appendChild(head, htmlElement('script', { src: '/pagefind/pagefind-ui.js' }));
  tree.appendChild(
    head,
    htmlElement(
      'script',
      {},
      `window.addEventListener('DOMContentLoaded', () => {
  const ui = new PagefindUI({ element: '#pagefind-search' });
  const query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
});`,
    ),
  );
  return serializePage(document);
}

async function writeBenchPages(outDir: string): Promise<void> {
  const dir = path.join(outDir, BENCH_DIR);
  mkdirSync(dir, { recursive: true });
  // Bundled as the search page's own script is, so that the bare page runs the same code the same way.
  await build({
    ...SCRIPT_BUNDLING,
    entryPoints: [path.join(import.meta.dirname, 'browser-search.ts')],
    format: 'esm',
    banner: { js: EAGER_COMPILE_HINT },
    write: true,
    outfile: path.join(dir, 'search.js'),
    logLevel: 'error',
  });
  // Each page twice: as the driver opens it, and with the clock of the openings without a driver.
  const writePage = (name: string, html: string) => {
    writeFileSync(path.join(dir, name), html);
    writeFileSync(path.join(dir, timedPage(name)), withFirstResultClock(html));
  };
  // Both bare pages take their language from the page's lang (Pagefind picks its index by it). Opened
  // with ?q=, each searches at once and shows the first result's title, as a search page would.
  for (const locale of ['en', 'vi'] as const) {
    writePage(
      `search-${locale}.html`,
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><script type="module" src="/${BENCH_DIR}/search.js"></script></head><body></body></html>`,
    );
    const searchPage = readFileSync(fileForUrl(outDir, searchUrl(locale)), 'utf8');
    // The driver opens the site's own page; without a driver, a copy of it with the clock.
    writeFileSync(path.join(dir, timedPage(`site-search-${locale}.html`)), withFirstResultClock(searchPage));
    writePage(`pagefind-ui-${locale}.html`, pagefindSearchPage(searchPage));
    writePage(
      `pagefind-${locale}.html`,
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><script type="module">
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.options({ basePath: '/pagefind/' });
globalThis.benchPagefind = async (queries) => {
  const times = [];
  for (const query of queries) {
    const start = performance.now();
    const found = await pagefind.search(query);
    if (found.results[0]) await found.results[0].data();
    times.push(performance.now() - start);
  }
  return { times };
};
globalThis.benchPagefindIds = async (queries) => {
  const lists = [];
  for (const query of queries) lists.push((await pagefind.search(query)).results.map((result) => result.id));
  return lists;
};
const query = new URLSearchParams(location.search).get('q');
if (query) {
  const start = performance.now();
  const found = await pagefind.search(query);
  const first = found.results[0] ? await found.results[0].data() : undefined;
  globalThis.benchSearchMs = performance.now() - start;
  const shown = document.createElement('p');
  shown.className = first ? 'search-result' : 'search__empty';
  shown.textContent = first ? first.meta.title : 'none';
  document.body.append(shown);
}
</script></head><body></body></html>`,
    );
  }
}

/**
 * Set on every page before its own scripts run: a promise of the time since the page's navigation
 * began at which its first result (or its "no results", FIRST_RESULT_SELECTOR) is in the document,
 * as the page itself sees it, so neither the load event nor the driver's asking is counted. The
 * driver awaits the promise rather than polling for a value: Playwright's polling first evaluates
 * its own large script in the page, on the page's thread, while the page is still loading.
 */
const FIRST_RESULT_CLOCK = `globalThis.benchFirstResult = new Promise((resolve) =>
  new MutationObserver((_, observer) => {
    if (!document.querySelector(${JSON.stringify(FIRST_RESULT_SELECTOR)})) return;
    resolve(performance.now());
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true }));`;

/** The longest a page may take to show its first result before the bench gives up on it. */
const FIRST_RESULT_TIMEOUT_MS = 120_000;

/** How many times each first query is opened on each side. */
const OPENING_ROUNDS = 4;

/** How many times each query is asked again with its files loaded, on each side. */
const WARM_PASSES = 9;

/** Opens `url` in a fresh browser context until its first result shows; what it fetched, and Pagefind's search call time. */
async function openUntilFirstResult(
  browser: Browser,
  url: string,
): Promise<{ ms: number; paths: string[]; searchMs?: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(FIRST_RESULT_CLOCK);
    // Each file the page or a worker of it fetched, with when it ended on the browser's clock.
    const finished: { path: string; end: number }[] = [];
    page.on('requestfinished', (request) => {
      const { startTime, responseEnd } = request.timing();
      finished.push({ path: new URL(request.url()).pathname, end: startTime + Math.max(responseEnd, 0) });
    });
    await page.goto(url, { waitUntil: 'commit' });
    let timer: NodeJS.Timeout | undefined;
    const ms = await Promise.race([
      page.evaluate(() => (globalThis as unknown as { benchFirstResult: Promise<number> }).benchFirstResult),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${url} showed no result`)), FIRST_RESULT_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    // Only what had arrived when the first result showed: the page goes on fetching (the other cards, the facets'
    // tag lists) while the driver asks, and how much of that it counted would depend on the machine's speed.
    const shown = await page.evaluate((first) => performance.timeOrigin + first, ms);
    const paths = finished.filter((file) => file.end <= shown).map((file) => file.path);
    const searchMs = await page.evaluate(() => (globalThis as { benchSearchMs?: number }).benchSearchMs);
    return { ms, paths, searchMs };
  } finally {
    await context.close();
  }
}

export interface BrowserRun {
  ours: SearchFigures;
  pagefind: SearchFigures;
  firstLoadJs: { home: number; article: number; search: number };
}

/**
 * Measures both searches over `outDir` (served on `port`). `firstQueries` are asked one
 * each in a fresh browser context; `queries` are timed in sequence in one page.
 */
export async function measureBrowser(
  outDir: string,
  port: number,
  locale: 'en' | 'vi',
  articlePath: string,
  firstQueries: string[],
  queries: string[],
): Promise<BrowserRun> {
  const bytesOf = (paths: string[], keep: (p: string) => boolean) =>
    [...new Set(paths)].filter(keep).reduce((sum, p) => sum + wireBytes(readFileSync(fileForUrl(outDir, p))), 0);
  return withBenchSite(outDir, port, async (browser, base, openings) => {
    const articleScripts = new Set(scriptSources(readFileSync(fileForUrl(outDir, articlePath), 'utf8')));

    const ours = { bytes: [] as number[], data: [] as number[], ms: [] as number[], onBarePageMs: [] as number[] };
    const openOurs = async (query: string) => {
      const { ms, paths } = await openUntilFirstResult(
        browser,
        `${base}/${locale}/search/?q=${encodeURIComponent(query)}`,
      );
      ours.ms.push(ms);
      const isData = (p: string) => p.startsWith('/search/');
      // Search code: the scripts the search page loads that an article page does not.
      const isSearchCode = (p: string) => p.endsWith('.js') && !articleScripts.has(p);
      ours.data.push(bytesOf(paths, isData));
      ours.bytes.push(bytesOf(paths, (p) => isData(p) || isSearchCode(p)));
    };

    const openOursOnBarePage = async (query: string) => {
      const url = `${base}/${BENCH_DIR}/search-${locale}.html?q=${encodeURIComponent(query)}`;
      ours.onBarePageMs.push((await openUntilFirstResult(browser, url)).ms);
    };

    const pf = {
      bytes: [] as number[],
      data: [] as number[],
      ms: [] as number[],
      openMs: [] as number[],
      inSitePageMs: [] as number[],
    };
    const openPagefind = async (query: string) => {
      const url = `${base}/${BENCH_DIR}/pagefind-${locale}.html?q=${encodeURIComponent(query)}`;
      const { ms, paths, searchMs } = await openUntilFirstResult(browser, url);
      pf.openMs.push(ms);
      pf.ms.push(searchMs ?? Number.NaN);
      const pagefindPaths = paths.filter((p) => p.startsWith('/pagefind/'));
      pf.bytes.push(bytesOf(pagefindPaths, () => true));
      pf.data.push(bytesOf(pagefindPaths, (p) => !p.endsWith('.js') && !p.includes('wasm')));
    };
    const openPagefindInSitePage = async (query: string) => {
      const url = `${base}/${BENCH_DIR}/pagefind-ui-${locale}.html?q=${encodeURIComponent(query)}`;
      pf.inSitePageMs.push((await openUntilFirstResult(browser, url)).ms);
    };
    // Each first query opened on every side, one right after the other and each first in turn,
    // so that no side always meets the browser's first page or a busier moment; and in
    // several rounds, since on a shared machine one opening can take half as long again as
    // the next, and the median of a few would follow it.
    const inTurns = async (sides: ((query: string) => Promise<void>)[]) => {
      for (let round = 0; round < OPENING_ROUNDS; round++)
        for (const [index, query] of firstQueries.entries()) {
          const turn = (index + round) % sides.length;
          for (const open of [...sides.slice(turn), ...sides.slice(0, turn)]) await open(query);
        }
    };
    await inTurns([openOurs, openOursOnBarePage, openPagefind, openPagefindInSitePage]);

    // The same four pages again, each in a Chromium of its own with no driver attached.
    const withoutDriver = {
      ours: [] as number[],
      onBarePage: [] as number[],
      pagefind: [] as number[],
      inSitePage: [] as number[],
    };
    const openWithoutDriver = (times: number[], page: string) => async (query: string) => {
      times.push(await openings.open(`${base}/${BENCH_DIR}/${timedPage(page)}?q=${encodeURIComponent(query)}`));
    };
    await inTurns([
      openWithoutDriver(withoutDriver.ours, `site-search-${locale}.html`),
      openWithoutDriver(withoutDriver.onBarePage, `search-${locale}.html`),
      openWithoutDriver(withoutDriver.pagefind, `pagefind-${locale}.html`),
      openWithoutDriver(withoutDriver.inSitePage, `pagefind-ui-${locale}.html`),
    ]);

    const page = await browser.newPage();
    await page.goto(`${base}/${BENCH_DIR}/search-${locale}.html`);
    await page.waitForFunction(() => 'benchRunQueries' in globalThis);
    const runOurs = () =>
      page.evaluate(
        ([l, q]) =>
          (
            globalThis as unknown as { benchRunQueries: (l: string, q: string[]) => Promise<{ times: number[] }> }
          ).benchRunQueries(l, q),
        [locale, queries] as const,
      );
    const pfPage = await browser.newPage();
    await pfPage.goto(`${base}/${BENCH_DIR}/pagefind-${locale}.html`);
    await pfPage.waitForFunction(() => 'benchPagefind' in globalThis);
    const runPagefind = () =>
      pfPage.evaluate(
        (q) =>
          (globalThis as unknown as { benchPagefind: (q: string[]) => Promise<{ times: number[] }> }).benchPagefind(q),
        queries,
      );
    // Each query once (fetching what it needs), then all again with their files loaded, in
    // WARM_PASSES passes, the two sides taking turns pass by pass: each query's median of its
    // passes, so that runs preempted on a shared machine do not become the p95 (with a few
    // passes, one side after the other, it followed the machine's busy moments).
    const oursRun = await runOurs();
    const pfRun = await runPagefind();
    const passes: { ours: number[][]; pagefind: number[][] } = { ours: [], pagefind: [] };
    for (let pass = 0; pass < WARM_PASSES; pass++) {
      passes.ours.push((await runOurs()).times);
      passes.pagefind.push((await runPagefind()).times);
    }
    const medianOfPasses = (times: number[][]) =>
      queries.map((_, index) => median(times.map((pass) => pass[index] ?? Number.NaN)));
    // The first query also pays for the code and the files every query needs.
    const after = (times: number[]) => times.slice(1);
    const figures = (cold: number[], warm: number[]) => ({
      p50: percentile(after(cold), 50),
      p95: percentile(after(cold), 95),
      warmP50: percentile(warm, 50),
      warmP95: percentile(warm, 95),
    });

    return {
      ours: {
        firstQueryBytes: median(ours.bytes),
        firstQueryDataBytes: median(ours.data),
        firstQueryMs: median(ours.ms),
        openWithQueryMs: median(ours.ms),
        openOnBarePageMs: median(ours.onBarePageMs),
        withoutDriver: {
          openWithQueryMs: median(withoutDriver.ours),
          openOnBarePageMs: median(withoutDriver.onBarePage),
        },
        ...figures(oursRun.times, medianOfPasses(passes.ours)),
      },
      pagefind: {
        firstQueryBytes: median(pf.bytes),
        firstQueryDataBytes: median(pf.data),
        firstQueryMs: median(pf.ms),
        openWithQueryMs: median(pf.openMs),
        openInSitePageMs: median(pf.inSitePageMs),
        withoutDriver: {
          openWithQueryMs: median(withoutDriver.pagefind),
          openInSitePageMs: median(withoutDriver.inSitePage),
        },
        ...figures(pfRun.times, medianOfPasses(passes.pagefind)),
      },
      firstLoadJs: {
        home: firstLoadJs(outDir, `/${locale}/`),
        article: firstLoadJs(outDir, articlePath),
        search: firstLoadJs(outDir, `/${locale}/search/`),
      },
    };
  });
}

/**
 * Serves `outDir` with the bench's pages added, in Chromium and for openings without a driver, for the time of `run`;
 * then removes the pages again.
 */
async function withBenchSite<T>(
  outDir: string,
  port: number,
  run: (browser: Browser, base: string, openings: DriverlessOpenings) => Promise<T>,
): Promise<T> {
  await writeBenchPages(outDir);
  const openings = driverlessOpenings();
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    server = await startStaticServer(outDir, port, undefined, openings.answer);
    browser = await launchChromium();
    return await run(browser, `http://127.0.0.1:${port}`, openings);
  } finally {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    rmSync(path.join(outDir, BENCH_DIR), { recursive: true, force: true });
  }
}

/**
 * Pagefind's results for each query, all of them, best first, as the URLs of the pages
 * found: asked in Chromium through its own API over the index in `outDir/pagefind/`.
 */
export async function pagefindRankings(
  outDir: string,
  port: number,
  queries: readonly { query: string; locale: 'en' | 'vi' }[],
): Promise<string[][]> {
  const urls = pagefindFragmentUrls(path.join(outDir, 'pagefind', 'fragment'));
  return withBenchSite(outDir, port, async (browser, base) => {
    const rankings: string[][] = [];
    for (const locale of ['en', 'vi'] as const) {
      const asked = queries.filter((query) => query.locale === locale).map((query) => query.query);
      const page = await browser.newPage();
      await page.goto(`${base}/${BENCH_DIR}/pagefind-${locale}.html`);
      await page.waitForFunction(() => 'benchPagefindIds' in globalThis);
      const lists = await page.evaluate(
        (q) =>
          (globalThis as unknown as { benchPagefindIds: (q: string[]) => Promise<string[][]> }).benchPagefindIds(q),
        asked,
      );
      await page.close();
      let next = 0;
      queries.forEach((query, index) => {
        if (query.locale === locale)
          rankings[index] = (lists[next++] ?? []).map((id) => urls.get(id) ?? `unknown ${id}`);
      });
    }
    return rankings;
  });
}

/**
 * Page URLs by Pagefind result id, read from its fragment files: gzip, a signature, then
 * JSON; one page's fragment (with its `url`), or a group of them by id.
 */
export function pagefindFragmentUrls(dir: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const text = gunzipSync(readFileSync(path.join(dir, name))).toString('utf8');
    const data = JSON.parse(text.slice(text.indexOf('{'))) as Record<string, unknown>;
    const id = name.replace(/\.pf_fragment$/, '');
    const urlOf = (fragment: unknown) =>
      typeof fragment === 'object' && fragment !== null && 'url' in fragment && typeof fragment.url === 'string'
        ? fragment.url
        : undefined;
    const own = urlOf(data);
    if (own !== undefined) urls.set(id, own);
    else {
      for (const [member, fragment] of Object.entries(data)) {
        const url = urlOf(fragment);
        if (url !== undefined) urls.set(member, url);
      }
    }
  }
  return urls;
}
