/**
 * The editing preview (`npm run dev`) on one content folder: how long it takes to be
 * ready, and how long a saved edit of an article's body takes to show in the page open
 * in Chromium, from the moment the file is written until the page holds the new text.
 * The folder is the caller's copy: this edits one of its articles.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storyUrl } from '../lib/site/urls';
import { launchChromium } from '../scripts/chromium';
import { launchPreview } from '../scripts/dev-launch';

export interface PreviewRun {
  /** "seed content" or a synthetic corpus's size; a later run of the same corpus replaces it. */
  corpus: string;
  stories: number;
  /** From `npm run dev` to the line saying it serves pages (the first page compiled). */
  readyMs: number;
  /** Opening the article the edits are made to, the first time. */
  firstPageMs: number;
  /** Save to new text in the open page, each edit. */
  reloadMs: number[];
  /** The machine's load average over the last minute when the edits were done: the machine is shared. */
  load: number;
}

/** How often the page is read while waiting for an edit to show. */
const POLL_MS = 20;
const EDIT_TIMEOUT_MS = 120_000;
/** A cold start at archive scale renders every body and indexes every story first. */
const SEARCH_TIMEOUT_MS = 1_800_000;

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (performance.now() > deadline) throw new Error(`${what}: not seen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function measurePreview(
  corpus: string,
  contentDir: string,
  storyId: string,
  stories: number,
  port: number,
  edits = 5,
): Promise<PreviewRun> {
  const preview = await launchPreview(contentDir, port, 600_000);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const opened = performance.now();
    // At archive scale the first page waits for Next to compile the route and read the whole archive.
    await page.goto(preview.origin + storyUrl('en', storyId), { timeout: SEARCH_TIMEOUT_MS });
    const firstPageMs = performance.now() - opened;
    const file = path.join(contentDir, 'articles', storyId, 'en.md');
    const original = readFileSync(file, 'utf8');
    const reloadMs: number[] = [];
    // The edits start once the first search files are written, as on a preview that has been up a while.
    await until(
      async () => preview.output().includes('search files written'),
      SEARCH_TIMEOUT_MS,
      'the first search files',
    );
    for (let edit = 0; edit < edits; edit++) {
      const added = `Edited in the preview, round ${edit + 1}.`;
      const saved = performance.now();
      writeFileSync(file, `${original.trimEnd()}\n\n${added}\n`);
      await until(
        async () => ((await page.locator('[data-article-body]').textContent({ timeout: 1000 })) ?? '').includes(added),
        EDIT_TIMEOUT_MS,
        `edit ${edit + 1}`,
      );
      reloadMs.push(performance.now() - saved);
    }
    writeFileSync(file, original);
    return { corpus, stories, readyMs: preview.readyMs, firstPageMs, reloadMs, load: os.loadavg()[0] ?? 0 };
  } finally {
    await browser.close();
    await preview.stop();
  }
}
