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
 * Like the content caches, it is handed over by its caller, never held as hidden state,
 * and its file is stamped with the digest of the indexing code (this module and all it
 * imports, lib/caches/build-caches.ts): postings made by other code are never reused.
 */
import { createHash } from 'node:crypto';
import { appendCacheBlock, readCacheFile, writeCacheFile } from './cache-file';
import type { Locale } from '../site/i18n';
import type { SearchDoc, SearchEntity } from '../search/documents';
import { addNewerPostings, exportedPostings, type PostingTable } from '../search/postings';
import { buildSearchIndex, exportSearchIndex } from '../search/search-index';

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
  const registry = createHash('sha256').update(JSON.stringify(entities)).digest();
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
  return second
    ? addNewerPostings(
        first.postings,
        rest.reduce((merged, segment) => addNewerPostings(merged, segment.postings), second.postings),
      )
    : first.postings;
}

/**
 * A language's postings: the cached ones with the new stories' added when they can be,
 * else built anew. `docs` are in number order, and `cards` are their JSON.
 */
export async function buildSearchIndexWithCache(
  docs: readonly SearchDoc[],
  cards: readonly string[],
  entities: readonly SearchEntity[],
  previous?: CachedIndex,
): Promise<CachedBuild> {
  const keys = storyKeys(cards, entities);
  const previousKeys = previous?.segments.flatMap((segment) => segment.keys) ?? [];
  const extendable =
    previous !== undefined &&
    previousKeys.length <= keys.length &&
    previousKeys.every((key, position) => key === keys[position]);
  if (!extendable) {
    const postings = await indexedPostings(docs, entities);
    return { cached: { segments: [{ keys, postings }], stored: 0 }, postings, reused: 0 };
  }
  const added: Segment[] =
    keys.length > previousKeys.length
      ? [
          {
            keys: keys.slice(previousKeys.length),
            postings: await indexedPostings(docs.slice(previousKeys.length), entities),
          },
        ]
      : [];
  const segments = [...previous.segments, ...added];
  const postings = mergedPostings(segments);
  const cached =
    segments.length > MAX_SEGMENTS
      ? { segments: [{ keys, postings }], stored: 0 }
      : { segments, stored: previous.stored };
  return { cached, postings, reused: previousKeys.length };
}

/** A segment as one block of the file; segments of different languages may follow one another in any order. */
interface SegmentBlock extends Segment {
  locale: Locale;
}

/** The cache file, or an empty cache when it is missing, unreadable or made by other indexing code than `code`. */
export function readSearchIndexCache(file: string, code: string): SearchIndexCache {
  const read = readCacheFile(file, code);
  const cache: SearchIndexCache = {};
  for (const { locale, keys, postings } of (read?.blocks ?? []) as SegmentBlock[]) {
    const segments = [...(cache[locale]?.segments ?? []), { keys, postings }];
    // A file with a broken end is written anew next time, without it.
    cache[locale] = { segments, stored: read?.whole ? segments.length : 0 };
  }
  return cache;
}

/** Appends the segments the file lacks, or writes it anew when a language was rebuilt or merged. */
export function writeSearchIndexCache(file: string, code: string, cache: SearchIndexCache): void {
  const languages = Object.entries(cache) as [Locale, CachedIndex][];
  const blocks = (from: (cached: CachedIndex) => number) =>
    languages.flatMap(([locale, cached]) =>
      cached.segments.slice(from(cached)).map((segment): SegmentBlock => ({ locale, ...segment })),
    );
  if (languages.some(([, cached]) => cached.stored === 0))
    writeCacheFile(
      file,
      code,
      blocks(() => 0),
    );
  else for (const block of blocks((cached) => cached.stored)) appendCacheBlock(file, block);
}
