/**
 * A photo of an article's body as HTML elements (hast), for the Markdown renderer: a
 * `<picture>` with a source per format and sizes, and the `<img>` with its width and
 * height so the page does not move when the file arrives. Body photos are below the
 * fold, so they load lazily; the lead image (components/responsive-picture.tsx) does not.
 */
import type { Element, ElementContent } from 'hast';
import { ARTICLE_IMAGE_SIZES, pictureParts, type SizedImage } from './published';

export function pictureElement(image: SizedImage, alt: string): Element {
  const { sources, img } = pictureParts(image);
  return {
    type: 'element',
    tagName: 'picture',
    properties: {},
    children: [
      ...sources.map((source): Element => ({
        type: 'element',
        tagName: 'source',
        properties: { type: source.type, srcSet: source.srcSet, sizes: ARTICLE_IMAGE_SIZES },
        children: [],
      })),
      {
        type: 'element',
        tagName: 'img',
        properties: {
          src: img.src,
          srcSet: img.srcSet,
          sizes: ARTICLE_IMAGE_SIZES,
          width: img.width,
          height: img.height,
          alt,
          loading: 'lazy',
          decoding: 'async',
        },
        children: [],
      },
    ],
  };
}

/** A figure: the picture and, when there is one, its caption. */
export function figureChildren(image: SizedImage, alt: string, caption: string | undefined): ElementContent[] {
  const picture = pictureElement(image, alt);
  if (caption === undefined || caption.trim() === '') return [picture];
  return [
    picture,
    { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] },
  ];
}
