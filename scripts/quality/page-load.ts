/**
 * Loading a page in Chromium the way a reader does, and collecting everything that went
 * wrong on the way: console errors, uncaught exceptions, failed or 4xx/5xx requests,
 * Content-Security-Policy violations and a missing policy.
 */
import type { BrowserContext, ConsoleMessage, Page, Request, Response } from 'playwright-core';

declare global {
  interface Window {
    /** Filled by the init script of `recordCspViolations`. */
    __cspViolations?: string[];
  }
}

/**
 * Makes every page of the context record its CSP violations in `window.__cspViolations`.
 * The init script is injected by the browser (not an inline script), so the page's own
 * policy does not stop it, and it runs before any of the page's scripts.
 */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(
        `${event.effectiveDirective} blocked ${event.blockedURI}${event.sample ? ` (${event.sample})` : ''}`,
      );
    });
  });
}

/** The CSP violations the page recorded since its last navigation (needs `recordCspViolations`). */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? ['the CSP violation recorder did not run']);
}

/**
 * Listens to a page until `stop()`: console errors, uncaught exceptions, failed requests
 * and error statuses. The document's own status is the caller's to judge (the 404 page
 * answers 404), so neither it nor Chromium's console line about it counts here.
 */
export function watchPage(page: Page, documentUrl: string): { problems(): string[]; stop(): void } {
  const problems: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    if (message.location().url === documentUrl && message.text().startsWith('Failed to load resource')) return;
    problems.push(`console error: ${message.text()}`);
  };
  const onPageError = (error: Error) => problems.push(`uncaught exception: ${error.message}`);
  const onRequestFailed = (request: Request) => {
    // The browser aborts what is still in flight when a page is left (the favicon is
    // fetched late, so the previous page's shows up here): not a failure of the site.
    // A missing file is a 404 response, reported below; a blocked one a CSP violation.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`failed request: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  };
  const onResponse = (response: Response) => {
    if (response.status() >= 400 && response.url() !== documentUrl)
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onRequestFailed);
  page.on('response', onResponse);
  return {
    problems: () => [...problems],
    stop() {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('requestfailed', onRequestFailed);
      page.off('response', onResponse);
    },
  };
}

/**
 * Loads `url` in `page` (whose context records CSP violations), waits for the load and
 * the fonts, and returns every problem, each starting with the URL:
 * - a status other than `expectedStatus`, console errors, uncaught exceptions,
 *   failed requests and 4xx/5xx answers;
 * - CSP violations, no policy `<meta>`, or a policy that allows inline scripts.
 */
export async function checkPageLoad(page: Page, url: string, expectedStatus = 200): Promise<string[]> {
  const watcher = watchPage(page, url);
  const problems: string[] = [];
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response?.status() !== expectedStatus)
      problems.push(`status ${response?.status() ?? 'none'}, expected ${expectedStatus}`);
    // Fonts are requested once layout needs them; wait so a missing font file shows up.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const policy = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    );
    problems.push(...watcher.problems());
    problems.push(...(await cspViolations(page)).map((violation) => `CSP violation: ${violation}`));
    if (!policy) problems.push('no Content-Security-Policy <meta>');
    else if (/script-src[^;]*'unsafe-inline'/.test(policy)) problems.push("the policy allows 'unsafe-inline' scripts");
  } finally {
    watcher.stop();
  }
  return problems.map((problem) => `${url}: ${problem}`);
}
