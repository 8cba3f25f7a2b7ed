/**
 * The build's caches in `.archive/` (outside version control), each stamped with the digest of what its entries depend
 * on besides their own input, so that a warm build writes what a cold one writes and no version string has to be
 * remembered: the code that makes them as esbuild bundles it (every module of the project it runs, without the
 * comments, types and unused code that change no output), the packages as the lockfile names them, and Node's major.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { stampsFrom } from './file-stamps';
import type { LoadOptions } from '../content/load';
import { digestOf, readKeyedCache, writeKeyedCache, type KeyedCache } from './keyed-cache';
import type { Archive } from '../content/schema';
import type { Segment } from './search-index-cache';
import { buildSearchFiles, type SearchFiles } from '../search/search-files';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE_DIR = '.archive';

/** The code `module` (a path in the project at `root`) runs, as esbuild bundles it. */
export function bundledCode(root: string, module: string): Uint8Array {
  const { outputFiles } = buildSync({
    entryPoints: [path.join(root, module)],
    absWorkingDir: root,
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    // Packages are named by the lockfile instead; only the project's code is bundled.
    packages: 'external',
    logLevel: 'silent',
  });
  return outputFiles[0]?.contents ?? new Uint8Array();
}

const digests = new Map<string, string>();

/** The digest of `module`'s code, the lockfile and Node's major version; worked out once a process. */
export function codeDigest(root: string, module: string): string {
  const at = path.join(root, module);
  if (!digests.has(at)) {
    const lockfile = readFileSync(path.join(root, 'package-lock.json'));
    digests.set(at, digestOf(`node ${process.versions.node.split('.')[0]}`, lockfile, bundledCode(root, module)));
  }
  return digests.get(at) as string;
}

/** What the loader is handed, and what each photo is by the digest of its bytes (lib/images/story-images.ts). */
export type ContentCaches = Required<Pick<LoadOptions, 'renderCache' | 'checkCache' | 'inspectCache' | 'stamps'>>;

/** Each cache's file, and the module whose code makes its entries: the whole loader for checks, the reading for stamps. */
const CACHE_FILES = {
  renderCache: ['render-cache.bin', 'lib/caches/content-caches.ts'],
  checkCache: ['check-cache.bin', 'lib/content/load.ts'],
  inspectCache: ['image-inspect-cache.bin', 'lib/images/inspect.ts'],
  stamps: ['file-stamps.bin', 'lib/content/content-files.ts'],
  searchIndex: ['search-index-cache.bin', 'lib/caches/search-index-cache.ts'],
} as const;

const readCache = <T>(dir: string, name: keyof typeof CACHE_FILES): KeyedCache<T> =>
  readKeyedCache(path.join(dir, CACHE_FILES[name][0]), codeDigest(ROOT, CACHE_FILES[name][1]));
const writeCache = (dir: string, name: keyof typeof CACHE_FILES, cache: KeyedCache<unknown>) =>
  writeKeyedCache(path.join(dir, CACHE_FILES[name][0]), cache);

/** The folder of published photo files, one per digest of the encoding code (lib/images/image-store.ts). */
export const imageStoreDir = (dir: string = CACHE_DIR): string =>
  path.join(dir, 'images', codeDigest(ROOT, 'lib/images/image-store.ts').slice(0, 16));

export function readContentCaches(dir: string = CACHE_DIR): ContentCaches {
  return {
    renderCache: readCache(dir, 'renderCache'),
    checkCache: readCache(dir, 'checkCache'),
    inspectCache: readCache(dir, 'inspectCache'),
    stamps: stampsFrom(readCache(dir, 'stamps'), dir),
  };
}

export function writeContentCaches(caches: ContentCaches, dir: string = CACHE_DIR): void {
  for (const name of ['renderCache', 'checkCache', 'inspectCache', 'stamps'] as const)
    writeCache(dir, name, caches[name]);
}

/** The search files, extending the cached indexes when they can be, and the cache written back for the next build. */
export async function buildSearchFilesCached(archive: Archive, dir: string = CACHE_DIR): Promise<SearchFiles> {
  const indexCache = readCache<Segment>(dir, 'searchIndex');
  const built = await buildSearchFiles(archive, { indexCache });
  writeCache(dir, 'searchIndex', indexCache);
  return built;
}
