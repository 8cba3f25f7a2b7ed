import type { MetadataRoute } from 'next';
import { absoluteUrl, sitemapUrl } from '@/lib/site/urls';

// Written once at build time to out/robots.txt.
export const dynamic = 'force-static';

/** Every page may be crawled; the sitemap lists them all. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: '*', allow: '/' }, sitemap: absoluteUrl(sitemapUrl()) };
}
