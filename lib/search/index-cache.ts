/**
 * Each language's search index, kept between builds as postings (lib/search/postings.ts)
 * in a keyed cache (lib/keyed-cache.ts). A new story is the newest and takes the next
 * number (lib/search/documents.ts): when the cache holds the postings of every other
 * story, the build indexes only the new ones and adds their postings, which gives what
 * indexing the whole archive gives. Anything else (an edited, removed or back-dated
 * story, a changed registry) indexes the language anew.
 *
 * Stories are keyed as a chain, oldest first: the key of the first n stories is the
 * digest of the key of the first n − 1 and the n-th story's card (search's view of it),
 * the first key the digest of every entity's names (tagged names are indexed). The
 * stories one build adds make a segment, kept under the key of all stories up to them
 * with the key of those before: adding a story appends a small segment to the file. Every
 * MAX_SEGMENTS builds a language's segments are merged into one.
 */
import { digestOf, keep, reuse, type KeyedCache } from '../keyed-cache';
import type { SearchDoc, SearchEntity } from './documents';
import { addNewerPostings, exportedPostings, type PostingTable } from './postings';
import { buildSearchIndex, exportSearchIndex } from './search-index';

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
function mergedPostings([first, ...later]: readonly PostingTable[]): PostingTable {
  if (!first) return new Map();
  const [second, ...rest] = later;
  return second ? addNewerPostings(first, rest.reduce(addNewerPostings, second)) : first;
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
  const last = keys.at(-1) as string;
  if (chain.length === 0 || chain.length >= MAX_SEGMENTS) keep(cache, last, { postings });
  else {
    for (const [key] of chain) reuse(cache, key);
    if (added[0]) keep(cache, last, { postings: added[0], before: keys[reused] });
  }
  return { postings, reused };
}
