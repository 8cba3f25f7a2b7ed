import { writeFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ArticleView } from '../../components/article-view';
import { LanguageSwitcher } from '../../components/language-switcher';
import { StoryList } from '../../components/story-list';
import { UntranslatedStory } from '../../components/untranslated-story';
import { untranslatedStoryMetadata } from '../../lib/outputs/metadata';
import { loadContent } from '../../lib/content/load';
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

describe('a draft in the editing preview', () => {
  it('should be kept when drafts are asked for, and say it is a draft on its page and on its card', () => {
    const fixture = createContentFixture({
      stories: { 'draft-story': { en: articleText({ ...BASE_EN, title: 'Draft title', draft: true }), vi: null } },
    });
    try {
      const { archive, problems } = loadContent(fixture.dir, { includeDrafts: true });
      expect(problems.filter((problem) => problem.kind !== 'MissingTranslation')).toEqual([]);
      const draft = archive.stories.find((story) => story.id === 'draft-story');
      const article = draft?.articles.en;
      if (!draft || !article) throw new Error('the draft is not in the archive');
      // The components name tags from the archive the pages read: this one, not a build's.
      const archiveFile = fixture.path('archive.json');
      writeFileSync(archiveFile, JSON.stringify(archive));
      vi.stubEnv('ARCHIVE_PATH', archiveFile);
      const words = dictionary('en');
      expect(renderToStaticMarkup(<ArticleView story={draft} article={article} locale="en" />)).toContain(
        words.draftNotice,
      );
      const cards = renderToStaticMarkup(<StoryList stories={archive.stories} locale="en" />);
      expect(cards.split(`>${words.draft}</span>`)).toHaveLength(2);
    } finally {
      vi.unstubAllEnvs();
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

  it('should have a page in the other language that says which language it is in and leads there, out of indexes', () => {
    const fixture = createContentFixture({ base: { vi: null } });
    try {
      const [story] = fixture.load().archive.stories;
      if (!story?.articles.en) throw new Error('no story');
      const page = renderToStaticMarkup(<UntranslatedStory story={story} locale="vi" />);
      expect(page.match(/<h1>/g)).toHaveLength(1);
      expect(page).toContain(`<h1>${dictionary('vi').onlyInOtherLanguage}</h1>`);
      expect(page).toContain(`<a href="${storyUrl('en', story.id)}" hrefLang="en">`);
      expect(page).toContain('lang="en"');
      const metadata = untranslatedStoryMetadata(story, 'vi');
      expect(metadata.robots).toEqual({ index: false });
      expect(metadata.alternates?.canonical).toBe(storyUrl('en', story.id));
      expect(publishedPages(fixture.load().archive).map((entry) => entry.path)).not.toContain(storyUrl('vi', story.id));
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
