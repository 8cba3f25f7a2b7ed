/**
 * The Content-Security-Policy in Chromium: an inline script slipped into a built page is
 * blocked, and the policy's hashes are the ones the browser computes. (That every real
 * page runs under its policy without a violation is checked by page-loads.test.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { withContentSecurityPolicy } from '../../lib/csp';
import { checkInjectionBlocked, injectInlineScript } from '../../scripts/quality/csp-probe';
import { copyBuild, type BrokenBuild } from './broken-build';
import { pagesToAudit, useServedPage } from './site';

const pages = pagesToAudit();

describe('the policy of the built site', () => {
  const site = useServedPage(3330);
  let checked = 0;

  afterAll(() => {
    console.log(`csp: an injected inline script was tried on ${checked} pages`);
  });

  it.each(pages)('should block an inline script injected into the $label page', async ({ path }) => {
    const { origin, page } = site();
    expect(await checkInjectionBlocked(page, origin + path)).toEqual([]);
    checked += 1;
  });

  it('should report the blocked injected script in the console too', async () => {
    const { origin, page } = site();
    const result = await injectInlineScript(page, `${origin}/en/`);
    expect(result.consoleErrors).toContainEqual(expect.stringMatching(/Executing inline script violates the following Content Security Policy directive 'script-src/));
  });

  it('should compute the hashes the browser computes (line breaks and Vietnamese included)', async () => {
    // A fresh page: setContent writes into the current document, whose earlier policy would still apply.
    const page = await site().page.context().newPage();
    try {
      const html = '<!DOCTYPE html><html lang="vi"><head><meta charSet="utf-8"/><title>t</title></head><body><script>window.__injected = "Tiếng Việt";\r\nwindow.__injected += "!"</script></body></html>';
      await page.setContent(withContentSecurityPolicy(html));
      expect(await page.evaluate(() => window.__injected)).toBe('Tiếng Việt!');
      expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the injection check on a copy without a policy', () => {
  let broken: BrokenBuild;
  const site = useServedPage(3331, () => {
    broken = copyBuild();
    broken.editPage('/en/topics/', (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
    return broken.dir;
  });

  afterAll(() => broken?.remove());

  it('should fail on a page without a policy, naming the page', async () => {
    const { origin, page } = site();
    expect(await checkInjectionBlocked(page, `${origin}/en/topics/`)).toEqual([
      `${origin}/en/topics/: an injected inline script ran: the Content-Security-Policy did not stop it`,
      `${origin}/en/topics/: no script-src violation was reported for the injected script (violations: none)`,
    ]);
  });
});
