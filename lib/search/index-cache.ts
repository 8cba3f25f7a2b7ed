/**
 * Each language's search index, kept between builds as postings (lib/search/postings.ts).
 * An archive grows by adding newer stories, and a new story takes the next number
 * (lib/search/documents.ts): when every story the cached postings hold is unchanged, the
 * build indexes only the new stories and adds their postings, instead of indexing the
 * whole archive again. Anything else (an edited, removed or back-dated story, a changed
 * registry, other indexing code) rebuilds the language from scratch. Either way the
 * postings, and so the search files, are the same.
 *
 * The cache is kept in segments: the first holds the postings of the oldest stories, and
 * each build that adds stories appends a segment with only theirs, so its file grows by
 * kilobytes instead of being written whole (tens of megabytes at 10,000 stories). Every
 * MAX_SEGMENTS builds they are merged into one again.
 *
 * Like the content caches, it is handed over by its caller, never held as hidden state.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { appendCacheBlock, readCacheFile, writeCacheFile } from '../cache-file';
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
export const SEARCH_INDEX_VERSION = 'search-index/5';

/** Segments a language's cache may have before they are merged into one. */
export const MAX_SEGMENTS = 8;

/** Stories indexed together: one key each, in number order, and their postings (all numbered after the previous segment's). */
export interface Segment {
  keys: string[];
  postings: PostingTable;
}

export interface CachedIndex {
  segments: Segment[];
  /** How many of the segments, from the first, the cache file already holds. */
  stored: number;
}
export type SearchIndexCache = Partial<Record<Locale, CachedIndex>>;

/**
 * What decides a story's postings: the story as search sees it (its card's JSON, which
 * the build writes anyway) and every entity's names (tagged names are indexed).
 */
function storyKeys(cards: readonly string[], entities: readonly SearchEntity[]): string[] {
  const registry = createHash('sha256').update(SEARCH_INDEX_VERSION).update('\0').update(JSON.stringify(entities)).digest();
  // As UTF-16, the way V8 holds most of these strings: no UTF-8 to encode first.
  return cards.map((card) => createHash('sha256').update(registry).update(card, 'utf16le').digest('base64url'));
}

export interface CachedBuild {
  /** What to keep for the next build. */
  cached: CachedIndex;
  /** Every story's postings: what the shards are cut from. */
  postings: PostingTable;
  /** Stories taken from the cached postings rather than indexed again. */
  reused: number;
}

async function indexedPostings(docs: readonly SearchDoc[], entities: readonly SearchEntity[]): Promise<PostingTable> {
  return exportedPostings(await exportSearchIndex(buildSearchIndex(docs, entities)));
}

/** Every story's postings: the later segments, each small, merged together first, so the large first one is merged into once. */
function mergedPostings([first, ...later]: readonly Segment[]): PostingTable {
  if (!first) return new Map();
  const [second, ...rest] = later;
  return second ? addNewerPostings(first.postings, rest.reduce((merged, segment) => addNewerPostings(merged, segment.postings), second.postings)) : first.postings;
}

/**
 * A language's postings: the cached ones with the new stories' added when they can be,
 * else built anew. `docs` are in number order, and `cards` are their JSON.
 */
export async function buildSearchIndexWithCache(docs: readonly SearchDoc[], cards: readonly string[], entities: readonly SearchEntity[], previous?: CachedIndex): Promise<CachedBuild> {
  const keys = storyKeys(cards, entities);
  const previousKeys = previous?.segments.flatMap((segment) => segment.keys) ?? [];
  const extendable = previous !== undefined && previousKeys.length <= keys.length && previousKeys.every((key, position) => key === keys[position]);
  if (!extendable) {
    const postings = await indexedPostings(docs, entities);
    return { cached: { segments: [{ keys, postings }], stored: 0 }, postings, reused: 0 };
  }
  const added: Segment[] = keys.length > previousKeys.length ? [{ keys: keys.slice(previousKeys.length), postings: await indexedPostings(docs.slice(previousKeys.length), entities) }] : [];
  const segments = [...previous.segments, ...added];
  const postings = mergedPostings(segments);
  const cached = segments.length > MAX_SEGMENTS ? { segments: [{ keys, postings }], stored: 0 } : { segments, stored: previous.stored };
  return { cached, postings, reused: previousKeys.length };
}

/**
 * The file holds two blocks a segment: the language and the segment's story keys, then
 * the language and its postings as rows of a term and its entry in each field ('' for
 * none). Segments of different languages may follow one another in any order.
 */
const ROW = 1 + SEARCH_FIELDS.length;

function segmentBlocks(locale: string, { keys, postings }: Segment): string[][] {
  return [
    [locale, ...keys],
    [locale, ...[...postings].flatMap(([term, entry]) => [term, ...SEARCH_FIELDS.map((field) => entry[field] ?? '')])],
  ];
}

/** The cache file, or an empty cache when it is missing, unreadable or from other indexing code. */
export function readSearchIndexCache(file: string): SearchIndexCache {
  const blocks = readCacheFile(file, SEARCH_INDEX_VERSION) ?? [];
  const cache: SearchIndexCache = {};
  for (let at = 0; at + 1 < blocks.length; at += 2) {
    const [[keysLocale, ...keys] = [], [postingsLocale, ...rows] = []] = [blocks[at], blocks[at + 1]];
    const locale = LocaleSchema.safeParse(keysLocale);
    if (!locale.success || postingsLocale !== locale.data || rows.length % ROW !== 0) break;
    const postings = new Map<string, TermPostings>();
    for (let row = 0; row < rows.length; row += ROW) {
      const entry: TermPostings = {};
      SEARCH_FIELDS.forEach((field, column) => {
        const text = rows[row + 1 + column];
        if (text) entry[field] = text;
      });
      postings.set(rows[row] as string, entry);
    }
    const segments = [...(cache[locale.data]?.segments ?? []), { keys, postings }];
    cache[locale.data] = { segments, stored: segments.length };
  }
  return cache;
}

/** Appends the segments the file lacks, or writes it anew when a language was rebuilt or merged. */
export function writeSearchIndexCache(file: string, cache: SearchIndexCache): void {
  const languages = Object.entries(cache);
  if (languages.some(([, cached]) => cached.stored === 0)) {
    writeCacheFile(file, SEARCH_INDEX_VERSION, languages.flatMap(([locale, { segments }]) => segments.flatMap((segment) => segmentBlocks(locale, segment))));
    return;
  }
  for (const [locale, { segments, stored }] of languages) {
    for (const block of segments.slice(stored).flatMap((segment) => segmentBlocks(locale, segment))) appendCacheBlock(file, block);
  }
}
