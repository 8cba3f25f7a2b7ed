/**
 * Syndication and sharing, checked on the build in `out/`: every feed and the sitemap
 * parsed with a real XML parser and compared with the archive field by field, robots.txt,
 * and what every page's head says (canonical, hreflang, feeds, Open Graph, Twitter,
 * JSON-LD, breadcrumbs), and an article's share links, as Chromium loads it under the
 * page's Content-Security-Policy.
 * Expectations come from the archive the build used (lib/archive) and lib/urls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArchive, getEntity } from '../../lib/views/archive';
import { compareStoryDatesNewestFirst, storyDateAsKnown, storyInstant, storyTimestamp } from '../../lib/site/dates';
import { parseStoryDate } from '../../lib/site/story-dates';
import { ENTITY_KINDS, type EntityKind } from '../../lib/views/entities';
import { storiesCrediting } from '../../lib/views/story-lists';
import { dictionary, LOCALE_TAGS, LOCALES, otherLocale, type Locale } from '../../lib/site/i18n';
import type { Story } from '../../lib/content/schema';
import {
  absoluteUrl,
  archiveUrl,
  entityFeedUrl,
  entityUrl,
  feedUrl,
  homeUrl,
  organisationsUrl,
  peopleUrl,
  robotsUrl,
  sitemapUrl,
  storyUrl,
  topicsUrl,
} from '../../lib/site/urls';
import {
  builtPages,
  builtPathsOf,
  duplicates,
  isBuilt,
  metaValues,
  parseXml,
  readBuilt,
  readHeads,
  type PageHead,
} from './built-output';
import { openSite, type RunningSite } from './site';
import type { RssItem } from '../helpers/rss-item';
import { provenanceOf } from '../../lib/views/provenance';
import { shareLinks } from '../../lib/outputs/share-links';
import { descriptionShown } from '../../scripts/quality/xml';

const archive = getArchive();
const FEED_SIZE = 50;
const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';
const HOUR = 3_600_000;

const { pages, notFoundCopies } = builtPages();
let site: RunningSite;
let heads: Map<string, PageHead>;

beforeAll(async () => {
  site = await openSite(3411);
  heads = await readHeads(site, [...pages, ...notFoundCopies]);
}, 180_000);

afterAll(async () => {
  await site?.close();
});

/** A site path as the full address the build writes into feeds, sitemap and heads. */
const full = (path: string) => absoluteUrl(path);

/** A path of this site from a full address, or null for another site. */
function sitePath(url: string): string | null {
  const parsed = new URL(url);
  return parsed.origin === new URL(full('/')).origin ? parsed.pathname : null;
}

function head(path: string): PageHead {
  const found = heads.get(path);
  if (!found) throw new Error(`No page ${path} was read`);
  return found;
}

/** Every story page, both languages, with its story. */
const storyPages = new Map<string, { story: Story; locale: Locale }>(
  archive.stories.flatMap((story) =>
    LOCALES.filter((locale) => story.articles[locale]).map(
      (locale) => [storyUrl(locale, story.id), { story, locale }] as const,
    ),
  ),
);

/** The calendar day a moment falls on in Vietnam (UTC+7), as YYYY-MM-DD. */
function vietnamDay(moment: Date): string {
  return new Date(moment.getTime() + 7 * HOUR).toISOString().slice(0, 10);
}

/** The story date's day, the first of the month for a month-only date. */
function storyDay(date: string): string {
  const { year, month, day = 1 } = parseStoryDate(date);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const newestFirst = (stories: Story[]) =>
  [...stories].sort((a, b) => compareStoryDatesNewestFirst(a.date, b.date) || a.id.localeCompare(b.id));

function readFeed(path: string) {
  const document = parseXml(readBuilt(path)) as {
    rss: { '@version': string; channel: Record<string, unknown> & { item?: RssItem[] } };
  };
  return { rss: document.rss, channel: document.rss.channel, items: document.rss.channel.item ?? [] };
}

/** Checks every item of a feed against the story it links to; returns the number of items checked. */
function expectItems(items: RssItem[], stories: Story[], locale: Locale): number {
  expect(items.map((item) => item.link)).toEqual(stories.map((story) => full(storyUrl(locale, story.id))));
  for (const [index, story] of stories.entries()) {
    const item = items[index];
    const article = story.articles[locale];
    if (!item || !article) throw new Error(`No item or ${locale} version for ${story.id}`);
    const context = `${locale} item ${story.id}`;
    expect(item.title, context).toBe(article.title);
    expect(item.guid, context).toEqual({ '#text': full(storyUrl(locale, story.id)), '@isPermaLink': 'true' });
    expect(descriptionShown(item.description), context).toBe(article.summary);
    const published = new Date(item.pubDate);
    expect(published.getTime(), context).toBe(storyInstant(story.date).getTime());
    expect(vietnamDay(published), context).toBe(storyDay(story.date));
    expect(item.category, context).toEqual(story.topics.map((id) => getEntity('topics', id).name[locale]));
    const creator = article.author ?? article.source?.name;
    expect(item['dc:creator'], context).toBe(creator);
  }
  return items.length;
}

/** Every topic, person and organisation page in both languages, with its feed. */
const entityPages = LOCALES.flatMap((locale) =>
  ENTITY_KINDS.flatMap((kind: EntityKind) =>
    archive[kind].map((entity) => ({
      kind,
      entity,
      locale,
      page: entityUrl(kind, locale, entity.id),
      feed: entityFeedUrl(kind, locale, entity.id),
    })),
  ),
);

describe('RSS feeds', () => {
  const expectedFeeds = [...LOCALES.map(feedUrl), ...entityPages.map(({ feed }) => feed)];

  it('should build a feed for each language and for each topic, person and organisation in each language, and nothing else', () => {
    expect(builtPathsOf('feed.xml').sort()).toEqual([...expectedFeeds].sort());
  });

  it.each(LOCALES)(
    "should list the newest %s stories in the language's feed, each field taken from the story",
    (locale) => {
      const { rss, channel, items } = readFeed(feedUrl(locale));
      expect(rss['@version']).toBe('2.0');
      expect((rss as Record<string, unknown>)['@xmlns:dc']).toBe(DUBLIN_CORE);
      expect(channel.language).toBe(locale);
      expect(channel.title).toBe(dictionary(locale).siteName);
      expect(channel.link).toBe(full(homeUrl(locale)));
      expect((channel['atom:link'] as Record<string, string>)['@href']).toBe(full(feedUrl(locale)));
      const expected = newestFirst(archive.stories.filter((story) => story.articles[locale])).slice(0, FEED_SIZE);
      expect(expected.length).toBeGreaterThan(0);
      expect(expectItems(items, expected, locale)).toBe(expected.length);
    },
  );

  it.each(ENTITY_KINDS)(
    "should list in the feed of each of the %s the stories tagged with it or crediting it in the feed's language",
    (kind) => {
      let checked = 0;
      for (const { entity, locale, page, feed } of entityPages.filter((each) => each.kind === kind)) {
        const crediting = new Set(storiesCrediting(archive.stories, kind, entity.id).map(({ story }) => story));
        const { channel, items } = readFeed(feed);
        expect(channel.language, feed).toBe(locale);
        expect(channel.link, feed).toBe(full(page));
        expect((channel['atom:link'] as Record<string, string>)['@href'], feed).toBe(full(feed));
        expect(channel.title, feed).toContain(entity.name[locale]);
        const expected = newestFirst(
          archive.stories.filter(
            (story) => story.articles[locale] && (story[kind].includes(entity.id) || crediting.has(story)),
          ),
        ).slice(0, FEED_SIZE);
        checked += expectItems(items, expected, locale);
      }
      expect(checked).toBeGreaterThan(0);
    },
  );

  it("should advertise the language feed on every page of that language, and a topic's, person's or organisation's feed on its page", () => {
    const missing: string[] = [];
    for (const path of pages) {
      const page = head(path);
      const advertised = page.feeds.map((feed) => feed.href);
      const locale = LOCALES.find((candidate) => path.startsWith(homeUrl(candidate)));
      const expected = locale
        ? [
            // Every page of an entity's stories is its page: the later ones advertise its feed too.
            ...entityPages
              .filter(({ page }) => page === path || path.startsWith(`${page}page/`))
              .map(({ feed }) => full(feed)),
            full(feedUrl(locale)),
          ]
        : LOCALES.map((candidate) => full(feedUrl(candidate)));
      if (JSON.stringify(advertised) !== JSON.stringify(expected)) missing.push(`${path}: ${advertised.join(' ')}`);
      for (const feed of page.feeds) {
        expect(feed.title, `${path} ${feed.href}`).toBeTruthy();
        expect(isBuilt(sitePath(feed.href) ?? ''), `${path} advertises ${feed.href}`).toBe(true);
      }
    }
    expect(missing).toEqual([]);
  });

  it('should link every topic, person and organisation page to its feed in the page itself', () => {
    expect(
      entityPages.filter(({ page, feed }) => !head(page).mainLinks.includes(feed)).map(({ page }) => page),
    ).toEqual([]);
  });
});

interface SitemapUrl {
  loc: string;
  lastmod?: string;
  'xhtml:link'?: { '@rel': string; '@hreflang': string; '@href': string }[];
}

describe('sitemap.xml and robots.txt', () => {
  const sitemap = () => (parseXml(readBuilt(sitemapUrl())) as { urlset: { url: SitemapUrl[] } }).urlset.url;
  const alternatesOf = (entry: SitemapUrl) =>
    Object.fromEntries((entry['xhtml:link'] ?? []).map((link) => [link['@hreflang'], link['@href']]));

  it('should list every built page exactly once, at its canonical address, and nothing else', () => {
    const locs = sitemap().map((entry) => entry.loc);
    expect(duplicates(new Map(locs.map((loc, index) => [String(index), loc])))).toEqual([]);
    expect([...locs].sort()).toEqual(pages.map((path) => head(path).canonical).sort());
    expect([...locs].sort()).toEqual(pages.map(full).sort());
  });

  it('should give each translated page its hreflang alternates, as its head does, both ways', () => {
    const entries = new Map(sitemap().map((entry) => [entry.loc, entry]));
    let translated = 0;
    for (const [loc, entry] of entries) {
      const path = sitePath(loc) ?? '';
      const alternates = alternatesOf(entry);
      const own = head(path).hreflang;
      const languages = Object.keys(own).filter((language) => language !== 'x-default');
      if (languages.length > 1) {
        translated++;
        expect(alternates, loc).toEqual(own);
        expect(Object.keys(alternates), loc).toContain('x-default');
        expect(
          entry['xhtml:link']?.every((link) => link['@rel'] === 'alternate'),
          loc,
        ).toBe(true);
        for (const language of languages) {
          const other = entries.get(alternates[language] ?? '');
          expect(other, `${loc} names ${alternates[language]}`).toBeDefined();
          expect(alternatesOf(other ?? { loc: '' }), `${alternates[language]} names ${loc} back`).toEqual(alternates);
        }
      } else {
        expect(alternates, loc).toEqual({});
      }
    }
    expect(translated).toBeGreaterThan(0);
  });

  it('should date a story page by its story and a list by the newest story it contains', () => {
    const allStoryUrls = new Map(
      archive.stories.flatMap((story) => LOCALES.map((locale) => [storyUrl(locale, story.id), story] as const)),
    );
    const naming = (kind: 'topics' | 'people' | 'organisations') =>
      archive.stories.filter((story) => story[kind].length > 0);
    // Pages that show stories without linking them: the archive (years and months) and the indexes (counts).
    const unlinked = new Map<string, Story[]>(
      LOCALES.flatMap((locale) => [
        [archiveUrl(locale), archive.stories],
        [topicsUrl(locale), naming('topics')],
        [peopleUrl(locale), naming('people')],
        [organisationsUrl(locale), naming('organisations')],
      ]),
    );
    let dated = 0;
    for (const entry of sitemap()) {
      const path = sitePath(entry.loc) ?? '';
      const shown = storyPages.has(path)
        ? [storyPages.get(path)?.story as Story]
        : (unlinked.get(path) ?? head(path).mainLinks.flatMap((href) => allStoryUrls.get(href) ?? []));
      const newest = [...shown].sort((a, b) => storyInstant(b.date).getTime() - storyInstant(a.date).getTime())[0];
      if (!newest) {
        expect(entry.lastmod, entry.loc).toBeUndefined();
        continue;
      }
      dated++;
      expect(entry.lastmod, entry.loc).toBe(storyDateAsKnown(newest.date));
      expect(vietnamDay(new Date(entry.lastmod ?? '')), entry.loc).toBe(storyDay(newest.date));
    }
    expect(dated).toBeGreaterThan(archive.stories.length);
  });

  it('should point robots.txt at the sitemap and let crawlers in', () => {
    const lines = readBuilt(robotsUrl())
      .split('\n')
      .map((line) => line.trim());
    expect(lines).toContain(`Sitemap: ${full(sitemapUrl())}`);
    expect(lines).toContain('User-Agent: *');
    expect(lines).toContain('Allow: /');
    expect(lines.filter((line) => line.startsWith('Disallow'))).toEqual([]);
  });
});

describe('page metadata', () => {
  it('should give every page a canonical address of its own, a title and a description in its language', () => {
    for (const path of pages) {
      const page = head(path);
      expect(page.canonical, path).toBe(full(path));
      expect(page.title, path).not.toBe('');
      expect(page.description, path).toBeTruthy();
      const locale = LOCALES.find((candidate) => path.startsWith(homeUrl(candidate)));
      if (locale) {
        expect(page.lang, path).toBe(locale);
        expect(page.title, path).toContain(dictionary(locale).siteName);
      }
    }
  });

  it('should give titles, descriptions and canonical addresses that no two pages share', () => {
    const of = (read: (page: PageHead) => string | null) => new Map(pages.map((path) => [path, read(head(path))]));
    expect(duplicates(of((page) => page.title))).toEqual([]);
    expect(duplicates(of((page) => page.description))).toEqual([]);
    expect(duplicates(of((page) => page.canonical))).toEqual([]);
  });

  it('should link every page to its other language versions, and those back to it', () => {
    for (const path of pages) {
      const own = head(path).hreflang;
      for (const [language, href] of Object.entries(own)) {
        expect(href, `${path} ${language}`).toMatch(/^https?:\/\//);
        if (language === 'x-default') continue;
        const other = sitePath(href) ?? '';
        expect(pages, `${path} names ${href}`).toContain(other);
        expect(head(other).lang === language || other === '/', `${href} is in ${language}`).toBe(true);
        expect(head(other).hreflang, `${href} names ${path} back`).toEqual(own);
      }
      if (storyPages.has(path)) {
        const { story, locale } = storyPages.get(path) ?? {};
        expect(Object.keys(own).sort(), path).toEqual(
          story?.articles[otherLocale(locale ?? 'en')] ? [...LOCALES, 'x-default'].sort() : [locale],
        );
      }
    }
  });

  it('should describe every page for Open Graph and Twitter cards in its locale', () => {
    for (const path of pages) {
      const page = head(path);
      const locale = (LOCALES.find((candidate) => path.startsWith(homeUrl(candidate))) ?? page.lang) as Locale;
      const translated = Object.keys(page.hreflang).some((language) => language === otherLocale(locale));
      expect(metaValues(page, 'og:locale'), path).toEqual([LOCALE_TAGS[locale]]);
      expect(metaValues(page, 'og:locale:alternate'), path).toEqual(
        translated ? [LOCALE_TAGS[otherLocale(locale)]] : [],
      );
      expect(metaValues(page, 'og:url'), path).toEqual([full(path)]);
      expect(metaValues(page, 'og:type'), path).toEqual([storyPages.has(path) ? 'article' : 'website']);
      expect(metaValues(page, 'og:title')[0], path).toBeTruthy();
      expect(metaValues(page, 'og:description'), path).toEqual([page.description]);
      expect(metaValues(page, 'og:site_name')[0], path).toBeTruthy();
      expect(metaValues(page, 'twitter:card'), path).toEqual(['summary']);
      expect(metaValues(page, 'twitter:title'), path).toEqual(metaValues(page, 'og:title'));
      expect(metaValues(page, 'twitter:description'), path).toEqual([page.description]);
    }
  });

  it('should keep the 404 page out of search indexes', () => {
    expect(notFoundCopies.length).toBeGreaterThan(0);
    for (const path of notFoundCopies) expect(head(path).robots, path).toMatch(/noindex/);
  });

  it('should load every page without a console error or a Content-Security-Policy violation', () => {
    const problems = [...heads].flatMap(([path, page]) => page.problems.map((problem) => `${path}: ${problem}`));
    expect(problems).toEqual([]);
  });
});

type Thing = Record<string, unknown>;

/** Every JSON-LD block of a page, parsed. */
const parsedJsonLd = (path: string): Thing[] => head(path).jsonLd.map((text) => JSON.parse(text) as Thing);

describe('where a page sits', () => {
  /** The BreadcrumbList of a page: the names and the site paths of its items, in position order. */
  function breadcrumbsOf(path: string): { name: unknown; path: string | null }[] {
    const lists = parsedJsonLd(path).filter((data) => data['@type'] === 'BreadcrumbList');
    expect(lists, path).toHaveLength(1);
    const items = (lists[0]?.itemListElement ?? []) as Thing[];
    expect(
      items.map((item) => item.position),
      path,
    ).toEqual(items.map((_, index) => index + 1));
    return items.map((item) => ({ name: item.name, path: sitePath(String(item.item)) }));
  }

  it('should give every article a BreadcrumbList from the home page through the archive and its year to itself', () => {
    for (const [path, { story, locale }] of storyPages) {
      const words = dictionary(locale);
      const { year } = parseStoryDate(story.date);
      expect(breadcrumbsOf(path), path).toEqual([
        { name: words.navHome, path: homeUrl(locale) },
        { name: words.navArchive, path: archiveUrl(locale) },
        { name: String(year), path: `/${locale}/archive/${year}/` },
        { name: story.articles[locale]?.title, path },
      ]);
    }
  });

  it('should give every topic, person and organisation page a BreadcrumbList through its section', () => {
    const sections: Record<EntityKind, (locale: Locale) => string> = {
      topics: topicsUrl,
      people: peopleUrl,
      organisations: organisationsUrl,
    };
    let checked = 0;
    for (const kind of ENTITY_KINDS)
      for (const entity of archive[kind])
        for (const locale of LOCALES) {
          const path = entityUrl(kind, locale, entity.id);
          const trail = breadcrumbsOf(path);
          expect(trail.map((crumb) => crumb.path)).toEqual([homeUrl(locale), sections[kind](locale), path]);
          expect(trail.at(-1)?.name, path).toBe(entity.name[locale]);
          checked += 1;
        }
    expect(checked).toBeGreaterThan(0);
  });

  it('should link each article to its sharing services’ own pages with its full address, and no other way', () => {
    for (const [path, { story, locale }] of storyPages) {
      const title = story.articles[locale]?.title ?? '';
      const shared = head(path).mainLinks.filter((href) =>
        /^(mailto:|https:\/\/(www\.facebook|x|sp\.zalo)\.)/.test(href),
      );
      expect(shared, path).toEqual(shareLinks(full(path), title).map((link) => link.href));
    }
  });
});

describe('article pages', () => {
  const jsonLdOf = (path: string): Thing => {
    const articles = parsedJsonLd(path).filter((data) => data['@type'] === 'NewsArticle');
    expect(articles, path).toHaveLength(1);
    return articles[0] ?? {};
  };

  it('should be Open Graph articles with their published time', () => {
    for (const [path, { story }] of storyPages) {
      expect(metaValues(head(path), 'article:published_time'), path).toEqual([storyTimestamp(story.date)]);
    }
  });

  it('should carry a NewsArticle JSON-LD with every required field, taken from the story', () => {
    expect(storyPages.size).toBeGreaterThan(0);
    for (const [path, { story, locale }] of storyPages) {
      const data = jsonLdOf(path);
      const article = story.articles[locale];
      if (!article) throw new Error(`No ${locale} version of ${story.id}`);
      expect(data['@context'], path).toBe('https://schema.org');
      expect(data['@type'], path).toBe('NewsArticle');
      expect(data.url, path).toBe(full(path));
      expect(data.headline, path).toBe(article.title);
      expect(data.datePublished, path).toBe(storyDateAsKnown(story.date));
      expect(vietnamDay(new Date(String(data.datePublished))), path).toBe(storyDay(story.date));
      expect(data.inLanguage, path).toBe(locale);
      expect(data.publisher, path).toMatchObject({
        '@type': 'Organization',
        name: dictionary(locale).siteName,
        url: full(homeUrl(locale)),
      });
      const author = article.author
        ? { '@type': 'Person', name: article.author }
        : article.source
          ? { '@type': 'Organization', name: article.source.name }
          : undefined;
      expect(data.author, path).toEqual(author ? [author] : undefined);
      expect(data.isBasedOn, path).toBe(article.source?.url);
      const mentions = data.mentions as Thing[];
      expect(
        mentions.map((thing) => [thing['@type'], thing.name]),
        path,
      ).toEqual([
        ...story.people.map((id) => ['Person', getEntity('people', id).name[locale]]),
        ...story.organisations.map((id) => ['Organization', getEntity('organisations', id).name[locale]]),
      ]);
      expect(
        (data.about as Thing[]).map((thing) => thing.name),
        path,
      ).toEqual(story.topics.map((id) => getEntity('topics', id).name[locale]));
    }
  });

  it('should link each translation to the text it was made from, and each text to its translations', () => {
    let pairs = 0;
    for (const story of archive.stories) {
      const data = Object.fromEntries(
        LOCALES.map((locale) => [locale, story.articles[locale] ? jsonLdOf(storyUrl(locale, story.id)) : undefined]),
      );
      for (const locale of LOCALES) {
        const own = data[locale];
        if (!own) continue;
        const provenance = provenanceOf(story, locale);
        const made = own.translationOfWork as Thing | undefined;
        if (provenance.kind === 'translation' && provenance.basis.kind === 'version') {
          pairs++;
          expect(made?.url, `${story.id} ${locale}`).toBe(full(storyUrl(provenance.basis.locale, story.id)));
          // ... and the version it was made from lists it among its translations.
          const back = (data[provenance.basis.locale]?.workTranslation as Thing[] | undefined)?.map(
            (thing) => thing.url,
          );
          expect(back, `${story.id} ${provenance.basis.locale}`).toContain(full(storyUrl(locale, story.id)));
        } else if (provenance.kind === 'translation' && provenance.basis.kind === 'source') {
          expect(made, `${story.id} ${locale}`).toEqual({
            '@type': 'CreativeWork',
            url: provenance.basis.url,
            inLanguage: provenance.from,
          });
        } else {
          // An original, a file that does not say, or a translation of a text the archive does not hold: nothing asserted.
          expect(made, `${story.id} ${locale}`).toBeUndefined();
        }
      }
    }
    expect(pairs).toBeGreaterThan(0);
    // The archive's own translations (every Vietnamese file of the seed stories) point at the English text they were made from.
    for (const story of archive.stories.filter(
      (each) => each.articles.vi?.translator === 'archive' && each.articles.en,
    )) {
      expect((jsonLdOf(storyUrl('vi', story.id))?.translationOfWork as Thing | undefined)?.url, story.id).toBe(
        full(storyUrl('en', story.id)),
      );
    }
  });
});
