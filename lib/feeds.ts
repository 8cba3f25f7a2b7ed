/**
 * The RSS 2.0 feeds: one per language (`/{lang}/feed.xml`) and one per topic and
 * language (`/{lang}/topics/{id}/feed.xml`). Pure functions from records to XML text,
 * so the route handlers only call them and tests check them without a build.
 *
 * A language's feed lists that language's articles only: a subscriber to the
 * Vietnamese feed reads Vietnamese, and every item links to a page in the feed's
 * language. (Pages also list stories that exist only in the other language, marked;
 * a feed item has no place for that mark, so those stories stay out of it.)
 */
import { Feed, type Item } from 'feed';
import { creatorOf } from './credits';
import { compareStoryDatesNewestFirst, newestStoryDate, storyInstant } from './dates';
import { dictionary, LANGUAGE_TAGS, type Locale } from './i18n';
import type { Story, Topic } from './schema';
import { absoluteUrl, feedUrl, homeUrl, storyUrl, topicFeedUrl, topicUrl } from './urls';

/** How many stories a feed lists: the newest ones. */
export const FEED_SIZE = 50;

/** Dublin Core, for `dc:creator`, the usual RSS element for a named author. */
const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

/** What a feed is built from: the stories (in any order) and the topics, to name them. */
export interface FeedSource {
  stories: readonly Story[];
  topics: readonly Topic[];
}

/** The stories a feed lists: those with a version in `locale` (and the topic, if given), newest first, at most FEED_SIZE. */
export function feedStories(stories: readonly Story[], locale: Locale, topicId?: string): Story[] {
  return stories
    .filter((story) => story.articles[locale] !== undefined && (topicId === undefined || story.topics.includes(topicId)))
    .sort((a, b) => compareStoryDatesNewestFirst(a.date, b.date) || a.id.localeCompare(b.id))
    .slice(0, FEED_SIZE);
}

/** The RSS feed of one language: the newest stories written in it. */
export function languageFeed(source: FeedSource, locale: Locale, base: URL): string {
  const words = dictionary(locale);
  return renderFeed(source, locale, base, {
    title: words.siteName,
    description: words.siteTagline,
    page: homeUrl(locale),
    self: feedUrl(locale),
    stories: feedStories(source.stories, locale),
  });
}

/** The RSS feed of one topic in one language. A topic without stories in that language gets a valid, empty feed. */
export function topicFeed(source: FeedSource, locale: Locale, topicId: string, base: URL): string {
  const topic = source.topics.find((candidate) => candidate.id === topicId);
  if (!topic) throw new Error(`No topic "${topicId}" to build a feed for`);
  const words = dictionary(locale);
  return renderFeed(source, locale, base, {
    title: `${topic.name[locale]} · ${words.siteName}`,
    description: topic.description?.[locale] ?? `${words.topics}: ${topic.name[locale]}`,
    page: topicUrl(locale, topic.id),
    self: topicFeedUrl(locale, topic.id),
    stories: feedStories(source.stories, locale, topic.id),
  });
}

interface Channel {
  title: string;
  description: string;
  /** The page the feed follows, and the feed's own path. */
  page: string;
  self: string;
  stories: Story[];
}

function renderFeed(source: FeedSource, locale: Locale, base: URL, channel: Channel): string {
  const topicNames = new Map(source.topics.map((topic) => [topic.id, topic.name[locale]]));
  // The newest listed story dates the feed, so that the same content gives the same
  // file (an empty feed takes the archive's newest story instead of the build time).
  const updated = newestStoryDate(channel.stories.map((story) => story.date)) ?? newestStoryDate(source.stories.map((story) => story.date));
  const feed = new Feed({
    id: absoluteUrl(channel.page, base),
    link: absoluteUrl(channel.page, base),
    title: channel.title,
    description: channel.description,
    language: LANGUAGE_TAGS[locale],
    feedLinks: { rss: absoluteUrl(channel.self, base) },
    ...(updated ? { updated: storyInstant(updated) } : {}),
    // No generator line: the file then depends only on the content, not on the library's version.
    generator: false,
  });
  for (const story of channel.stories) feed.addItem(feedItem(story, locale, base, topicNames));
  return feed.rss2();
}

function nameOf(topicNames: ReadonlyMap<string, string>, id: string): string {
  const name = topicNames.get(id);
  // The loader rejects unknown topic ids, so this only fails on records built by hand.
  if (name === undefined) throw new Error(`No topic "${id}" to name in a feed`);
  return name;
}

function feedItem(story: Story, locale: Locale, base: URL, topicNames: ReadonlyMap<string, string>): Item {
  const article = story.articles[locale];
  if (!article) throw new Error(`Story "${story.id}" has no ${locale} version for the ${locale} feed`);
  const creator = creatorOf(article);
  return {
    title: article.title,
    // With no separate guid the library writes the link as a permalink guid: the page's address is the story's identity.
    link: absoluteUrl(storyUrl(locale, story.id), base),
    date: storyInstant(story.date),
    description: article.summary,
    category: story.topics.map((id) => ({ name: nameOf(topicNames, id) })),
    // The feed library declares the Dublin Core namespace only together with full-text
    // content, which these feeds do not carry, so the element declares it itself.
    ...(creator ? { extensions: [{ name: 'dc:creator', objects: { _attributes: { 'xmlns:dc': DUBLIN_CORE }, _text: creator.name } }] } : {}),
  };
}
