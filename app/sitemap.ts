import type { MetadataRoute } from 'next';
import { getArchive } from '@/lib/archive';
import { sitemapEntries } from '@/lib/sitemap';
import { siteUrl } from '@/lib/urls';

// Written once at build time to out/sitemap.xml.
export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  return sitemapEntries(getArchive(), siteUrl());
}
