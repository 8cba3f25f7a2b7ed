/**
 * The content pipeline, run once before `next build`: load, validate and render the
 * content, then write the archive file that every page reads. Any content error stops
 * the build here, before a single page is written.
 *
 * Rendered bodies and the outcome of checking each file are cached in .archive/ between
 * builds (lib/caches/build-caches.ts): an unchanged story is neither checked nor rendered again
 * (its warnings are still reported), so adding one story to a large archive stays fast.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARCHIVE_FILE } from '../lib/views/archive';
import { readContentCaches, writeContentCaches } from '../lib/caches/build-caches';
import { loadAndReport } from './report-content';

const caches = readContentCaches();
const result = loadAndReport(caches);
if (!result.ok) process.exit(1);
mkdirSync(path.dirname(ARCHIVE_FILE), { recursive: true });
writeFileSync(ARCHIVE_FILE, JSON.stringify(result.archive));
writeContentCaches(caches);
const { renderCache, checkCache } = caches;
console.log(
  `Rendered ${renderCache.misses} bodies, reused ${renderCache.hits} from the render cache; checked ${checkCache.misses} files, reused ${checkCache.hits} checks.`,
);
