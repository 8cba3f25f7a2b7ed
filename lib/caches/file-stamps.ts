/**
 * File stamps, as git's index keeps them: what stat says of each article file and story folder, with the digest of the
 * file's bytes or the folder's names, so that a path whose stat is unchanged since a build read it is not read, hashed or
 * listed again. Every change to a path (its bytes, times or permissions, a link to it, a rename) sets its change time
 * to the clock's, and nothing sets it back. A path whose times are not older than the build's start is not stamped
 * (git's racy timestamps): with coarse times, an edit in the tick the build read it would leave its stat unchanged.
 */
import { lstatSync, mkdirSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { keep, reuse, type KeyedCache } from './keyed-cache';

/** What was read at each stamped path, by its stamp; and the moment the build began, by the file system's clock. */
export type FileStamps = KeyedCache<string> & { settledBefore: bigint };

/** The stamps `memo` holds, for a build that begins now: the time the file system gives a file written in `dir`. */
export function stampsFrom(memo: KeyedCache<string>, dir: string): FileStamps {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'clock'), String(process.pid));
  return { ...memo, settledBefore: statSync(path.join(dir, 'clock'), { bigint: true }).mtimeNs };
}

/**
 * What was read at `absolute` when it had the stat it has now, if anything, and how to keep what is read now. Only a
 * file or a folder is stamped (a link's own stat says nothing of where it leads), and a file put in its place has
 * another inode. Call `remember` only after reading succeeds: a stamp promises a readable file or folder.
 */
export function stamped(absolute: string, stamps?: FileStamps): { known?: string; remember: (value: string) => void } {
  let stats: BigIntStats | undefined;
  try {
    stats = stamps && lstatSync(absolute, { bigint: true, throwIfNoEntry: false });
  } catch {
    // Read as if never stamped: the reading itself says what is wrong.
  }
  if (!stamps || !stats || !(stats.isFile() || stats.isDirectory())) return { remember: () => undefined };
  const key = [absolute, stats.dev, stats.ino, stats.mode, stats.size, stats.mtimeNs, stats.ctimeNs].join(' ');
  const settled = stats.ctimeNs < stamps.settledBefore && stats.mtimeNs < stamps.settledBefore;
  return { known: reuse(stamps, key), remember: (value) => void (settled && keep(stamps, key, value)) };
}
