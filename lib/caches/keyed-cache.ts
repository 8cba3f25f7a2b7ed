/**
 * A build cache of entries by key (rendered bodies, check outcomes), and its file. An
 * archive mostly grows by adding stories, so writing the cache back appends the new
 * entries to the file rather than writing every entry again; the file is written anew
 * only when a quarter of what it holds is no longer used (edited or deleted files), so
 * stale entries never make up much of it.
 *
 * Entries are stored as they are: the file is read only by the code that wrote it
 * (lib/caches/cache-file.ts), so what reads back is what was stored.
 */
import { appendCacheBlock, readCacheFile, writeCacheFile } from './cache-file';

export interface KeyedCache<T> {
  entries: Map<string, T>;
  /** The keys this run read or wrote, so stale ones can be dropped. */
  used: Set<string>;
  /** The keys the cache file already holds: writing back need not write them again. */
  stored: ReadonlySet<string>;
  /** Counts for the build's log and the benchmark. */
  hits: number;
  misses: number;
}

export function createKeyedCache<T>(entries: Iterable<[string, T]> = []): KeyedCache<T> {
  return { entries: new Map(entries), used: new Set(), stored: new Set(), hits: 0, misses: 0 };
}

/** Reads a cache file; a missing or unreadable file, or one made by other code, gives an empty cache. */
export function readKeyedCache<T>(file: string, code: string): KeyedCache<T> {
  const read = readCacheFile(file, code);
  const cache = createKeyedCache((read?.blocks ?? []).flat() as [string, T][]);
  // A file with a broken end is written anew next time, without it.
  return read?.whole ? { ...cache, stored: new Set(cache.entries.keys()) } : cache;
}

/** Keeps the entries this run used: by appending those the file lacks, or by writing them all anew. */
export function writeKeyedCache<T>(file: string, code: string, cache: KeyedCache<T>): void {
  const used = [...cache.entries].filter(([key]) => cache.used.has(key));
  const stale = [...cache.stored].filter((key) => !cache.used.has(key)).length;
  if (cache.stored.size === 0 || stale * 4 > cache.stored.size) {
    writeCacheFile(file, code, [used]);
    return;
  }
  const added = used.filter(([key]) => !cache.stored.has(key));
  if (added.length > 0) appendCacheBlock(file, added);
}
