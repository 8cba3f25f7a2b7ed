/**
 * The RSS feeds, built from records in memory and read back with a real XML parser:
 * what a feed reader sees, field by field.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { storyInstant } from '../../lib/dates';
import { FEED_SIZE, feedStories, languageFeed, topicFeed } from '../../lib/feeds';
import { dictionary, LOCALES, type Locale } from '../../lib/i18n';
import type { Article, Story, Topic } from '../../lib/schema';
import { absoluteUrl, feedUrl, homeUrl, storyUrl, topicFeedUrl, topicUrl } from '../../lib/urls';
import { makeStory } from './helpers/stories';
import type { RssItem } from '../helpers/rss-item';

const BASE = new URL('https://archive.example');
const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

const TOPICS: Topic[] = [
  { id: 'command-86', name: { en: 'Command 86', vi: 'Bộ Tư lệnh 86' } },
  { id: 'hanoi-convention', name: { en: 'Hanoi Convention', vi: 'Công ước Hà Nội' }, description: { en: 'The UN convention.', vi: 'Công ước của Liên hợp quốc.' } },
  { id: 'empty-topic', name: { en: 'Nothing yet', vi: 'Chưa có gì' } },
];

/** A story whose versions carry the given credits. */
function credited(story: Story, credits: Partial<Pick<Article, 'author' | 'source' | 'translator' | 'title' | 'summary'>>): Story {
  const articles = Object.fromEntries(Object.entries(story.articles).map(([locale, article]) => [locale, { ...article, ...credits }]));
  return { ...story, articles };
}

const STORIES: Story[] = [
  credited(makeStory({ id: 'month-only-story', date: '2025-04', topics: ['command-86'] }), { author: 'Van Chien', source: { name: "People's Army Newspaper" } }),
  credited(makeStory({ id: 'signing-day', date: '2025-10-25', topics: ['hanoi-convention', 'command-86'] }), { source: { name: 'Vietnam News Agency', url: 'https://vietnamplus.vn/x' } }),
  makeStory({ id: 'english-only', date: '2025-10-24', topics: ['hanoi-convention'], locales: ['en'] }),
  makeStory({ id: 'vietnamese-only', date: '2024-01-02', topics: ['command-86'], locales: ['vi'] }),
];

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'category'].includes(name), parseTagValue: false });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const document = parser.parse(xml);
  const channel = document.rss.channel;
  return { rss: document.rss, channel, items: (channel.item ?? []) as RssItem[] };
}

const source = { stories: STORIES, topics: TOPICS };

describe('languageFeed', () => {
  describe.each(LOCALES)('in %s', (locale: Locale) => {
    const expected = STORIES.filter((story) => story.articles[locale]).sort((a, b) => storyInstant(b.date).getTime() - storyInstant(a.date).getTime());

    it('should be RSS 2.0 in the language, linked to its home page and to itself', () => {
      const { rss, channel } = parse(languageFeed(source, locale, BASE));
      expect(rss['@version']).toBe('2.0');
      expect(rss['@xmlns:dc']).toBe(DUBLIN_CORE);
      expect(channel.title).toBe(dictionary(locale).siteName);
      expect(channel.language).toBe(locale);
      expect(channel.link).toBe(absoluteUrl(homeUrl(locale), BASE));
      expect(channel['atom:link']['@href']).toBe(absoluteUrl(feedUrl(locale), BASE));
      expect(channel['atom:link']['@rel']).toBe('self');
    });

    it("should list only the stories written in the feed's language, newest first", () => {
      const { items } = parse(languageFeed(source, locale, BASE));
      expect(items.map((item) => item.link)).toEqual(expected.map((story) => absoluteUrl(storyUrl(locale, story.id), BASE)));
    });

    it('should give every item its title, permalink guid, summary and date', () => {
      const { items } = parse(languageFeed(source, locale, BASE));
      for (const [index, story] of expected.entries()) {
        const item = items[index];
        const article = story.articles[locale];
        expect(item?.title).toBe(article?.title);
        expect(item?.guid).toEqual({ '#text': absoluteUrl(storyUrl(locale, story.id), BASE), '@isPermaLink': 'true' });
        expect(item?.description).toBe(article?.summary);
        expect(new Date(item?.pubDate ?? '').getTime()).toBe(storyInstant(story.date).getTime());
      }
    });

    it("should name each item's topics in the feed's language", () => {
      const { items } = parse(languageFeed(source, locale, BASE));
      for (const [index, story] of expected.entries()) {
        expect(items[index]?.category).toEqual(story.topics.map((id) => TOPICS.find((topic) => topic.id === id)?.name[locale]));
      }
    });

    it('should date the channel by its newest story, not by the time of the build', () => {
      const { channel } = parse(languageFeed(source, locale, BASE));
      const [newest] = expected;
      expect(new Date(channel.lastBuildDate).getTime()).toBe(storyInstant(newest?.date ?? '').getTime());
      expect(languageFeed(source, locale, BASE)).toBe(languageFeed(source, locale, BASE));
    });
  });

  it('should credit the reporter as dc:creator, else the source, else no one', () => {
    const { items } = parse(languageFeed(source, 'en', BASE));
    const creatorOf = (id: string) => items.find((item) => item.link === absoluteUrl(storyUrl('en', id), BASE))?.['dc:creator'];
    expect(creatorOf('month-only-story')).toBe('Van Chien');
    expect(creatorOf('signing-day')).toBe('Vietnam News Agency');
    expect(creatorOf('english-only')).toBeUndefined();
  });

  it('should date a month-only story on the first of its month, at noon in Vietnam', () => {
    const { items } = parse(languageFeed(source, 'vi', BASE));
    const item = items.find((candidate) => candidate.link === absoluteUrl(storyUrl('vi', 'month-only-story'), BASE));
    expect(item?.pubDate).toBe('Tue, 01 Apr 2025 05:00:00 GMT');
  });

  it(`should list the newest ${FEED_SIZE} stories only`, () => {
    const many = Array.from({ length: FEED_SIZE + 7 }, (_, index) => makeStory({ id: `story-${String(index).padStart(3, '0')}`, date: `20${String(10 + Math.floor(index / 12)).padStart(2, '0')}-${String((index % 12) + 1).padStart(2, '0')}` }));
    const { items } = parse(languageFeed({ stories: many, topics: TOPICS }, 'en', BASE));
    const newest = [...many].reverse().slice(0, FEED_SIZE);
    expect(items.map((item) => item.link)).toEqual(newest.map((story) => absoluteUrl(storyUrl('en', story.id), BASE)));
  });

  it('should keep titles and summaries with markup characters as text', () => {
    const tricky = credited(makeStory({ id: 'tricky-story', date: '2025-01-01' }), { title: 'A <b>bold</b> & "quoted" ]]> title', summary: 'Ends a CDATA ]]> and opens <script>alert(1)</script>', author: 'Tom & Jerry <tj>' });
    const { items } = parse(languageFeed({ stories: [tricky], topics: TOPICS }, 'en', BASE));
    expect(items[0]?.title).toBe('A <b>bold</b> & "quoted" ]]> title');
    expect(items[0]?.description).toBe('Ends a CDATA ]]> and opens <script>alert(1)</script>');
    expect(items[0]?.['dc:creator']).toBe('Tom & Jerry <tj>');
  });
});

describe('text that looks like markup', () => {
  const XHTML_SCRIPT = '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>';
  const HOSTILE = [
    ['a CDATA terminator', `Ends ]]> early ${XHTML_SCRIPT}`],
    ['two CDATA terminators', `]]>]]>${XHTML_SCRIPT}`],
    ['a terminator split across a bracket', `]]]>]]]]>>${XHTML_SCRIPT}`],
    ['markup and entities', `<b>bold</b> &amp; & &#60; <!-- c --> <?pi x?> <!DOCTYPE x> "q" 'a'`],
    ['Vietnamese and emoji', 'Bộ Tư lệnh 86 ký kết 🇻🇳 — “Công ước Hà Nội” 👍'],
  ] as const;

  /** One story and one topic carrying `text` in every field a feed shows. */
  function feedCarrying(text: string) {
    const topics: Topic[] = [{ id: 'command-86', name: { en: `Topic ${text}`, vi: `Chủ đề ${text}` }, description: { en: `About ${text}`, vi: `Về ${text}` } }];
    const story = credited(makeStory({ id: 'hostile-story', date: '2025-01-01' }), { title: `Title ${text}`, summary: `Summary ${text}`, author: `Reporter ${text}` });
    return { source: { stories: [story], topics }, topics, article: story.articles.en as Article };
  }

  it.each(HOSTILE)('should read back %s in every field as the exact text, with no element of its own', (_, text) => {
    const { source, topics, article } = feedCarrying(text);
    for (const xml of [languageFeed(source, 'en', BASE), topicFeed(source, 'en', 'command-86', BASE)]) {
      expect(xml).not.toContain('<x:script');
      expect(xml).not.toContain('CDATA');
      const { channel, items } = parse(xml);
      expect(items).toHaveLength(1);
      expect(items[0]?.title).toBe(article.title);
      expect(items[0]?.description).toBe(article.summary);
      expect(items[0]?.['dc:creator']).toBe(article.author);
      expect(items[0]?.category).toEqual([topics[0]?.name.en]);
      expect(Object.keys(items[0] ?? {}).sort()).toEqual(['category', 'dc:creator', 'description', 'guid', 'link', 'pubDate', 'title']);
      expect(Object.keys(channel).filter((key) => key.includes(':'))).toEqual(['atom:link']);
    }
    const { channel } = parse(topicFeed(source, 'en', 'command-86', BASE));
    expect(channel.title).toBe(`${topics[0]?.name.en} · ${dictionary('en').siteName}`);
    expect(channel.description).toBe(topics[0]?.description?.en);
  });
});

describe('topicFeed', () => {
  it.each(LOCALES)('should list the stories of the topic in %s only, linked to the topic page', (locale) => {
    const { channel, items } = parse(topicFeed(source, locale, 'hanoi-convention', BASE));
    const expected = feedStories(STORIES, locale).filter((story) => story.topics.includes('hanoi-convention'));
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((item) => item.link)).toEqual(expected.map((story) => absoluteUrl(storyUrl(locale, story.id), BASE)));
    expect(channel.link).toBe(absoluteUrl(topicUrl(locale, 'hanoi-convention'), BASE));
    expect(channel['atom:link']['@href']).toBe(absoluteUrl(topicFeedUrl(locale, 'hanoi-convention'), BASE));
    expect(channel.title).toContain(TOPICS[1]?.name[locale]);
    expect(channel.description).toBe(TOPICS[1]?.description?.[locale]);
  });

  it('should write a valid empty feed for a topic without stories', () => {
    const { channel, items } = parse(topicFeed(source, 'vi', 'empty-topic', BASE));
    expect(items).toEqual([]);
    expect(channel.title).toContain('Chưa có gì');
  });

  it('should refuse a topic that does not exist', () => {
    expect(() => topicFeed(source, 'en', 'no-such-topic', BASE)).toThrow('No topic "no-such-topic"');
  });
});

describe('feedStories', () => {
  it('should sort stories given in any order newest first, with a month-only date after the days of its month', () => {
    const stories = [makeStory({ id: 'april-undated', date: '2025-04' }), makeStory({ id: 'march-last', date: '2025-03-31' }), makeStory({ id: 'april-fifth', date: '2025-04-05' })];
    expect(feedStories(stories, 'en').map((story) => story.id)).toEqual(['april-fifth', 'april-undated', 'march-last']);
  });
});
