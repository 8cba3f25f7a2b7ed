/**
 * The only place that builds the archive's paths. Every public URL of the content
 * contract is made here, so that pages, feeds, the sitemap and tests agree.
 */
import type { Locale } from './i18n';
import type { EntityKind } from './entities';

export const homeUrl = (locale: Locale) => `/${locale}/`;
export const storyUrl = (locale: Locale, storyId: string) => `/${locale}/articles/${storyId}/`;
export const topicsUrl = (locale: Locale) => `/${locale}/topics/`;
export const topicUrl = (locale: Locale, topicId: string) => `/${locale}/topics/${topicId}/`;
export const archiveUrl = (locale: Locale) => `/${locale}/archive/`;
export const yearUrl = (locale: Locale, year: number) => `/${locale}/archive/${year}/`;
export const monthAnchor = (year: number, month: number) => `m-${year}-${String(month).padStart(2, '0')}`;
export const monthUrl = (locale: Locale, year: number, month: number) => `${yearUrl(locale, year)}#${monthAnchor(year, month)}`;
export const peopleUrl = (locale: Locale) => `/${locale}/people/`;
export const personUrl = (locale: Locale, personId: string) => `/${locale}/people/${personId}/`;
export const organisationsUrl = (locale: Locale) => `/${locale}/organisations/`;
export const organisationUrl = (locale: Locale, organisationId: string) => `/${locale}/organisations/${organisationId}/`;
export const searchUrl = (locale: Locale, query?: string) => `/${locale}/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`;
/** The search files, written after the build: one index and one document list per language, one entity list. */
export const searchIndexUrl = (locale: Locale) => `/search/${locale}/index.json`;
export const searchDocsUrl = (locale: Locale) => `/search/${locale}/docs.json`;
export const searchEntitiesUrl = () => '/search/entities.json';
export const feedUrl = (locale: Locale) => `/${locale}/feed.xml`;

const ENTITY_URLS: Record<EntityKind, (locale: Locale, id: string) => string> = {
  topics: topicUrl,
  people: personUrl,
  organisations: organisationUrl,
};

export function entityUrl(kind: EntityKind, locale: Locale, id: string): string {
  return ENTITY_URLS[kind](locale, id);
}

/** The archive's public address; canonical links, feeds and the sitemap are built on it. */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): URL {
  return new URL(env.SITE_URL ?? 'http://localhost:3000');
}
