import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { syntheticRegistry, syntheticStory } from '../../bench/corpus';
import { PageNavigation } from '../../components/page-navigation';
import { compareStoryDatesNewestFirst } from '../../lib/site/dates';
import { ENTITY_KINDS } from '../../lib/views/entities';
import { ArchiveSchema, type Story } from '../../lib/content/schema';
import { publishedPages } from '../../lib/outputs/sitemap';
import { monthlyCounts } from '../../lib/views/timeline';
import {
  entityUrl,
  homeUrl,
  listPageFromSegments,
  listPageSegments,
  listPageUrl,
  topicUrl,
  yearUrl,
} from '../../lib/site/urls';
import { storiesByYear, storiesCrediting, storiesWith } from '../../lib/views/story-lists';
import { monthStartPages } from '../../lib/views/month-pages';
import {
  itemsOnPage,
  itemsOnSharedPage,
  laterPages,
  pageCount,
  pageNavigation,
  sectionsOnPage,
  STORIES_PER_PAGE,
} from '../../lib/views/pagination';
import { makeStory } from './helpers/stories';

/** The bench's synthetic archive as story records (tags and dates; no Markdown to render), newest first. */
function syntheticArchive(size: number) {
  const registry = syntheticRegistry();
  const stories = Array.from({ length: size }, (_, index) => {
    const { id, date, topics, people, organisations } = syntheticStory(registry, index);
    return makeStory({ id, date, topics, people, organisations });
  }).sort((a, b) => compareStoryDatesNewestFirst(a.date, b.date) || a.id.localeCompare(b.id));
  return { registry, stories };
}

const ARCHIVE = syntheticArchive(1500);
const ids = (stories: readonly Story[]) => stories.map((story) => story.id);
const every = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('pages of a list', () => {
  it('should have one page for an empty or short list and as many full pages as fit, then the rest', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(STORIES_PER_PAGE)).toBe(1);
    expect(pageCount(STORIES_PER_PAGE + 1)).toBe(2);
    expect(laterPages(STORIES_PER_PAGE)).toEqual([]);
    expect(laterPages(STORIES_PER_PAGE * 3 - 1)).toEqual([2, 3]);
    expect(itemsOnPage(every(45), 3, 20)).toEqual([41, 42, 43, 44, 45]);
  });

  it('should refuse a page the list does not have', () => {
    expect(() => itemsOnPage(every(45), 4, 20)).toThrow(/Page 4 does not exist: the list has 3 page/);
    expect(() => itemsOnPage(every(45), 0, 20)).toThrow(/Page 0/);
    expect(() => itemsOnPage(every(45), 1.5, 20)).toThrow(/Page 1.5/);
  });

  it("should read a page from the segments after a list's address, and refuse any other segments", () => {
    expect(listPageFromSegments(undefined)).toBe(1);
    expect(listPageFromSegments([])).toBe(1);
    expect(listPageFromSegments(['page', '2'])).toBe(2);
    expect(listPageFromSegments(['page', '137'])).toBe(137);
    for (const segments of [
      ['page', '1'],
      ['page', '0'],
      ['page', '02'],
      ['page', 'two'],
      ['page'],
      ['pages', '2'],
      ['page', '2', 'x'],
    ])
      expect(() => listPageFromSegments(segments), segments.join('/')).toThrow(/page\/\{n\}\/ with n from 2/);
  });

  it('should write the segments of a page as the address reads them back', () => {
    expect(listPageSegments(1)).toEqual([]);
    expect(listPageSegments(7)).toEqual(['page', '7']);
    for (const page of [1, 2, 10, 250]) expect(listPageFromSegments(listPageSegments(page))).toBe(page);
  });

  it('should give the first page the list address and the others page/{n}/ under it', () => {
    expect(listPageUrl(topicUrl('en', 'training'), 1)).toBe('/en/topics/training/');
    expect(listPageUrl(topicUrl('vi', 'training'), 12)).toBe('/vi/topics/training/page/12/');
    expect(() => listPageUrl('/en/', 0)).toThrow(/whole number from 1/);
  });
});

describe('pagination over a synthetic archive', () => {
  it('should reach every story of every topic, person and organisation list exactly once, in order, in full pages', () => {
    let lists = 0;
    for (const kind of ENTITY_KINDS) {
      for (const { id } of ARCHIVE.registry[kind]) {
        const list = storiesWith(ARCHIVE.stories, kind, id);
        const pages = every(pageCount(list.length)).map((page) => itemsOnPage(list, page));
        expect(ids(pages.flat())).toEqual(ids(list));
        expect(new Set(ids(pages.flat())).size).toBe(list.length);
        pages.slice(0, -1).forEach((page) => expect(page).toHaveLength(STORIES_PER_PAGE));
        expect(pages.at(-1)?.length ?? 0).toBeLessThanOrEqual(STORIES_PER_PAGE);
        if (list.length > 0) expect(pages.at(-1)?.length).toBeGreaterThan(0);
        if (pages.length > 1) lists++;
      }
    }
    // The archive is large enough that many lists run to several pages.
    expect(lists).toBeGreaterThan(10);
  });

  it('should reach every story of the latest list exactly once', () => {
    const pages = every(pageCount(ARCHIVE.stories.length)).map((page) => itemsOnPage(ARCHIVE.stories, page));
    expect(pages).toHaveLength(Math.ceil(ARCHIVE.stories.length / STORIES_PER_PAGE));
    expect(ids(pages.flat())).toEqual(ids(ARCHIVE.stories));
  });

  it('should show every story of a year once, under its month, a month cut by a page break continuing on the next', () => {
    for (const year of storiesByYear(ARCHIVE.stories)) {
      const sections = year.months.map(({ month, stories }) => ({ key: month, items: stories }));
      const pages = every(pageCount(year.count)).map((page) => sectionsOnPage(sections, page));
      expect(ids(pages.flatMap((page) => page.flatMap((section) => section.items)))).toEqual(
        ids(year.months.flatMap((month) => month.stories)),
      );
      pages.forEach((page, index) => {
        const size = page.reduce((sum, section) => sum + section.items.length, 0);
        expect(size).toBe(index < pages.length - 1 ? STORIES_PER_PAGE : year.count - STORIES_PER_PAGE * index);
        // Only a page's first section can have begun earlier.
        page.slice(1).forEach((section) => expect(section.continued).toBe(false));
      });
      // Each month begins (not continued) on exactly one page.
      const starts = pages.flatMap((page, index) =>
        page.filter((section) => !section.continued).map((section) => [section.key, index + 1] as const),
      );
      expect(starts.map(([month]) => month)).toEqual(year.months.map((month) => month.month));
    }
  });

  it('should link each month to the page of its year where it begins', () => {
    const startPage = monthStartPages(monthlyCounts(ARCHIVE.stories));
    let later = 0;
    for (const year of storiesByYear(ARCHIVE.stories)) {
      const sections = year.months.map(({ month, stories }) => ({ key: month, items: stories }));
      for (const page of every(pageCount(year.count))) {
        for (const section of sectionsOnPage(sections, page)) {
          if (section.continued) continue;
          expect(startPage(year.year, section.key), `${year.year}-${section.key}`).toBe(page);
          if (page > 1) later++;
        }
      }
    }
    expect(later).toBeGreaterThan(0);
  });
});

describe('the sitemap of a paged archive', () => {
  const archive = ArchiveSchema.parse({ ...ARCHIVE.registry, stories: ARCHIVE.stories });
  const paths = new Set(publishedPages(archive).map((page) => page.path));
  const lists = [
    { url: homeUrl, total: archive.stories.length },
    ...storiesByYear(archive.stories).map((year) => ({
      url: (locale: 'en' | 'vi') => yearUrl(locale, year.year),
      total: year.count,
    })),
    ...ENTITY_KINDS.flatMap((kind) =>
      archive[kind].map(({ id }) => ({
        url: (locale: 'en' | 'vi') => entityUrl(kind, locale, id),
        total: storiesWith(archive.stories, kind, id).length,
      })),
    ),
  ];

  it('should list every page of every list in both languages, and no page past the last', () => {
    for (const { url, total } of lists) {
      for (const locale of ['en', 'vi'] as const) {
        for (const page of every(pageCount(total))) expect(paths.has(listPageUrl(url(locale), page))).toBe(true);
        expect(paths.has(listPageUrl(url(locale), pageCount(total) + 1))).toBe(false);
      }
    }
  });

  it('should pair a later page with the same page in the other language', () => {
    const page = publishedPages(archive).find((entry) => entry.path === listPageUrl(homeUrl('vi'), 3));
    expect(page?.alternates).toEqual({
      en: listPageUrl(homeUrl('en'), 3),
      vi: listPageUrl(homeUrl('vi'), 3),
      'x-default': listPageUrl(homeUrl('en'), 3),
    });
    expect(page?.newest).toBe(itemsOnPage(archive.stories, 3)[0]?.date);
  });
});

describe('page navigation', () => {
  it('should be absent when the list fits on one page', () => {
    expect(pageNavigation(1, 1)).toBeNull();
  });

  it('should offer first and previous only after the first page, next and last only before the last', () => {
    expect(pageNavigation(1, 9)).toMatchObject({
      next: 2,
      last: 9,
      nearby: [1, 2, 3],
      gapBefore: false,
      gapAfter: true,
    });
    expect(pageNavigation(1, 9)).not.toHaveProperty('previous');
    expect(pageNavigation(9, 9)).toMatchObject({
      first: 1,
      previous: 8,
      nearby: [7, 8, 9],
      gapBefore: true,
      gapAfter: false,
    });
    expect(pageNavigation(9, 9)).not.toHaveProperty('next');
    expect(pageNavigation(5, 9)).toMatchObject({ first: 1, previous: 4, next: 6, last: 9, nearby: [3, 4, 5, 6, 7] });
    expect(pageNavigation(2, 3)).toMatchObject({ nearby: [1, 2, 3], gapBefore: false, gapAfter: false });
  });

  it('should refuse a page outside the list', () => {
    expect(() => pageNavigation(4, 3)).toThrow(/Page 4 does not exist/);
  });

  it('should render a labelled navigation with the current page marked and both languages worded', () => {
    const pageUrl = (page: number) => listPageUrl('/en/topics/training/', page);
    const html = renderToStaticMarkup(
      <PageNavigation navigation={pageNavigation(4, 9)} pageUrl={pageUrl} locale="en" />,
    );
    expect(html).toMatch(/^<nav aria-label="Pages of this list"/);
    expect(html).toContain('Page 4 of 9');
    expect(html).toContain('<a href="/en/topics/training/page/4/" aria-label="Page 4" aria-current="page">4</a>');
    expect(html.match(/aria-current/g)).toHaveLength(1);
    expect(html).toContain('<a href="/en/topics/training/"><span aria-hidden="true">«</span> First</a>');
    expect(html).toContain(
      '<a href="/en/topics/training/page/3/" rel="prev"><span aria-hidden="true">‹</span> Previous</a>',
    );
    expect(html).toContain(
      '<a href="/en/topics/training/page/5/" rel="next">Next <span aria-hidden="true">›</span></a>',
    );
    expect(html).toContain('<a href="/en/topics/training/page/9/">Last <span aria-hidden="true">»</span></a>');
    const vi = renderToStaticMarkup(<PageNavigation navigation={pageNavigation(1, 2)} pageUrl={pageUrl} locale="vi" />);
    expect(vi).toContain('aria-label="Các trang của danh sách"');
    expect(vi).toContain('Trang 1/2');
    expect(vi).not.toContain('Trước');
    expect(renderToStaticMarkup(<PageNavigation navigation={null} pageUrl={pageUrl} locale="en" />)).toBe('');
  });
});

describe('an entity credited on more stories than it is tagged on', () => {
  const registry = ARCHIVE.registry;
  const source = registry.organisations[0]?.id ?? '';
  // The organisation is the source of every story, as a news agency would be.
  const stories = ARCHIVE.stories.map((story) => ({
    ...story,
    articles: Object.fromEntries(
      Object.entries(story.articles).map(([locale, article]) => [
        locale,
        { ...article, creditLinks: { source: { kind: 'organisations' as const, id: source } } },
      ]),
    ),
  }));
  const archive = ArchiveSchema.parse({ ...registry, stories });
  const tagged = storiesWith(archive.stories, 'organisations', source);
  const credited = storiesCrediting(archive.stories, 'organisations', source).map((entry) => entry.story);

  it('should page its credits beside its stories, each shorter list empty past its end', () => {
    expect(credited.length).toBeGreaterThan(tagged.length);
    const longest = Math.max(tagged.length, credited.length);
    const pages = every(pageCount(longest));
    expect(pages.flatMap((page) => ids(itemsOnSharedPage(credited, page, longest)))).toEqual(ids(credited));
    expect(pages.flatMap((page) => ids(itemsOnSharedPage(tagged, page, longest)))).toEqual(ids(tagged));
    expect(itemsOnSharedPage(tagged, pages.length, longest)).toEqual([]);
    expect(() => itemsOnSharedPage(credited, pages.length + 1, longest)).toThrow(/does not exist/);
  });

  it('should list as many pages of it as its credits need, none showing more than a page of each list', () => {
    const published = publishedPages(archive);
    const url = (locale: 'en' | 'vi') => entityUrl('organisations', locale, source);
    const last = pageCount(credited.length);
    for (const locale of ['en', 'vi'] as const) {
      for (const page of every(last)) {
        const entry = published.find((each) => each.path === listPageUrl(url(locale), page));
        expect(entry, `page ${page}`).toBeDefined();
      }
      expect(published.some((each) => each.path === listPageUrl(url(locale), last + 1))).toBe(false);
    }
  });
});
