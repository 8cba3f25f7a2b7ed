/**
 * The editing preview in a real browser: `npm run dev` on a copy of the content (the
 * repository's content/ is never edited), an article open in Chromium, and its file
 * edited, broken and fixed, and a photo added and replaced, while the page stays open.
 * The page is never reloaded by the test: what it shows must follow the file by itself.
 * Then the addresses the built site answers otherwise than with a page of its own: a
 * renamed story's old address, and addresses no page has.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS_OVERLAY_ID } from '../../lib/finishing/dev-page';
import { dictionary, LOCALES } from '../../lib/site/i18n';
import { absoluteUrl, listPageUrl, storyUrl, topicUrl } from '../../lib/site/urls';
import { launchChromium } from '../../scripts/chromium';
import { launchPreview, type LaunchedPreview } from '../../scripts/dev-launch';
import { testPhoto } from '../unit/helpers/photos';

const PORT = 3391;
/** How long a saved file may take to show: the preview's own budget is far below, the margin is for a busy machine. */
const FOLLOWS_WITHIN_MS = 30_000;

const folder = mkdtempSync(path.join(os.tmpdir(), 'archive-dev-'));
const contentDir = path.join(folder, 'content');
cpSync(path.resolve('content'), contentDir, { recursive: true });
const storyId = 'command-86-party-committee-q2-2025';
const file = path.join(contentDir, 'articles', storyId, 'en.md');
const original = readFileSync(file, 'utf8');

/** Another story, renamed before the preview starts: its files list the id it had before. */
const renamedId = 'hanoi-convention-rehearsal';
const oldId = 'story-before-its-rename';
const renamedTitles = Object.fromEntries(
  LOCALES.map((locale) => {
    const articleFile = path.join(contentDir, 'articles', renamedId, `${locale}.md`);
    const text = readFileSync(articleFile, 'utf8');
    writeFileSync(articleFile, text.replace(/^---\n/, `---\naliases: [${oldId}]\n`));
    return [locale, /^title: "(.*)"$/m.exec(text)?.[1]];
  }),
);

let preview: LaunchedPreview | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  preview = await launchPreview(contentDir, PORT);
  browser = await launchChromium();
  page = await browser.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  rmSync(folder, { recursive: true, force: true });
});

function origin(): string {
  if (!preview) throw new Error('npm run dev did not start');
  return preview.origin;
}

describe('npm run dev', () => {
  it('should serve an article finished as the build finishes it, plus the live-reload script', async () => {
    const response = await page.goto(origin() + storyUrl('en', storyId));
    expect(response?.status()).toBe(200);
    const sources = await page
      .locator('script[src]')
      .evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src') ?? ''));
    expect(sources.some((src) => src.startsWith('/_next/'))).toBe(false);
    expect(sources.some((src) => /^\/site\.[0-9a-f]+\.js$/.test(src))).toBe(true);
    expect(sources.some((src) => /^\/live-reload\.[0-9a-f]+\.js$/.test(src))).toBe(true);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
  });

  it('should show an edit of the open article without the page being reloaded by hand', async () => {
    const added = `A sentence written while the preview was open, ${Date.now()}.`;
    writeFileSync(file, `${original.trimEnd()}\n\n${added}\n`);
    await expect
      .poll(() => page.locator('[data-article-body]').textContent(), { timeout: FOLLOWS_WITHIN_MS })
      .toContain(added);
  });

  it('should show the overlay with the file and line of broken frontmatter, and the page again once it is fixed', async () => {
    const lines = original.split('\n');
    const titleLine = lines.findIndex((line) => line.startsWith('title:')) + 1;
    const title = lines[titleLine - 1]?.replace(/^title:\s*/, '').replace(/^"|"$/g, '');
    writeFileSync(file, original.replace(/^title:/m, 'titel:'));
    const overlay = page.locator(`#${PROBLEMS_OVERLAY_ID}`);
    await overlay.waitFor({ state: 'visible', timeout: FOLLOWS_WITHIN_MS });
    const shown = (await overlay.textContent()) ?? '';
    expect(shown).toContain(`${path.join('articles', storyId, 'en.md')}:${titleLine}:`);
    expect(shown).toContain('titel');
    expect(shown).toContain('unknown field');
    // The last valid page is still there under the overlay.
    expect(await page.locator('h1').textContent()).toBe(title);

    writeFileSync(file, original);
    await overlay.waitFor({ state: 'detached', timeout: FOLLOWS_WITHIN_MS });
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(preview?.output()).toContain('unknown field "titel"');
  });

  it('should show a photo added to the open article, and the new one when it is replaced', async () => {
    const photo = path.join(path.dirname(file), 'added.jpg');
    const figure = page.locator('[data-article-body] img');
    /** The photo the page shows (scrolled to, as it loads lazily), whether it has loaded, and its file's status. */
    const shown = async () => {
      await figure.scrollIntoViewIfNeeded();
      const { loaded, address } = await figure.evaluate((img: HTMLImageElement) => ({
        loaded: img.complete && img.naturalWidth > 0,
        address: img.currentSrc,
      }));
      return { loaded, address, status: address ? (await page.request.get(address)).status() : undefined };
    };
    writeFileSync(photo, await testPhoto({ width: 1200, height: 800 }));
    writeFileSync(file, `${original.trimEnd()}\n\n![A gradient made for the test](added.jpg)\n`);
    await figure.waitFor({ state: 'attached', timeout: FOLLOWS_WITHIN_MS });
    await expect.poll(shown, { timeout: FOLLOWS_WITHIN_MS }).toMatchObject({ loaded: true, status: 200 });
    const first = (await shown()).address;
    expect(new URL(first).pathname).toMatch(/^\/images\/[0-9a-f]+-\d+\.(avif|webp|jpg)$/);

    writeFileSync(photo, await testPhoto({ width: 1000, height: 800 }));
    await expect
      .poll(
        async () => {
          const now = await shown();
          return now.loaded && now.status === 200 && now.address !== first;
        },
        { timeout: FOLLOWS_WITHIN_MS },
      )
      .toBe(true);
  });

  it('should serve a story added while it runs at the first request for it, once its content is loaded', async () => {
    const addedId = 'story-added-while-open';
    // Next now holds the articles' list of pages, which the new story's first request meets before it is read again.
    expect((await page.request.get(origin() + storyUrl('en', storyId))).status()).toBe(200);
    cpSync(
      path.join(contentDir, 'articles', 'digital-transformation-working-session-2023'),
      path.join(contentDir, 'articles', addedId),
      { recursive: true },
    );
    const stories = readdirSync(path.join(contentDir, 'articles')).length;
    await expect
      .poll(() => preview?.output(), { timeout: FOLLOWS_WITHIN_MS })
      .toMatch(new RegExp(`content loaded in \\d+ ms \\(${stories} stories`));
    // Asked for apart from the open tab, which the preview reloads on the same change and whose navigation that would cut.
    const response = await page.request.get(origin() + storyUrl('en', addedId));
    // What the preview printed says why, when it did not serve the page.
    expect(response.status(), preview?.output()).toBe(200);
  });

  it.each(LOCALES)(
    "should take the browser from a renamed story's old %s address to the story, as the build does",
    async (locale) => {
      const target = storyUrl(locale, renamedId);
      const response = await page.request.get(origin() + storyUrl(locale, oldId));
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain(`<link rel="canonical" href="${absoluteUrl(target)}"/>`);
      await page.goto(origin() + storyUrl(locale, oldId));
      await page.waitForURL(origin() + target);
      expect(await page.locator('h1').textContent()).toBe(renamedTitles[locale]);
    },
  );

  it.each([
    ['a story', storyUrl('en', 'no-such-story')],
    ['a topic', topicUrl('vi', 'no-such-topic')],
    ['a page of the site', '/en/no-such-page/'],
    ['a page past the end of a list', listPageUrl(topicUrl('en', 'command-86'), 2)],
    ['a photo', '/images/no-such-photo.jpg'],
    ['a file', '/no-such-file.txt'],
  ])(
    'should answer an address of %s the archive does not have with 404 and the finished not-found page',
    async (_kind, address) => {
      const response = await page.goto(origin() + address);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe(
        `${dictionary('en').notFoundTitle} · ${dictionary('vi').notFoundTitle}`,
      );
      const sources = await page
        .locator('script[src]')
        .evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src') ?? ''));
      expect(sources.some((src) => src.startsWith('/_next/'))).toBe(false);
      expect(sources.some((src) => /^\/site\.[0-9a-f]+\.js$/.test(src))).toBe(true);
    },
  );
});
