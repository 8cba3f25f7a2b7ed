/**
 * Each language's search postings (lib/search/postings.ts), kept between builds in a
 * keyed cache. A new story is the newest and takes the next number (documents.ts), so
 * when the cache holds every other story's postings the build indexes only the new ones
 * and appends theirs, which gives what indexing the whole archive gives; after any other
 * edit the language is indexed anew. The key of the first n stories (oldest first) is the
 * digest of the key of the first n − 1 and the n-th story's card, the first key that of
 * the entities' names (tagged names are indexed). Each build's new stories make a segment
 * under the key of all the stories up to them, naming the segment before: adding a story
 * appends a small segment to the file. Every MAX_SEGMENTS builds they are merged into one.
 */
import { digestOf, keep, reuse, type KeyedCache } from './keyed-cache';
import type { SearchDoc, SearchEntity } from '../search/documents';
import { addNewerPostings, exportedPostings, type PostingTable } from '../search/postings';
import { buildSearchIndex, exportSearchIndex } from '../search/search-index';

/** Segments a language's postings may be kept in before they are merged into one. */
export const MAX_SEGMENTS = 8;

/** The postings of a run of stories, all numbered after the stories under `before`. */
export interface Segment {
  postings: PostingTable;
  before?: string;
}

export type SearchIndexCache = KeyedCache<Segment>;

async function indexedPostings(docs: readonly SearchDoc[], entities: readonly SearchEntity[]): Promise<PostingTable> {
  return exportedPostings(await exportSearchIndex(buildSearchIndex(docs, entities)));
}

/** Every story's postings: the later segments, each small, merged together first, so the large first one is merged into once. */
function mergedPostings([first = new Map(), ...later]: readonly PostingTable[]): PostingTable {
  return later.length > 0 ? addNewerPostings(first, later.reduce(addNewerPostings)) : first;
}

/** The keys and segments of the stories under `key`, oldest first; empty when one of them is missing. */
function chainUnder(cache: SearchIndexCache, key: string): [string, Segment][] {
  const segment = cache.entries.get(key);
  const before = segment?.before === undefined ? [] : chainUnder(cache, segment.before);
  return segment && (segment.before === undefined || before.length > 0) ? [...before, [key, segment]] : [];
}

/**
 * A language's postings, from the cache with the new stories' added when it can, else
 * built anew, and how many stories came from the cache. `docs` are in number order, and
 * `cards` are their JSON.
 */
export async function cachedPostings(
  docs: readonly SearchDoc[],
  cards: readonly string[],
  entities: readonly SearchEntity[],
  cache?: SearchIndexCache,
): Promise<{ postings: PostingTable; reused: number }> {
  if (!cache) return { postings: await indexedPostings(docs, entities), reused: 0 };
  const keys = [digestOf(JSON.stringify(entities))];
  for (const card of cards) keys.push(digestOf(keys.at(-1) as string, card));
  let reused = cards.length;
  while (reused > 0 && !cache.entries.has(keys[reused] as string)) reused--;
  const chain = reused > 0 ? chainUnder(cache, keys[reused] as string) : [];
  if (chain.length === 0) reused = 0;
  const added = reused < cards.length ? [await indexedPostings(docs.slice(reused), entities)] : [];
  const postings = mergedPostings([...chain.map(([, segment]) => segment.postings), ...added]);
  const [newer] = added;
  if (chain.length === 0 || (newer && chain.length >= MAX_SEGMENTS)) keep(cache, keys.at(-1) as string, { postings });
  else {
    for (const [key] of chain) reuse(cache, key);
    if (newer) keep(cache, keys.at(-1) as string, { postings: newer, before: keys[reused] });
  }
  return { postings, reused };
}
