import { describe, expect, it } from 'vitest';
import { storyTimestamp } from '../../lib/site/dates';
import { dictionary, LOCALE_TAGS, LOCALES } from '../../lib/site/i18n';
import {
  everyLanguage,
  HOME_X_DEFAULT,
  hreflangAlternates,
  languageChoiceMetadata,
  listPagination,
  pageMetadata,
} from '../../lib/outputs/metadata';
import { feedUrl, homeUrl, listPageUrl, rootUrl, storyUrl, topicFeedUrl, topicUrl } from '../../lib/site/urls';
import { pageNavigation } from '../../lib/views/pagination';

const RSS = 'application/rss+xml';

describe('hreflangAlternates', () => {
  it('should name every language version and the English one as x-default', () => {
    expect(hreflangAlternates(everyLanguage((locale) => storyUrl(locale, 'a-story')))).toEqual({
      en: '/en/articles/a-story/',
      vi: '/vi/articles/a-story/',
      'x-default': '/en/articles/a-story/',
    });
  });

  it('should use a given x-default, and none for a page in one language', () => {
    expect(hreflangAlternates(everyLanguage(homeUrl), HOME_X_DEFAULT)['x-default']).toBe(rootUrl());
    expect(hreflangAlternates({ vi: storyUrl('vi', 'a-story') })).toEqual({ vi: '/vi/articles/a-story/' });
  });
});

describe('pageMetadata', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    const paths = everyLanguage((target) => topicUrl(target, 'command-86'));
    const metadata = pageMetadata({
      locale,
      title: 'A title',
      description: 'A description',
      paths,
      feeds: [{ url: topicFeedUrl(locale, 'command-86'), title: 'Topic feed' }],
    });

    it("should name the page in the site's language, with its canonical address and alternates", () => {
      expect(metadata.title).toBe(`A title · ${dictionary(locale).siteName}`);
      expect(metadata.alternates?.canonical).toBe(paths[locale]);
      expect(metadata.alternates?.languages).toEqual(hreflangAlternates(paths));
    });

    it("should advertise the page's own feeds first, then the language feed", () => {
      expect(metadata.alternates?.types?.[RSS]).toEqual([
        { url: topicFeedUrl(locale, 'command-86'), title: 'Topic feed' },
        { url: feedUrl(locale), title: dictionary(locale).feedTitle(dictionary(locale).siteName) },
      ]);
    });

    it('should describe the page for Open Graph and Twitter cards in its locale', () => {
      expect(metadata.openGraph).toMatchObject({
        type: 'website',
        title: 'A title',
        description: 'A description',
        url: paths[locale],
        locale: LOCALE_TAGS[locale],
        alternateLocale: LOCALE_TAGS[locale === 'en' ? 'vi' : 'en'],
      });
      expect(metadata.twitter).toEqual({ card: 'summary', title: 'A title', description: 'A description' });
    });
  });

  it('should mark an article for Open Graph, with its story date as the published time', () => {
    const metadata = pageMetadata({
      locale: 'vi',
      title: 'T',
      description: 'D',
      paths: { vi: storyUrl('vi', 'a-story') },
      article: { date: '2025-04', tags: ['Bộ Tư lệnh 86'], authors: ['Văn Chiến'] },
    });
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      publishedTime: storyTimestamp('2025-04'),
      tags: ['Bộ Tư lệnh 86'],
      authors: ['Văn Chiến'],
    });
    // A page in one language has no other locale to announce.
    expect(metadata.openGraph).not.toHaveProperty('alternateLocale');
  });
});

describe('listPagination', () => {
  const pageUrl = (page: number) => listPageUrl(topicUrl('en', 'command-86'), page);

  it('should link a middle page to the pages before and after it, and the ends to their one neighbour', () => {
    expect(listPagination(pageNavigation(2, 3), pageUrl)).toEqual({
      previous: '/en/topics/command-86/',
      next: '/en/topics/command-86/page/3/',
    });
    expect(listPagination(pageNavigation(1, 3), pageUrl)).toEqual({ next: '/en/topics/command-86/page/2/' });
    expect(listPagination(pageNavigation(3, 3), pageUrl)).toEqual({ previous: '/en/topics/command-86/page/2/' });
    expect(listPagination(pageNavigation(1, 1), pageUrl)).toBeUndefined();
  });

  it("should reach Next's metadata as its pagination field, and be absent from a page of a short list", () => {
    const description = { locale: 'en' as const, title: 'T', description: 'D', paths: { en: pageUrl(2) } };
    const pagination = listPagination(pageNavigation(2, 3), pageUrl);
    expect(pageMetadata({ ...description, pagination }).pagination).toEqual(pagination);
    expect(pageMetadata(description)).not.toHaveProperty('pagination');
  });
});

describe('languageChoiceMetadata', () => {
  it('should advertise both language feeds and both home pages from the root', () => {
    const metadata = languageChoiceMetadata();
    expect(metadata.alternates?.canonical).toBe(rootUrl());
    expect(metadata.alternates?.languages).toEqual({ en: homeUrl('en'), vi: homeUrl('vi'), 'x-default': rootUrl() });
    expect((metadata.alternates?.types?.[RSS] as { url: string }[]).map((feed) => feed.url)).toEqual(
      LOCALES.map(feedUrl),
    );
  });
});

describe('pageMetadata with a lead image', () => {
  const image = { url: '/images/a1b2-1600.jpg', width: 1600, height: 1067, alt: 'Delegates in the hall' };
  const metadata = pageMetadata({
    locale: 'en',
    title: 'T',
    description: 'D',
    paths: { en: storyUrl('en', 'a-story') },
    image,
  });

  it('should give Open Graph the image with its width, height and alt', () => {
    expect(metadata.openGraph).toMatchObject({ images: [image] });
  });

  it('should make the Twitter card a large image card showing it', () => {
    expect(metadata.twitter).toEqual({
      card: 'summary_large_image',
      title: 'T',
      description: 'D',
      images: [{ url: image.url, alt: image.alt }],
    });
  });
});
