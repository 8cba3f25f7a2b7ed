import { ARTICLE_IMAGE_SIZES } from '@/lib/images/published';
import type { LeadImage as LeadImageRecord } from '@/lib/content/schema';
import { ResponsivePicture } from './responsive-picture';

/** An article's lead image, with its caption and credit when it has them. */
export function LeadImage({ image }: { image: LeadImageRecord }) {
  return (
    <figure className="article__image">
      <ResponsivePicture image={image} alt={image.alt} sizes={ARTICLE_IMAGE_SIZES} eager />
      {(image.caption || image.credit) && (
        <figcaption>
          {image.caption}
          {image.caption && image.credit && ' '}
          {image.credit && <span className="credit">{image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
