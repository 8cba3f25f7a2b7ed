import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPage } from '../../scripts/quality/page-load';
import { openSite, pagesOfEveryType, type RunningSite } from './site';

let site: RunningSite;
const pages = pagesOfEveryType();

beforeAll(async () => {
  site = await openSite(3310);
});

afterAll(async () => {
  await site?.close();
});

/**
 * Opens `path` in a new page, watching it as page-loads.test.ts does (console errors,
 * exceptions, failed requests; not requests the browser aborts on leaving a page, such
 * as a late favicon when the test clicks the language switch).
 */
async function visit(path: string) {
  const page = await site.browser.newPage();
  const watcher = watchPage(page, site.origin + path);
  const response = await page.goto(site.origin + path, { waitUntil: 'load' });
  return { page, response, problems: watcher.problems };
}

describe('every page type in both languages', () => {
  it.each(pages.map((page) => [page.type, page.locale, page] as const))(
    'should serve the %s page in %s with its language, one h1 and a working language switch',
    async (_type, _locale, expected) => {
      const { page, response, problems } = await visit(expected.path);
      try {
        expect(response?.status(), expected.path).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(expected.locale);
        expect(await page.locator('h1').count()).toBe(1);
        const switcher = page.locator('.language-switcher a');
        if (expected.alternate) {
          expect(await switcher.getAttribute('href')).toBe(expected.alternate);
          await switcher.click();
          await page.waitForURL(site.origin + expected.alternate);
          expect(await page.getAttribute('html', 'lang')).toBe(expected.alternate.split('/')[1]);
        } else {
          expect(await switcher.count()).toBe(0);
        }
        expect(problems()).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it('should offer both languages at the root address', async () => {
    const { page, response } = await visit('/');
    try {
      expect(response?.status()).toBe(200);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.$$eval('main a', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')))).toEqual([
        '/en/',
        '/vi/',
      ]);
    } finally {
      await page.close();
    }
  });

  it('should answer an unknown address with the bilingual 404 page and status 404', async () => {
    const { page, response } = await visit('/en/articles/no-such-story/');
    try {
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('[lang="vi"]').count()).toBeGreaterThan(0);
      expect(await page.$$eval('main a', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')))).toEqual([
        '/en/',
        '/vi/',
      ]);
    } finally {
      await page.close();
    }
  });
});
