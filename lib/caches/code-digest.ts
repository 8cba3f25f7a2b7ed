/**
 * What a build cache's entries depend on besides their own input: the code that makes
 * them and what that code runs on. A cache stamped with this digest can never hand a
 * build what the code of that build would not make, whoever edits whatever: no version
 * string has to be remembered.
 *
 * The code is every module of the project the given module imports, directly or not, as
 * esbuild finds them by following its imports (type-only imports, which change no
 * output, are left out); the packages are the lockfile; and Node's major version.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const LOCKFILE = 'package-lock.json';

/** The project folder: the nearest one above the module that holds the lockfile. */
function projectRoot(module: string): string {
  let dir = path.dirname(module);
  while (!existsSync(path.join(dir, LOCKFILE))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no ${LOCKFILE} above ${module}`);
    dir = parent;
  }
  return dir;
}

/** The project's own files `module` runs (itself included), relative to `root` and sorted. */
export function moduleGraph(module: string, root: string = projectRoot(module)): string[] {
  const { metafile } = buildSync({
    entryPoints: [module],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    // Packages are named by the lockfile instead; only the project's files are read.
    packages: 'external',
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs).sort();
}

const digests = new Map<string, string>();

/** The digest of `module`'s code (its module graph), the lockfile and Node's major version; computed once a process. */
export function codeDigest(module: string): string {
  const known = digests.get(module);
  if (known !== undefined) return known;
  const root = projectRoot(module);
  const hash = createHash('sha256').update(`node ${process.versions.node.split('.')[0]}\0`);
  for (const file of [LOCKFILE, ...moduleGraph(module, root)])
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  const digest = hash.digest('base64url');
  digests.set(module, digest);
  return digest;
}
