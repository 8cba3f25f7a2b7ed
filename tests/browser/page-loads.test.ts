/**
 * Every built page loaded in Chromium: no console error, no failed request, no CSP
 * violation, its policy on, and only the site's own scripts. Then the same check on a copy
 * broken on purpose.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEARCH_ISLAND } from '@/lib/finishing/islands';
import { htmlFiles, urlPathOfFile } from '../../scripts/quality/html-files';
import { checkPageLoad } from '../../scripts/quality/page-load';
import { beforeMainEnd, copyBuild, type BrokenBuild } from './broken-build';
import { redirectPaths } from './built-output';
import { MISSING_PAGE, useServedPage } from './site';

const builtPages = htmlFiles('out').map((file) => ({ path: urlPathOfFile(file), status: 200 }));

describe('loading every built page', () => {
  const site = useServedPage(3312);
  let loaded = 0;

  afterAll(() => {
    console.log(
      `page loads: ${loaded} pages loaded in Chromium, checked for console errors, failed requests and CSP violations`,
    );
  });

  it.each([...builtPages, { path: MISSING_PAGE, status: 404 }])(
    'should load $path (status $status) cleanly under its policy',
    async ({ path, status }) => {
      const { origin, page } = site();
      expect(await checkPageLoad(page, origin + path, status)).toEqual([]);
      loaded += 1;
    },
  );
});

describe('the scripts each page loads', () => {
  const scriptsOf = (file: string) =>
    [...readFileSync(path.join('out', file), 'utf8').matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? '');
  // A renamed story's old address runs no script at all: it only refreshes to the story.
  const old = redirectPaths();
  const pages = htmlFiles('out')
    .filter((file) => !old.has(urlPathOfFile(file)))
    .map((file) => ({ path: urlPathOfFile(file), scripts: scriptsOf(file) }));

  it("should be the site script and JSON-LD on every page, the search script on search pages, and nothing of Next's", () => {
    const found = pages.map(({ path: urlPath, scripts }) => ({
      path: urlPath,
      site: scripts.filter((attributes) => /^ src="\/site\.[0-9a-f]{12}\.js" defer=""$/.test(attributes)).length,
      search: scripts.filter((attributes) => /^ type="module" src="\/search\.[0-9A-Z]{8}\.js"$/.test(attributes))
        .length,
      others: scripts.filter(
        (attributes) =>
          !/^ (type="module" )?src="\/(site|search)\./.test(attributes) && !attributes.includes('application/ld+json'),
      ),
    }));
    expect(found).toEqual(
      pages.map(({ path: urlPath }) => ({
        path: urlPath,
        site: 1,
        search: (SEARCH_ISLAND.pages as readonly string[]).includes(urlPath) ? 1 : 0,
        others: [],
      })),
    );
    expect(found.filter((page) => page.search === 1).map((page) => page.path)).toEqual([...SEARCH_ISLAND.pages]);
  });
});

describe('loading pages of a deliberately broken copy', () => {
  let broken: BrokenBuild;
  const site = useServedPage(3313, () => {
    broken = copyBuild();
    broken.editPage('/en/topics/', beforeMainEnd('<script src="/_next/static/chunks/missing.js" async=""></script>'));
    broken.editPage('/en/organisations/', beforeMainEnd('<img alt="" src="http://127.0.0.1:1/elsewhere.png">'));
    broken.editPage('/en/people/', beforeMainEnd('<script>document.title = "changed"</script>'));
    broken.editPage('/en/archive/', (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
    return broken.dir;
  });

  afterAll(() => broken?.remove());

  it('should fail on a request for a missing file, naming the page and the file', async () => {
    const { origin, page } = site();
    const problems = await checkPageLoad(page, `${origin}/en/topics/`);
    expect(problems).toContainEqual(`${origin}/en/topics/: HTTP 404: ${origin}/_next/static/chunks/missing.js`);
    expect(problems).toContainEqual(
      expect.stringMatching(/^http:\S+\/en\/topics\/: console error: Failed to load resource: .*404/),
    );
  });

  it('should fail on a request that does not complete, naming the page and the address', async () => {
    const { origin, page } = site();
    expect(await checkPageLoad(page, `${origin}/en/organisations/`)).toContainEqual(
      expect.stringMatching(
        /^http:\S+\/en\/organisations\/: failed request: http:\/\/127\.0\.0\.1:1\/elsewhere\.png \(/,
      ),
    );
  });

  it('should fail on a page with an inline script its policy does not list', async () => {
    const { origin, page } = site();
    const problems = await checkPageLoad(page, `${origin}/en/people/`);
    expect(problems).toContainEqual(`${origin}/en/people/: CSP violation: script-src-elem blocked inline`);
  });

  it('should fail on a page without a policy', async () => {
    const { origin, page } = site();
    expect(await checkPageLoad(page, `${origin}/en/archive/`)).toEqual([
      `${origin}/en/archive/: no Content-Security-Policy <meta>`,
    ]);
  });

  it('should fail on a page answered with an unexpected status', async () => {
    const { origin, page } = site();
    expect(await checkPageLoad(page, `${origin}/en/no-such-page/`)).toContainEqual(
      `${origin}/en/no-such-page/: status 404, expected 200`,
    );
  });
});
