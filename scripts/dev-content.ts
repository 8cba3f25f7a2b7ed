/**
 * The content stage of `npm run dev`, as a child process that stays up between saves: it
 * keeps the render and check caches in memory, so a save re-checks and re-renders only
 * the files that changed. On each `load` message it loads the content with drafts,
 * prints the problems as the build does, writes the archive the pages read (only when
 * the content is valid, so the pages keep the last good content otherwise), and answers
 * with the errors and, for a new archive, what the server needs to answer its addresses.
 * Before the pages are given an archive, the photos it names are encoded into the
 * preview's own image store as the build's content stage does: once for each photo and
 * version of the encoding code. The search files are written by another process (scripts/dev-search.ts), so a large
 * archive's index never holds up the next save. The server starts a fresh one
 * when the code under lib/ changes.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { imageStoreDir, readContentCaches, writeContentCaches, type ContentCaches } from '../lib/caches/build-caches';
import type { LoadedContent } from '../lib/content/load';
import { severityOf } from '../lib/content/problems';
import { createKeyedCache, type KeyedCache } from '../lib/caches/keyed-cache';
import type { RenderCache } from '../lib/caches/content-caches';
import { ARTICLES_FOLDER, contentDirectory } from '../lib/content/layout';
import { dropOtherStores, fillImageStore, photoSources } from '../lib/images/image-store';
import { sitePaths } from '../lib/outputs/site-paths';
import { siteUrl } from '../lib/site/urls';
import {
  archiveUpdate,
  changedStoriesFile,
  EVERY_STORY,
  recordShape,
  storiesTouched,
  touchedTogether,
  type RecordShape,
  type TouchedStories,
} from '../lib/views/archive-updates';
import {
  DevSettingsSchema,
  type DevContentJob,
  type DevContentMessage,
  type DevSettings,
  type DevSite,
} from './dev-settings';
import { loadAndReport } from './report-content';
import { renderedBodyProblems } from './quality/page-safety';
import { storyMovedPages } from './story-redirects';

/** The entries the last run used, as a new cache: what the next save can reuse, without what no file needs any more. */
function keptForNextRun<T>(cache: KeyedCache<T>): KeyedCache<T> {
  return createKeyedCache(
    cache.code,
    [...cache.entries].filter(([key]) => cache.used.has(key)),
  );
}

/**
 * The render cache read from disk, or an empty one if it holds a body the sanitiser would change. The file is as
 * untrusted as whatever wrote it, and the preview shows a cached body as it is, so one bad body costs the whole cache
 * (each body is rendered again from its file); bodies rendered in this process are the renderer's own.
 */
export function trustedRenderCache(cache: RenderCache, report: (message: string) => void = console.error): RenderCache {
  const problems = renderedBodyProblems(
    [...cache.entries].map(([key, body]) => ({ file: `render cache entry ${key}`, html: body.html })),
  );
  if (problems.length === 0) return cache;
  report(
    `${problems.length} problems in the preview's cached rendered bodies; every body is rendered again:\n` +
      problems.map((problem) => `  ${problem}`).join('\n'),
  );
  return createKeyedCache(cache.code);
}

/** Writes a file by renaming a finished copy over it, so `next dev` never reads half of it. */
function replaceFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

/**
 * What the pages were given: the shape of the archive record, the stories saved since it
 * was written, and the stories saved since the last load began (the next load's).
 */
interface Written {
  record: RecordShape | undefined;
  sinceRecord: TouchedStories;
  pending: TouchedStories;
  /** What the last load read in each story folder. */
  folders: LoadedContent['folders'];
}

async function loadOnce(settings: DevSettings, caches: ContentCaches, written: Written): Promise<DevContentMessage> {
  const started = performance.now();
  // Saves from now on may or may not be seen by this load: they are the next load's too.
  const saved = written.pending;
  const touched = touchedTogether(written.sinceRecord, saved);
  written.pending = new Set();
  written.sinceRecord = touched;
  const result = await loadAndReport({
    ...caches,
    includeDrafts: true,
    earlier: { folders: written.folders, unchanged: (folder) => saved !== EVERY_STORY && !saved.has(folder) },
  });
  written.folders = result.folders;
  const changedFile = changedStoriesFile(settings.archiveFile);
  let changedStories: number | undefined;
  let site: DevSite | undefined;
  const imageStore = imageStoreDir(settings.cacheDir);
  // With nothing valid shown yet, the valid part is better than no page to show the errors on.
  if (result.ok || !existsSync(settings.archiveFile)) {
    const update = archiveUpdate(written.record, result.archive, touched);
    // Only the stories written now can name a photo the store lacks: the others' were stored when they were written.
    await fillImageStore(
      photoSources(
        update.whole ? result.archive.stories : update.stories,
        path.join(contentDirectory(), ARTICLES_FOLDER),
      ),
      imageStore,
    );
    if (update.whole) {
      // Files encoded by other code are never shown again (the build drops them likewise).
      dropOtherStores(imageStore);
      // The stories saved over the old record go first, so the pages never lay them over the new one.
      rmSync(changedFile, { force: true });
      replaceFile(settings.archiveFile, JSON.stringify(result.archive));
      written.record = recordShape(result.archive);
      written.sinceRecord = new Set();
    } else {
      replaceFile(changedFile, JSON.stringify(update.stories));
      changedStories = update.stories.length;
    }
    site = {
      paths: [...sitePaths(result.archive)],
      movedStories: [...storyMovedPages(result.archive.stories, siteUrl())],
    };
  }
  return {
    ok: result.ok,
    errors: result.problems.filter((problem) => severityOf(problem) === 'error'),
    stories: result.archive.stories.length,
    milliseconds: performance.now() - started,
    changedStories,
    site,
    imageStore,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.send) {
  const settings = DevSettingsSchema.parse(JSON.parse(process.env.DEV_SETTINGS ?? '{}'));
  const read = readContentCaches(settings.cacheDir);
  let caches = { ...read, renderCache: trustedRenderCache(read.renderCache) };
  let first = true;
  const written: Written = {
    record: undefined,
    sinceRecord: EVERY_STORY,
    pending: EVERY_STORY,
    folders: new Map(),
  };
  const contentDir = contentDirectory();
  // Loads run one after another, in the order they were asked for: each starts from the caches the one before left.
  let queue = Promise.resolve();
  process.on('message', (message) => {
    const job = message as DevContentJob;
    if (!job.load) return;
    written.pending = touchedTogether(written.pending, storiesTouched(job.load.saved, contentDir));
    queue = queue.then(async () => {
      const everyFolder = written.pending === EVERY_STORY;
      process.send?.(await loadOnce(settings, caches, written));
      // The caches on disk let the next `npm run dev` start warm; later saves only need them in memory.
      if (first) writeContentCaches(caches, settings.cacheDir);
      first = false;
      // A load that took folders as read did not use their entries: they are kept until one reads every folder.
      if (everyFolder)
        caches = {
          renderCache: keptForNextRun(caches.renderCache),
          checkCache: keptForNextRun(caches.checkCache),
          inspectCache: keptForNextRun(caches.inspectCache),
          stamps: { ...keptForNextRun(caches.stamps), settledBefore: caches.stamps.settledBefore },
        };
    });
  });
  // Ends with the server, however the server ends.
  process.on('disconnect', () => process.exit(0));
}
