/**
 * Every address the build writes a page or feed at, from the archive alone: what a link
 * in a text may lead to (lib/content/internal-links.ts), and what the editing preview
 * knows to be a page of the archive it shows (scripts/dev.ts).
 */
import type { Archive } from '../content/schema';
import { LOCALES } from '../site/i18n';
import { entityFeedUrl, feedUrl, robotsUrl, sitemapUrl } from '../site/urls';
import { ENTITY_KINDS } from '../views/entities';
import { storyRedirects } from '../views/story-redirects';
import { publishedPaths } from './sitemap';

/** The published pages, renamed stories' old addresses, every feed, the sitemap and robots.txt. */
export function sitePaths(archive: Archive): Set<string> {
  return new Set([
    ...publishedPaths(archive),
    ...storyRedirects(archive.stories).map((redirect) => redirect.path),
    ...LOCALES.flatMap((locale) => [
      feedUrl(locale),
      ...ENTITY_KINDS.flatMap((kind) => archive[kind].map((entity) => entityFeedUrl(kind, locale, entity.id))),
    ]),
    sitemapUrl(),
    robotsUrl(),
  ]);
}
