/**
 * Page metadata in Next's form: title, description, canonical URL, the hreflang
 * alternates of the languages a page exists in, the feeds it advertises, and the
 * Open Graph and Twitter card tags that links shared in chats and social sites show.
 */
import type { Metadata } from 'next';
import { storyTimestamp } from '../site/dates';
import {
  assertLocale,
  DEFAULT_LOCALE,
  dictionary,
  LOCALE_TAGS,
  LOCALES,
  otherLocale,
  type Dictionary,
  type Locale,
} from '../site/i18n';
import { feedUrl, homeUrl, rootUrl, siteUrl, storyUrl } from '../site/urls';
import type { Story } from '../content/schema';
import type { PageNavigation } from '../views/pagination';

/** A feed a page advertises with `<link rel="alternate" type="application/rss+xml">`. */
export interface FeedLink {
  url: string;
  title: string;
}

interface PageDescription {
  locale: Locale;
  title: string;
  description: string;
  /** The page's path in each language it exists in. */
  paths: Partial<Record<Locale, string>>;
  /** Where hreflang `x-default` points; the English page (or the only one) unless given. */
  xDefault?: string;
  /** Feeds to advertise before the language's own feed, which every page advertises. */
  feeds?: readonly FeedLink[];
  /** For a page of a long list: the paths of the pages before and after it (`rel="prev"`, `rel="next"`). */
  pagination?: { previous?: string; next?: string };
  /** For an article: its story date and topic names, for `og:type=article`. */
  article?: { date: string; tags: readonly string[]; authors?: readonly string[] };
  /** The lead image a shared link shows, as a path on the site. */
  image?: SharedImage;
}

/** An image of a shared link: its file, size and alt text. */
interface SharedImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/**
 * The hreflang alternates of a page: its path in each language it exists in, plus
 * `x-default` when there is more than one. Pages and the sitemap both use this, so
 * they always announce the same set.
 */
export function hreflangAlternates(paths: Partial<Record<Locale, string>>, xDefault?: string): Record<string, string> {
  const languages: Record<string, string> = {};
  for (const locale of LOCALES) {
    const target = paths[locale];
    if (target) languages[locale] = target;
  }
  const fallback = xDefault ?? paths.en ?? paths.vi;
  if (Object.keys(languages).length > 1 && fallback) languages['x-default'] = fallback;
  return languages;
}

/** `x-default` of the home pages: the language choice at the root, which links to both. */
export const HOME_X_DEFAULT = rootUrl();

/** The feed every page of a language advertises. */
function languageFeedLink(locale: Locale): FeedLink {
  const words = dictionary(locale);
  return { url: feedUrl(locale), title: words.feedTitle(words.siteName) };
}

export function pageMetadata({
  locale,
  title,
  description,
  paths,
  xDefault,
  feeds = [],
  pagination,
  article,
  image,
}: PageDescription): Metadata {
  const siteName = dictionary(locale).siteName;
  const canonical = paths[locale];
  const shared = {
    title,
    description,
    url: canonical,
    siteName,
    locale: LOCALE_TAGS[locale],
    ...alternateLocale(locale, paths),
    ...(image ? { images: [{ ...image }] } : {}),
  };
  return {
    metadataBase: siteUrl(),
    title: title === siteName ? title : `${title} · ${siteName}`,
    description,
    alternates: {
      canonical,
      languages: hreflangAlternates(paths, xDefault),
      types: { 'application/rss+xml': [...feeds, languageFeedLink(locale)] },
    },
    ...(pagination ? { pagination } : {}),
    openGraph: article
      ? {
          ...shared,
          type: 'article',
          publishedTime: storyTimestamp(article.date),
          tags: [...article.tags],
          ...(article.authors?.length ? { authors: [...article.authors] } : {}),
        }
      : { ...shared, type: 'website' },
    // A page with a lead image shows it large; others a summary card.
    twitter: image
      ? { card: 'summary_large_image', title, description, images: [{ url: image.url, alt: image.alt }] }
      : { card: 'summary', title, description },
  };
}

/**
 * A story's page in a language it was not written in: out of search engines' indexes, the version that exists named
 * canonical, as the page only leads to it.
 */
export function untranslatedStoryMetadata(story: Story, locale: Locale): Metadata {
  const words = dictionary(locale);
  const version = storyUrl(otherLocale(locale), story.id);
  return {
    metadataBase: siteUrl(),
    title: `${words.onlyInOtherLanguage} · ${words.siteName}`,
    description: story.articles[otherLocale(locale)]?.summary,
    robots: { index: false },
    alternates: { canonical: version },
  };
}

function alternateLocale(locale: Locale, paths: Partial<Record<Locale, string>>) {
  return paths[otherLocale(locale)] ? { alternateLocale: LOCALE_TAGS[otherLocale(locale)] } : {};
}

/** The paths of the pages before and after a page of a long list, for `pagination` above. */
export function listPagination(
  navigation: PageNavigation | null,
  pageUrl: (page: number) => string,
): PageDescription['pagination'] {
  if (!navigation) return undefined;
  return {
    ...(navigation.previous !== undefined ? { previous: pageUrl(navigation.previous) } : {}),
    ...(navigation.next !== undefined ? { next: pageUrl(navigation.next) } : {}),
  };
}

/** Paths of a page that exists in every language, built by one URL builder. */
export function everyLanguage(build: (locale: Locale) => string): Record<Locale, string> {
  return { en: build('en'), vi: build('vi') };
}

/** What Next passes a page that exists once per language. */
export type LanguageRouteProps = { params: Promise<{ lang: string }> };

/**
 * The `generateMetadata` of a page that exists in every language at `url`, with its title
 * and description from the interface's words.
 */
export function languagePageMetadata(
  url: (locale: Locale) => string,
  describe: (words: Dictionary) => { title: string; description: string },
  more: Pick<PageDescription, 'xDefault'> = {},
): (props: LanguageRouteProps) => Promise<Metadata> {
  return async ({ params }) => {
    const locale = assertLocale((await params).lang);
    return pageMetadata({ locale, ...describe(dictionary(locale)), paths: everyLanguage(url), ...more });
  };
}

/**
 * The root page, which offers both languages: it speaks the default language first
 * (its `<html lang>`), names the other language's site too, and advertises both feeds.
 */
export function languageChoiceMetadata(): Metadata {
  const [first, second] = [dictionary(DEFAULT_LOCALE), dictionary(otherLocale(DEFAULT_LOCALE))];
  const title = `${first.siteName} · ${second.siteName}`;
  const description = `${first.siteTagline} ${second.siteTagline}`;
  const url = rootUrl();
  return {
    metadataBase: siteUrl(),
    title,
    description,
    alternates: {
      canonical: url,
      languages: hreflangAlternates(everyLanguage(homeUrl), HOME_X_DEFAULT),
      types: { 'application/rss+xml': LOCALES.map(languageFeedLink) },
    },
    openGraph: {
      type: 'website',
      title,
      description,
      url,
      siteName: first.siteName,
      locale: LOCALE_TAGS[DEFAULT_LOCALE],
      alternateLocale: LOCALE_TAGS[otherLocale(DEFAULT_LOCALE)],
    },
    twitter: { card: 'summary', title, description },
  };
}
