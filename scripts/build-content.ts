/**
 * The content pipeline, run once before `next build`: load, validate and render the
 * content, then write the archive file that every page reads. Any content error stops
 * the build here, before a single page is written.
 *
 * Rendered bodies and the outcome of checking each file are cached in .archive/ between
 * builds: an unchanged story is neither checked nor rendered again (its warnings are
 * still reported), and an article file whose stat is unchanged is not even read, so
 * adding one story to a large archive stays fast.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARCHIVE_FILE } from '../lib/archive';
import { CHECK_CACHE_FILE, readCheckCache, writeCheckCache } from '../lib/content/check-cache';
import { FILE_STAMPS_FILE, readFileStamps, writeFileStamps } from '../lib/content/file-stamps';
import { readRenderCache, RENDER_CACHE_FILE, writeRenderCache } from '../lib/content/render-cache';
import { loadAndReport } from './report-content';

const renderCache = readRenderCache(RENDER_CACHE_FILE);
const checkCache = readCheckCache(CHECK_CACHE_FILE);
const fileStamps = readFileStamps(FILE_STAMPS_FILE);
const result = loadAndReport({ renderCache, checkCache, fileStamps });
if (!result.ok) process.exit(1);
mkdirSync(path.dirname(ARCHIVE_FILE), { recursive: true });
writeFileSync(ARCHIVE_FILE, JSON.stringify(result.archive));
writeRenderCache(RENDER_CACHE_FILE, renderCache);
writeCheckCache(CHECK_CACHE_FILE, checkCache);
writeFileStamps(FILE_STAMPS_FILE, fileStamps);
console.log(`Rendered ${renderCache.misses} bodies, reused ${renderCache.hits} from the render cache; checked ${checkCache.misses} files, reused ${checkCache.hits} checks.`);
