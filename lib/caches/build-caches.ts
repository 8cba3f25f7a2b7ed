/**
 * The build's caches in `.archive/` (outside version control): the content caches the
 * loader uses, and the search index cache, each stamped with the digest of the code that
 * makes its entries (lib/caches/code-digest.ts), so that a warm build writes what a cold one writes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeDigest } from './code-digest';
import type { LoadOptions } from '../content/load';
import { readKeyedCache, writeKeyedCache, type KeyedCache } from './keyed-cache';
import type { Archive } from '../content/schema';
import type { InspectCache } from '../images/story-images';
import type { Segment } from './search-index-cache';
import { buildSearchFiles, type SearchFiles } from '../search/search-files';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE_DIR = '.archive';

/** A cache's file, read with the digest of the code that makes its entries: for a file's checks the whole loader. */
const readCache = <T>(dir: string, file: string, module: string): KeyedCache<T> =>
  readKeyedCache(path.join(dir, file), codeDigest(ROOT, module));

/** What the loader is handed, and what each photo is by the digest of its bytes (lib/images/story-images.ts). */
export type ContentCaches = Required<Pick<LoadOptions, 'renderCache' | 'checkCache'>> & { inspectCache: InspectCache };

/** The folder of published photo files, one per digest of the encoding code (lib/images/image-store.ts). */
export function imageStoreDir(dir: string = CACHE_DIR): string {
  return path.join(dir, 'images', codeDigest(ROOT, 'lib/images/image-store.ts').slice(0, 16));
}

export function readContentCaches(dir: string = CACHE_DIR): ContentCaches {
  return {
    renderCache: readCache(dir, 'render-cache.bin', 'lib/caches/render-cache.ts'),
    checkCache: readCache(dir, 'check-cache.bin', 'lib/content/load.ts'),
    inspectCache: readCache(dir, 'image-inspect-cache.bin', 'lib/images/inspect.ts'),
  };
}

export function writeContentCaches(caches: ContentCaches, dir: string = CACHE_DIR): void {
  writeKeyedCache(path.join(dir, 'render-cache.bin'), caches.renderCache);
  writeKeyedCache(path.join(dir, 'check-cache.bin'), caches.checkCache);
  writeKeyedCache(path.join(dir, 'image-inspect-cache.bin'), caches.inspectCache);
}

/** The search files, extending the cached indexes when they can be, and the cache written back for the next build. */
export async function buildSearchFilesCached(archive: Archive, dir: string = CACHE_DIR): Promise<SearchFiles> {
  const indexCache = readCache<Segment>(dir, 'search-index-cache.bin', 'lib/caches/search-index-cache.ts');
  const built = await buildSearchFiles(archive, { indexCache });
  writeKeyedCache(path.join(dir, 'search-index-cache.bin'), indexCache);
  return built;
}
