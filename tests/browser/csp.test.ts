/**
 * The Content-Security-Policy: every built page carries the site's one policy where it
 * takes effect (read with the HTML parser browsers follow), and in Chromium an inline
 * script slipped into a page is blocked. Since the policy is one and the same on every
 * page, the injection is tried on a page of each kind of head: the language choice, the
 * 404 page, and a home, article and search page in each language. (That every real page
 * runs under its policy without a violation is checked by page-loads.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../lib/finishing/csp';
import { checkInjectionBlocked, injectInlineScript } from '../../scripts/quality/csp-probe';
import { parseHtml } from '../../scripts/quality/html-document';
import { htmlFiles } from '../../scripts/quality/html-files';
import { copyBuild, type BrokenBuild } from './broken-build';
import { pagesToAudit, useServedPage } from './site';

const INJECTED_INTO = new Set(['language choice', '404', 'home', 'article', 'search']);
const pages = pagesToAudit().filter(({ label }) => INJECTED_INTO.has(label.replace(/ \((en|vi)\)$/, '')));

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

  it('should carry the one policy of the site, first after the charset, on every built page', () => {
    const files = htmlFiles('out');
    const problems = files.flatMap((file) => {
      const [charset, policy] = parseHtml(readFileSync(path.join('out', file), 'utf8')).elements.filter(
        (element) => element.tag !== 'html' && element.tag !== 'head',
      );
      const held =
        charset?.attributes.get('charset')?.toLowerCase() === 'utf-8' &&
        policy?.attributes.get('http-equiv') === 'Content-Security-Policy' &&
        policy.attributes.get('content') === CONTENT_SECURITY_POLICY;
      return held
        ? []
        : [`${file}: its head begins ${[charset, policy].map((element) => `<${element?.tag}>`).join('')}`];
    });
    expect(files.length).toBeGreaterThan(pagesToAudit().length);
    expect(problems).toEqual([]);
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
