/**
 * One run of the content pipeline, as a child process of the benchmark so that its
 * time and peak memory are its own: load + validate + render, then build both
 * languages' search files (index shards, cards, tag lists), with the render, check,
 * file-stamp and search-index caches of the cache folder when given (as the build keeps
 * them in .archive/), and write the caches back. Then times queries against each whole
 * index in Node. Prints one JSON line.
 *
 * Usage: tsx bench/pipeline.ts <content-dir> [cache-dir] [queries-json-file]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHECK_CACHE_FILE, createCheckCache, readCheckCache, writeCheckCache } from '../lib/content/check-cache';
import { createFileStamps, FILE_STAMPS_FILE, readFileStamps, writeFileStamps } from '../lib/content/file-stamps';
import { loadContent } from '../lib/content/load';
import { createRenderCache, readRenderCache, RENDER_CACHE_FILE, writeRenderCache } from '../lib/content/render-cache';
import { LOCALES } from '../lib/i18n';
import { searchDocuments, searchEntities, taggedStories } from '../lib/search/documents';
import { searchStories } from '../lib/search/query';
import { readSearchIndexCache, SEARCH_INDEX_CACHE_FILE, writeSearchIndexCache } from '../lib/search/index-cache';
import { buildSearchFiles } from '../lib/search/search-files';
import { buildSearchIndex } from '../lib/search/search-index';
import { percentile } from './measure';

const [contentDir, cacheDir, queriesFile] = process.argv.slice(2);
if (!contentDir) throw new Error('usage: pipeline.ts <content-dir> [cache-dir] [queries-json-file]');
const renderCacheFile = cacheDir && path.join(cacheDir, path.basename(RENDER_CACHE_FILE));
const checkCacheFile = cacheDir && path.join(cacheDir, path.basename(CHECK_CACHE_FILE));
const indexCacheFile = cacheDir && path.join(cacheDir, path.basename(SEARCH_INDEX_CACHE_FILE));
const fileStampsFile = cacheDir && path.join(cacheDir, path.basename(FILE_STAMPS_FILE));

const started = performance.now();
const renderCache = renderCacheFile ? readRenderCache(renderCacheFile) : createRenderCache();
const checkCache = checkCacheFile ? readCheckCache(checkCacheFile) : createCheckCache();
const fileStamps = fileStampsFile ? readFileStamps(fileStampsFile) : createFileStamps();
const loaded = loadContent(contentDir, { renderCache, checkCache, fileStamps });
if (loaded.problems.some((problem) => problem.kind !== 'LongSummary')) throw new Error(`content problems: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
const loadedAt = performance.now();
// What the build writes: both languages' indexes (extending the cached ones when it can),
// exported and cut into shards, and the cards.
const search = await buildSearchFiles(loaded.archive, { indexCache: indexCacheFile ? readSearchIndexCache(indexCacheFile) : {} });
// Keeping the caches for the next build is part of the pipeline's cost.
if (renderCacheFile) writeRenderCache(renderCacheFile, renderCache);
if (checkCacheFile) writeCheckCache(checkCacheFile, checkCache);
if (fileStampsFile) writeFileStamps(fileStampsFile, fileStamps);
if (indexCacheFile) writeSearchIndexCache(indexCacheFile, search.indexCache);
const finished = performance.now();

const latency: Record<string, { p50: number; p95: number }> = {};
if (queriesFile && existsSync(queriesFile)) {
  // Ranking alone, over each language's whole index in memory (fetching is the browser's part).
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as Record<string, string[]>;
  const entities = searchEntities(loaded.archive);
  const tagged = new Map([...taggedStories(loaded.archive)].map(([key, stories]) => [key, new Set(stories)]));
  for (const locale of LOCALES) {
    const language = { locale, index: buildSearchIndex(searchDocuments(loaded.archive, locale), entities) };
    const times = (queries[locale] ?? []).map((query) => {
      const start = performance.now();
      searchStories([language], entities, tagged, query);
      return performance.now() - start;
    });
    latency[locale] = { p50: percentile(times, 50), p95: percentile(times, 95) };
  }
}

console.log(
  JSON.stringify({
    ms: finished - started,
    loadMs: loadedAt - started,
    indexMs: finished - loadedAt,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rendered: renderCache.misses,
    reused: renderCache.hits,
    checked: checkCache.misses,
    latency,
  }),
);
