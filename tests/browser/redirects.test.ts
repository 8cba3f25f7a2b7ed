/**
 * A renamed story's old address, in a real browser: the page the build writes there sends
 * the reader on to the story's new address and names it canonical. No story of the
 * archive has been renamed, so the test gives one an earlier id in memory and writes its
 * old addresses into a copy of the built site, as the build would.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { getArchive } from '../../lib/views/archive';
import { LOCALES } from '../../lib/site/i18n';
import type { Story } from '../../lib/content/schema';
import { absoluteUrl, siteUrl, storyUrl } from '../../lib/site/urls';
import { crawlLinks, formatLinkProblem } from '../../scripts/quality/crawl-links';
import { formatHtmlProblem, validateHtml } from '../../scripts/quality/vnu';
import { writeStoryRedirects } from '../../scripts/story-redirects';
import { copyBuild, type BrokenBuild } from './broken-build';
import { useServedPage } from './site';

const OLD_ID = 'story-before-its-rename';

let copy: BrokenBuild | undefined;
function storyInBothLanguages(): Story {
  const found = getArchive().stories.find((candidate) => LOCALES.every((locale) => candidate.articles[locale]));
  if (!found) throw new Error('The archive needs a story in both languages');
  return found;
}
const story = storyInBothLanguages();

function builtWithRedirects(): string {
  copy = copyBuild();
  const written = writeStoryRedirects(copy.dir, [{ ...story, aliases: [OLD_ID] }], siteUrl());
  expect(written).toEqual(LOCALES.map((locale) => `${storyUrl(locale, OLD_ID).slice(1)}index.html`));
  return copy.dir;
}

afterAll(() => copy?.remove());

describe("a renamed story's old address", () => {
  const served = useServedPage(3367, builtWithRedirects);

  it.each(LOCALES)(
    'should take the browser from the old %s address to the story, and name the new address canonical',
    async (locale) => {
      const { origin, page } = served();
      const newPath = storyUrl(locale, story.id);
      const response = await page.request.get(origin + storyUrl(locale, OLD_ID));
      const html = await response.text();
      expect(html).toContain(`<link rel="canonical" href="${absoluteUrl(newPath)}"/>`);
      expect(html).toContain(`<html lang="${locale}">`);
      await page.goto(origin + storyUrl(locale, OLD_ID));
      await page.waitForURL(origin + newPath);
      expect(new URL(page.url()).pathname).toBe(newPath);
      expect(await page.locator('h1').textContent()).toBe(story.articles[locale]?.title);
    },
  );

  it('should be valid HTML', async () => {
    const files = LOCALES.map((locale) => `${storyUrl(locale, OLD_ID).slice(1)}index.html`);
    expect((await validateHtml(copy?.dir ?? 'out', files)).map(formatHtmlProblem)).toEqual([]);
  }, 120_000);

  it('should pass the link crawl, which finds nothing that links to the old addresses', () => {
    const report = crawlLinks({ outDir: copy?.dir ?? 'out', siteOrigin: siteUrl().origin });
    expect(report.problems.map(formatLinkProblem)).toEqual([]);
  });
});
