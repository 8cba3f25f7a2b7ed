import { pictureParts, type SizedImage } from '@/lib/images/published';

/**
 * A published photo as a `<picture>`: AVIF and WebP sources, the JPEG `<img>` with its
 * width and height (no layout shift). The lead image is the page's largest content, so
 * it loads at once; every other photo waits until it nears the screen.
 */
export function ResponsivePicture({
  image,
  alt,
  sizes,
  eager = false,
  className,
}: {
  image: SizedImage;
  alt: string;
  sizes: string;
  eager?: boolean;
  className?: string;
}) {
  const { sources, img } = pictureParts(image);
  return (
    <picture className={className}>
      {sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      <img
        src={img.src}
        srcSet={img.srcSet}
        sizes={sizes}
        width={img.width}
        height={img.height}
        alt={alt}
        {...(eager ? { fetchPriority: 'high' as const } : { loading: 'lazy' as const, decoding: 'async' as const })}
      />
    </picture>
  );
}
