/**
 * The content stage of `npm run dev`, as a child process that stays up between saves: it
 * keeps the render and check caches in memory, so a save re-checks and re-renders only
 * the files that changed. On each `load` message it loads the content with drafts,
 * prints the problems as the build does, writes the archive the pages read (only when
 * the content is valid, so the pages keep the last good content otherwise), answers with
 * the errors, then writes the search files of the new archive and says when it is idle.
 * The server starts a fresh one when the code under lib/ changes.
 */
import { mkdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readContentCaches, writeContentCaches, type ContentCaches } from '../lib/build-caches';
import { severityOf, type ContentProblem } from '../lib/content/problems';
import { createKeyedCache, type KeyedCache } from '../lib/keyed-cache';
import { writeSearchFiles } from './build-search';
import { loadAndReport } from './report-content';

/** What the server tells this process: where the preview keeps its files. */
export const DevContentSettingsSchema = z.object({
  archiveFile: z.string(),
  publicDir: z.string(),
  cacheDir: z.string(),
});
export type DevContentSettings = z.infer<typeof DevContentSettingsSchema>;

/** What this process tells the server after each load. */
export type DevContentMessage =
  | { type: 'content'; ok: boolean; errors: ContentProblem[]; stories: number; milliseconds: number }
  | { type: 'idle'; searchMilliseconds?: number };

/** The entries the last run used, as a new cache: what the next save can reuse, without what no file needs any more. */
function keptForNextRun<T>(cache: KeyedCache<T>): KeyedCache<T> {
  return createKeyedCache([...cache.entries].filter(([key]) => cache.used.has(key)));
}

/** Writes a file by renaming a finished copy over it, so `next dev` never reads half of it. */
function replaceFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

async function loadOnce(
  settings: DevContentSettings,
  caches: ContentCaches,
  send: (message: DevContentMessage) => void,
) {
  const started = performance.now();
  const result = loadAndReport({ ...caches, includeDrafts: true });
  // With nothing valid shown yet, the valid part is better than no page to show the errors on.
  if (result.ok || !existsSync(settings.archiveFile)) replaceFile(settings.archiveFile, JSON.stringify(result.archive));
  send({
    type: 'content',
    ok: result.ok,
    errors: result.problems.filter((problem) => severityOf(problem) === 'error'),
    stories: result.archive.stories.length,
    milliseconds: performance.now() - started,
  });
  if (!result.ok) {
    send({ type: 'idle' });
    return;
  }
  const searchStarted = performance.now();
  await writeSearchFiles(settings.publicDir, result.archive, settings.cacheDir);
  send({ type: 'idle', searchMilliseconds: performance.now() - searchStarted });
}

if (process.send) {
  const settings = DevContentSettingsSchema.parse(JSON.parse(process.env.DEV_CONTENT_SETTINGS ?? '{}'));
  const send = (message: DevContentMessage) => process.send?.(message);
  let caches = readContentCaches(settings.cacheDir);
  let first = true;
  // The server sends `load` only when this process is idle, so runs never overlap.
  process.on('message', (message) => {
    if (message !== 'load') return;
    loadOnce(settings, caches, send)
      .catch((error: unknown) => {
        console.error('The content stage failed:', error);
        send({ type: 'idle' });
      })
      .finally(() => {
        // The caches on disk let the next `npm run dev` start warm; later saves only need them in memory.
        if (first) writeContentCaches(caches, settings.cacheDir);
        first = false;
        caches = { renderCache: keptForNextRun(caches.renderCache), checkCache: keptForNextRun(caches.checkCache) };
      });
  });
  // Ends with the server, however the server ends.
  process.on('disconnect', () => process.exit(0));
}
