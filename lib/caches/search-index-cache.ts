/**
 * Each language's search postings (lib/search/search-index.ts), kept between builds. A new story takes the next number
 * (documents.ts), so when the cache holds every other story's postings only the new ones are indexed and appended,
 * which gives what indexing the whole archive gives; any other edit indexes the language anew. The key of the first n
 * stories is the digest of the key of the first n − 1 and the n-th story's card fields and text digest, the first key
 * that of the entities' names. A build's new stories make a segment naming the one before, merged every MAX_SEGMENTS.
 */
import { createKeyedCache, digestOf, keep, reuse, type KeyedCache } from './keyed-cache';
import type { SearchDoc, SearchEntity } from '../search/documents';
import { buildSearchIndex, indexPostings } from '../search/search-index';
import type { PostingTable, SearchField, TermPostings } from '../search/search-index';

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
  const added = index ? [await indexPostings(index)] : [];
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

/**
 * The postings of stories numbered after every story the table holds, merged into it. flexsearch puts a story in a
 * term's slot by its own text alone and appends it there, so appending gives what indexing them all in order gives.
 */
export function addNewerPostings(table: PostingTable, newer: PostingTable): PostingTable {
  const merged = new Map(table);
  for (const [term, added] of newer) {
    const postings: TermPostings = { ...merged.get(term) };
    for (const [field, addedText] of Object.entries(added) as [SearchField, string][]) {
      const text = postings[field];
      postings[field] = text === undefined ? addedText : appendedSlots(text, addedText);
    }
    merged.set(term, postings);
  }
  return merged;
}

/** Slots' text with the newer one's numbers appended slot by slot: the long older text is cut, not parsed. */
function appendedSlots(text: string, newerText: string): string {
  const slots = text.slice(1, -1).match(/null|\[[\d,]*\]/g) ?? [];
  const added = JSON.parse(newerText) as (number[] | null)[];
  const merged = Array.from({ length: Math.max(slots.length, added.length) }, (_, slot) => {
    const [before = 'null', after] = [slots[slot], added[slot]];
    if (!after || (after.length === 0 && before !== 'null')) return before;
    return before === 'null' || before === '[]' ? JSON.stringify(after) : `${before.slice(0, -1)},${after.join(',')}]`;
  });
  return `[${merged.join(',')}]`;
}
