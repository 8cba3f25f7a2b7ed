/**
 * The content pipeline, run once before `next build`: load, validate and render the
 * content, then write the archive file that every page reads. Any content error stops
 * the build here, before a single page is written.
 *
 * Rendered bodies and the outcome of checking each file are cached in .archive/ between
 * builds (lib/caches/build-caches.ts): an unchanged story is neither checked nor rendered again
 * (its warnings are still reported), so adding one story to a large archive stays fast.
 * So are the photos: each is inspected and encoded once per content and code
 * (lib/images/), and the images stage copies the files the pages use into out/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARCHIVE_FILE } from '../lib/views/archive';
import { imageStoreDir, readContentCaches, writeContentCaches } from '../lib/caches/build-caches';
import { ARTICLES_FOLDER, contentDirectory } from '../lib/content/layout';
import { dropOtherStores, fillImageStore } from '../lib/images/image-store';
import { loadAndReport } from './report-content';

const caches = readContentCaches();
const result = await loadAndReport(caches);
if (!result.ok) process.exit(1);
mkdirSync(path.dirname(ARCHIVE_FILE), { recursive: true });
writeFileSync(ARCHIVE_FILE, JSON.stringify(result.archive));
const articlesDir = path.join(contentDirectory(), ARTICLES_FOLDER);
const photos = result.archive.stories.flatMap((story) =>
  Object.values(story.articles).flatMap((article) =>
    article.photos.map((photo) => ({ ...photo, source: path.join(articlesDir, story.id, photo.src) })),
  ),
);
const store = imageStoreDir();
const images = await fillImageStore(photos, store);
dropOtherStores(store);
writeContentCaches(caches);
const { renderCache, checkCache, inspectCache } = caches;
console.log(
  `Rendered ${renderCache.misses} bodies, reused ${renderCache.hits} from the render cache; checked ${checkCache.misses} files, reused ${checkCache.hits} checks; ` +
    `inspected ${inspectCache.misses} photos, reused ${inspectCache.hits}; encoded ${images.encoded} photos, reused ${images.reused}.`,
);
