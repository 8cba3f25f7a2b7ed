import { getArchive } from '@/lib/views/archive';
import { languageFeed } from '@/lib/outputs/feeds';
import { assertLocale, LOCALES } from '@/lib/site/i18n';
import { siteUrl } from '@/lib/site/urls';

// Written once at build time to out/{lang}/feed.xml.
export const dynamic = 'force-static';
export const dynamicParams = false;

/** Route handlers do not inherit the `[lang]` layout's params, so they list the languages themselves. */
export function generateStaticParams() {
  return LOCALES.map((lang) => ({ lang }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ lang: string }> }) {
  const locale = assertLocale((await params).lang);
  // A static host goes by the file extension; the header serves `next dev`.
  return new Response(languageFeed(getArchive(), locale, siteUrl()), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
}
