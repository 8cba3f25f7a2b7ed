/**
 * Long lists in pages, on the hostile corpus's build (`npm run build:hostile`), whose
 * plain paged stories make the latest stories, a topic and a year run to three pages:
 * a reader who follows "Next" from a list's first page meets each of its stories once,
 * the head links each page to the pages beside it, the navigation marks the current page
 * and is usable on a phone, and a month link leads to the page where the month begins.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentWithImages } from '../../lib/content/load';
import type { Locale } from '../../lib/site/i18n';
import type { Archive, Story } from '../../lib/content/schema';
import { archiveUrl, homeUrl, listPageUrl, topicUrl, yearUrl } from '../../lib/site/urls';
import { storiesByYear, storiesWith } from '../../lib/views/story-lists';
import { STORIES_PER_PAGE } from '../../lib/views/pagination';
import { HOSTILE_CONTENT, HOSTILE_OUT, PAGED_TOPIC, PAGED_YEAR } from './hostile-build';
import { openSite, type RunningSite } from './site';

const PORT = 3390;

let site: RunningSite;
let context: BrowserContext;
let page: Page;
let archive: Archive;

beforeAll(async () => {
  archive = (await loadContentWithImages(HOSTILE_CONTENT)).archive;
  site = await openSite(PORT, HOSTILE_OUT);
  context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await site?.close();
});

const pathOf = (href: string | null) => (href === null ? null : new URL(href, 'http://site.invalid').pathname);

/** The page's story cards in order, as story ids, and its head's links to itself and its neighbours. */
async function readListPage(path: string) {
  const response = await page.goto(`${site.origin}${path}`);
  expect(response?.status(), path).toBe(200);
  const cards = await page
    .locator('main .story-card__title a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const head = async (rel: string) =>
    (await page.locator(`head link[rel="${rel}"]`).count()) === 0
      ? null
      : pathOf(await page.locator(`head link[rel="${rel}"]`).getAttribute('href'));
  return {
    ids: cards.map((href) => href.split('/').at(-2) ?? ''),
    canonical: await head('canonical'),
    previous: await head('prev'),
    next: await head('next'),
    navNext: pathOf(
      (await page.locator('nav.page-nav a[rel="next"]').count())
        ? await page.locator('nav.page-nav a[rel="next"]').getAttribute('href')
        : null,
    ),
  };
}

/** Every list the paged stories make long, with the stories it holds. */
function pagedLists(): { name: string; url: (locale: Locale) => string; stories: readonly Story[] }[] {
  const year = storiesByYear(archive.stories).find((group) => group.year === PAGED_YEAR);
  return [
    { name: 'latest stories', url: homeUrl, stories: archive.stories },
    {
      name: 'topic',
      url: (locale) => topicUrl(locale, PAGED_TOPIC),
      stories: storiesWith(archive.stories, 'topics', PAGED_TOPIC),
    },
    {
      name: 'year',
      url: (locale) => yearUrl(locale, PAGED_YEAR),
      stories: year?.months.flatMap((month) => month.stories) ?? [],
    },
  ];
}

describe('a list in pages', () => {
  it('should make lists of three pages from the paged stories', () => {
    for (const list of pagedLists()) expect(list.stories.length, list.name).toBeGreaterThan(2 * STORIES_PER_PAGE);
  });

  it('should show each story once to a reader who follows Next from the first page, and link each page to its neighbours', async () => {
    for (const list of pagedLists()) {
      for (const locale of ['en', 'vi'] as const) {
        const seen: string[] = [];
        let path: string | null = list.url(locale);
        let previous: string | null = null;
        for (let number = 1; path !== null; number++) {
          const read = await readListPage(path);
          const label = `${list.name} ${path}`;
          expect(read.canonical, label).toBe(listPageUrl(list.url(locale), number));
          expect(read.previous, label).toBe(previous);
          expect(read.navNext, label).toBe(read.next);
          expect(read.ids.length, label).toBeLessThanOrEqual(STORIES_PER_PAGE);
          if (read.next !== null) expect(read.ids, label).toHaveLength(STORIES_PER_PAGE);
          seen.push(...read.ids);
          previous = path;
          path = read.next;
          expect(number, label).toBeLessThan(100);
        }
        expect(seen, `${list.name} (${locale})`).toEqual(list.stories.map((story) => story.id));
      }
    }
  });

  it('should mark the current page and give every link of the navigation a target of at least 24 by 24 px on a phone', async () => {
    await page.goto(`${site.origin}${listPageUrl(topicUrl('vi', PAGED_TOPIC), 2)}`);
    const nav = page.locator('nav.page-nav');
    expect(await nav.getAttribute('aria-label')).toBe('Các trang của danh sách');
    const current = nav.locator('a[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toBe('2');
    for (const box of await nav.locator('a').evaluateAll((links) =>
      links.map((link) => {
        const { width, height, right } = link.getBoundingClientRect();
        return { text: link.textContent, width, height, right };
      }),
    )) {
      expect(box.width, box.text ?? '').toBeGreaterThanOrEqual(24);
      expect(box.height, box.text ?? '').toBeGreaterThanOrEqual(24);
      expect(box.right, box.text ?? '').toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.title()).toContain('trang 2');
  });

  it('should take each month link of the archive page to the page of its year where the month begins', async () => {
    await page.goto(`${site.origin}${archiveUrl('en')}`);
    const links = await page
      .locator(`main a[href^="${yearUrl('en', PAGED_YEAR)}"][href*="#"]`)
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    // The month index and the chart (its bars and its table) link each of the year's twelve months the same way.
    expect(new Set(links).size).toBe(12);
    expect(links.some((href) => href.includes('/page/'))).toBe(true);
    for (const href of links) {
      await page.goto(`${site.origin}${href}`);
      const id = href.split('#')[1] ?? '';
      expect(await page.locator(`[id="${id}"]`).count(), href).toBe(1);
    }
  });

  it('should carry a month cut by a page break over to the next page, said to continue', async () => {
    await page.goto(`${site.origin}${listPageUrl(yearUrl('en', PAGED_YEAR), 2)}`);
    expect(await page.locator('main h2').first().textContent()).toMatch(/\(continued\)$/);
  });

  it('should list every page of a list in the sitemap', async () => {
    const sitemap = await (await page.request.get(`${site.origin}/sitemap.xml`)).text();
    for (const number of [1, 2, 3]) expect(sitemap).toContain(`${listPageUrl(topicUrl('en', PAGED_TOPIC), number)}<`);
  });
});
