/**
 * The published files of every photo, kept between builds in a folder named by the
 * digest of the encoding code (lib/caches/build-caches.ts): a photo whose files are all there
 * was encoded from the same bytes (its names carry their digest) by the same code, so
 * it is not encoded again. Encoding is by far the most costly step of a build with
 * photos.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import type { Story } from '../content/schema';
import { encodeImage } from './encode';
import { publishedFiles, type SizedImage } from './published';

/** A photo to publish and where its original is. */
export interface PhotoSource extends SizedImage {
  source: string;
}

/** Every photo the articles of `stories` show, with its original in the story's folder under `articlesDir`. */
export function photoSources(stories: readonly Story[], articlesDir: string): PhotoSource[] {
  return stories.flatMap((story) =>
    Object.values(story.articles).flatMap((article) =>
      article.photos.map((photo) => ({ ...photo, source: path.join(articlesDir, story.id, photo.src) })),
    ),
  );
}

/** The photos of `photos` by digest, once each (a photo can be shown by several articles). */
export function distinctPhotos<T extends SizedImage>(photos: readonly T[]): T[] {
  return [...new Map(photos.map((photo) => [photo.digest, photo])).values()];
}

/**
 * Writes the files of each photo the store lacks; returns how many photos were encoded and how many reused.
 * sharp runs each encode on one of libuv's threads and, on glibc, gives each encode one
 * thread of its own, so photos are encoded side by side, one per core.
 */
export async function fillImageStore(
  photos: readonly PhotoSource[],
  storeDir: string,
): Promise<{ encoded: number; reused: number }> {
  mkdirSync(storeDir, { recursive: true });
  const limit = pLimit(os.availableParallelism());
  const outcomes = await Promise.all(distinctPhotos(photos).map((photo) => limit(() => storePhoto(photo, storeDir))));
  const encoded = outcomes.filter((outcome) => outcome === 'encoded').length;
  return { encoded, reused: outcomes.length - encoded };
}

async function storePhoto(photo: PhotoSource, storeDir: string): Promise<'encoded' | 'reused'> {
  if (publishedFiles(photo).every((file) => existsSync(path.join(storeDir, file.name)))) return 'reused';
  const files = await encodeImage(readFileSync(photo.source), photo);
  for (const [name, bytes] of files) {
    // Written under a temporary name first, so a build stopped half-way never leaves a file cut short.
    const temporary = path.join(storeDir, `${name}.${process.pid}.tmp`);
    writeFileSync(temporary, bytes);
    renameSync(temporary, path.join(storeDir, name));
  }
  return 'encoded';
}

/** Removes the stores of other code than `storeDir`'s: their files will never be used again. */
export function dropOtherStores(storeDir: string): void {
  const parent = path.dirname(storeDir);
  for (const entry of readdirSync(parent, { withFileTypes: true }))
    if (entry.isDirectory() && entry.name !== path.basename(storeDir))
      rmSync(path.join(parent, entry.name), { recursive: true, force: true });
}

/** Copies each photo's files from the store to `outDir`. */
export function copyFromImageStore(photos: readonly SizedImage[], storeDir: string, outDir: string): number {
  mkdirSync(outDir, { recursive: true });
  let copied = 0;
  for (const photo of photos)
    for (const file of publishedFiles(photo)) {
      copyFileSync(path.join(storeDir, file.name), path.join(outDir, file.name));
      copied++;
    }
  return copied;
}
