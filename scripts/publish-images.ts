/**
 * After `next build`: copies the published files of every photo an article shows from
 * the build's image store (made by the content stage) into out/images/.
 */
import path from 'node:path';
import { getArchive } from '../lib/views/archive';
import { imageStoreDir } from '../lib/caches/build-caches';
import { copyFromImageStore, distinctPhotos } from '../lib/images/image-store';
import { IMAGES_FOLDER } from '../lib/images/published';

const archive = getArchive();
const photos = distinctPhotos(
  archive.stories.flatMap((story) => Object.values(story.articles).flatMap((article) => article.photos)),
);
const copied = copyFromImageStore(photos, imageStoreDir(), path.join('out', IMAGES_FOLDER));
console.log(`Published ${copied} files of ${photos.length} photos.`);
