/**
 * One run of the content pipeline, as a child process of the benchmark so that its
 * time and peak memory are its own: load + validate + render (with the render cache
 * and check caches in the cache folder when given, as the build keeps them in .archive/)
 * + build both languages' search files (index shards, cards, tag lists). Then times
 * queries against each whole index in Node. Prints one JSON line.
 *
 * Usage: tsx bench/pipeline.ts <content-dir> [cache-dir] [queries-json-file]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHECK_CACHE_FILE, createCheckCache, readCheckCache, writeCheckCache } from '../lib/content/check-cache';
import { loadContent } from '../lib/content/load';
import { createRenderCache, readRenderCache, RENDER_CACHE_FILE, writeRenderCache } from '../lib/content/render-cache';
import { LOCALES } from '../lib/i18n';
import { searchDocuments, searchEntities, taggedStories } from '../lib/search/documents';
import { searchStories } from '../lib/search/query';
import { buildSearchFiles } from '../lib/search/search-files';
import { buildSearchIndex } from '../lib/search/search-index';
import { percentile } from './measure';

const [contentDir, cacheDir, queriesFile] = process.argv.slice(2);
if (!contentDir) throw new Error('usage: pipeline.ts <content-dir> [cache-dir] [queries-json-file]');
const renderCacheFile = cacheDir && path.join(cacheDir, path.basename(RENDER_CACHE_FILE));
const checkCacheFile = cacheDir && path.join(cacheDir, path.basename(CHECK_CACHE_FILE));

const started = performance.now();
const renderCache = renderCacheFile ? readRenderCache(renderCacheFile) : createRenderCache();
const checkCache = checkCacheFile ? readCheckCache(checkCacheFile) : createCheckCache();
const loaded = loadContent(contentDir, { renderCache, checkCache });
if (loaded.problems.some((problem) => problem.kind !== 'LongSummary')) throw new Error(`content problems: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
const loadedAt = performance.now();
// What the build writes: both languages' indexes, exported and cut into shards, and the cards.
await buildSearchFiles(loaded.archive);
const finished = performance.now();
if (renderCacheFile) writeRenderCache(renderCacheFile, renderCache);
if (checkCacheFile) writeCheckCache(checkCacheFile, checkCache);

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
