import { deflateSync, crc32 } from 'node:zlib';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeImage } from '../../lib/images/encode';
import { inspectImage, isImageFault, type InspectedImage } from '../../lib/images/inspect';
import { publishedFiles, publishedWidths } from '../../lib/images/published';
import { testPhoto } from './helpers/photos';

async function inspected(bytes: Buffer, format: 'jpeg' | 'png' = 'jpeg'): Promise<InspectedImage> {
  const found = await inspectImage(bytes, format);
  if (isImageFault(found)) throw new Error(found.fault);
  return found;
}

/** A PNG whose header says it is `width`×`height`, with one tiny compressed row: enough to read its size, not to decode it. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(4))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('publishedWidths', () => {
  it('should publish a large photo at the three standard widths', () => {
    expect(publishedWidths(3000)).toEqual([480, 960, 1600]);
  });

  it('should never publish a photo wider than it is, adding its own width instead', () => {
    expect(publishedWidths(1200)).toEqual([480, 960, 1200]);
    expect(publishedWidths(300)).toEqual([300]);
    expect(publishedWidths(960)).toEqual([480, 960]);
  });
});

describe('encodeImage', () => {
  it('should write every width as AVIF, WebP and JPEG, each at its width and in its format', async () => {
    const bytes = await testPhoto({ width: 2000, height: 1500 });
    const image = await inspected(bytes);
    const files = await encodeImage(bytes, image);
    expect([...files.keys()]).toEqual(publishedFiles(image).map((file) => file.name));
    for (const file of publishedFiles(image)) {
      const metadata = await sharp(files.get(file.name)).metadata();
      expect([metadata.width, metadata.height]).toEqual([file.width, Math.round((1500 * file.width) / 2000)]);
      expect(metadata.format === 'heif' ? 'avif' : metadata.format).toBe(file.format);
    }
  }, 60_000);

  it('should strip EXIF, GPS and XMP metadata from every file it writes', async () => {
    const bytes = await testPhoto({ width: 1000, height: 750, phoneMetadata: true });
    expect(await exifr.gps(bytes)).toBeDefined();
    const files = await encodeImage(bytes, await inspected(bytes));
    for (const [name, file] of files) {
      const metadata = await sharp(file).metadata();
      expect({ name, exif: metadata.exif, xmp: metadata.xmp }).toEqual({ name, exif: undefined, xmp: undefined });
      // exifr reads JPEG and AVIF (HEIF) files, not WebP: sharp's reading above covers those.
      if (!name.endsWith('.webp')) {
        expect(await exifr.parse(file, { gps: true, xmp: true, tiff: true, exif: true })).toBeUndefined();
        expect(await exifr.gps(file)).toBeUndefined();
      }
    }
  }, 60_000);

  it('should turn a photo upright by its orientation tag, then drop the tag', async () => {
    const bytes = await testPhoto({ width: 600, height: 400, orientation: 6 });
    const image = await inspected(bytes);
    expect([image.width, image.height]).toEqual([400, 600]);
    const files = await encodeImage(bytes, image);
    const jpeg = await sharp(
      files.get(publishedFiles(image).find((file) => file.format === 'jpeg')?.name ?? ''),
    ).metadata();
    expect([jpeg.width, jpeg.height, jpeg.orientation]).toEqual([400, 600, undefined]);
  }, 60_000);
});

describe('inspectImage', () => {
  it('should refuse bytes that are no image at all', async () => {
    expect(await inspectImage(Buffer.from('not a photo'), 'jpeg')).toEqual({
      fault: 'the file is not an image (its name says JPEG)',
    });
  });

  it('should refuse an image whose format is not the one its extension says', async () => {
    const png = await testPhoto({ width: 40, height: 30, format: 'png' });
    expect(await inspectImage(png, 'jpeg')).toEqual({
      fault: 'the file holds a PNG image, but its name says JPEG',
    });
  });

  it('should refuse a file cut short after its header', async () => {
    const jpeg = await testPhoto({ width: 800, height: 600 });
    expect(await inspectImage(jpeg.subarray(0, jpeg.length / 2), 'jpeg')).toEqual({
      fault: 'the image cannot be decoded: the file is damaged or cut short',
    });
  });

  it('should refuse an image over 40 megapixels, naming the limits', async () => {
    expect(await inspectImage(pngClaiming(8000, 6000), 'png')).toEqual({
      fault: 'the image is 8000×6000 (48.0 megapixels); the limits are 20 MB and 40 megapixels',
    });
  });

  it('should refuse a file over 20 MB unread, naming the limits', async () => {
    expect(await inspectImage(new Uint8Array(20_000_001), 'jpeg')).toEqual({
      fault: 'the file is 20.0 MB; the limits are 20 MB and 40 megapixels',
    });
  });

  it('should read an AVIF, WebP and PNG file as what it is', async () => {
    for (const format of ['avif', 'webp', 'png'] as const) {
      const found = await inspectImage(await testPhoto({ width: 64, height: 48, format }), format);
      expect(found).toMatchObject({ format, width: 64, height: 48 });
    }
  });
});
