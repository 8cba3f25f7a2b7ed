/**
 * One run of the content pipeline, as a child process of the benchmark so that its
 * time and peak memory are its own: load + validate + render, then build both
 * languages' search files (index shards, cards, tag lists), with the caches of the cache
 * folder (as the build keeps them in .archive/, lib/caches/build-caches.ts), and write the
 * caches back. Then times queries against each whole
 * index in Node. Prints one JSON line.
 *
 * Usage: tsx bench/pipeline.ts <content-dir> <cache-dir> [queries-json-file]
 */
import { existsSync, readFileSync } from 'node:fs';
import { buildSearchFilesCached, readContentCaches, writeContentCaches } from '../lib/caches/build-caches';
import { loadContent } from '../lib/content/load';
import { LOCALES } from '../lib/site/i18n';
import { searchDocuments, searchEntities, taggedStories } from '../lib/search/documents';
import { searchStories } from '../lib/search/query';
import { buildSearchIndex } from '../lib/search/search-index';
import { UNTRANSLATED_CORPUS_WARNING } from './corpus';
import { percentile } from './measure';

const [contentDir, cacheDir, queriesFile] = process.argv.slice(2);
if (!contentDir || !cacheDir) throw new Error('usage: pipeline.ts <content-dir> <cache-dir> [queries-json-file]');

const started = performance.now();
const caches = readContentCaches(cacheDir);
const loaded = loadContent(contentDir, caches);
if (loaded.problems.some((problem) => problem.kind !== 'LongSummary' && problem.kind !== UNTRANSLATED_CORPUS_WARNING))
  throw new Error(`content problems: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
// Keeping the caches for the next build is part of the pipeline's cost.
writeContentCaches(caches, cacheDir);
const loadedAt = performance.now();
// What the build writes: both languages' indexes (extending the cached ones when it can),
// exported and cut into shards, and the cards.
await buildSearchFilesCached(loaded.archive, cacheDir);
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
    rendered: caches.renderCache.misses,
    reused: caches.renderCache.hits,
    checked: caches.checkCache.misses,
    latency,
  }),
);
