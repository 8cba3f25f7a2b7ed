import { afterEach, describe, expect, it } from 'vitest';
import { compareStoryDatesNewestFirst } from '../../lib/site/dates';
import type { Story } from '../../lib/content/schema';
import { countsBy, storiesByYear, storiesIn, storiesWith, storyListing } from '../../lib/views/story-lists';
import { articleText, BASE_EN, BASE_VI, createContentFixture, type ContentFixture } from './helpers/content-fixture';
import { makeStory } from './helpers/stories';

/** Stories in the order the loader gives them: newest first. */
function newestFirst(stories: Story[]): Story[] {
  return [...stories].sort((a, b) => compareStoryDatesNewestFirst(a.date, b.date) || a.id.localeCompare(b.id));
}

const ids = (stories: readonly Story[]) => stories.map((story) => story.id);

/** Year and month groups reduced to ids, to compare with a written expectation. */
function groupIds(stories: readonly Story[]) {
  return storiesByYear(stories).map((year) => ({
    year: year.year,
    count: year.count,
    months: year.months.map((month) => ({ month: month.month, ids: ids(month.stories) })),
  }));
}

const STORIES = newestFirst([
  makeStory({
    id: 'convention-rehearsal',
    date: '2025-10-23',
    topics: ['hanoi-convention', 'cybersecurity'],
    people: ['luong-cuong'],
    organisations: ['united-nations'],
  }),
  makeStory({
    id: 'convention-signing',
    date: '2025-10-25',
    topics: ['hanoi-convention'],
    people: ['luong-cuong'],
    organisations: ['united-nations', 'vietnam-news-agency'],
  }),
  makeStory({ id: 'october-undated', date: '2025-10', topics: ['cybersecurity'] }),
  makeStory({
    id: 'september-report',
    date: '2025-09-30',
    topics: ['command-86', 'cybersecurity'],
    people: ['vu-huu-hanh'],
  }),
  makeStory({
    id: 'party-committee-q2',
    date: '2025-04',
    topics: ['command-86', 'digital-transformation'],
    people: ['vu-huu-hanh', 'nguyen-minh-thang'],
    locales: ['vi'],
  }),
  makeStory({
    id: 'working-session-2023',
    date: '2023-10',
    topics: ['command-86', 'digital-transformation'],
    people: ['le-huy-vinh', 'vu-huu-hanh'],
    locales: ['en'],
  }),
  makeStory({
    id: 'cuba-visit',
    date: '2022-12',
    topics: ['command-86', 'international-cooperation'],
    organisations: ['vietnam-peoples-army'],
  }),
]);

describe('storiesWith', () => {
  it('should give the stories that name a topic, newest first', () => {
    expect(ids(storiesWith(STORIES, 'topics', 'cybersecurity'))).toEqual([
      'convention-rehearsal',
      'october-undated',
      'september-report',
    ]);
  });

  it('should look in the field of the kind asked for', () => {
    expect(ids(storiesWith(STORIES, 'people', 'vu-huu-hanh'))).toEqual([
      'september-report',
      'party-committee-q2',
      'working-session-2023',
    ]);
    expect(ids(storiesWith(STORIES, 'organisations', 'united-nations'))).toEqual([
      'convention-signing',
      'convention-rehearsal',
    ]);
    // command-86 is a topic here, not an organisation.
    expect(storiesWith(STORIES, 'organisations', 'command-86')).toEqual([]);
  });

  it('should give nothing for an id no story names', () => {
    expect(storiesWith(STORIES, 'topics', 'weather')).toEqual([]);
  });
});

describe('countsBy', () => {
  it('should count the stories that name each entity of a kind', () => {
    expect(countsBy(STORIES, 'topics')).toEqual(
      new Map([
        ['hanoi-convention', 2],
        ['cybersecurity', 3],
        ['command-86', 4],
        ['digital-transformation', 2],
        ['international-cooperation', 1],
      ]),
    );
  });

  it('should count people and leave out entities no story names', () => {
    const counts = countsBy(STORIES, 'people');
    expect(counts.get('vu-huu-hanh')).toBe(3);
    expect(counts.get('luong-cuong')).toBe(2);
    expect(counts.has('le-dung')).toBe(false);
  });

  it('should give an empty map for no stories', () => {
    expect(countsBy([], 'organisations').size).toBe(0);
  });
});

describe('storiesByYear', () => {
  it('should group stories by year, then month, newest first, with month-only stories after the dated ones of their month', () => {
    expect(groupIds(STORIES)).toEqual([
      {
        year: 2025,
        count: 5,
        months: [
          { month: 10, ids: ['convention-signing', 'convention-rehearsal', 'october-undated'] },
          { month: 9, ids: ['september-report'] },
          { month: 4, ids: ['party-committee-q2'] },
        ],
      },
      { year: 2023, count: 1, months: [{ month: 10, ids: ['working-session-2023'] }] },
      { year: 2022, count: 1, months: [{ month: 12, ids: ['cuba-visit'] }] },
    ]);
  });

  it('should give no groups for no stories', () => {
    expect(storiesByYear([])).toEqual([]);
  });

  describe('on loaded content', () => {
    let fixture: ContentFixture | undefined;
    afterEach(() => fixture?.cleanup());

    it('should group the stories as the loader sorts them', () => {
      const story = (date: string) => ({
        en: articleText({ ...BASE_EN, date }),
        vi: articleText({ ...BASE_VI, date }),
      });
      fixture = createContentFixture({
        withoutBaseStory: true,
        stories: {
          'a-month-only': story('2025-10'),
          'b-early-october': story('2025-10-01'),
          'c-late-october': story('2025-10-31'),
          'd-late-september': story('2025-09-30'),
          'e-new-year': story('2026-01-01'),
        },
      });
      const { archive, problems } = fixture.load();
      expect(problems).toEqual([]);
      expect(groupIds(archive.stories)).toEqual([
        { year: 2026, count: 1, months: [{ month: 1, ids: ['e-new-year'] }] },
        {
          year: 2025,
          count: 4,
          months: [
            { month: 10, ids: ['c-late-october', 'b-early-october', 'a-month-only'] },
            { month: 9, ids: ['d-late-september'] },
          ],
        },
      ]);
    });
  });
});

describe('storyListing', () => {
  const onlyVietnamese = makeStory({ id: 'party-committee-q2', date: '2025-04', locales: ['vi'] });
  const both = makeStory({ id: 'convention-rehearsal', date: '2025-10-23' });

  it("should list a story in the reader's language when it has that version", () => {
    const listing = storyListing(both, 'vi');
    expect(listing.inReaderLanguage).toBe(true);
    expect(listing.article.locale).toBe('vi');
    expect(listing.story).toBe(both);
  });

  it('should list a story that exists only in the other language with that version, marked', () => {
    const listing = storyListing(onlyVietnamese, 'en');
    expect(listing.inReaderLanguage).toBe(false);
    expect(listing.article.locale).toBe('vi');
    expect(listing.article.title).toBe('party-committee-q2 (vi)');
  });

  it('should throw for a story with no published version', () => {
    const empty: Story = { ...both, articles: {} };
    expect(() => storyListing(empty, 'en')).toThrow('Story "convention-rehearsal" has no published version');
  });
});

describe('storiesIn', () => {
  it('should give the stories that have a version in the language, keeping their order', () => {
    expect(ids(storiesIn(STORIES, 'en'))).toEqual([
      'convention-signing',
      'convention-rehearsal',
      'october-undated',
      'september-report',
      'working-session-2023',
      'cuba-visit',
    ]);
    expect(ids(storiesIn(STORIES, 'vi'))).toEqual([
      'convention-signing',
      'convention-rehearsal',
      'october-undated',
      'september-report',
      'party-committee-q2',
      'cuba-visit',
    ]);
  });
});
