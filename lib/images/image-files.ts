/**
 * Which files of a story folder are photos, and the limits a photo must keep. Photos
 * arrive by pull request like the text, so a file that is not what its name says, or too
 * large to decode safely on the build machine, is refused with these limits named.
 */
import path from 'node:path';

/** The formats a story's photos may come in, by file extension (lowercase). */
const IMAGE_FORMATS = {
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.png': 'png',
  '.webp': 'webp',
  '.avif': 'avif',
} as const;

export type ImageFormat = (typeof IMAGE_FORMATS)[keyof typeof IMAGE_FORMATS];

/** A camera's full-size JPEG is far below this; a larger file is usually an uncompressed export. */
export const MAX_IMAGE_BYTES = 20_000_000;

/** Decoding needs memory in proportion to the pixels: above this a photo could exhaust the build machine. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** The format a file name says it holds, or nothing when it is not a photo's name. */
export function imageFormatOfName(name: string): ImageFormat | undefined {
  const extension = path.extname(name).toLowerCase();
  return Object.hasOwn(IMAGE_FORMATS, extension) ? IMAGE_FORMATS[extension as keyof typeof IMAGE_FORMATS] : undefined;
}

export const IMAGE_EXTENSIONS_TEXT = 'JPEG (.jpg, .jpeg), PNG (.png), WebP (.webp) or AVIF (.avif)';
