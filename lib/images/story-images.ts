/**
 * The photos in the story folders, each inspected (lib/images/inspect.ts) before the
 * content is loaded: decoding is asynchronous and the loader is not, so the loader is
 * handed what each photo is. Inspecting a large photo costs a full decode, so outcomes
 * are kept by the digest of the file's bytes (the caller's cache, stamped with the
 * inspecting code's digest, lib/caches/build-caches.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { attempt, isProblem, lookUp, removedWhileReading, type ContentRoot } from '../content/content-files';
import type { ContentProblem } from '../content/problems';
import { createKeyedCache, keep, reuse, type KeyedCache } from '../caches/keyed-cache';
import { imageFormatOfName } from './image-files';
import { imageDigest, inspectImage, sizeFault, type ImageFault, type InspectedImage } from './inspect';

/** What stands at a photo's path: a photo that can be published, one that cannot and why, or a file problem. */
type FolderImage = InspectedImage | ImageFault | { problem: ContentProblem };

/** Every photo file of every story folder, by absolute path. */
export type ImageCatalogue = ReadonlyMap<string, FolderImage>;

export type InspectCache = KeyedCache<InspectedImage | ImageFault>;

/** A cache for one run only (the build hands the loader one kept in .archive/). */
export const createInspectCache = (): InspectCache => createKeyedCache('');

export async function inspectStoryImages(
  articlesDir: string,
  root: ContentRoot,
  cache: InspectCache = createInspectCache(),
  /** The story folders to look in (all of them when left out). */
  folders: (name: string) => boolean = () => true,
): Promise<ImageCatalogue> {
  const paths = imagePaths(articlesDir, folders);
  // One decode per core at a time: enough to keep every core busy, few enough to bound memory.
  const limit = pLimit(os.availableParallelism());
  const found = await Promise.all(paths.map((absolute) => limit(() => inspectFile(absolute, root, cache))));
  return new Map(paths.map((absolute, index) => [absolute, found[index] as FolderImage]));
}

/** The photo files' paths: names with a photo's extension in each folder of articles/ (links included, to be refused). */
function imagePaths(articlesDir: string, folders: (name: string) => boolean): string[] {
  const list = (dir: string) => {
    try {
      return readdirSync(dir, { withFileTypes: true });
    } catch {
      // An unreadable folder is reported by the loader, which reads it too.
      return [];
    }
  };
  return list(articlesDir)
    .filter((entry) => entry.isDirectory() && folders(entry.name))
    .flatMap((folder) =>
      list(path.join(articlesDir, folder.name))
        .filter((entry) => imageFormatOfName(entry.name) !== undefined)
        .map((entry) => path.join(articlesDir, folder.name, entry.name)),
    )
    .sort();
}

async function inspectFile(absolute: string, root: ContentRoot, cache: InspectCache): Promise<FolderImage> {
  const file = root.display(absolute);
  const found = lookUp(absolute, root);
  if ('missing' in found) return { problem: removedWhileReading(file) };
  if ('problem' in found) return found;
  if (!found.stats.isFile())
    return { problem: { kind: 'NotAFile', file, message: 'expected a photo file, found a folder or special file' } };
  // A file over the limit is refused unread.
  const tooLarge = sizeFault(found.stats.size);
  if (tooLarge) return tooLarge;
  const bytes = attempt(absolute, root, () => readFileSync(absolute));
  if (isProblem(bytes)) return { problem: bytes };
  const format = imageFormatOfName(absolute) ?? 'jpeg';
  const key = `${imageDigest(bytes)}.${format}`;
  return reuse(cache, key) ?? keep(cache, key, await inspectImage(bytes, format));
}
