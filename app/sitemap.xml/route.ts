import { getArchive } from '@/lib/views/archive';
import { sitemapDocument } from '@/lib/outputs/sitemap';
import { siteUrl } from '@/lib/site/urls';

// Written once at build time to out/sitemap.xml.
export const dynamic = 'force-static';

export function GET() {
  // A static host goes by the file extension; the header serves `next dev`.
  return new Response(sitemapDocument(getArchive(), siteUrl()), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
