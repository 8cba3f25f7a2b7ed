import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageSwitcher } from '../../components/language-switcher';
import { dictionary } from '../../lib/site/i18n';
import { searchDocuments } from '../../lib/search/documents';
import { publishedPages } from '../../lib/outputs/sitemap';
import { storyUrl } from '../../lib/site/urls';
import { storiesIn, storyListing } from '../../lib/views/story-lists';
import { articleText, BASE_EN, BASE_VI, createContentFixture } from './helpers/content-fixture';

describe('a draft', () => {
  it('should be validated but reach no list, no search index and no sitemap', () => {
    const fixture = createContentFixture({
      stories: {
        'draft-story': { en: articleText({ ...BASE_EN, draft: true }), vi: articleText({ ...BASE_VI, draft: true }) },
      },
    });
    try {
      const { archive, problems, drafts } = fixture.load();
      expect(problems).toEqual([]);
      expect(drafts).toBe(2);
      expect(archive.stories.map((story) => story.id)).toEqual(['base-story']);
      for (const locale of ['en', 'vi'] as const) {
        expect(searchDocuments(archive, locale).map((doc) => doc.id)).toEqual(['base-story']);
        expect(publishedPages(archive).some((page) => page.path === storyUrl(locale, 'draft-story'))).toBe(false);
      }
    } finally {
      fixture.cleanup();
    }
  });
});

describe('a story in one language', () => {
  it('should be listed in the other language, marked and linked to its own language', () => {
    const fixture = createContentFixture({ base: { vi: null } });
    try {
      const [story] = fixture.load().archive.stories;
      if (!story) throw new Error('no story');
      expect(storiesIn([story], 'vi')).toEqual([]);
      const listing = storyListing(story, 'vi');
      expect(listing.inReaderLanguage).toBe(false);
      expect(listing.article.locale).toBe('en');
    } finally {
      fixture.cleanup();
    }
  });

  it('should make the language switcher say the page is not available instead of linking', () => {
    const unavailable = renderToStaticMarkup(<LanguageSwitcher locale="en" target={null} />);
    expect(unavailable).not.toContain('<a ');
    expect(unavailable).toContain(dictionary('vi').notAvailableIn);
    expect(unavailable).toContain('lang="vi"');
    const available = renderToStaticMarkup(<LanguageSwitcher locale="en" target="/vi/" />);
    expect(available).toContain('href="/vi/"');
    expect(available).toContain('hrefLang="vi"');
  });
});
