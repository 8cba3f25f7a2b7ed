/**
 * Hostile Markdown in Chromium. The whole XSS corpus, rendered by the pipeline, is put in
 * a page twice: bare (no Content-Security-Policy, so only the sanitiser stands between a
 * payload and the reader) and inside a built article page as the site ships it. Every
 * element is hovered, focused and clicked; no dialog may open, no payload may set
 * `window.__xss`, no link may lead to script, and the page's policy must never have had
 * to block anything. A control run with the payloads unsanitised shows the probe sees
 * script when it runs; another shows the built page's policy alone would block them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArchive } from '../../lib/views/archive';
import { renderMarkdown } from '../../lib/content/markdown';
import { storyUrl } from '../../lib/site/urls';
import { XSS_PAYLOADS } from '../fixtures/xss/payloads';
import { openSite, type RunningSite } from './site';

const PORT = 3531;
let site: RunningSite;

beforeAll(async () => {
  site = await openSite(PORT);
});

afterAll(async () => {
  await site?.close();
});

/** Each payload rendered by the pipeline, in its own section. */
const renderedCorpus = XSS_PAYLOADS.map(
  (payload) => `<section>${renderMarkdown(payload.markdown).html}</section>`,
).join('\n');

interface Observed {
  dialogs: string[];
  injected: unknown;
  violations: string[];
  /** Links and sources whose scheme, as the browser parses it, is not http(s) or mailto. */
  unsafeUrls: string[];
  /** Where the page tried to go once open. */
  navigations: string[];
}

/** Serves `html` at `pathname` on the test site, opens it, exercises every element and reports what ran. */
async function observe(pathname: string, html: string, root: string): Promise<Observed> {
  const page: Page = await site.browser.newPage();
  const dialogs: string[] = [];
  // Chromium also reports each blocked script on the console. The DOM event can be lost:
  // when hydration replaces the edited article, a violation queued on a removed element
  // no longer reaches the document.
  const consoleViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) consoleViolations.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const record = window as unknown as { __violations: string[] };
    record.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      record.__violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
  // A payload may submit a form or follow a refresh when exercised: the page must stay to be read, so a navigation
  // away from it is recorded and stopped (an aborted navigation leaves the document as it was).
  const navigations: string[] = [];
  await page.route('**/*', (route) => {
    const request = route.request();
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return route.continue();
    navigations.push(request.url());
    return route.abort();
  });
  // Served once: loading it again (a form sent to the page's own address, a refresh) is a navigation like any other.
  await page.route(
    site.origin + pathname,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    { times: 1 },
  );
  try {
    await page.goto(site.origin + pathname, { waitUntil: 'load' });
    const unsafeUrls = await page.evaluate((selector) => {
      const scope = document.querySelector(selector) ?? document.body;
      for (const element of scope.querySelectorAll('*')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'toggle', 'animationstart'])
          element.dispatchEvent(new Event(type, { bubbles: true }));
        // Links are not followed (a navigation would end the test), their targets are checked below.
        if (!(element instanceof HTMLAnchorElement))
          element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      }
      const urls = [
        ...[...scope.querySelectorAll('a[href]')].map((anchor) => (anchor as HTMLAnchorElement).href),
        ...[...scope.querySelectorAll('[src]')].map((element) => (element as HTMLImageElement).src),
      ];
      return urls.filter((url) => !['http:', 'https:', 'mailto:'].includes(new URL(url).protocol));
    }, root);
    // Timers, animations and meta refreshes get a moment to fire.
    await page.waitForTimeout(400);
    const injected = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    return {
      dialogs,
      injected,
      violations: violations.length > 0 ? violations : consoleViolations,
      unsafeUrls,
      navigations,
    };
  } finally {
    await page.close();
  }
}

/** A built article page, as `out/` holds it, with a way to swap its article body for other HTML. */
function builtArticlePage(): { pathname: string; withBody(html: string): string } {
  const story = getArchive().stories.find((each) => each.articles.en);
  const article = story?.articles.en;
  if (!story || !article) throw new Error('The built archive has no English article');
  const pathname = storyUrl('en', story.id);
  const built = readFileSync(path.join('out', pathname, 'index.html'), 'utf8');
  if (!built.includes(article.html)) throw new Error(`${pathname} does not contain its article body verbatim`);
  return { pathname, withBody: (html) => built.replace(article.html, () => html) };
}

const bare = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XSS corpus</title></head><body><main>${body}</main></body></html>`;

describe('the XSS corpus in Chromium', () => {
  it('should see script run when the payloads are not sanitised (control)', async () => {
    const raw = XSS_PAYLOADS.map((payload) => `<section>${payload.markdown}</section>`).join('\n');
    const observed = await observe('/xss-control/', bare(raw), 'main');
    // Each of the probe's senses must work: dialogs, the injected global, and link schemes.
    expect(observed.dialogs.length).toBeGreaterThan(0);
    expect(observed.injected).toBe(1);
    expect(observed.unsafeUrls).toContain('javascript:alert(1)');
  });

  it('should run nothing from the rendered corpus on a bare page with no Content-Security-Policy', async () => {
    const observed = await observe('/xss-bare/', bare(renderedCorpus), 'main');
    expect(observed).toEqual({ dialogs: [], injected: undefined, violations: [], unsafeUrls: [], navigations: [] });
  });

  it('should run nothing, and need no policy block, with the rendered corpus inside a built article page', async () => {
    const { pathname, withBody } = builtArticlePage();
    const observed = await observe(pathname, withBody(renderedCorpus), '.article__body');
    expect(observed).toEqual({ dialogs: [], injected: undefined, violations: [], unsafeUrls: [], navigations: [] });
  });

  // Defence in depth, and the control for the policy probe: even unsanitised, the
  // payloads are blocked by the built page's Content-Security-Policy, and the probe sees it.
  it("should have the built page's policy block the unsanitised payloads", async () => {
    const { pathname, withBody } = builtArticlePage();
    const observed = await observe(
      pathname,
      withBody(XSS_PAYLOADS.map((payload) => payload.markdown).join('\n')),
      '.article__body',
    );
    expect(observed.violations.length).toBeGreaterThan(0);
    expect(observed.dialogs).toEqual([]);
    expect(observed.injected).toBeUndefined();
  });
});
