/**
 * The one shape of a build cache in `.archive/`: values by key, a key being the digest of what its value is made from,
 * in a file stamped with the digest of the code that makes the values (build-caches.ts), so that a file made by other
 * code reads as empty. The file is blocks, each its byte length and a value as V8 serialises it: the stamp, then runs
 * of entries, a later entry replacing an earlier one. An archive mostly grows, so a build appends its new entries and
 * writes the file anew only once a quarter of it is unused. A block cut short or unreadable ends the reading.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Deserializer, Serializer } from 'node:v8';

export interface KeyedCache<T> {
  /** The digest of the code that makes the values: the file's stamp. */
  code: string;
  entries: Map<string, T>;
  /** The keys this run read or wrote: only these are kept. */
  used: Set<string>;
  /** The keys the file already holds, which an append need not write again. */
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

/** Keeps a value this run made under `key`; a value made again is written again, after the one it replaces. */
export function keep<T>(cache: KeyedCache<T>, key: string, value: T): T {
  cache.stored.delete(key);
  cache.used.add(key);
  cache.misses++;
  cache.entries.set(key, value);
  return value;
}

/** Entries a block holds at most: blocks are read into one reused buffer, cheaper than memory handed over afresh. */
const BLOCK_ENTRIES = 500;

/** The cache in `file` for values made by `code`; only a file read to its end is appended to. */
export function readKeyedCache<T>(file: string, code: string): KeyedCache<T> {
  const cache = createKeyedCache<T>(code);
  let [fd, at, size, buffer] = [-1, 0, -1, Buffer.alloc(4)];
  try {
    fd = fs.openSync(file, 'r');
    size = fs.fstatSync(fd).size;
    while (fs.readSync(fd, buffer, 0, 4, at) === 4) {
      const length = buffer.readUInt32LE(0);
      if (at + 4 + length > size) break;
      if (length > buffer.length) buffer = Buffer.allocUnsafe(length);
      fs.readSync(fd, buffer, 0, length, at + 4);
      // The plain deserializer copies typed arrays out: Node's default one gives views of the reused buffer.
      const deserializer = new Deserializer(buffer.subarray(0, length));
      deserializer.readHeader();
      const value = deserializer.readValue();
      if (at === 0 && value !== code) break;
      if (at > 0) for (const [key, entry] of value as [string, T][]) cache.entries.set(key, entry);
      at += 4 + length;
    }
  } catch {
    // The reading ends here: what was read is kept.
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
  if (at === size) cache.stored = new Set(cache.entries.keys());
  return cache;
}

/** Keeps the entries this run used: by appending those the file lacks, or by writing them all anew. */
export function writeKeyedCache<T>(file: string, cache: KeyedCache<T>): void {
  const stale = [...cache.stored].filter((key) => !cache.used.has(key)).length;
  const appending = cache.stored.size > 0 && stale * 4 <= cache.stored.size;
  const written = [...cache.entries].filter(([key]) => cache.used.has(key) && !(appending && cache.stored.has(key)));
  const blocks: unknown[] = appending ? [] : [cache.code];
  for (let at = 0; at < written.length; at += BLOCK_ENTRIES) blocks.push(written.slice(at, at + BLOCK_ENTRIES));
  // A file written anew goes through a temporary one, so that a stopped build leaves the old one whole.
  const target = appending ? file : `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!appending) fs.writeFileSync(target, '');
  for (const value of blocks) {
    const serializer = new Serializer();
    serializer.writeHeader();
    serializer.writeValue(value);
    const data = serializer.releaseBuffer();
    const length = Buffer.alloc(4);
    length.writeUInt32LE(data.length);
    fs.appendFileSync(target, Buffer.concat([length, data]));
  }
  if (!appending) fs.renameSync(target, file);
}
