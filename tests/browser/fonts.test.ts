import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FACES } from '../../lib/site/fonts';
import { searchUrl } from '../../lib/site/urls';
import { openSite, type RunningSite } from './site';

let site: RunningSite;

beforeAll(async () => {
  site = await openSite(3360);
});

afterAll(async () => {
  await site?.close();
});

/**
 * What a fresh search page at `urlPath` does with fonts until its first result and its
 * fonts are in: the files it fetches and those it asks for ahead (by their names as
 * built), and the faces it lays text out with.
 */
async function fontsOf(urlPath: string): Promise<{ fetched: string[]; preloaded: string[]; faces: string[] }> {
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    const fonts: string[] = [];
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (/\.(?:woff2?|ttf|otf)$/.test(pathname)) fonts.push(path.posix.basename(pathname));
    });
    await page.goto(`${site.origin}${urlPath}`);
    await page.waitForSelector('.search-result, .search__empty');
    await page.evaluate(() => document.fonts.ready);
    const preloaded = await page.$$eval('link[rel="preload"][as="font"]', (links) =>
      links.map((link) => (link as HTMLLinkElement).href),
    );
    const faces = await page.evaluate(() =>
      [...document.fonts]
        .filter((face) => face.status === 'loaded')
        .map((face) => `${face.family} ${face.weight} ${face.style}`),
    );
    return { fetched: fonts, preloaded: preloaded.map((href) => path.posix.basename(new URL(href).pathname)), faces };
  } finally {
    await context.close();
  }
}

/** The width of `text` in `font` on a canvas of the page, once that font's faces are loaded. */
const widthOf = ([text, font]: readonly [string, string]) =>
  document.fonts.load(font, text).then(() => {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.font = font;
    return context.measureText(text).width;
  });

describe('the web fonts', () => {
  it.each(['en', 'vi'] as const)(
    'should fetch one file per face the %s search page shows with a query, each a face of the site',
    async (locale) => {
      const { fetched } = await fontsOf(`${searchUrl(locale)}?q=${encodeURIComponent('an ninh mạng')}`);
      const built = readdirSync(path.join('out', '_next', 'static', 'media'));
      const faceOf = (name: string) => FONT_FACES.find((face) => name.startsWith(face.file.replace(/\.woff2$/, '.')));
      expect(fetched.length).toBeGreaterThan(0);
      expect(new Set(fetched).size).toBe(fetched.length);
      expect(fetched.every((name) => built.includes(name) && faceOf(name) !== undefined)).toBe(true);
      // Serif and Sans, each in its regular and bold weight: no second file for the same face.
      expect(new Set(fetched.map(faceOf)).size).toBe(fetched.length);
      expect(fetched.length).toBeLessThanOrEqual(4);
    },
  );

  it.each(['en', 'vi'] as const)(
    'should ask ahead on the %s search page for the fonts it lays its first screen out with, and no other',
    async (locale) => {
      const { fetched, preloaded, faces } = await fontsOf(`${searchUrl(locale)}?q=${encodeURIComponent('Hanoi')}`);
      expect(preloaded.length).toBeGreaterThan(0);
      // Each file asked ahead is the one its style sheet then uses: fetched once, not twice.
      expect([...fetched].sort()).toEqual([...preloaded].sort());
      expect(faces).toHaveLength(preloaded.length);
    },
  );

  it('should draw Vietnamese letters with stacked marks from each face, not from a fallback font', async () => {
    await site.withPage(async (page) => {
      await page.goto(`${site.origin}/vi/`);
      for (const face of FONT_FACES) {
        const font = `${face.style} ${face.weight} 32px "${face.family}"`;
        for (const letter of ['ệ', 'ộ', 'ị', 'ụ', 'ự', 'đ', 'ơ', 'Ư']) {
          // A letter the face lacks would be drawn by the monospace fallback, at its width.
          const inFace = await page.evaluate(widthOf, [letter, `${font}, monospace`] as const);
          const fallback = await page.evaluate(widthOf, [letter, '32px monospace'] as const);
          expect(inFace, `${face.file} ${letter}`).not.toBe(fallback);
        }
      }
    });
  });
});
