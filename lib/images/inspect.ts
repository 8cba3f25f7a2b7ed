/**
 * What a photo file is: its format and size as the decoder reads them, or why it cannot
 * be published. The whole image is decoded once, so a truncated or corrupt file is caught
 * by the check, not by a reader's browser.
 */
import { createHash } from 'node:crypto';
import type { Metadata } from 'sharp';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, type ImageFormat } from './image-files';

/** A photo that can be published: the digest of its bytes and its size as shown (after its orientation tag). */
export interface InspectedImage {
  digest: string;
  width: number;
  height: number;
  format: ImageFormat;
}

/** Why a photo file cannot be published. */
export interface ImageFault {
  fault: string;
}

export const imageDigest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const limitsText = `the limits are ${MAX_IMAGE_BYTES / 1_000_000} MB and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`;

/** sharp's name for each format it decodes that a story may use (AVIF is read as HEIF). */
function formatOfDecoder(name: string | undefined, compression: string | undefined): ImageFormat | undefined {
  if (name === 'jpeg' || name === 'png' || name === 'webp') return name;
  if (name === 'heif' && compression === 'av1') return 'avif';
  return undefined;
}

/** The fault of a file too large to read, from its size alone. */
export function sizeFault(size: number): ImageFault | undefined {
  return size > MAX_IMAGE_BYTES
    ? { fault: `the file is ${(size / 1_000_000).toFixed(1)} MB; ${limitsText}` }
    : undefined;
}

export async function inspectImage(bytes: Uint8Array, expected: ImageFormat): Promise<InspectedImage | ImageFault> {
  const tooLarge = sizeFault(bytes.byteLength);
  if (tooLarge) return tooLarge;
  // Loaded only when there is a photo to look at: the check of an archive without any stays quick to start.
  const { default: sharp } = await import('sharp');
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { fault: `the file is not an image (its name says ${expected.toUpperCase()})` };
  }
  const format = formatOfDecoder(metadata.format, metadata.compression);
  if (format !== expected) {
    const found = format ?? metadata.format ?? 'unknown';
    return { fault: `the file holds a ${found.toUpperCase()} image, but its name says ${expected.toUpperCase()}` };
  }
  const { width, height } = metadata.autoOrient;
  if (width * height > MAX_IMAGE_PIXELS)
    return {
      fault: `the image is ${width}×${height} (${((width * height) / 1_000_000).toFixed(1)} megapixels); ${limitsText}`,
    };
  try {
    // Decoding every pixel is what finds a file cut short or damaged after its header.
    await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).stats();
  } catch {
    return { fault: 'the image cannot be decoded: the file is damaged or cut short' };
  }
  return { digest: imageDigest(bytes), width, height, format };
}

export const isImageFault = (value: InspectedImage | ImageFault): value is ImageFault => 'fault' in value;
