/**
 * A build cache of entries by key (rendered bodies, check outcomes, file stamps), and
 * its file. An archive mostly grows by adding stories, so writing the cache back appends
 * the new entries to the file rather than writing every entry again; the file is written
 * anew only when a quarter of what it holds is no longer used (edited or deleted files),
 * so stale entries never make up much of it.
 */
import type { z } from 'zod';
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

/** How one entry is stored: its value as a fixed number of strings. */
export interface EntryCodec<T> {
  fields: number;
  encode: (value: T) => string[];
  /** The value, or undefined when the stored strings do not make one (the entry is then left out). */
  decode: (fields: readonly string[]) => T | undefined;
}

export function createKeyedCache<T>(entries: Iterable<[string, T]> = []): KeyedCache<T> {
  return { entries: new Map(entries), used: new Set(), stored: new Set(), hits: 0, misses: 0 };
}

/** Reads a cache file; a missing or unreadable file, or one made by other code, gives an empty cache. */
export function readKeyedCache<T>(file: string, code: string, codec: EntryCodec<T>): KeyedCache<T> {
  const entries: [string, T][] = [];
  const width = 1 + codec.fields;
  let intact = true;
  for (const block of readCacheFile(file, code) ?? []) {
    if (block.length % width !== 0) {
      intact = false;
      continue;
    }
    for (let at = 0; at < block.length; at += width) {
      const value = codec.decode(block.slice(at + 1, at + width));
      if (value === undefined) intact = false;
      else entries.push([block[at] as string, value]);
    }
  }
  // Anything that did not read back makes the next write a whole new file, without it.
  const cache = createKeyedCache(entries);
  return intact ? { ...cache, stored: new Set(cache.entries.keys()) } : cache;
}

/** Keeps the entries this run used: by appending those the file lacks, or by writing them all anew. */
export function writeKeyedCache<T>(file: string, code: string, cache: KeyedCache<T>, codec: EntryCodec<T>): void {
  const used = [...cache.entries].filter(([key]) => cache.used.has(key));
  const stale = [...cache.stored].filter((key) => !cache.used.has(key)).length;
  const block = (entries: [string, T][]) => entries.flatMap(([key, value]) => [key, ...codec.encode(value)]);
  if (cache.stored.size === 0 || stale * 4 > cache.stored.size) {
    writeCacheFile(file, code, [block(used)]);
    return;
  }
  const added = used.filter(([key]) => !cache.stored.has(key));
  if (added.length > 0) appendCacheBlock(file, block(added));
}

/** A stored JSON string read back as `schema` says, or undefined when it is not that. */
export function decodeJson<T extends z.ZodType>(text: string | undefined, schema: T): z.infer<T> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
