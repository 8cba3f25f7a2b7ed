/**
 * The Content-Security-Policy in Chromium: an inline script slipped into a built page is
 * blocked, and every page carries the site's one policy where it takes effect. (That every
 * real page runs under its policy without a violation is checked by page-loads.test.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../lib/finishing/csp';
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
    expect(result.consoleErrors).toContainEqual(
      expect.stringMatching(
        /Executing inline script violates the following Content Security Policy directive 'script-src/,
      ),
    );
  });

  it.each(pages)(
    'should carry the one policy of the site, first after the charset, on the $label page',
    async ({ path }) => {
      const { origin, page } = site();
      await page.goto(origin + path);
      const head = await page.evaluate(() =>
        [...document.head.children]
          .slice(0, 2)
          .map((element) => [
            element.getAttribute('charset'),
            element.getAttribute('http-equiv'),
            element.getAttribute('content'),
          ]),
      );
      expect(head).toEqual([
        ['utf-8', null, null],
        [null, 'Content-Security-Policy', CONTENT_SECURITY_POLICY],
      ]);
    },
  );
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
