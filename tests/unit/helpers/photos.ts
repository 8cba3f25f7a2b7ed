/**
 * Photos made for tests with sharp: flat colour and a gradient, never a real news photo.
 * A phone's metadata (make, GPS position, XMP creator, orientation) can be written in, so
 * a test can show that none of it is published.
 */
import sharp from 'sharp';

export interface TestPhotoOptions {
  width: number;
  height: number;
  format?: 'jpeg' | 'png' | 'webp' | 'avif';
  /** Writes a camera's EXIF (with a GPS position) and XMP into the file. */
  phoneMetadata?: boolean;
  /** The EXIF orientation tag (6: the camera was turned a quarter clockwise). */
  orientation?: number;
}

export const TEST_GPS = { latitude: 21.0285, longitude: 105.8542 };

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Test Photographer"/></rdf:RDF></x:xmpmeta>';

/** Degrees as EXIF writes them: whole degrees, minutes and hundredths of seconds as rationals. */
function exifDegrees(value: number): string {
  const degrees = Math.floor(value);
  const minutes = Math.floor((value - degrees) * 60);
  const seconds = Math.round(((value - degrees) * 60 - minutes) * 60 * 100);
  return `${degrees}/1 ${minutes}/1 ${seconds}/100`;
}

export async function testPhoto({
  width,
  height,
  format = 'jpeg',
  phoneMetadata = false,
  orientation,
}: TestPhotoOptions): Promise<Buffer> {
  // A left-to-right gradient, so resizing and turning the photo can be told apart.
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g">` +
      `<stop offset="0" stop-color="#1d4e89"/><stop offset="1" stop-color="#f2a541"/></linearGradient></defs>` +
      `<rect width="100%" height="100%" fill="url(#g)"/></svg>`,
  );
  let image = sharp(gradient);
  if (phoneMetadata)
    image = image
      .withExif({
        IFD0: { Make: 'TestPhone', Model: 'Model 1' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: exifDegrees(TEST_GPS.latitude),
          GPSLongitudeRef: 'E',
          GPSLongitude: exifDegrees(TEST_GPS.longitude),
        },
      })
      .withXmp(XMP);
  if (orientation !== undefined) image = image.withMetadata({ orientation });
  if (format === 'png') return image.png().toBuffer();
  if (format === 'webp') return image.webp().toBuffer();
  if (format === 'avif') return image.avif({ effort: 0 }).toBuffer();
  return image.jpeg().toBuffer();
}
