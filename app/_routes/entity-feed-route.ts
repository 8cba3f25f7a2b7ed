/**
 * The feed of every topic, person and organisation in every language
 * (`/{lang}/{kind}/{id}/feed.xml`). This factory gives each of the three route handlers
 * its params and its GET, so the route files stay wiring.
 */
import { getArchive } from '@/lib/views/archive';
import type { EntityKind } from '@/lib/views/entities';
import { entityFeed } from '@/lib/outputs/feeds';
import { assertLocale, LOCALES } from '@/lib/site/i18n';
import { siteUrl } from '@/lib/site/urls';

export function entityFeedRoute(kind: EntityKind) {
  return {
    /**
     * Every entry in every language, even one without stories in that language: its page
     * advertises the feed, so the feed must exist (empty). Route handlers do not inherit
     * the layout's params, so both segments are listed here.
     */
    generateStaticParams() {
      return LOCALES.flatMap((lang) => getArchive()[kind].map((entity) => ({ lang, id: entity.id })));
    },
    async GET(_request: Request, { params }: { params: Promise<{ lang: string; id: string }> }) {
      const { lang, id } = await params;
      // A static host goes by the file extension; the header serves `next dev`.
      return new Response(entityFeed(getArchive(), assertLocale(lang), { kind, id }, siteUrl()), {
        headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
      });
    },
  };
}
