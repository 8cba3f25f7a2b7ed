/**
 * What a build cache's entries depend on besides their own input: the code that makes
 * them and what it runs on, so that no version string has to be remembered. The code is
 * every module of the project the given module imports, directly or not, as esbuild
 * follows its imports (type-only imports, which change no output, are left out); the
 * packages are the lockfile; and Node's major version.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { digestOf } from './keyed-cache';

/** The project's own files that `module` (a path in the project at `root`) runs, itself included, sorted. */
export function moduleGraph(root: string, module: string): string[] {
  const { metafile } = buildSync({
    entryPoints: [path.join(root, module)],
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

/** The digest of `module`'s code, the lockfile and Node's major version; worked out once a process. */
export function codeDigest(root: string, module: string): string {
  const at = path.join(root, module);
  if (!digests.has(at)) {
    const files = ['package-lock.json', ...moduleGraph(root, module)];
    const contents = files.flatMap((file) => [file, readFileSync(path.join(root, file))]);
    digests.set(at, digestOf(`node ${process.versions.node.split('.')[0]}`, ...contents));
  }
  return digests.get(at) as string;
}
