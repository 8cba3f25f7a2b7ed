/**
 * The build's caches, kept in `.archive/` between builds (outside version control): the
 * content caches the loader uses, and the search index cache. Each cache file is stamped
 * with the digest of the code that makes its entries (lib/code-digest.ts), so a build
 * whose code, packages or Node differ finds it empty: whatever changed, a warm build
 * writes what a cold one writes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeDigest } from './code-digest';
import { readCheckCache, writeCheckCache, type CheckCache } from './content/check-cache';
import { readRenderCache, writeRenderCache, type RenderCache } from './content/render-cache';
import { readKeyedCache, writeKeyedCache } from './keyed-cache';
import type { InspectCache } from './images/story-images';
import type { Archive } from './schema';
import { readSearchIndexCache, writeSearchIndexCache } from './search/index-cache';
import { buildSearchFiles, type SearchFiles } from './search/search-files';

const CACHE_DIR = '.archive';

/** The digest of one of this folder's modules and everything it imports. */
const codeOf = (module: string) => codeDigest(fileURLToPath(new URL(module, import.meta.url)));

/**
 * Each cache's file, and the module whose code makes its entries: a body's rendering
 * comes from the renderer; a file's outcome from the whole loader (its checks, the
 * schemas, the renderer: a body that renders to nothing is an error); postings from
 * the indexing code.
 */
const CACHES = {
  render: { file: 'render-cache.bin', module: './content/render-cache.ts' },
  check: { file: 'check-cache.bin', module: './content/load.ts' },
  search: { file: 'search-index-cache.bin', module: './search/index-cache.ts' },
  inspect: { file: 'image-inspect-cache.bin', module: './images/inspect.ts' },
} as const;

/** The folder of published photo files, one per digest of the encoding code (lib/images/image-store.ts). */
export function imageStoreDir(dir: string = CACHE_DIR): string {
  return path.join(dir, 'images', codeOf('./images/image-store.ts').slice(0, 16));
}

type CacheName = keyof typeof CACHES;

/** Where a cache is kept and the digest of the code that makes it. */
function cacheFile(dir: string, name: CacheName): [file: string, code: string] {
  return [path.join(dir, CACHES[name].file), codeOf(CACHES[name].module)];
}

/** What the loader is handed (lib/content/load.ts, LoadOptions). */
export interface ContentCaches {
  renderCache: RenderCache;
  checkCache: CheckCache;
  /** What each photo is, by the digest of its bytes (lib/images/story-images.ts). */
  inspectCache: InspectCache;
}

export function readContentCaches(dir: string = CACHE_DIR): ContentCaches {
  return {
    renderCache: readRenderCache(...cacheFile(dir, 'render')),
    checkCache: readCheckCache(...cacheFile(dir, 'check')),
    inspectCache: readKeyedCache(...cacheFile(dir, 'inspect')),
  };
}

export function writeContentCaches(caches: ContentCaches, dir: string = CACHE_DIR): void {
  writeRenderCache(...cacheFile(dir, 'render'), caches.renderCache);
  writeCheckCache(...cacheFile(dir, 'check'), caches.checkCache);
  writeKeyedCache(...cacheFile(dir, 'inspect'), caches.inspectCache);
}

/** The search files, extending the cached indexes when they can be, and the cache written back for the next build. */
export async function buildSearchFilesCached(archive: Archive, dir: string = CACHE_DIR): Promise<SearchFiles> {
  const [file, code] = cacheFile(dir, 'search');
  const built = await buildSearchFiles(archive, { indexCache: readSearchIndexCache(file, code) });
  writeSearchIndexCache(file, code, built.indexCache);
  return built;
}
