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
import { dropOtherStores, fillImageStore, photoSources } from '../lib/images/image-store';
import { renderedBodyProblems } from './quality/page-safety';
import { loadAndReport } from './report-content';

const caches = readContentCaches();
const result = await loadAndReport(caches);
if (!result.ok) process.exit(1);
// A body can come from the render cache, a file as untrusted as whatever wrote it (a CI cache restored for a pull
// request): every body is held to the sanitiser before a page is made from it, so a bad cache stops the build here.
const unsafe = renderedBodyProblems(
  result.archive.stories.flatMap((story) => Object.values(story.articles).filter((article) => article !== undefined)),
);
if (unsafe.length > 0) {
  console.error(
    `${unsafe.length} problems in the rendered bodies; remove .archive/ (the build's caches) and build again:\n${unsafe.map((problem) => `  ${problem}`).join('\n')}`,
  );
  process.exit(1);
}
mkdirSync(path.dirname(ARCHIVE_FILE), { recursive: true });
writeFileSync(ARCHIVE_FILE, JSON.stringify(result.archive));
const photos = photoSources(result.archive.stories, path.join(contentDirectory(), ARTICLES_FOLDER));
const store = imageStoreDir();
const images = await fillImageStore(photos, store);
dropOtherStores(store);
writeContentCaches(caches);
const { renderCache, checkCache, inspectCache } = caches;
console.log(
  `Rendered ${renderCache.misses} bodies, reused ${renderCache.hits} from the render cache; checked ${checkCache.misses} files, reused ${checkCache.hits} checks; ` +
    `inspected ${inspectCache.misses} photos, reused ${inspectCache.hits}; encoded ${images.encoded} photos, reused ${images.reused}.`,
);
