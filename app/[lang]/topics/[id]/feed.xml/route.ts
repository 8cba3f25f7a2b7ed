import { getArchive } from '@/lib/archive';
import { topicFeed } from '@/lib/feeds';
import { assertLocale, LOCALES } from '@/lib/i18n';
import { siteUrl } from '@/lib/urls';

// Written once at build time to out/{lang}/topics/{id}/feed.xml.
export const dynamic = 'force-static';
export const dynamicParams = false;

/**
 * Every topic in every language, even one without stories in that language: its page
 * advertises the feed, so the feed must exist (empty). Route handlers do not inherit
 * the layout's params, so both segments are listed here.
 */
export function generateStaticParams() {
  return LOCALES.flatMap((lang) => getArchive().topics.map((topic) => ({ lang, id: topic.id })));
}

export async function GET(_request: Request, { params }: { params: Promise<{ lang: string; id: string }> }) {
  const { lang, id } = await params;
  return new Response(topicFeed(getArchive(), assertLocale(lang), id, siteUrl()), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
