/**
 * Page openings timed in a Chromium no driver is attached to, as a reader's browser is. A
 * driver changes what it measures: with its inspector on, V8 records a full stack for every
 * error a script creates and parses a module's source again to place it, so a page whose
 * code creates errors as it loads (React DOM's module does, as values it throws inside
 * itself) is slowed in the driver's Chromium and not in a reader's. Each opening is its own
 * Chromium with a fresh profile (an empty cache, as a fresh browser context has), started
 * on a page that moves to the one measured after a pause, so that the browser's own start
 * is over; the measured page loads a clock script that reports, to the server the pages
 * come from, when the first result is in the document.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { defaultTreeAdapter as tree } from 'parse5';
import { elementsIn, htmlElement, parsePage, serializePage } from '../lib/finishing/html-tree';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium';
import type { OwnAnswer } from '../scripts/static-server';

/** The paths the bench's server answers for these openings; nothing in a built site starts so. */
const ROUTES = '/__bench-opening';
/** The script a measured page loads (withFirstResultClock). */
const CLOCK_SCRIPT = `${ROUTES}/clock.js`;
const REPORT = `${ROUTES}/first-result`;
const START_PAGE = `${ROUTES}/start`;
const START_SCRIPT = `${ROUTES}/start.js`;
/** How long the browser is left to start before the measured page opens. */
const START_PAUSE_MS = 1000;
/** The longest a page may take to report its first result before the bench gives up on it. */
const REPORT_TIMEOUT_MS = 60_000;

/**
 * The page with the clock (CLOCK_SOURCE) as the first element of its head, so that it is asked for first; async, so that
 * the page's parsing does not wait for it.
 */
export function withFirstResultClock(html: string): string {
  const document = parsePage(html);
  const head = [...elementsIn(document)].find((element) => element.tagName === 'head');
  if (!head) throw new Error('A page to time has no <head>');
  const clock = htmlElement('script', { async: '', src: CLOCK_SCRIPT });
  const [first] = head.childNodes;
  if (first) tree.insertBefore(head, clock, first);
  else tree.appendChild(head, clock);
  return serializePage(document);
}

/**
 * What a search page shows as its first result, or its "no results", on every side. Pagefind's UI shows "Searching…"
 * where it later says there are no results, so only a result stops its clock: the bench's first queries are names of
 * tagged people, which every side finds.
 */
export const FIRST_RESULT_SELECTOR = '.search-result, .search__empty, .pagefind-ui__result-link';

/**
 * The clock: the time since the page's navigation began at which its first result (or its "no results") is in the
 * document, sent with the opening's number, which the start page kept for it. A result already there when the clock
 * starts could not be timed: that is reported as such, and the bench stops.
 */
const CLOCK_SOURCE = `(() => {
  const selector = ${JSON.stringify(FIRST_RESULT_SELECTOR)};
  const report = (query) => fetch('${REPORT}?opening=' + sessionStorage.getItem('bench-opening') + '&' + query);
  if (document.querySelector(selector)) return report('late=1');
  new MutationObserver((_, observer) => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    report('ms=' + performance.now());
  }).observe(document, { childList: true, subtree: true });
})();`;

const START_SOURCE = `const asked = new URLSearchParams(location.search);
sessionStorage.setItem('bench-opening', asked.get('opening'));
setTimeout(() => location.replace(asked.get('to')), ${START_PAUSE_MS});`;

/** What a page reported for an opening: its time, or that it showed its result before the clock could start. */
type Report = { ms: number } | { late: true };

export interface DriverlessOpenings {
  /** The server's answers for the openings' own paths (startStaticServer's `ownAnswer`). */
  answer: OwnAnswer;
  /** Opens `url` (on the server answering `answer`) in a fresh Chromium and resolves with the time its page reports. */
  open(url: string): Promise<number>;
}

/** Ends a browser's process group; one that has just ended by itself (ESRCH) is what was wanted. */
function endGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function sendScript(response: ServerResponse, source: string): void {
  response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
  response.end(source);
}

export function driverlessOpenings(): DriverlessOpenings {
  const waiting = new Map<string, (report: Report) => void>();
  let opened = 0;

  const answer = (request: IncomingMessage, response: ServerResponse): boolean => {
    const url = new URL(request.url ?? '/', 'http://bench');
    if (!url.pathname.startsWith(`${ROUTES}/`)) return false;
    if (url.pathname === CLOCK_SCRIPT) sendScript(response, CLOCK_SOURCE);
    else if (url.pathname === START_SCRIPT) sendScript(response, START_SOURCE);
    else if (url.pathname === START_PAGE) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(
        `<!doctype html><html><head><meta charset="utf-8"><script src="${START_SCRIPT}"></script></head></html>`,
      );
    } else if (url.pathname === REPORT) {
      const ms = Number(url.searchParams.get('ms'));
      waiting.get(url.searchParams.get('opening') ?? '')?.(url.searchParams.has('late') ? { late: true } : { ms });
      response.writeHead(204).end();
    } else response.writeHead(404).end();
    return true;
  };

  const open = async (url: string): Promise<number> => {
    const opening = String(++opened);
    const profile = mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
    const start = `${new URL(url).origin}${START_PAGE}?opening=${opening}&to=${encodeURIComponent(url)}`;
    let timer: NodeJS.Timeout | undefined;
    const reported = new Promise<Report>((resolve, reject) => {
      waiting.set(opening, resolve);
      timer = setTimeout(() => reject(new Error(`${url} reported no first result`)), REPORT_TIMEOUT_MS);
    });
    // Its own process group, so that the browser and every process it started end together.
    const browser = spawn(chromiumPath(), [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, start], {
      stdio: 'ignore',
      detached: true,
    });
    const exited = new Promise((resolve) => {
      browser.once('exit', resolve);
      browser.once('error', resolve);
    });
    const endedFirst = exited.then((): Report => {
      throw new Error(`Chromium ended before ${url} reported its first result`);
    });
    endedFirst.catch(() => undefined);
    try {
      const report = await Promise.race([reported, endedFirst]);
      if ('late' in report) throw new Error(`${url} showed its first result before its clock started`);
      return report.ms;
    } finally {
      clearTimeout(timer);
      waiting.delete(opening);
      if (browser.exitCode === null && browser.pid !== undefined) endGroup(browser.pid);
      await exited;
      rmSync(profile, { recursive: true, force: true });
    }
  };

  return { answer, open };
}
