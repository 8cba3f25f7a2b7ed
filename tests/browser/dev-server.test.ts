/**
 * The editing preview in a real browser: `npm run dev` on a copy of the content (the
 * repository's content/ is never edited), an article open in Chromium, and its file
 * edited, broken and fixed while the page stays open. The page is never reloaded by
 * the test: what it shows must follow the file by itself.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS_OVERLAY_ID } from '../../lib/finishing/dev-page';
import { storyUrl } from '../../lib/site/urls';
import { launchChromium } from '../../scripts/chromium';
import { launchPreview, type LaunchedPreview } from '../../scripts/dev-launch';

const PORT = 3391;
/** How long a saved file may take to show: the preview's own budget is far below, the margin is for a busy machine. */
const FOLLOWS_WITHIN_MS = 30_000;

const folder = mkdtempSync(path.join(os.tmpdir(), 'archive-dev-'));
const contentDir = path.join(folder, 'content');
cpSync(path.resolve('content'), contentDir, { recursive: true });
const storyId = 'command-86-party-committee-q2-2025';
const file = path.join(contentDir, 'articles', storyId, 'en.md');
const original = readFileSync(file, 'utf8');

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
});
