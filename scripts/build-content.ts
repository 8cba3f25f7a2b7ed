/**
 * The content pipeline, run once before `next build`: load, validate and render the
 * content, then write the archive file that every page reads. Any content error stops
 * the build here, before a single page is written.
 *
 * Rendered bodies are cached in .archive/ between builds: an unchanged story is not
 * rendered again, so adding one story to a large archive stays fast.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARCHIVE_FILE } from '../lib/archive';
import { readRenderCache, RENDER_CACHE_FILE, writeRenderCache } from '../lib/content/render-cache';
import { loadAndReport } from './report-content';

const renderCache = readRenderCache(RENDER_CACHE_FILE);
const result = loadAndReport({ renderCache });
if (!result.ok) process.exit(1);
mkdirSync(path.dirname(ARCHIVE_FILE), { recursive: true });
writeFileSync(ARCHIVE_FILE, JSON.stringify(result.archive));
writeRenderCache(RENDER_CACHE_FILE, renderCache);
console.log(`Rendered ${renderCache.misses} bodies, reused ${renderCache.hits} from the render cache.`);
