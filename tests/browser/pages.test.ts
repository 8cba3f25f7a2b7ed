import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPage } from '../../scripts/quality/page-load';
import { sectionLinks } from '../../components/site-header';
import { getArchive } from '../../lib/views/archive';
import { dictionary, LOCALES } from '../../lib/site/i18n';
import { absoluteUrl, homeUrl, searchUrl, storyUrl } from '../../lib/site/urls';
import { storiesIn } from '../../lib/views/story-lists';
import { openSite, pagesOfEveryType, type RunningSite } from './site';

let site: RunningSite;
/** One page for every visit: a page load is a small part of what a new page costs the browser. */
let page: Page;
const pages = pagesOfEveryType();

beforeAll(async () => {
  site = await openSite(3310);
  page = await site.browser.newPage();
});

afterAll(async () => {
  await site?.close();
});

/**
 * Opens `path`, watching it as page-loads.test.ts does (console errors, exceptions,
 * failed requests; not requests the browser aborts on leaving a page, such as a late
 * favicon when the test clicks the language switch) until `stop` is called.
 */
async function visit(path: string) {
  const watcher = watchPage(page, site.origin + path);
  const response = await page.goto(site.origin + path, { waitUntil: 'load' });
  return { response, problems: watcher.problems, stop: watcher.stop };
}

describe('every page type in both languages', () => {
  it.each(pages.map((page) => [page.type, page.locale, page] as const))(
    'should serve the %s page in %s with its language, one h1 and a working language switch',
    async (_type, _locale, expected) => {
      const { response, problems, stop } = await visit(expected.path);
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
        stop();
      }
    },
  );

  it('should offer both languages at the root address', async () => {
    const { response, stop } = await visit('/');
    try {
      expect(response?.status()).toBe(200);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.$$eval('main a', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')))).toEqual([
        '/en/',
        '/vi/',
      ]);
    } finally {
      stop();
    }
  });

  it('should answer an unknown address with the bilingual 404 page and status 404, with a way on in each language', async () => {
    const { response, stop } = await visit('/en/articles/no-such-story/');
    try {
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').count()).toBe(1);
      for (const locale of LOCALES) {
        const part = page.locator(`main section[lang="${locale}"]`);
        const links = await part
          .locator('a')
          .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
        const latest = storiesIn(getArchive().stories, locale).slice(0, 5);
        expect(latest.length, locale).toBeGreaterThan(0);
        expect(links, locale).toEqual([
          homeUrl(locale),
          ...sectionLinks(locale).map((link) => link.href),
          ...latest.map((story) => storyUrl(locale, story.id)),
        ]);
        expect(await part.locator('form[role="search"]').getAttribute('action'), locale).toBe(searchUrl(locale));
      }
    } finally {
      stop();
    }
  });

  it('should copy an article’s address with its copy-link button and say so', async () => {
    const story = getArchive().stories[0];
    if (!story) throw new Error('The archive has no story');
    const context = await site.browser.newContext();
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
      const page = await context.newPage();
      await page.goto(site.origin + storyUrl('vi', story.id), { waitUntil: 'load' });
      const button = page.locator('button[data-copy-link]');
      await button.click();
      await expect.poll(() => page.locator('.share [role="status"]').textContent()).toBe(dictionary('vi').linkCopied);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(absoluteUrl(storyUrl('vi', story.id)));
    } finally {
      await context.close();
    }
  });
});
