/**
 * Proof that a page's Content-Security-Policy stops injected code: the page is served
 * with one extra inline script (as if an attacker had slipped it into the HTML), and we
 * look whether it ran and whether the browser reported a violation.
 */
import type { Page } from 'playwright-core';
import { cspViolations, watchPage } from './page-load';

declare global {
  interface Window {
    /** Set by the injected script if it was allowed to run. */
    __injected?: unknown;
  }
}

/** The script slipped into the page: harmless, but visible if it runs. */
export const INJECTED_SCRIPT = '<script>window.__injected = true</script>';

/** What happened to the injected script. */
export interface InjectionResult {
  /** True if the injected script ran: the policy failed to protect the page. */
  ran: boolean;
  /** Violations the page reported through `securitypolicyviolation` events. */
  violations: string[];
  /** Console errors, where Chromium says why it refused the script. */
  consoleErrors: string[];
}

/**
 * Loads `url` in `page` with `INJECTED_SCRIPT` added at the end of its body. The page's
 * context must record CSP violations (`recordCspViolations`).
 */
export async function injectInlineScript(page: Page, url: string): Promise<InjectionResult> {
  let injected = false;
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    injected = html.includes('</body>');
    await route.fulfill({ response, body: html.replace('</body>', `${INJECTED_SCRIPT}</body>`) });
  });
  const watcher = watchPage(page, url);
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (!injected) throw new Error(`${url}: the script could not be injected (no </body>?)`);
    return {
      ran: await page.evaluate(() => window.__injected === true),
      violations: await cspViolations(page),
      consoleErrors: watcher.problems().filter((problem) => problem.startsWith('console error')),
    };
  } finally {
    watcher.stop();
    await page.unroute(url);
  }
}

/** The injection check as problems: none when the script was blocked and the browser said so. */
export async function checkInjectionBlocked(page: Page, url: string): Promise<string[]> {
  const result = await injectInlineScript(page, url);
  const problems: string[] = [];
  if (result.ran) problems.push(`${url}: an injected inline script ran: the Content-Security-Policy did not stop it`);
  if (!result.violations.some((violation) => violation.startsWith('script-src'))) {
    problems.push(
      `${url}: no script-src violation was reported for the injected script (violations: ${result.violations.join('; ') || 'none'})`,
    );
  }
  return problems;
}
