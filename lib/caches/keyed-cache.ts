/**
 * The one shape of a build cache in `.archive/`: values by key, a key being the digest of what its value is made from,
 * in a file stamped with the digest of the code that makes the values (lib/caches/build-caches.ts); a file made by
 * other code reads as empty. The file is blocks, each its byte length and a value as V8 serialises it (strings as V8
 * holds them: no UTF-8 to decode, no JSON to parse): the stamp, then runs of entries, a later entry replacing an
 * earlier one of the same key. An archive mostly grows, so a build appends its new entries; the file is written anew
 * once a quarter of it is unused. A missing file, or a block cut short or unreadable, ends the reading.
 */
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { Deserializer, Serializer } from 'node:v8';

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
  // A value made again is written again, after the one it replaces.
  cache.stored.delete(key);
  cache.used.add(key);
  cache.misses++;
  cache.entries.set(key, value);
  return value;
}

/**
 * Entries a block holds at most. A file is read a block at a time into one buffer, because memory the system hands
 * over afresh costs more than reading into memory already in use; the largest block is the buffer's size.
 */
const BLOCK_ENTRIES = 500;

/**
 * The cache in `file` for values made by `code`. Only a file read to its end is appended to: a block written after a
 * broken one would never be read.
 */
export function readKeyedCache<T>(file: string, code: string): KeyedCache<T> {
  const cache = createKeyedCache<T>(code);
  let [at, size] = [0, -1];
  try {
    const fd = openSync(file, 'r');
    try {
      size = fstatSync(fd).size;
      let buffer = Buffer.alloc(4);
      while (readSync(fd, buffer, 0, 4, at) === 4) {
        const length = buffer.readUInt32LE(0);
        if (at + 4 + length > size) break;
        if (length > buffer.length) buffer = Buffer.allocUnsafe(length);
        readSync(fd, buffer, 0, length, at + 4);
        // The plain deserializer copies typed arrays out: Node's default one gives views of the reused buffer.
        const deserializer = new Deserializer(buffer.subarray(0, length));
        deserializer.readHeader();
        const value = deserializer.readValue();
        if (at === 0 && value !== code) return cache;
        if (at > 0) for (const [key, entry] of value as [string, T][]) cache.entries.set(key, entry);
        at += 4 + length;
      }
    } finally {
      closeSync(fd);
    }
  } catch {
    // The reading ends here: what was read is kept.
  }
  if (at === size) cache.stored = new Set(cache.entries.keys());
  return cache;
}

/** Appends each value to the file as a block. */
function appendBlocks(file: string, values: readonly unknown[]): void {
  for (const value of values) {
    const serializer = new Serializer();
    serializer.writeHeader();
    serializer.writeValue(value);
    const data = serializer.releaseBuffer();
    const size = Buffer.alloc(4);
    size.writeUInt32LE(data.length);
    appendFileSync(file, Buffer.concat([size, data]));
  }
}

/** Keeps the entries this run used: by appending those the file lacks, or by writing them all anew. */
export function writeKeyedCache<T>(file: string, cache: KeyedCache<T>): void {
  const stale = [...cache.stored].filter((key) => !cache.used.has(key)).length;
  const appending = cache.stored.size > 0 && stale * 4 <= cache.stored.size;
  const written = [...cache.entries].filter(([key]) => cache.used.has(key) && !(appending && cache.stored.has(key)));
  const blocks = Array.from({ length: Math.ceil(written.length / BLOCK_ENTRIES) }, (_, at) =>
    written.slice(at * BLOCK_ENTRIES, (at + 1) * BLOCK_ENTRIES),
  );
  if (appending) return appendBlocks(file, blocks);
  mkdirSync(path.dirname(file), { recursive: true });
  // Through a temporary file, so that a stopped build leaves the old one whole.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, '');
  appendBlocks(temporary, [cache.code, ...blocks]);
  renameSync(temporary, file);
}
