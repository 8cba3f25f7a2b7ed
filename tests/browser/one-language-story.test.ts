/**
 * A story written in one language, on the hostile corpus's build (`npm run build:hostile`):
 * its address in the other language is a page of that language that says which language the
 * story is in and links to it, and a title whose one word is longer than a phone's screen
 * breaks inside the page instead of widening it.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionary, type Locale } from '../../lib/site/i18n';
import { homeUrl, storyUrl, topicUrl } from '../../lib/site/urls';
import { HOSTILE_OUT } from './hostile-build';
import { openSite, type RunningSite } from './site';

const PORT = 3392;
/** The corpus's English story (tests/fixtures/hostile/buildable/articles/). */
const STORY = 'one-language-long-word';
const PHONE = 390;

let site: RunningSite;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  site = await openSite(PORT, HOSTILE_OUT);
  context = await site.browser.newContext({ viewport: { width: PHONE, height: 844 } });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await site?.close();
});

const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

describe('a story in one language', () => {
  it('should have a page at its address in the other language, which names its language and links to it', async () => {
    const response = await page.goto(`${site.origin}${storyUrl('vi', STORY)}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('h1').allTextContents()).toEqual([dictionary('vi').onlyInOtherLanguage]);
    expect(await page.locator(`main [lang="en"] a[href="${storyUrl('en', STORY)}"]`).count()).toBe(1);
    // In the site's frame: its sections, and the language switcher leading to the story.
    expect(await page.locator(`header a[href="${homeUrl('vi')}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator(`header a[href="${storyUrl('en', STORY)}"]`).count()).toBe(1);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    // It does not send the reader on by itself: they asked for a language the story is not in.
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    expect(page.url()).toBe(`${site.origin}${storyUrl('vi', STORY)}`);
    expect(await pageWidth()).toBeLessThanOrEqual(PHONE);
  });

  it.each<[string, Locale, string]>([
    ['its page', 'en', storyUrl('en', STORY)],
    ["the other language's list of its topic", 'vi', topicUrl('vi', 'cybersecurity')],
  ])('should break a title word longer than the screen on a phone: %s', async (_, locale, urlPath) => {
    await page.goto(`${site.origin}${urlPath}`);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    expect(await page.getByText(/(Cybersecurity){11}/).count()).toBeGreaterThan(0);
    expect(await pageWidth()).toBeLessThanOrEqual(PHONE);
  });
});
