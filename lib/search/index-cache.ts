/**
 * Each language's search index, kept between builds as its postings (lib/search/postings.ts).
 * An archive grows by adding newer stories, and a new story takes the next number
 * (lib/search/documents.ts): when every story the cached postings hold is unchanged, the
 * build indexes only the new stories and adds their postings, instead of indexing the
 * whole archive again. Anything else (an edited, removed or back-dated story, a changed
 * registry, other indexing code) rebuilds the language from scratch. Either way the
 * postings, and so the search files, are the same.
 *
 * Like the content caches, it is handed over by its caller, never held as hidden state.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { readCacheFile, writeCacheFile } from '../cache-file';
import { LocaleSchema } from '../schema';
import type { Locale } from '../i18n';
import type { SearchDoc, SearchEntity } from './documents';
import { addNewerPostings, exportedPostings, type PostingTable, type TermPostings } from './postings';
import { buildSearchIndex, exportSearchIndex, SEARCH_FIELDS } from './search-index';

/** Where the build keeps it: beside the content caches, outside version control. */
export const SEARCH_INDEX_CACHE_FILE = path.join('.archive', 'search-index-cache.bin');

/**
 * Names the indexing code whose output is cached, and how it is kept: change it whenever
 * what a story's postings are would change (fields, encoders, text folding, the flexsearch
 * version). tests/unit/index-cache.test.ts fails when those files change, as a reminder.
 */
export const SEARCH_INDEX_VERSION = 'search-index/2';

export interface CachedIndex {
  /** One key per indexed story, in number order: what its postings were built from. */
  keys: string[];
  postings: PostingTable;
}
export type SearchIndexCache = Partial<Record<Locale, CachedIndex>>;

/** What decides a story's postings: the story as search sees it, and every entity's names (tagged names are indexed). */
function storyKeys(docs: readonly SearchDoc[], entities: readonly SearchEntity[]): string[] {
  const registry = createHash('sha256').update(SEARCH_INDEX_VERSION).update('\0').update(JSON.stringify(entities)).digest();
  return docs.map((doc) => createHash('sha256').update(registry).update(JSON.stringify(doc)).digest('base64url'));
}

export interface CachedBuild {
  /** What to keep for the next build, and what the shards are cut from. */
  cached: CachedIndex;
  /** Stories taken from the cached postings rather than indexed again. */
  reused: number;
}

async function indexedPostings(docs: readonly SearchDoc[], entities: readonly SearchEntity[]): Promise<PostingTable> {
  return exportedPostings(await exportSearchIndex(buildSearchIndex(docs, entities)));
}

/** A language's postings: the cached ones with the new stories' added when they can be, else built anew. */
export async function buildSearchIndexWithCache(docs: readonly SearchDoc[], entities: readonly SearchEntity[], previous?: CachedIndex): Promise<CachedBuild> {
  const ordered = [...docs].sort((a, b) => a.number - b.number);
  const keys = storyKeys(ordered, entities);
  const extendable = previous !== undefined && previous.keys.length <= keys.length && previous.keys.every((key, position) => key === keys[position]);
  const postings = extendable
    ? addNewerPostings(previous.postings, await indexedPostings(ordered.slice(previous.keys.length), entities))
    : await indexedPostings(ordered, entities);
  return { cached: { keys, postings }, reused: extendable ? previous.keys.length : 0 };
}

/**
 * The file holds two blocks a language: its locale and story keys, then its locale and its
 * postings as rows of a term and its entry in each field ('' for none).
 */
const ROW = 1 + SEARCH_FIELDS.length;

/** The cache file, or an empty cache when it is missing, unreadable or from other indexing code. */
export function readSearchIndexCache(file: string): SearchIndexCache {
  const blocks = readCacheFile(file, SEARCH_INDEX_VERSION) ?? [];
  const cache: SearchIndexCache = {};
  for (let at = 0; at + 1 < blocks.length; at += 2) {
    const [[keysLocale, ...keys] = [], [postingsLocale, ...rows] = []] = [blocks[at], blocks[at + 1]];
    const locale = LocaleSchema.safeParse(keysLocale);
    if (!locale.success || postingsLocale !== locale.data || rows.length % ROW !== 0) continue;
    const postings = new Map<string, TermPostings>();
    for (let row = 0; row < rows.length; row += ROW) {
      const entries = SEARCH_FIELDS.flatMap((field, column) => {
        const text = rows[row + 1 + column];
        return text ? [[field, text] as const] : [];
      });
      postings.set(rows[row] as string, Object.fromEntries(entries));
    }
    cache[locale.data] = { keys, postings };
  }
  return cache;
}

export function writeSearchIndexCache(file: string, cache: SearchIndexCache): void {
  const blocks = Object.entries(cache).flatMap(([locale, { keys, postings }]) => [
    [locale, ...keys],
    [locale, ...[...postings].flatMap(([term, entry]) => [term, ...SEARCH_FIELDS.map((field) => entry[field] ?? '')])],
  ]);
  writeCacheFile(file, SEARCH_INDEX_VERSION, blocks);
}
