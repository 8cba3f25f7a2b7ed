/**
 * The one shape of a build cache in `.archive/`: values by key, a key being the digest of what its value is made from,
 * in a file stamped with the digest of the code that makes the values (lib/caches/build-caches.ts); a file made by
 * other code reads as empty. The file is blocks, each its byte length and a value as `v8.serialize` writes it (strings
 * as V8 holds them: no UTF-8 to decode, no JSON to parse). An archive mostly grows, so a build appends its new entries
 * as a block; the file is written anew once a quarter of it is unused. A missing file, or a block cut short or
 * unreadable, ends the reading.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

export interface KeyedCache<T> {
  /** The digest of the code that makes the values: the file's stamp. */
  code: string;
  entries: Map<string, T>;
  /** The keys this run read or wrote: only these are kept. */
  used: Set<string>;
  /** The keys the file already holds, which writing back need not write again. */
  stored: Set<string>;
  /** Counts for the build's log and the benchmark. */
  hits: number;
  misses: number;
}

export function createKeyedCache<T>(code: string, entries: Iterable<[string, T]> = []): KeyedCache<T> {
  return { code, entries: new Map(entries), used: new Set(), stored: new Set(), hits: 0, misses: 0 };
}

/** The digest of `parts`, each after its length, so that no two lists of parts have the same. */
export function digestOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('base64url');
}

/** The value under `key` when the cache holds one that is `usable`; it is then kept for the next build. */
export function reuse<T>(cache: KeyedCache<T>, key: string, usable = (_value: T) => true): T | undefined {
  const found = cache.entries.get(key);
  if (found === undefined || !usable(found)) return undefined;
  cache.used.add(key);
  cache.hits++;
  return found;
}

/** Keeps a value this run made under `key`. */
export function keep<T>(cache: KeyedCache<T>, key: string, value: T): T {
  // A value made again is written again, after the one it replaces, which reads as unusable.
  cache.stored.delete(key);
  cache.used.add(key);
  cache.misses++;
  cache.entries.set(key, value);
  return value;
}

function block(value: unknown): Buffer {
  const sized = Buffer.concat([Buffer.alloc(4), serialize(value)]);
  sized.writeUInt32LE(sized.length - 4);
  return sized;
}

export function readKeyedCache<T>(file: string, code: string): KeyedCache<T> {
  const blocks: unknown[] = [];
  let buffer = Buffer.alloc(0);
  let at = 0;
  try {
    buffer = readFileSync(file);
    while (at + 4 <= buffer.length) {
      const end = at + 4 + buffer.readUInt32LE(at);
      if (end > buffer.length) break;
      blocks.push(deserialize(buffer.subarray(at + 4, end)));
      at = end;
    }
  } catch {
    // The reading ends here: what was read is kept.
  }
  const [stamp, ...entries] = blocks;
  const cache = createKeyedCache(code, stamp === code ? (entries.flat() as [string, T][]) : []);
  // A file with a broken end is written anew next time: what is appended after it would never be read.
  return stamp === code && at === buffer.length ? { ...cache, stored: new Set(cache.entries.keys()) } : cache;
}

/** Keeps the entries this run used: by appending those the file lacks, or by writing them all anew. */
export function writeKeyedCache<T>(file: string, cache: KeyedCache<T>): void {
  const used = [...cache.entries].filter(([key]) => cache.used.has(key));
  const stale = [...cache.stored].filter((key) => !cache.used.has(key)).length;
  const added = used.filter(([key]) => !cache.stored.has(key));
  if (cache.stored.size > 0 && stale * 4 <= cache.stored.size) {
    if (added.length > 0) appendFileSync(file, block(added));
    return;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  // Through a temporary file, so that a stopped build leaves the old one whole.
  writeFileSync(`${file}.${process.pid}.tmp`, Buffer.concat([block(cache.code), block(used)]));
  renameSync(`${file}.${process.pid}.tmp`, file);
}
