/**
 * One run of the content pipeline, as a child process of the benchmark so that its
 * time and peak memory are its own: load + validate + render (with the render cache
 * and check caches in the cache folder when given, as the build keeps them in .archive/)
 * + build and export both languages' search indexes. Then times queries against the
 * index in Node. Prints one JSON line.
 *
 * Usage: tsx bench/pipeline.ts <content-dir> [cache-dir] [queries-json-file]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHECK_CACHE_FILE, createCheckCache, readCheckCache, writeCheckCache } from '../lib/content/check-cache';
import { loadContent } from '../lib/content/load';
import { createRenderCache, readRenderCache, RENDER_CACHE_FILE, writeRenderCache } from '../lib/content/render-cache';
import { LOCALES } from '../lib/i18n';
import { searchDocuments, searchEntities } from '../lib/search/documents';
import { searchStories } from '../lib/search/query';
import { buildSearchIndex, exportSearchIndex } from '../lib/search/search-index';
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
const entities = searchEntities(loaded.archive);
const languages = [];
for (const locale of LOCALES) {
  const docs = searchDocuments(loaded.archive, locale);
  const index = buildSearchIndex(docs, entities);
  await exportSearchIndex(index);
  languages.push({ locale, index, docs });
}
const finished = performance.now();
if (renderCacheFile) writeRenderCache(renderCacheFile, renderCache);
if (checkCacheFile) writeCheckCache(checkCacheFile, checkCache);

const latency: Record<string, { p50: number; p95: number }> = {};
if (queriesFile && existsSync(queriesFile)) {
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as Record<string, string[]>;
  for (const language of languages) {
    const times = (queries[language.locale] ?? []).map((query) => {
      const start = performance.now();
      searchStories([language], entities, query);
      return performance.now() - start;
    });
    latency[language.locale] = { p50: percentile(times, 50), p95: percentile(times, 95) };
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
