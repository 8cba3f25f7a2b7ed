/**
 * Reading files from the content folder, whose every entry arrives by pull request.
 * Whatever stands where a file is expected (a symbolic link, a folder, a pipe, a file too
 * large to read whole, one without permission) becomes a problem naming it, never an
 * exception, and nothing is read from outside the content folder.
 *
 * Symbolic links are refused wherever they stand, even those that stay inside the
 * folder: the repository holds real files only, a link would publish one story under two
 * ids, and refusing them all is what makes the real-path check below a second guard
 * rather than the only one.
 *
 * A content file is opened without following a link in its own place and looked at through
 * what was opened, so the stat a path lookup would take is not made for every file.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  type BigIntStats,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { digestOf } from '../caches/keyed-cache';
import { stamped, type FileStamps } from '../caches/file-stamps';
import type { ContentProblem } from './problems';

/** Files above this are refused unread: the body limit plus room for frontmatter, and far above any registry. */
export const MAX_FILE_BYTES = 2_000_000;

/** The content folder, as a file's real path must start. */
export interface ContentRoot {
  realPath: string;
  display: (absolute: string) => string;
}

export function contentRoot(contentDir: string, display: (absolute: string) => string): ContentRoot {
  let realPath: string;
  try {
    realPath = realpathSync(contentDir);
  } catch {
    realPath = path.resolve(contentDir);
  }
  return { realPath, display };
}

/** What stands at a path: its stat without following a link, nothing, or the problem of not being able to look. */
type Lookup = { stats: Stats } | { missing: true } | { problem: ContentProblem };

export function lookUp(absolute: string, root: ContentRoot): Lookup {
  try {
    const stats = lstatSync(absolute);
    if (stats.isSymbolicLink()) return { problem: symbolicLinkProblem(absolute, root) };
    return { stats };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { missing: true };
    return { problem: unreadable(absolute, root, error) };
  }
}

/** Says where a link leads, so the editor knows what to put there instead. */
function symbolicLinkProblem(absolute: string, root: ContentRoot): ContentProblem {
  const file = root.display(absolute);
  let target: string;
  try {
    target = realpathSync(absolute);
  } catch (error) {
    const code = errorCode(error);
    const message =
      code === 'ELOOP'
        ? 'is a symbolic link that loops back on itself'
        : code === 'ENOENT'
          ? 'is a symbolic link to something that does not exist'
          : `is a symbolic link that cannot be followed (${code ?? 'unknown error'})`;
    return { kind: 'SymbolicLink', file, message };
  }
  return {
    kind: 'SymbolicLink',
    file,
    message: isInside(target, root)
      ? 'is a symbolic link; content is read from real files only'
      : 'is a symbolic link to a place outside the content folder',
  };
}

function isInside(realPath: string, root: ContentRoot): boolean {
  const relative = path.relative(root.realPath, realPath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Why what is open (`stats`) cannot be read as a content file: it must be a regular file within the size limit. */
function openedFileProblem(stats: BigIntStats, absolute: string, root: ContentRoot): ContentProblem | undefined {
  const file = root.display(absolute);
  if (stats.isDirectory()) return { kind: 'NotAFile', file, message: 'expected a file, found a folder' };
  if (!stats.isFile()) return specialFileProblem(file);
  if (stats.size > MAX_FILE_BYTES)
    return {
      kind: 'FileTooLarge',
      file,
      message: `the file is ${stats.size} bytes; the limit is ${MAX_FILE_BYTES} bytes`,
    };
  return undefined;
}

const specialFileProblem = (file: string): ContentProblem => ({
  kind: 'NotAFile',
  file,
  message: 'expected a file, found a special file (a pipe, socket or device)',
});

/**
 * Why the real path of `absolute` is not inside the content folder, or nothing when it is. A folder on the way could
 * have been swapped for a link since it was listed. The system's own realpath answers as the JavaScript one does,
 * without a stat call per folder of the path.
 */
export function realPathProblem(absolute: string, root: ContentRoot): ContentProblem | undefined {
  try {
    if (!isInside(realpathSync.native(absolute), root))
      return {
        kind: 'SymbolicLink',
        file: root.display(absolute),
        message: 'leads outside the content folder through a symbolic link',
      };
  } catch (error) {
    return unreadable(absolute, root, error);
  }
  return undefined;
}

/**
 * The bytes of a content file, or the problem that stopped reading them (`missing` is the caller's to word). It must be
 * a regular file (not a link), inside the content folder, within the size limit. `folderChecked` says the folder
 * holding it passed realPathProblem as it was read: then the file's own place, opened without following a link, is
 * all that is left to look at.
 */
export function readContentFile(
  absolute: string,
  root: ContentRoot,
  folderChecked = false,
): Buffer | ContentProblem | 'missing' {
  let fd: number;
  try {
    // Without following a link, and without waiting for a writer when it is a pipe.
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return 'missing';
    // A link in the file's own place (or one on the way that loops); a socket cannot be opened.
    if (code === 'ELOOP') return symbolicLinkProblem(absolute, root);
    if (code === 'ENXIO') return specialFileProblem(root.display(absolute));
    return unreadable(absolute, root, error);
  }
  try {
    const stats = fstatSync(fd, { bigint: true });
    const problem =
      openedFileProblem(stats, absolute, root) ?? (folderChecked ? undefined : realPathProblem(absolute, root));
    if (problem) return problem;
    return readFileSync(fd);
  } catch (error) {
    return unreadable(absolute, root, error);
  } finally {
    closeSync(fd);
  }
}

/**
 * An article file's bytes and their digest (digestOf), read as readContentFile reads a file in a checked folder; or the
 * digest alone, from the file's stamp, when `stamps` has one for it.
 */
export function readContentDigest(
  absolute: string,
  root: ContentRoot,
  stamps?: FileStamps,
): { digest: string; bytes?: Buffer } | ContentProblem | 'missing' {
  const { known, remember } = stamped(absolute, stamps);
  if (known !== undefined) return { digest: known };
  const bytes = readContentFile(absolute, root, true);
  if (!Buffer.isBuffer(bytes)) return bytes;
  const digest = digestOf(bytes);
  remember(digest);
  return { digest, bytes };
}

/**
 * The names in a story folder, found inside the content folder (realPathProblem), or the problem of listing it; from
 * its stamp when it has one: a folder's times change when an entry is added, removed or renamed, and a folder has one
 * place, so the same device and inode is the same folder, found inside when it was stamped.
 */
export function readStoryFolder(folderPath: string, root: ContentRoot, stamps?: FileStamps): string[] | ContentProblem {
  const { known, remember } = stamped(folderPath, stamps);
  if (known !== undefined) return known === '' ? [] : known.split('/');
  const names = attempt(folderPath, root, () => readdirSync(folderPath));
  if (!Array.isArray(names)) return names;
  const outside = realPathProblem(folderPath, root);
  if (outside) return outside;
  remember(names.join('/'));
  return names;
}

/** A file listed a moment ago and missing now: it was removed while the content was loading. */
export function removedWhileReading(file: string): ContentProblem {
  return { kind: 'UnreadableFile', file, message: 'was removed while being read' };
}

/** Runs a file operation, turning its failure into an UnreadableFile problem. */
export function attempt<T>(absolute: string, root: ContentRoot, operation: () => T): T | ContentProblem {
  try {
    return operation();
  } catch (error) {
    return unreadable(absolute, root, error);
  }
}

function unreadable(absolute: string, root: ContentRoot, error: unknown): ContentProblem {
  const code = errorCode(error);
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'unknown error');
  return { kind: 'UnreadableFile', file: root.display(absolute), message: `cannot be read (${reason})` };
}

function errorCode(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

export function isProblem(value: unknown): value is ContentProblem {
  return (
    typeof value === 'object' && value !== null && 'kind' in value && 'message' in value && !Buffer.isBuffer(value)
  );
}
