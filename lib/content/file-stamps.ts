/**
 * Each article file's digest, and each story folder's names, by what stat says of it
 * (path, size, change and modification times, inode), kept between builds: a file whose
 * stat is unchanged need not be read and hashed to find its outcome in the check cache,
 * nor a folder listed. Any difference (an edit, an added file, a fresh clone's new times)
 * reads the file or lists the folder again.
 *
 * A file changed less than SETTLE_MS before the build is not stamped: on a filesystem
 * with coarse timestamps an edit right after the build could leave the same times, and
 * the stamp would then vouch for bytes the file no longer has.
 *
 * Like the other caches, it is handed to the loader by its caller, never held as hidden state.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createKeyedCache, readKeyedCache, writeKeyedCache, type EntryCodec, type KeyedCache } from '../keyed-cache';

/** Longer than the coarsest file timestamps in use (FAT's 2 s). */
export const SETTLE_MS = 2_000;

/** Digests of files and names in folders, by stamp. */
export type FileStamps = KeyedCache<string>;

const digestCodec: EntryCodec<string> = { fields: 1, encode: (digest) => [digest], decode: ([digest]) => digest };

export function createFileStamps(): FileStamps {
  return createKeyedCache();
}

export function readFileStamps(file: string, code: string): FileStamps {
  return readKeyedCache(file, code, digestCodec);
}

export function writeFileStamps(file: string, code: string, stamps: FileStamps): void {
  writeKeyedCache(file, code, stamps, digestCodec);
}

/** What identifies a file's bytes. */
export function bytesDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** What stat says of a path; a folder's stamp differs from a file's of the same times. */
function stampOf(kind: 'file' | 'folder', absolute: string, stats: Stats): string {
  return [kind, absolute, stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino].join('\0');
}

/** What is known under a stamp, if anything (counted as a hit). */
function known(stamps: FileStamps, stamp: string): string | undefined {
  const value = stamps.entries.get(stamp);
  if (value !== undefined) {
    stamps.used.add(stamp);
    stamps.hits++;
  }
  return value;
}

/** Keeps what was just read under its stamp, unless the path changed too recently to vouch for it. */
function remember(stamps: FileStamps, stamp: string, stats: Stats, settledBefore: number, value: string): void {
  stamps.misses++;
  if (stats.ctimeMs >= settledBefore - SETTLE_MS) return;
  stamps.entries.set(stamp, value);
  stamps.used.add(stamp);
}

/**
 * The digest of a file's bytes, from its stamp when its stat is unchanged since it was
 * read (and it had settled by then), else from reading it (the bytes are then returned
 * too). A file changed less than SETTLE_MS before `settledBefore` is not stamped.
 */
export function fileDigest(absolute: string, stamps: FileStamps | undefined, settledBefore: number): { digest: string; bytes?: Buffer } {
  const stats = stamps && statSync(absolute);
  const stamp = stats && stampOf('file', absolute, stats);
  const digest = stamp !== undefined && stamps ? known(stamps, stamp) : undefined;
  if (digest !== undefined) return { digest };
  const bytes = readFileSync(absolute);
  const read = bytesDigest(bytes);
  if (stamps && stamp !== undefined && stats) remember(stamps, stamp, stats, settledBefore, read);
  return { digest: read, bytes };
}

/**
 * The names in a folder, from its stamp when its stat is unchanged since it was listed
 * (adding, removing or renaming an entry changes a folder's times), else from listing it.
 */
export function folderNames(absolute: string, stamps: FileStamps | undefined, settledBefore: number): string[] {
  if (!stamps) return readdirSync(absolute);
  const stats = statSync(absolute);
  const stamp = stampOf('folder', absolute, stats);
  // No name holds a "/", so the names are kept joined by one.
  const names = known(stamps, stamp);
  if (names !== undefined) return names === '' ? [] : names.split('/');
  const listed = readdirSync(absolute);
  remember(stamps, stamp, stats, settledBefore, listed.join('/'));
  return listed;
}
