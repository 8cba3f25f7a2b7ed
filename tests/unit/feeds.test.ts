/**
 * The RSS feeds, built from records in memory and read back with a real XML parser:
 * what a feed reader sees, field by field.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { storyInstant } from '../../lib/site/dates';
import { ENTITY_KINDS } from '../../lib/views/entities';
import { entityFeed, FEED_SIZE, feedStories, languageFeed, type FeedSource } from '../../lib/outputs/feeds';
import { dictionary, LOCALES, otherLocale, type Locale } from '../../lib/site/i18n';
import type { Article, Organisation, Person, Story, Topic } from '../../lib/content/schema';
import {
  absoluteUrl,
  feedUrl,
  homeUrl,
  organisationFeedUrl,
  organisationUrl,
  personFeedUrl,
  personUrl,
  storyUrl,
  topicFeedUrl,
  topicUrl,
} from '../../lib/site/urls';
import { makeStory } from './helpers/stories';
import { loadContent } from '../../lib/content/load';
import type { RssItem } from '../helpers/rss-item';
import { descriptionShown } from '../../scripts/quality/xml';

const BASE = new URL('https://archive.example');
const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

const TOPICS: Topic[] = [
  { id: 'command-86', name: { en: 'Command 86', vi: 'Bộ Tư lệnh 86' } },
  {
    id: 'hanoi-convention',
    name: { en: 'Hanoi Convention', vi: 'Công ước Hà Nội' },
    description: { en: 'The UN convention.', vi: 'Công ước của Liên hợp quốc.' },
  },
  { id: 'empty-topic', name: { en: 'Nothing yet', vi: 'Chưa có gì' } },
];

const PEOPLE: Person[] = [
  {
    id: 'luong-cuong',
    name: { en: 'Luong Cuong', vi: 'Lương Cường' },
    description: { en: 'State President of Vietnam.', vi: 'Chủ tịch nước.' },
    aliases: [],
    roles: [],
  },
  { id: 'nobody-yet', name: { en: 'Nobody Yet', vi: 'Chưa Ai' }, aliases: [], roles: [] },
];

const ORGANISATIONS: Organisation[] = [
  { id: 'command-86', name: { en: 'Command 86', vi: 'Bộ Tư lệnh 86' }, aliases: [] },
  { id: 'quiet-office', name: { en: 'Quiet Office', vi: 'Văn phòng Yên lặng' }, aliases: [] },
];

/** A story whose versions carry the given credits. */
function credited(
  story: Story,
  credits: Partial<Pick<Article, 'author' | 'source' | 'translator' | 'title' | 'summary' | 'updated' | 'corrections'>>,
): Story {
  const articles = Object.fromEntries(
    Object.entries(story.articles).map(([locale, article]) => [locale, { ...article, ...credits }]),
  );
  return { ...story, articles };
}

// Each entity with stories has, in each language, a story of that language it is not
// tagged on and a tagged story that does not exist in that language: both stay out of its feed.
const STORIES: Story[] = [
  credited(
    makeStory({
      id: 'month-only-story',
      date: '2025-04',
      topics: ['command-86'],
      people: ['luong-cuong'],
      organisations: ['command-86'],
    }),
    { author: 'Van Chien', source: { name: "People's Army Newspaper" } },
  ),
  credited(
    makeStory({
      id: 'signing-day',
      date: '2025-10-25',
      topics: ['hanoi-convention', 'command-86'],
      people: ['luong-cuong'],
    }),
    { source: { name: 'Vietnam News Agency', url: 'https://vietnamplus.vn/x' } },
  ),
  makeStory({
    id: 'english-only',
    date: '2025-10-24',
    topics: ['hanoi-convention'],
    people: ['luong-cuong'],
    organisations: ['command-86'],
    locales: ['en'],
  }),
  makeStory({
    id: 'vietnamese-only',
    date: '2024-01-02',
    topics: ['command-86', 'hanoi-convention'],
    people: ['luong-cuong'],
    organisations: ['command-86'],
    locales: ['vi'],
  }),
  makeStory({ id: 'untagged-story', date: '2025-11-01', topics: ['command-86'] }),
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'category'].includes(name),
  parseTagValue: false,
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const document = parser.parse(xml);
  const channel = document.rss.channel;
  return { rss: document.rss, channel, items: (channel.item ?? []) as RssItem[] };
}

const source: FeedSource = { stories: STORIES, topics: TOPICS, people: PEOPLE, organisations: ORGANISATIONS };

describe('languageFeed', () => {
  describe.each(LOCALES)('in %s', (locale: Locale) => {
    const expected = STORIES.filter((story) => story.articles[locale]).sort(
      (a, b) => storyInstant(b.date).getTime() - storyInstant(a.date).getTime(),
    );

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
      expect(items.map((item) => item.link)).toEqual(
        expected.map((story) => absoluteUrl(storyUrl(locale, story.id), BASE)),
      );
    });

    it('should give every item its title, permalink guid, summary and date', () => {
      const { items } = parse(languageFeed(source, locale, BASE));
      for (const [index, story] of expected.entries()) {
        const item = items[index];
        const article = story.articles[locale];
        expect(item?.title).toBe(article?.title);
        expect(item?.guid).toEqual({ '#text': absoluteUrl(storyUrl(locale, story.id), BASE), '@isPermaLink': 'true' });
        expect(descriptionShown(item?.description)).toBe(article?.summary);
        expect(new Date(item?.pubDate ?? '').getTime()).toBe(storyInstant(story.date).getTime());
      }
    });

    it("should name each item's topics in the feed's language", () => {
      const { items } = parse(languageFeed(source, locale, BASE));
      for (const [index, story] of expected.entries()) {
        expect(items[index]?.category).toEqual(
          story.topics.map((id) => TOPICS.find((topic) => topic.id === id)?.name[locale]),
        );
      }
    });

    it('should date the channel by its newest story, not by the time of the build', () => {
      const { channel } = parse(languageFeed(source, locale, BASE));
      const [newest] = expected;
      expect(new Date(channel.lastBuildDate).getTime()).toBe(storyInstant(newest?.date ?? '').getTime());
      expect(languageFeed(source, locale, BASE)).toBe(languageFeed(source, locale, BASE));
    });
  });

  it('should date the channel by the latest change to a story it lists, its update or a correction', () => {
    const older = credited(makeStory({ id: 'older-story', date: '2025-03-01' }), {
      updated: '2025-06-20',
      corrections: [{ date: '2025-07-02', text: 'A name was misspelt.' }],
    });
    const newer = makeStory({ id: 'newer-story', date: '2025-05-01' });
    const { channel } = parse(languageFeed({ ...source, stories: [newer, older] }, 'en', BASE));
    expect(new Date(channel.lastBuildDate).getTime()).toBe(storyInstant('2025-07-02').getTime());
    const { channel: unchanged } = parse(languageFeed({ ...source, stories: [newer] }, 'en', BASE));
    expect(new Date(unchanged.lastBuildDate).getTime()).toBe(storyInstant('2025-05-01').getTime());
  });

  it('should credit the reporter as dc:creator, else the source, else no one', () => {
    const { items } = parse(languageFeed(source, 'en', BASE));
    const creatorOf = (id: string) =>
      items.find((item) => item.link === absoluteUrl(storyUrl('en', id), BASE))?.['dc:creator'];
    expect(creatorOf('month-only-story')).toBe('Van Chien');
    expect(creatorOf('signing-day')).toBe('Vietnam News Agency');
    expect(creatorOf('english-only')).toBeUndefined();
  });

  it("should carry an item's lead image as Media RSS content, its widest JPEG with its size and alt text", () => {
    const story = makeStory({ id: 'photo-story', date: '2025-10-24', topics: ['command-86'] });
    const article = story.articles.en;
    if (!article) throw new Error('makeStory wrote no English version');
    const image = {
      src: 'hall.jpg',
      alt: 'Delegates & guests',
      digest: 'a1b2c3d4e5f60718293a4b5c',
      width: 1200,
      height: 800,
    };
    const withImage = { ...story, articles: { ...story.articles, en: { ...article, image } } };
    const xml = languageFeed({ ...source, stories: [withImage] }, 'en', BASE);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    expect(xml.replace(/>\s+</g, '><')).toContain(
      '<media:content url="https://archive.example/images/a1b2c3d4e5f60718293a-1200.jpg" type="image/jpeg" medium="image" width="1200" height="800"><media:description>Delegates &amp; guests</media:description></media:content>',
    );
    expect(languageFeed({ ...source, stories: [story] }, 'en', BASE)).not.toContain('<media:content');
  });

  it('should date a month-only story on the first of its month, at noon in Vietnam', () => {
    const { items } = parse(languageFeed(source, 'vi', BASE));
    const item = items.find((candidate) => candidate.link === absoluteUrl(storyUrl('vi', 'month-only-story'), BASE));
    expect(item?.pubDate).toBe('Tue, 01 Apr 2025 05:00:00 GMT');
  });

  it(`should list the newest ${FEED_SIZE} stories only`, () => {
    const many = Array.from({ length: FEED_SIZE + 7 }, (_, index) =>
      makeStory({
        id: `story-${String(index).padStart(3, '0')}`,
        date: `20${String(10 + Math.floor(index / 12)).padStart(2, '0')}-${String((index % 12) + 1).padStart(2, '0')}`,
      }),
    );
    const { items } = parse(languageFeed({ ...source, stories: many }, 'en', BASE));
    const newest = [...many].reverse().slice(0, FEED_SIZE);
    expect(items.map((item) => item.link)).toEqual(newest.map((story) => absoluteUrl(storyUrl('en', story.id), BASE)));
  });

  it('should keep titles and summaries with markup characters as text', () => {
    const tricky = credited(makeStory({ id: 'tricky-story', date: '2025-01-01' }), {
      title: 'A <b>bold</b> & "quoted" ]]> title',
      summary: 'Ends a CDATA ]]> and opens <script>alert(1)</script>',
      author: 'Tom & Jerry <tj>',
    });
    const { items } = parse(languageFeed({ ...source, stories: [tricky] }, 'en', BASE));
    expect(items[0]?.title).toBe('A <b>bold</b> & "quoted" ]]> title');
    // A description is HTML to a reader: the summary's markup is written as the HTML of its text.
    expect(items[0]?.description).toBe('Ends a CDATA ]]&gt; and opens &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(descriptionShown(items[0]?.description)).toBe('Ends a CDATA ]]> and opens <script>alert(1)</script>');
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

  /** One story, tagged with one topic, person and organisation, carrying `text` in every field a feed shows. */
  function feedCarrying(text: string) {
    const named = (what: string) => ({
      name: { en: `${what} ${text}`, vi: `${what} ${text}` },
      description: { en: `About ${text}`, vi: `Về ${text}` },
    });
    const entities = {
      topics: [{ id: 'command-86', ...named('Topic') }],
      people: [{ id: 'luong-cuong', ...named('Person'), aliases: [], roles: [] }],
      organisations: [{ id: 'command-86', ...named('Organisation'), aliases: [] }],
    };
    const story = credited(
      makeStory({ id: 'hostile-story', date: '2025-01-01', people: ['luong-cuong'], organisations: ['command-86'] }),
      { title: `Title ${text}`, summary: `Summary ${text}`, author: `Reporter ${text}` },
    );
    return { source: { stories: [story], ...entities }, entities, article: story.articles.en as Article };
  }

  it.each(HOSTILE)('should read back %s in every field as the exact text, with no element of its own', (_, text) => {
    const { source, entities, article } = feedCarrying(text);
    const entityFeeds = ENTITY_KINDS.map((kind) => ({
      kind,
      xml: entityFeed(source, 'en', { kind, id: entities[kind][0]?.id ?? '' }, BASE),
    }));
    for (const xml of [languageFeed(source, 'en', BASE), ...entityFeeds.map((feed) => feed.xml)]) {
      expect(xml).not.toContain('<x:script');
      expect(xml).not.toContain('CDATA');
      const { channel, items } = parse(xml);
      expect(items).toHaveLength(1);
      expect(items[0]?.title).toBe(article.title);
      expect(descriptionShown(items[0]?.description)).toBe(article.summary);
      expect(items[0]?.['dc:creator']).toBe(article.author);
      expect(items[0]?.category).toEqual([entities.topics[0]?.name.en]);
      expect(Object.keys(items[0] ?? {}).sort()).toEqual([
        'category',
        'dc:creator',
        'description',
        'guid',
        'link',
        'pubDate',
        'title',
      ]);
      expect(Object.keys(channel).filter((key) => key.includes(':'))).toEqual(['atom:link']);
    }
    for (const { kind, xml } of entityFeeds) {
      const { channel } = parse(xml);
      const entity = entities[kind][0];
      expect(channel.title).toBe(`${entity?.name.en} · ${dictionary('en')[kind]} · ${dictionary('en').siteName}`);
      expect(descriptionShown(channel.description)).toBe(entity?.description.en);
    }
  });
});

/** For each kind: an entry with stories, one without, and the addresses of its page and feed. */
const TAGGED = [
  { kind: 'topics', id: 'hanoi-convention', empty: 'empty-topic', page: topicUrl, feed: topicFeedUrl },
  { kind: 'people', id: 'luong-cuong', empty: 'nobody-yet', page: personUrl, feed: personFeedUrl },
  { kind: 'organisations', id: 'command-86', empty: 'quiet-office', page: organisationUrl, feed: organisationFeedUrl },
] as const;

describe('entityFeed of a credited person or organisation', () => {
  const seed = loadContent('content').archive;

  it('should list, as its page does, the stories that credit it as well as those tagged with it', () => {
    let credited = 0;
    for (const kind of ['people', 'organisations'] as const)
      for (const { id } of seed[kind])
        for (const locale of LOCALES) {
          const crediting = (story: Story) =>
            Object.values(story.articles).some((article) =>
              Object.values(article?.creditLinks ?? {}).some((link) => link.kind === kind && link.id === id),
            );
          const expected = seed.stories
            .filter((story) => story.articles[locale] && (story[kind].includes(id) || crediting(story)))
            .map((story) => absoluteUrl(storyUrl(locale, story.id), BASE))
            .sort();
          credited += seed.stories.filter((story) => crediting(story) && !story[kind].includes(id)).length;
          const { items } = parse(entityFeed(seed, locale, { kind, id }, BASE));
          expect(items.map((item) => item.link).sort(), `${locale} ${kind} ${id}`).toEqual(expected);
        }
    // The seed credits entries no story is tagged with (its reporters, translators and outlet).
    expect(credited).toBeGreaterThan(0);
  });
});

describe.each(TAGGED)('entityFeed of $kind', ({ kind, id, empty, page, feed }) => {
  const entity = source[kind].find((candidate) => candidate.id === id);

  describe.each(LOCALES)('in %s', (locale) => {
    const tagged = STORIES.filter((story) => story[kind].includes(id));
    const expected = tagged
      .filter((story) => story.articles[locale])
      .sort((a, b) => storyInstant(b.date).getTime() - storyInstant(a.date).getTime());

    it("should list only the stories tagged with it that exist in the feed's language, newest first", () => {
      // The fixture leaves out of the feed a story of the language not tagged, and one tagged only in the other language.
      expect(STORIES.some((story) => story.articles[locale] && !story[kind].includes(id))).toBe(true);
      expect(tagged.some((story) => !story.articles[locale] && story.articles[otherLocale(locale)])).toBe(true);
      expect(expected.length).toBeGreaterThan(1);
      const { items } = parse(entityFeed(source, locale, { kind, id }, BASE));
      expect(items.map((item) => item.link)).toEqual(
        expected.map((story) => absoluteUrl(storyUrl(locale, story.id), BASE)),
      );
    });

    it("should read back each item's title, summary, creator and date exactly as the story's version in the language", () => {
      const { items } = parse(entityFeed(source, locale, { kind, id }, BASE));
      expect(items).toHaveLength(expected.length);
      for (const [index, story] of expected.entries()) {
        const article = story.articles[locale];
        expect(items[index]?.title).toBe(article?.title);
        expect(descriptionShown(items[index]?.description)).toBe(article?.summary);
        expect(items[index]?.['dc:creator']).toBe(article?.author ?? article?.source?.name);
        expect(new Date(items[index]?.pubDate ?? '').getTime()).toBe(storyInstant(story.date).getTime());
      }
    });

    it('should name itself as its page does, and link to that page and to itself', () => {
      const { channel } = parse(entityFeed(source, locale, { kind, id }, BASE));
      const words = dictionary(locale);
      const name = entity?.name[locale];
      expect(channel.title).toBe(`${name} · ${words[kind]} · ${words.siteName}`);
      expect(descriptionShown(channel.description)).toBe(entity?.description?.[locale] ?? `${words[kind]}: ${name}`);
      expect(channel.language).toBe(locale);
      expect(channel.link).toBe(absoluteUrl(page(locale, id), BASE));
      expect(channel['atom:link']['@href']).toBe(absoluteUrl(feed(locale, id), BASE));
    });

    it('should write a valid empty feed for an entry without stories', () => {
      const { channel, items } = parse(entityFeed(source, locale, { kind, id: empty }, BASE));
      expect(items).toEqual([]);
      expect(channel.link).toBe(absoluteUrl(page(locale, empty), BASE));
      expect(channel.title).toContain(source[kind].find((candidate) => candidate.id === empty)?.name[locale]);
    });
  });

  it('should refuse an id that is not in the registry', () => {
    expect(() => entityFeed(source, 'en', { kind, id: 'no-such-entry' }, BASE)).toThrow(
      `No entry "no-such-entry" in ${kind}`,
    );
  });
});

describe('feedStories', () => {
  it('should sort stories given in any order newest first, with a month-only date after the days of its month', () => {
    const stories = [
      makeStory({ id: 'april-undated', date: '2025-04' }),
      makeStory({ id: 'march-last', date: '2025-03-31' }),
      makeStory({ id: 'april-fifth', date: '2025-04-05' }),
    ];
    expect(feedStories(stories, 'en').map((story) => story.id)).toEqual(['april-fifth', 'april-undated', 'march-last']);
  });
});
