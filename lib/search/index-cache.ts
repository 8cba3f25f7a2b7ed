/**
 * Each language's search index, kept between builds. An archive grows by adding newer
 * stories, and a new story takes the next number (lib/search/documents.ts): when every
 * story the cached index holds is unchanged, the build imports that index and adds only
 * the new stories instead of indexing the whole archive again. Anything else (an edited,
 * removed or back-dated story, a changed registry, other indexing code) rebuilds the
 * language from scratch. Either way the exported index is the same.
 *
 * Like the content caches, it is handed over by its caller, never held as hidden state.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { readCacheFile, writeCacheFile } from '../cache-file';
import { LocaleSchema } from '../schema';
import type { Locale } from '../i18n';
import type { SearchDoc, SearchEntity } from './documents';
import { addToSearchIndex, buildSearchIndex, exportSearchIndex, importSearchIndex, type SearchIndex } from './search-index';

/** Where the build keeps it: beside the content caches, outside version control. */
export const SEARCH_INDEX_CACHE_FILE = path.join('.archive', 'search-index-cache.json');

/**
 * Names the indexing code whose output is cached: change it whenever what a story's
 * postings are would change (fields, encoders, text folding, the flexsearch version).
 * tests/unit/index-cache.test.ts fails when those files change, as a reminder.
 */
export const SEARCH_INDEX_VERSION = 'search-index/2';

const CachedIndexSchema = z.object({
  /** One key per indexed story, in number order: what its postings were built from. */
  keys: z.array(z.string()),
  parts: z.record(z.string(), z.string()),
});
export type CachedIndex = z.infer<typeof CachedIndexSchema>;
const CacheFileSchema = z.object({ languages: z.partialRecord(LocaleSchema, CachedIndexSchema) });
export type SearchIndexCache = Partial<Record<Locale, CachedIndex>>;

/** What decides a story's postings: the story as search sees it, and every entity's names (tagged names are indexed). */
function storyKeys(docs: readonly SearchDoc[], entities: readonly SearchEntity[]): string[] {
  const registry = createHash('sha256').update(SEARCH_INDEX_VERSION).update('\0').update(JSON.stringify(entities)).digest();
  return docs.map((doc) => createHash('sha256').update(registry).update(JSON.stringify(doc)).digest('base64url'));
}

export interface CachedBuild {
  index: SearchIndex;
  /** What to keep for the next build. */
  cached: CachedIndex;
  /** Stories taken from the cached index rather than indexed again. */
  reused: number;
}

/** A language's index: the cached one extended with the new stories when it can be, else built anew. */
export async function buildSearchIndexWithCache(docs: readonly SearchDoc[], entities: readonly SearchEntity[], previous?: CachedIndex): Promise<CachedBuild> {
  const ordered = [...docs].sort((a, b) => a.number - b.number);
  const keys = storyKeys(ordered, entities);
  const extendable = previous !== undefined && previous.keys.length <= keys.length && previous.keys.every((key, position) => key === keys[position]);
  const index = extendable ? addToSearchIndex(importSearchIndex(previous.parts), ordered.slice(previous.keys.length), entities) : buildSearchIndex(ordered, entities);
  return { index, cached: { keys, parts: await exportSearchIndex(index) }, reused: extendable ? previous.keys.length : 0 };
}

/** The cache file, or an empty cache when it is missing, unreadable or from other indexing code. */
export function readSearchIndexCache(file: string): SearchIndexCache {
  return readCacheFile(file, SEARCH_INDEX_VERSION, CacheFileSchema)?.languages ?? {};
}

export function writeSearchIndexCache(file: string, cache: SearchIndexCache): void {
  writeCacheFile(file, SEARCH_INDEX_VERSION, { languages: cache });
}
