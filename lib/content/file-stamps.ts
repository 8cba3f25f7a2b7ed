/**
 * Each article file's digest by what stat says of it (path, size, change and
 * modification times, inode), kept between builds: a file whose stat is unchanged need
 * not be read and hashed to find its outcome in the check cache. Any difference (an
 * edit, a fresh clone's new times) reads and hashes the file again.
 *
 * A file changed less than SETTLE_MS before the build is not stamped: on a filesystem
 * with coarse timestamps an edit right after the build could leave the same times, and
 * the stamp would then vouch for bytes the file no longer has.
 *
 * Like the other caches, it is handed to the loader by its caller, never held as hidden state.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createKeyedCache, readKeyedCache, writeKeyedCache, type EntryCodec, type KeyedCache } from '../keyed-cache';

/** Where the build keeps them: beside the check cache, outside version control. */
export const FILE_STAMPS_FILE = path.join('.archive', 'file-stamps.bin');

/** Names how stamps and digests are made: change it whenever either changes. */
export const FILE_STAMPS_VERSION = 'file-stamps/1';

/** Longer than the coarsest file timestamps in use (FAT's 2 s). */
export const SETTLE_MS = 2_000;

/** Digests by stamp. */
export type FileStamps = KeyedCache<string>;

const digestCodec: EntryCodec<string> = { fields: 1, encode: (digest) => [digest], decode: ([digest]) => digest };

export function createFileStamps(): FileStamps {
  return createKeyedCache();
}

export function readFileStamps(file: string): FileStamps {
  return readKeyedCache(file, FILE_STAMPS_VERSION, digestCodec);
}

export function writeFileStamps(file: string, stamps: FileStamps): void {
  writeKeyedCache(file, FILE_STAMPS_VERSION, stamps, digestCodec);
}

/** What identifies a file's bytes. */
export function bytesDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * The digest of a file's bytes, from its stamp when its stat is unchanged since it was
 * read (and it had settled by then), else from reading it (the bytes are then returned
 * too). A file changed less than SETTLE_MS before `settledBefore` is not stamped.
 */
export function fileDigest(absolute: string, stamps: FileStamps | undefined, settledBefore: number): { digest: string; bytes?: Buffer } {
  if (!stamps) {
    const bytes = readFileSync(absolute);
    return { digest: bytesDigest(bytes), bytes };
  }
  const stats = statSync(absolute);
  const stamp = [absolute, stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino].join('\0');
  const known = stamps.entries.get(stamp);
  if (known !== undefined) {
    stamps.used.add(stamp);
    stamps.hits++;
    return { digest: known };
  }
  const bytes = readFileSync(absolute);
  const digest = bytesDigest(bytes);
  stamps.misses++;
  if (stats.ctimeMs < settledBefore - SETTLE_MS) {
    stamps.entries.set(stamp, digest);
    stamps.used.add(stamp);
  }
  return { digest, bytes };
}
