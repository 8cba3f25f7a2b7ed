/**
 * The exported index cut into files by term, so that a query fetches only the files
 * holding its terms, not the whole index. Terms of every field are sorted together and
 * packed, in order, into shards of about `targetBytes`; a shard holds each field's
 * postings for its terms, in flexsearch's own export format. The manifest lists each
 * shard's first term, so finding a term's shard is a binary search.
 */
import { diacriticWords, exactEncoder, foldedEncoder, joinedSyllables } from './encoding';
import { SEARCH_FIELDS, type ExportedIndex, type SearchField } from './search-index';

/** One term's postings in one field, as flexsearch exports them: [term, ids by relevance slot]. */
export type Posting = [term: string, slots: unknown[]];
export type Shard = Partial<Record<SearchField, Posting[]>>;

export interface ShardedIndex {
  /** The first term of each shard, ascending. */
  starts: string[];
  shards: Shard[];
}

/** About 6–8 kB gzip a shard: a first query fetches a few of them. */
export const SHARD_TARGET_BYTES = 24_000;

function isField(name: string): name is SearchField {
  return (SEARCH_FIELDS as readonly string[]).includes(name);
}

/** Cuts an exported index into term-range shards. Throws on export keys it does not know, so no data is dropped silently. */
export function shardIndex(parts: ExportedIndex, targetBytes = SHARD_TARGET_BYTES): ShardedIndex {
  const byTerm = new Map<string, Shard>();
  for (const [key, data] of Object.entries(parts)) {
    // "1.reg" is the list of document ids: searching does not read it.
    if (key.endsWith('.reg')) continue;
    const [field, , kind] = key.split('.');
    if (kind !== 'map' || field === undefined || !isField(field)) throw new Error(`Unexpected search index export part "${key}"`);
    for (const posting of JSON.parse(data) as Posting[]) {
      const shard = byTerm.get(posting[0]) ?? {};
      (shard[field] ??= []).push(posting);
      byTerm.set(posting[0], shard);
    }
  }
  const terms = [...byTerm.keys()].sort();
  const starts: string[] = [];
  const shards: Shard[] = [];
  let size = Infinity;
  for (const term of terms) {
    const termShard = byTerm.get(term) as Shard;
    const bytes = JSON.stringify(termShard).length;
    if (size + bytes > targetBytes && size > 0) {
      starts.push(term);
      shards.push({});
      size = 0;
    }
    const shard = shards[shards.length - 1] as Shard;
    for (const field of SEARCH_FIELDS) {
      const postings = termShard[field];
      if (postings) (shard[field] ??= []).push(...postings);
    }
    size += bytes;
  }
  return { starts, shards };
}

/** The shard that holds a term (if any shard does): the last one starting at or before it. */
export function shardOf(term: string, starts: readonly string[]): number {
  let low = 0;
  let high = starts.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] as string) <= term) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** Every term flexsearch will look up for a query: folded words, words with diacritics as typed, and joined word pairs (phrase ranking). */
export function queryLookupTerms(query: string): string[] {
  const folded = foldedEncoder();
  const exact = exactEncoder();
  const terms = [...folded.encode(query), ...exact.encode(diacriticWords(query)), ...joinedSyllables(query).flatMap((pair) => folded.encode(pair))];
  return [...new Set(terms.map(String))];
}
