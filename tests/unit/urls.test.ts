import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../lib/site/i18n';
import {
  absoluteUrl,
  archiveUrl,
  entityFeedUrl,
  entityUrl,
  feedUrl,
  homeUrl,
  monthAnchor,
  monthUrl,
  organisationsUrl,
  organisationUrl,
  peopleUrl,
  personUrl,
  searchUrl,
  siteUrl,
  storyUrl,
  sitemapUrl,
  topicFeedUrl,
  topicsUrl,
  topicUrl,
  yearUrl,
} from '../../lib/site/urls';

describe('urls', () => {
  describe.each(LOCALES)('in %s', (lang) => {
    it('should build the home page as /{lang}/', () => {
      expect(homeUrl(lang)).toBe(`/${lang}/`);
    });

    it('should build an article page as /{lang}/articles/{story-id}/', () => {
      expect(storyUrl(lang, 'hanoi-convention-rehearsal')).toBe(`/${lang}/articles/hanoi-convention-rehearsal/`);
    });

    it('should build the topic pages as /{lang}/topics/ and /{lang}/topics/{topic-id}/', () => {
      expect(topicsUrl(lang)).toBe(`/${lang}/topics/`);
      expect(topicUrl(lang, 'command-86')).toBe(`/${lang}/topics/command-86/`);
    });

    it('should build the archive pages as /{lang}/archive/ and /{lang}/archive/{yyyy}/', () => {
      expect(archiveUrl(lang)).toBe(`/${lang}/archive/`);
      expect(yearUrl(lang, 2025)).toBe(`/${lang}/archive/2025/`);
    });

    it('should link a month to its place on the page of its year where it begins', () => {
      expect(monthUrl(lang, 2025, 4)).toBe(`/${lang}/archive/2025/#m-2025-04`);
      expect(monthUrl(lang, 2025, 4, 3)).toBe(`/${lang}/archive/2025/page/3/#m-2025-04`);
    });

    it('should build the people pages as /{lang}/people/ and /{lang}/people/{person-id}/', () => {
      expect(peopleUrl(lang)).toBe(`/${lang}/people/`);
      expect(personUrl(lang, 'le-dung')).toBe(`/${lang}/people/le-dung/`);
    });

    it('should build the organisation pages as /{lang}/organisations/ and /{lang}/organisations/{org-id}/', () => {
      expect(organisationsUrl(lang)).toBe(`/${lang}/organisations/`);
      expect(organisationUrl(lang, 'united-nations')).toBe(`/${lang}/organisations/united-nations/`);
    });

    it('should build the search page as /{lang}/search/', () => {
      expect(searchUrl(lang)).toBe(`/${lang}/search/`);
      expect(searchUrl(lang, '')).toBe(`/${lang}/search/`);
    });

    it('should build the feed as /{lang}/feed.xml', () => {
      expect(feedUrl(lang)).toBe(`/${lang}/feed.xml`);
    });

    it("should build a topic's feed as /{lang}/topics/{topic-id}/feed.xml", () => {
      expect(topicFeedUrl(lang, 'command-86')).toBe(`/${lang}/topics/command-86/feed.xml`);
    });

    it("should build each entity's feed beside its page, by its kind", () => {
      expect(entityFeedUrl('topics', lang, 'cybersecurity')).toBe(`/${lang}/topics/cybersecurity/feed.xml`);
      expect(entityFeedUrl('people', lang, 'luong-cuong')).toBe(`/${lang}/people/luong-cuong/feed.xml`);
      expect(entityFeedUrl('organisations', lang, 'vietnam-news-agency')).toBe(
        `/${lang}/organisations/vietnam-news-agency/feed.xml`,
      );
    });

    it('should build each entity page by its kind', () => {
      expect(entityUrl('topics', lang, 'cybersecurity')).toBe(`/${lang}/topics/cybersecurity/`);
      expect(entityUrl('people', lang, 'luong-cuong')).toBe(`/${lang}/people/luong-cuong/`);
      expect(entityUrl('organisations', lang, 'vietnam-news-agency')).toBe(
        `/${lang}/organisations/vietnam-news-agency/`,
      );
    });
  });

  it('should put the search query in ?q= so that it reads back unchanged', () => {
    for (const query of ['Bộ Tư lệnh 86', 'BTL 86', 'a&b=c#d', '100% ?']) {
      const url = new URL(searchUrl('vi', query), 'https://archive.example');
      expect(url.pathname).toBe('/vi/search/');
      expect(url.searchParams.get('q')).toBe(query);
      expect([...url.searchParams.keys()]).toEqual(['q']);
      expect(url.hash).toBe('');
    }
  });

  it('should pad the month anchor to two digits', () => {
    expect(monthAnchor(2025, 4)).toBe('m-2025-04');
    expect(monthAnchor(2025, 12)).toBe('m-2025-12');
  });

  it('should take the site address from SITE_URL, with localhost:3000 by default', () => {
    expect(siteUrl({ ...process.env, SITE_URL: 'https://archive.example/' }).href).toBe('https://archive.example/');
    const withoutSiteUrl = { ...process.env };
    delete withoutSiteUrl.SITE_URL;
    expect(siteUrl(withoutSiteUrl).href).toBe('http://localhost:3000/');
  });

  it('should refuse a SITE_URL with a path, since the export links from the root', () => {
    expect(() => siteUrl({ ...process.env, SITE_URL: 'https://archive.example/news/' })).toThrow(
      'SITE_URL must be the site',
    );
    expect(() => siteUrl({ ...process.env, SITE_URL: 'not a url' })).toThrow();
  });

  it('should make full addresses on the site address, for feeds and the sitemap', () => {
    const base = new URL('https://archive.example');
    expect(absoluteUrl(storyUrl('vi', 'a-story'), base)).toBe('https://archive.example/vi/articles/a-story/');
    expect(absoluteUrl(sitemapUrl(), base)).toBe('https://archive.example/sitemap.xml');
  });
});
