/**
 * The only place that builds the archive's paths. Every public URL of the content
 * contract is made here, so that pages, feeds, the sitemap and tests agree.
 */
import type { Locale } from './locales';
import type { EntityKind } from '../views/entities';

/**
 * One page of a long list (lib/views/pagination.ts): the first is the list's own address,
 * so links to a list never change as it grows; the others are `page/{n}/` under it.
 */
export function listPageUrl(listUrl: string, page: number): string {
  if (!Number.isInteger(page) || page < 1) throw new Error(`A list page is a whole number from 1, got ${page}`);
  return page === 1 ? listUrl : `${listUrl}page/${page}/`;
}

/** The path segments after a list's address for one of its pages: none for the first, `page`, `{n}` for the others. */
export function listPageSegments(page: number): string[] {
  return listPageUrl('/', page).split('/').filter(Boolean);
}

/** The page of a list named by the path segments after the list's address (a route's optional catch-all). */
export function listPageFromSegments(segments: readonly string[] | undefined): number {
  if (!segments || segments.length === 0) return 1;
  const [word, number, ...rest] = segments;
  if (word !== 'page' || number === undefined || rest.length > 0 || !/^[1-9][0-9]*$/.test(number) || number === '1')
    throw new Error(`A later page of a list is at page/{n}/ with n from 2, got "${segments.join('/')}"`);
  return Number(number);
}

/** The language choice at the site's root. */
export const rootUrl = () => '/';
export const homeUrl = (locale: Locale) => `/${locale}/`;
export const storyUrl = (locale: Locale, storyId: string) => `/${locale}/articles/${storyId}/`;
export const topicsUrl = (locale: Locale) => `/${locale}/topics/`;
export const topicUrl = (locale: Locale, topicId: string) => `/${locale}/topics/${topicId}/`;
export const archiveUrl = (locale: Locale) => `/${locale}/archive/`;
export const yearUrl = (locale: Locale, year: number) => `/${locale}/archive/${year}/`;
export const monthAnchor = (year: number, month: number) => `m-${year}-${String(month).padStart(2, '0')}`;
/** A month on its year's page; `page` is the page of the year's list where the month starts. */
export const monthUrl = (locale: Locale, year: number, month: number, page = 1) =>
  `${listPageUrl(yearUrl(locale, year), page)}#${monthAnchor(year, month)}`;
export const peopleUrl = (locale: Locale) => `/${locale}/people/`;
export const personUrl = (locale: Locale, personId: string) => `/${locale}/people/${personId}/`;
export const organisationsUrl = (locale: Locale) => `/${locale}/organisations/`;
export const organisationUrl = (locale: Locale, organisationId: string) =>
  `/${locale}/organisations/${organisationId}/`;
export const aboutUrl = (locale: Locale) => `/${locale}/about/`;
export const searchUrl = (locale: Locale, query?: string) =>
  `/${locale}/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`;
/**
 * The search files, written after the build. Per language: a manifest, the index in
 * term-range shards, and one result card per story. For both: the entity registry and
 * the stories tagged with each entity (one file each, and all together for facets), and
 * the frequent words that "Did you mean" suggestions are drawn from.
 */
export const searchManifestUrl = (locale: Locale) => `/search/${locale}/manifest.json`;
export const searchShardUrl = (locale: Locale, shard: number) => `/search/${locale}/terms/${shard}.json`;
/** A result card: not JSON, but its fields as a line of JSON and then the story's text (lib/search/files.ts). */
export const searchCardUrl = (locale: Locale, story: number) => `/search/${locale}/stories/${story}.txt`;
export const searchEntitiesUrl = () => '/search/entities.json';
export const searchTaggedUrl = (kind: EntityKind, id: string) => `/search/tagged/${kind}/${id}.json`;
export const searchAllTaggedUrl = () => '/search/tagged.json';
export const searchVocabularyUrl = () => '/search/vocabulary.json';
/** A file of a language's body words, for a word still being typed (lib/search/word-files.ts). */
export const searchWordsUrl = (locale: Locale, file: number) => `/search/${locale}/words/${file}.json`;
/** The RSS feed of a language: `app/[lang]/feed.xml/route.ts`. */
export const feedUrl = (locale: Locale) => `/${locale}/feed.xml`;
/** The RSS feed of one topic in a language: `app/[lang]/topics/[id]/feed.xml/route.ts`. */
export const topicFeedUrl = (locale: Locale, topicId: string) => `/${locale}/topics/${topicId}/feed.xml`;
/** The RSS feed of one person in a language: `app/[lang]/people/[id]/feed.xml/route.ts`. */
export const personFeedUrl = (locale: Locale, personId: string) => `/${locale}/people/${personId}/feed.xml`;
/** The RSS feed of one organisation in a language: `app/[lang]/organisations/[id]/feed.xml/route.ts`. */
export const organisationFeedUrl = (locale: Locale, organisationId: string) =>
  `/${locale}/organisations/${organisationId}/feed.xml`;
/** Written by `app/sitemap.ts`. */
export const sitemapUrl = () => '/sitemap.xml';
/** Written by `app/robots.ts`. */
export const robotsUrl = () => '/robots.txt';

const ENTITY_URLS: Record<EntityKind, (locale: Locale, id: string) => string> = {
  topics: topicUrl,
  people: personUrl,
  organisations: organisationUrl,
};

export function entityUrl(kind: EntityKind, locale: Locale, id: string): string {
  return ENTITY_URLS[kind](locale, id);
}

const ENTITY_FEED_URLS: Record<EntityKind, (locale: Locale, id: string) => string> = {
  topics: topicFeedUrl,
  people: personFeedUrl,
  organisations: organisationFeedUrl,
};

/** The RSS feed of a topic, person or organisation in a language. */
export function entityFeedUrl(kind: EntityKind, locale: Locale, id: string): string {
  return ENTITY_FEED_URLS[kind](locale, id);
}

/** The archive's public address; canonical links, feeds and the sitemap are built on it. */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): URL {
  const url = new URL(env.SITE_URL || 'http://localhost:3000');
  // The export has root-relative links (`/en/…`), so the site must be served at the root
  // of its address; a path here would give canonical links that do not exist.
  if (url.pathname !== '/' || url.search || url.hash)
    throw new Error(`SITE_URL must be the site's root address (like https://archive.example), got "${url.href}"`);
  return url;
}

/**
 * A path of this site as a full address, for places read outside the site (feeds, the
 * sitemap, robots.txt, structured data) where a relative link would mean nothing.
 */
export function absoluteUrl(path: string, base: URL = siteUrl()): string {
  return new URL(path, base).href;
}
