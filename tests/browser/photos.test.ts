/**
 * The story with photos of the hostile corpus (tests/browser/photo-story.ts), as a reader
 * and a sharing site see it: figure and caption at phone and desktop widths, the file the
 * browser picks for each, the same layout before and after photos load, the sharing tags, and axe.
 * Needs `npm run build:hostile`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAccessibility, formatAxeProblem } from '../../scripts/quality/axe';
import { HOSTILE_OUT } from './hostile-build';
import { FIGURE_CAPTION, LEAD_ALT, PHOTO_STORY } from './photo-story';
import { openSite, type RunningSite } from './site';

const PORT = 3376;
let site: RunningSite;

beforeAll(async () => {
  site = await openSite(PORT, HOSTILE_OUT);
});
afterAll(async () => {
  await site?.close();
});

/** Opens the story at a width in a context of its own; `withoutPhotos` refuses every photo file, as on a slow network before they arrive. */
async function openStory(locale: 'en' | 'vi', width: number, { withoutPhotos = false } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height: 800 } });
  if (withoutPhotos) await context.route('**/images/**', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${site.origin}/${locale}/articles/${PHOTO_STORY}/`, { waitUntil: 'networkidle' });
  return Object.assign(page, { closeAll: () => context.close() });
}

/** Where the article's photos and the text after them stand on the page. */
function layoutOf(page: Awaited<ReturnType<typeof openStory>>) {
  return page.evaluate(() =>
    [...document.querySelectorAll('article img, [data-article-body] > p:last-child')].map((element) => {
      const box = element.getBoundingClientRect();
      return [Math.round(box.top + window.scrollY), Math.round(box.width), Math.round(box.height)];
    }),
  );
}

describe('a story with photos', () => {
  for (const locale of ['en', 'vi'] as const)
    for (const width of [390, 1280])
      it(`should show the lead image and the figure with their captions at ${width} px (${locale}), from files fit for the width, their boxes sized before they load`, async () => {
        const page = await openStory(locale, width);
        try {
          const lead = page.locator('.article__image img');
          await expect.poll(() => lead.getAttribute('alt')).toBe(LEAD_ALT[locale]);
          expect(await lead.isVisible()).toBe(true);
          expect(await lead.getAttribute('loading')).toBeNull();
          const figure = page.locator('[data-article-body] figure');
          expect(await figure.locator('figcaption').textContent()).toBe(FIGURE_CAPTION[locale]);
          await figure.scrollIntoViewIfNeeded();
          expect(await figure.locator('img').getAttribute('loading')).toBe('lazy');
          const chosen = await page.evaluate(() =>
            [...document.querySelectorAll('article img')].map((img) => {
              const image = img as HTMLImageElement;
              return { src: image.currentSrc, complete: image.complete, natural: image.naturalWidth };
            }),
          );
          // A phone gets the narrowest file, a desktop column (672 px) the next; AVIF, which Chromium reads.
          const expected = width === 390 ? '-480.avif' : '-960.avif';
          expect(chosen.map((each) => each.src.slice(-expected.length))).toEqual([expected, expected]);
          expect(chosen.every((each) => each.complete && each.natural > 0)).toBe(true);
          // Before a photo arrives its box already has the photo's size, so nothing moves when it does.
          const waiting = await openStory(locale, width, { withoutPhotos: true });
          const before = await layoutOf(waiting);
          await waiting.closeAll();
          expect(await layoutOf(page)).toEqual(before);
        } finally {
          await page.closeAll();
        }
      });

  it('should mark the caption of a photo not held, in the page language', async () => {
    const page = await openStory('vi', 390);
    try {
      expect(await page.locator('.caption .caption__note').textContent()).toBe('(Ảnh không được lưu trong kho)');
    } finally {
      await page.closeAll();
    }
  });

  it('should share the lead image: og:image with its size and alt, a large Twitter card, the JSON-LD image', async () => {
    const page = await openStory('en', 1280);
    try {
      const meta = (property: string) =>
        page.locator(`meta[property="${property}"], meta[name="${property}"]`).first().getAttribute('content');
      const url = new URL((await meta('og:image')) ?? '');
      const file = path.join(HOSTILE_OUT, url.pathname);
      const { default: sharp } = await import('sharp');
      const metadata = await sharp(readFileSync(file)).metadata();
      expect([metadata.format, String(metadata.width), String(metadata.height)]).toEqual([
        'jpeg',
        await meta('og:image:width'),
        await meta('og:image:height'),
      ]);
      expect(await meta('og:image:alt')).toBe(LEAD_ALT.en);
      expect(await meta('twitter:card')).toBe('summary_large_image');
      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      const article = blocks
        .map((text) => JSON.parse(text) as { '@type'?: string; image?: { url: string } })
        .find((block) => block['@type'] === 'NewsArticle');
      expect(article?.image?.url).toBe(url.href);
    } finally {
      await page.closeAll();
    }
  });

  it('should pass axe with its photos, at both widths', async () => {
    const problems: string[] = [];
    for (const width of [390, 1280]) {
      const page = await openStory('en', width);
      problems.push(...(await auditAccessibility(page, `photo story at ${width} px`)).problems.map(formatAxeProblem));
      await page.closeAll();
    }
    expect(problems).toEqual([]);
  });
});
