/**
 * Every published page of the site, and the sitemap built from that list. Drafts are
 * never in the archive (the loader keeps them out), so they cannot appear here.
 */
import { newestStoryDate, storyDateAsKnown } from '../site/dates';
import { ENTITY_KINDS, type EntityKind } from '../views/entities';
import { LOCALES, type Locale } from '../site/i18n';
import { everyLanguage, HOME_X_DEFAULT, hreflangAlternates } from './metadata';
import { modifiedDate } from '../views/revisions';
import type { Archive, Story } from '../content/schema';
import {
  aboutUrl,
  absoluteUrl,
  archiveUrl,
  entityUrl,
  homeUrl,
  listPageUrl,
  organisationsUrl,
  peopleUrl,
  rootUrl,
  searchUrl,
  storyUrl,
  topicsUrl,
  yearUrl,
} from '../site/urls';
import { entityListing, storiesByYear } from '../views/story-lists';
import { itemsOnSharedPage, laterPages } from '../views/pagination';
import { textElement, xmlDocument } from './xml';

/** The namespaces the sitemap declares: the sitemap protocol's, and XHTML's for the hreflang links. */
export const SITEMAP_NAMESPACES = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

interface PublishedPage {
  path: string;
  /** hreflang → path of every language version, with `x-default`; one entry for a page in one language. */
  alternates: Record<string, string>;
  /**
   * The page's last change: the newest story date among the stories it shows, or for an
   * article the version's own update or correction when that is later; undefined for a page without stories.
   */
  newest?: string;
}

const INDEX_URLS: Record<EntityKind, (locale: Locale) => string> = {
  topics: topicsUrl,
  people: peopleUrl,
  organisations: organisationsUrl,
};

/** A page in each language it is written in, with the stories it shows (its last change is theirs). */
interface PageVersions {
  paths: Partial<Record<Locale, string>>;
  stories: readonly Story[];
  xDefault?: string;
  /** A version's own later change (an article's update), beside the stories' dates. */
  changed?: (locale: Locale) => string | undefined;
}

/** One entry per language version of a page; all of them share the alternates. */
function versions({ paths, stories, xDefault, changed }: PageVersions): PublishedPage[] {
  const alternates = hreflangAlternates(paths, xDefault);
  const dates = stories.map((story) => story.date);
  return LOCALES.flatMap((locale) => {
    const path = paths[locale];
    const change = changed?.(locale);
    const newest = newestStoryDate(change === undefined ? dates : [...dates, change]);
    return path ? [{ path, alternates, ...(newest ? { newest } : {}) }] : [];
  });
}

/** An article page's own last change after publication, in one language. */
function articleChange(story: Story): (locale: Locale) => string | undefined {
  return (locale) => {
    const article = story.articles[locale];
    return article ? modifiedDate(article) : undefined;
  };
}

/**
 * The pages of a long list in every language, each with the stories it shows: its own and
 * those of a list paged `alongside` it (an entity's credits). The first page may have its
 * own `x-default`.
 */
function listVersions(
  listPath: (locale: Locale) => string,
  stories: readonly Story[],
  { alongside = [], xDefault }: { alongside?: readonly Story[]; xDefault?: string } = {},
): PageVersions[] {
  const longest = Math.max(stories.length, alongside.length);
  return [1, ...laterPages(longest)].map((page) => ({
    paths: everyLanguage((locale) => listPageUrl(listPath(locale), page)),
    stories: [...itemsOnSharedPage(stories, page, longest), ...itemsOnSharedPage(alongside, page, longest)],
    ...(page === 1 && xDefault ? { xDefault } : {}),
  }));
}

/** Every page the build writes below the language choice, in both languages, with the stories each one shows. */
function languagePages(archive: Archive): PageVersions[] {
  const { stories } = archive;
  return [
    // The home page begins the list of the latest stories.
    ...listVersions(homeUrl, stories, { xDefault: HOME_X_DEFAULT }),
    ...stories.map((story) => ({
      paths: Object.fromEntries(
        LOCALES.filter((locale) => story.articles[locale]).map((locale) => [locale, storyUrl(locale, story.id)]),
      ),
      stories: [story],
      changed: articleChange(story),
    })),
    { paths: everyLanguage(archiveUrl), stories },
    // The search page shows the latest stories until the reader asks; the about page shows none.
    { paths: everyLanguage((locale) => searchUrl(locale)), stories },
    { paths: everyLanguage(aboutUrl), stories: [] },
    ...storiesByYear(stories).flatMap((group) =>
      listVersions(
        (locale) => yearUrl(locale, group.year),
        group.months.flatMap((month) => month.stories),
      ),
    ),
    ...ENTITY_KINDS.flatMap((kind) => [
      // An index shows how many stories name each entry, so it changes with every story that names one.
      { paths: everyLanguage(INDEX_URLS[kind]), stories: stories.filter((story) => story[kind].length > 0) },
      // An entity's pages list the stories tagged with it, and those it is credited on beside them.
      ...archive[kind].flatMap((entity) => {
        const { tagged, credited } = entityListing(stories, kind, entity.id);
        return listVersions((locale) => entityUrl(kind, locale, entity.id), tagged, {
          alongside: credited.map((entry) => entry.story),
        });
      }),
    ]),
  ];
}

/** Every page the build writes, in both languages, with the stories each one shows. */
export function publishedPages(archive: Archive): PublishedPage[] {
  const homes = everyLanguage(homeUrl);
  return [
    // The language choice shows no stories; its alternates are the two home pages.
    { path: rootUrl(), alternates: hreflangAlternates(homes, HOME_X_DEFAULT) },
    ...languagePages(archive).flatMap(versions),
  ];
}

/**
 * The path of every page the build writes, as `publishedPages` lists them, without working
 * out what the sitemap says of each: what the editing preview asks on every save.
 */
export function publishedPaths(archive: Archive): string[] {
  return [
    rootUrl(),
    ...languagePages(archive).flatMap(({ paths }) => LOCALES.flatMap((locale) => paths[locale] ?? [])),
  ];
}

/** One page in the sitemap, at full addresses. */
export interface SitemapEntry {
  url: string;
  /** As `storyDateAsKnown` of the newest story the page shows. */
  lastModified?: string;
  /** hreflang → full address, for a translated page only. */
  alternates?: Record<string, string>;
}

/**
 * The sitemap: every published page at its full address, `lastmod` from the newest
 * story it shows (as `storyDateAsKnown`), and hreflang alternates for translated pages.
 */
export function sitemapEntries(archive: Archive, base: URL): SitemapEntry[] {
  return publishedPages(archive).map((page) => {
    const translated = Object.keys(page.alternates).length > 1;
    return {
      url: absoluteUrl(page.path, base),
      ...(page.newest ? { lastModified: storyDateAsKnown(page.newest) } : {}),
      ...(translated
        ? {
            alternates: Object.fromEntries(
              Object.entries(page.alternates).map(([language, path]) => [language, absoluteUrl(path, base)]),
            ),
          }
        : {}),
    };
  });
}

/**
 * The sitemap as XML. Written here rather than by Next's sitemap convention, whose
 * writer joins strings without escaping them: every value goes through lib/outputs/xml.ts.
 */
export function sitemapDocument(archive: Archive, base: URL): string {
  return xmlDocument({
    name: 'urlset',
    attributes: { xmlns: SITEMAP_NAMESPACES.sitemap, 'xmlns:xhtml': SITEMAP_NAMESPACES.xhtml },
    children: sitemapEntries(archive, base).map((entry) => ({
      name: 'url',
      children: [
        textElement('loc', entry.url),
        ...Object.entries(entry.alternates ?? {}).map(([language, href]) => ({
          name: 'xhtml:link',
          attributes: { rel: 'alternate', hreflang: language, href },
        })),
        ...(entry.lastModified ? [textElement('lastmod', entry.lastModified)] : []),
      ],
    })),
  });
}
