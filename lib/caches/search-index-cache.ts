/**
 * Each language's search postings (lib/search/postings.ts), kept between builds in a keyed cache. A new story is the
 * newest and takes the next number (documents.ts), so when the cache holds every other story's postings the build
 * indexes only the new ones and appends theirs, which gives what indexing the whole archive gives; after any other edit
 * the language is indexed anew. The key of the first n stories (oldest first) is the digest of the key of the first
 * n − 1 and what the n-th story's postings are made from (its card's fields and its text's digest), the first key that
 * of the entities' names (tagged names are indexed). Each build's new stories make a segment under the key of all the
 * stories up to them, naming the segment before: adding a story appends a small segment to the file. Every
 * MAX_SEGMENTS builds they are merged into one.
 */
import { createKeyedCache, digestOf, keep, reuse, type KeyedCache } from './keyed-cache';
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

/** The keys and segments of the stories under `key`, oldest first; empty when one of them is missing. */
function chainUnder(cache: SearchIndexCache, key: string): [string, Segment][] {
  const segment = cache.entries.get(key);
  const before = segment?.before === undefined ? [] : chainUnder(cache, segment.before);
  return segment && (segment.before === undefined || before.length > 0) ? [...before, [key, segment]] : [];
}

/**
 * A language's postings (`docs` in number order, `stories` what each one's postings are made from, as text), and how
 * many stories came from the cache.
 */
export async function cachedPostings(
  docs: readonly SearchDoc[],
  stories: readonly string[],
  entities: readonly SearchEntity[],
  cache: SearchIndexCache = createKeyedCache(''),
): Promise<{ postings: PostingTable; reused: number }> {
  const keys = [digestOf(JSON.stringify(entities))];
  for (const story of stories) keys.push(digestOf(keys.at(-1) as string, story));
  const newest = keys.findLastIndex((key) => cache.entries.has(key));
  const chain = newest > 0 ? chainUnder(cache, keys[newest] as string) : [];
  const reused = chain.length > 0 ? newest : 0;
  const index = reused < stories.length ? buildSearchIndex(docs.slice(reused), entities) : undefined;
  const added = index ? [exportedPostings(await exportSearchIndex(index))] : [];
  // The later segments, each small, are merged together first, so that the large first one is merged into once.
  const [first = new Map(), ...later] = [...chain.map(([, segment]) => segment.postings), ...added];
  const postings = later.length > 0 ? addNewerPostings(first, later.reduce(addNewerPostings)) : first;
  const [newer] = added;
  if (chain.length === 0 || (newer && chain.length >= MAX_SEGMENTS)) keep(cache, keys.at(-1) as string, { postings });
  else {
    for (const [key] of chain) reuse(cache, key);
    if (newer) keep(cache, keys.at(-1) as string, { postings: newer, before: keys[reused] });
  }
  return { postings, reused };
}
