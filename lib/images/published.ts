/**
 * Where a photo is published and in which files: each width (never wider than the
 * original) in AVIF and WebP, and JPEG for browsers that read neither. Names come from
 * the digest of the original's bytes, so a photo used by several stories or both
 * languages is written once, and a changed photo never reuses an old name.
 */
import type { InspectedImage } from './inspect';

/** The widths a photo is published in: a phone, a column at double density, a wide screen at double density. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;

const PUBLISHED_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type PublishedFormat = (typeof PUBLISHED_FORMATS)[number];

const EXTENSION: Record<PublishedFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
export const MEDIA_TYPE: Record<PublishedFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

/** The folder of out/ the photos are written to, and the URL path they are served under. */
export const IMAGES_FOLDER = 'images';

/** The widths of one photo: the standard ones below its own, and its own when it is narrower than the widest. */
export function publishedWidths(width: number): number[] {
  const widest = Math.max(...IMAGE_WIDTHS);
  const below = IMAGE_WIDTHS.filter((standard) => standard < width);
  return width <= widest ? [...below, width] : [...IMAGE_WIDTHS];
}

/** The name stem of a photo's files: enough of its digest that two photos never share one. */
const publishedStem = (digest: string) => digest.slice(0, 20);

/** One published file's name (in IMAGES_FOLDER). */
const publishedFileName = (digest: string, width: number, format: PublishedFormat) =>
  `${publishedStem(digest)}-${width}.${EXTENSION[format]}`;

const publishedUrl = (digest: string, width: number, format: PublishedFormat) =>
  `/${IMAGES_FOLDER}/${publishedFileName(digest, width, format)}`;

/** The height of a photo shown at `width`, its proportions kept. */
const heightAt = (image: Pick<InspectedImage, 'width' | 'height'>, width: number) =>
  Math.max(1, Math.round((image.height * width) / image.width));

export type SizedImage = Pick<InspectedImage, 'digest' | 'width' | 'height'>;

/** A `srcset` of one format: each width's file with its width descriptor. */
function srcSet(image: SizedImage, format: PublishedFormat): string {
  return publishedWidths(image.width)
    .map((width) => `${publishedUrl(image.digest, width, format)} ${width}w`)
    .join(', ');
}

/** The one file a browser that reads no `srcset` gets: the JPEG closest to a column's width at double density. */
function fallbackImage(image: SizedImage): { url: string; width: number; height: number } {
  const widths = publishedWidths(image.width);
  const width = widths.find((candidate) => candidate >= IMAGE_WIDTHS[1]) ?? widths[widths.length - 1] ?? image.width;
  return { url: publishedUrl(image.digest, width, 'jpeg'), width, height: heightAt(image, width) };
}

/** Every file a photo is published as. */
export function publishedFiles(image: SizedImage): { name: string; width: number; format: PublishedFormat }[] {
  return publishedWidths(image.width).flatMap((width) =>
    PUBLISHED_FORMATS.map((format) => ({ name: publishedFileName(image.digest, width, format), width, format })),
  );
}

/** The file a shared link shows (Open Graph, JSON-LD, feeds): the widest JPEG, which every reader of those reads. */
export function sharingImage(image: SizedImage): { url: string; width: number; height: number } {
  const width = Math.max(...publishedWidths(image.width));
  return { url: publishedUrl(image.digest, width, 'jpeg'), width, height: heightAt(image, width) };
}

/** How wide a photo is shown: the article's column, or the whole screen less its margins on a phone. */
export const ARTICLE_IMAGE_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';
/** A story card's thumbnail. */
export const THUMBNAIL_SIZES = '(min-width: 40rem) 8rem, 6rem';

/** What a `<picture>` of a photo holds: a source per modern format, then the JPEG `<img>` with its size. */
interface PictureParts {
  sources: { type: string; srcSet: string }[];
  img: { src: string; srcSet: string; width: number; height: number };
}

export function pictureParts(image: SizedImage): PictureParts {
  const fallback = fallbackImage(image);
  return {
    sources: (['avif', 'webp'] as const).map((format) => ({ type: MEDIA_TYPE[format], srcSet: srcSet(image, format) })),
    img: { src: fallback.url, srcSet: srcSet(image, 'jpeg'), width: fallback.width, height: fallback.height },
  };
}
