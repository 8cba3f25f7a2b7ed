/**
 * The content stage of `npm run dev`, as a child process that stays up between saves: it
 * keeps the render and check caches in memory, so a save re-checks and re-renders only
 * the files that changed. On each `load` message it loads the content with drafts,
 * prints the problems as the build does, writes the archive the pages read (only when
 * the content is valid, so the pages keep the last good content otherwise), and answers
 * with the errors. The search files are written by another process (scripts/dev-search.ts),
 * so a large archive's index never holds up the next save. The server starts a fresh one
 * when the code under lib/ changes.
 */
import { mkdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { readContentCaches, writeContentCaches, type ContentCaches } from '../lib/caches/build-caches';
import { severityOf } from '../lib/content/problems';
import { createKeyedCache, type KeyedCache } from '../lib/caches/keyed-cache';
import { DevSettingsSchema, type DevContentMessage, type DevSettings } from './dev-settings';
import { loadAndReport } from './report-content';

/** The entries the last run used, as a new cache: what the next save can reuse, without what no file needs any more. */
function keptForNextRun<T>(cache: KeyedCache<T>): KeyedCache<T> {
  return createKeyedCache(
    cache.code,
    [...cache.entries].filter(([key]) => cache.used.has(key)),
  );
}

/** Writes a file by renaming a finished copy over it, so `next dev` never reads half of it. */
function replaceFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

async function loadOnce(settings: DevSettings, caches: ContentCaches): Promise<DevContentMessage> {
  const started = performance.now();
  const result = await loadAndReport({ ...caches, includeDrafts: true });
  // With nothing valid shown yet, the valid part is better than no page to show the errors on.
  if (result.ok || !existsSync(settings.archiveFile)) replaceFile(settings.archiveFile, JSON.stringify(result.archive));
  return {
    ok: result.ok,
    errors: result.problems.filter((problem) => severityOf(problem) === 'error'),
    stories: result.archive.stories.length,
    milliseconds: performance.now() - started,
  };
}

if (process.send) {
  const settings = DevSettingsSchema.parse(JSON.parse(process.env.DEV_SETTINGS ?? '{}'));
  let caches = readContentCaches(settings.cacheDir);
  let first = true;
  // Loads run one after another, in the order they were asked for: each starts from the caches the one before left.
  let queue = Promise.resolve();
  process.on('message', (message) => {
    if (message !== 'load') return;
    queue = queue.then(async () => {
      process.send?.(await loadOnce(settings, caches));
      // The caches on disk let the next `npm run dev` start warm; later saves only need them in memory.
      if (first) writeContentCaches(caches, settings.cacheDir);
      first = false;
      caches = {
        renderCache: keptForNextRun(caches.renderCache),
        checkCache: keptForNextRun(caches.checkCache),
        inspectCache: keptForNextRun(caches.inspectCache),
      };
    });
  });
  // Ends with the server, however the server ends.
  process.on('disconnect', () => process.exit(0));
}
