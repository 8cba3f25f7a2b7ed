/**
 * Writes a photo's published files (lib/images/published.ts). Each file is decoded,
 * turned upright by its orientation tag, resized and encoded afresh: sharp writes no
 * metadata unless asked, so no EXIF, GPS or XMP of the original (where a phone photo was
 * taken, the camera's serial number) reaches the site. Colours are converted to sRGB,
 * which every browser shows the same.
 */
import sharp, { type Sharp } from 'sharp';
import type { PublishedFormat, SizedImage } from './published';
import { publishedFiles } from './published';

/** Speed over the last few percent of size: the archive re-encodes every photo on a cold build. */
const ENCODER_OPTIONS: { [F in PublishedFormat]: Parameters<Sharp[F]>[0] } = {
  avif: { quality: 55, effort: 2 },
  webp: { quality: 78, effort: 3 },
  jpeg: { quality: 80, mozjpeg: true, progressive: true },
};

function encoder(pipeline: Sharp, format: PublishedFormat): Sharp {
  if (format === 'avif') return pipeline.avif(ENCODER_OPTIONS.avif);
  if (format === 'webp') return pipeline.webp(ENCODER_OPTIONS.webp);
  // JPEG has no transparency: a transparent PNG shows on white, as on the page, not on black.
  return pipeline.flatten({ background: '#ffffff' }).jpeg(ENCODER_OPTIONS.jpeg);
}

/** The published files of one photo, by name, made from the original's bytes. */
export async function encodeImage(bytes: Uint8Array, image: SizedImage): Promise<Map<string, Buffer>> {
  const upright = sharp(bytes).autoOrient();
  const files = new Map<string, Buffer>();
  for (const file of publishedFiles(image)) {
    const resized = upright.clone().resize({ width: file.width, withoutEnlargement: true });
    files.set(file.name, await encoder(resized, file.format).toBuffer());
  }
  return files;
}
