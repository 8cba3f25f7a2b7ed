/**
 * The RSS 2.0 feeds: one per language (`/{lang}/feed.xml`) and one per topic and
 * language (`/{lang}/topics/{id}/feed.xml`). Each feed is first described (`FeedSpec`:
 * where it is, what it says of itself, which stories it lists), then written as RSS
 * (lib/rss.ts). Route handlers write the documents; the build's XML check reads every
 * feed back against the same descriptions (scripts/check-xml.ts). A feed of another
 * kind of page (a person, an organisation) is one more description.
 *
 * A language's feed lists that language's articles only: a subscriber to the
 * Vietnamese feed reads Vietnamese, and every item links to a page in the feed's
 * language. (Pages also list stories that exist only in the other language, marked;
 * a feed item has no place for that mark, so those stories stay out of it.)
 */
import { creatorOf } from './credits';
import { compareStoryDatesNewestFirst, newestStoryDate, storyInstant } from './dates';
import type { EntityKind } from './entities';
import { dictionary, LANGUAGE_TAGS, LOCALES, type Locale } from './i18n';
import { modifiedDate } from './revisions';
import { rssDocument, type RssItem } from './rss';
import type { Story, Topic } from './schema';
import { absoluteUrl, feedUrl, homeUrl, storyUrl, topicFeedUrl, topicUrl } from './urls';

/** How many stories a feed lists: the newest ones. */
export const FEED_SIZE = 50;

/** What a feed is built from: the stories (in any order) and the topics, to name them. */
export interface FeedSource {
  stories: readonly Story[];
  topics: readonly Topic[];
}

/** One feed the site publishes. */
export interface FeedSpec {
  locale: Locale;
  /** The feed's own path, and the page it follows. */
  path: string;
  page: string;
  title: string;
  description: string;
  /** The stories it lists, newest first. */
  stories: Story[];
}

/** The stories tagged with one entry of a registry. */
export interface FeedTag {
  kind: EntityKind;
  id: string;
}

/** The stories a feed lists: those with a version in `locale` (and the tag, if given), newest first, at most FEED_SIZE. */
export function feedStories(stories: readonly Story[], locale: Locale, tag?: FeedTag): Story[] {
  return stories
    .filter((story) => story.articles[locale] !== undefined && (tag === undefined || story[tag.kind].includes(tag.id)))
    .sort((a, b) => compareStoryDatesNewestFirst(a.date, b.date) || a.id.localeCompare(b.id))
    .slice(0, FEED_SIZE);
}

/** The feed of one language: the newest stories written in it. */
export function languageFeedSpec(source: FeedSource, locale: Locale): FeedSpec {
  const words = dictionary(locale);
  return { locale, path: feedUrl(locale), page: homeUrl(locale), title: words.siteName, description: words.siteTagline, stories: feedStories(source.stories, locale) };
}

/** The feed of one topic in one language. A topic without stories in that language has an empty feed. */
export function topicFeedSpec(source: FeedSource, locale: Locale, topicId: string): FeedSpec {
  const topic = source.topics.find((candidate) => candidate.id === topicId);
  if (!topic) throw new Error(`No topic "${topicId}" to build a feed for`);
  const words = dictionary(locale);
  return {
    locale,
    path: topicFeedUrl(locale, topic.id),
    page: topicUrl(locale, topic.id),
    title: `${topic.name[locale]} · ${words.siteName}`,
    description: topic.description?.[locale] ?? `${words.topics}: ${topic.name[locale]}`,
    stories: feedStories(source.stories, locale, { kind: 'topics', id: topic.id }),
  };
}

/** Every feed the site publishes, in both languages. */
export function everyFeedSpec(source: FeedSource): FeedSpec[] {
  return LOCALES.flatMap((locale) => [languageFeedSpec(source, locale), ...source.topics.map((topic) => topicFeedSpec(source, locale, topic.id))]);
}

/** The RSS feed of one language. */
export function languageFeed(source: FeedSource, locale: Locale, base: URL): string {
  return feedDocument(source, languageFeedSpec(source, locale), base);
}

/** The RSS feed of one topic in one language. */
export function topicFeed(source: FeedSource, locale: Locale, topicId: string, base: URL): string {
  return feedDocument(source, topicFeedSpec(source, locale, topicId), base);
}

/** The names a feed gives a story's topics, in the feed's language. */
export function topicNamesOf(story: Story, topics: readonly Topic[], locale: Locale): string[] {
  return story.topics.map((id) => {
    const topic = topics.find((candidate) => candidate.id === id);
    // The loader rejects unknown topic ids, so this only fails on records built by hand.
    if (!topic) throw new Error(`No topic "${id}" to name in a feed`);
    return topic.name[locale];
  });
}

/** The feed as RSS 2.0 text. */
export function feedDocument(source: FeedSource, spec: FeedSpec, base: URL): string {
  // The newest listed story dates the feed, so that the same content gives the same
  // file (an empty feed takes the archive's newest story instead of the build time).
  const updated = newestStoryDate(spec.stories.map((story) => story.date)) ?? newestStoryDate(source.stories.map((story) => story.date));
  return rssDocument({
    title: spec.title,
    description: spec.description,
    link: absoluteUrl(spec.page, base),
    self: absoluteUrl(spec.path, base),
    language: LANGUAGE_TAGS[spec.locale],
    ...(updated ? { updated: storyInstant(updated) } : {}),
    items: spec.stories.map((story) => feedItem(story, spec.locale, base, source.topics)),
  });
}

function feedItem(story: Story, locale: Locale, base: URL, topics: readonly Topic[]): RssItem {
  const article = story.articles[locale];
  if (!article) throw new Error(`Story "${story.id}" has no ${locale} version for the ${locale} feed`);
  const creator = creatorOf(article);
  const modified = modifiedDate(article);
  return {
    title: article.title,
    link: absoluteUrl(storyUrl(locale, story.id), base),
    published: storyInstant(story.date),
    ...(modified ? { updated: storyInstant(modified) } : {}),
    description: article.summary,
    categories: topicNamesOf(story, topics, locale),
    ...(creator ? { creator: creator.name } : {}),
  };
}
