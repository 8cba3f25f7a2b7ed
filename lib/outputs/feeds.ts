/**
 * The RSS 2.0 feeds: one per language (`/{lang}/feed.xml`) and one per topic, person and
 * organisation in each language (`/{lang}/topics/{id}/feed.xml`, `/{lang}/people/{id}/…`,
 * `/{lang}/organisations/{id}/…`). Each feed is first described (`FeedSpec`: where it is,
 * what it says of itself, which stories it lists), then written as RSS (lib/outputs/rss.ts).
 * Route handlers write the documents; the build's XML check reads every feed back
 * against the same descriptions (scripts/check-xml.ts).
 *
 * A language's feed lists that language's articles only: a subscriber to the
 * Vietnamese feed reads Vietnamese, and every item links to a page in the feed's
 * language. (Pages also list stories that exist only in the other language, marked;
 * a feed item has no place for that mark, so those stories stay out of it.)
 */
import { creatorOf } from '../views/credits';
import { compareStoryDatesNewestFirst, newestStoryDate, storyInstant } from '../site/dates';
import { ENTITY_KINDS, type EntityKind } from '../views/entities';
import { entityListing } from '../views/story-lists';
import { dictionary, LANGUAGE_TAGS, LOCALES, type Locale } from '../site/i18n';
import { modifiedDate } from '../views/revisions';
import { MEDIA_TYPE, sharingImage } from '../images/published';
import { rssDocument, type RssImage, type RssItem } from './rss';
import type { Archive, LeadImage, Organisation, Person, Story, Topic } from '../content/schema';
import { absoluteUrl, entityFeedUrl, entityUrl, feedUrl, homeUrl, storyUrl } from '../site/urls';

/** How many stories a feed lists: the newest ones. */
export const FEED_SIZE = 50;

/** What a feed is built from: the stories (in any order), and the registries that name what they are tagged with. */
export type FeedSource = Pick<Archive, 'stories' | EntityKind>;

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
interface FeedTag {
  kind: EntityKind;
  id: string;
}

/** The stories a feed lists: those with a version in `locale`, newest first, at most FEED_SIZE. */
export function feedStories(stories: readonly Story[], locale: Locale): Story[] {
  return stories
    .filter((story) => story.articles[locale] !== undefined)
    .sort((a, b) => compareStoryDatesNewestFirst(a.date, b.date) || a.id.localeCompare(b.id))
    .slice(0, FEED_SIZE);
}

/** What an entry's page lists: the stories tagged with it, and those that credit it as reporter, translator or source. */
function storiesOfEntry(stories: readonly Story[], { kind, id }: FeedTag): Story[] {
  const { tagged, credited } = entityListing(stories, kind, id);
  return [...new Set([...tagged, ...credited.map(({ story }) => story)])];
}

/** The feed of one language: the newest stories written in it. */
export function languageFeedSpec(source: FeedSource, locale: Locale): FeedSpec {
  const words = dictionary(locale);
  return {
    locale,
    path: feedUrl(locale),
    page: homeUrl(locale),
    title: words.siteName,
    description: words.siteTagline,
    stories: feedStories(source.stories, locale),
  };
}

/**
 * The feed of one topic, person or organisation in one language: the stories its page lists, tagged with it or
 * crediting it; one without stories in that language has an empty feed. It is titled as its page is, section included, so
 * that the topic and the organisation both named "Command 86" have feeds told apart.
 */
function entityFeedSpec(source: FeedSource, locale: Locale, tag: FeedTag): FeedSpec {
  const entries: readonly (Topic | Person | Organisation)[] = source[tag.kind];
  const entity = entries.find((candidate) => candidate.id === tag.id);
  if (!entity) throw new Error(`No entry "${tag.id}" in ${tag.kind} to build a feed for`);
  const words = dictionary(locale);
  const section = words[tag.kind];
  const name = entity.name[locale];
  return {
    locale,
    path: entityFeedUrl(tag.kind, locale, tag.id),
    page: entityUrl(tag.kind, locale, tag.id),
    title: `${name} · ${section} · ${words.siteName}`,
    description: entity.description?.[locale] ?? `${section}: ${name}`,
    stories: feedStories(storiesOfEntry(source.stories, tag), locale),
  };
}

/** Every feed the site publishes, in both languages: the language's, then each topic's, person's and organisation's. */
export function everyFeedSpec(source: FeedSource): FeedSpec[] {
  return LOCALES.flatMap((locale) => [
    languageFeedSpec(source, locale),
    ...ENTITY_KINDS.flatMap((kind) =>
      source[kind].map((entity) => entityFeedSpec(source, locale, { kind, id: entity.id })),
    ),
  ]);
}

/** The RSS feed of one language. */
export function languageFeed(source: FeedSource, locale: Locale, base: URL): string {
  return feedDocument(source, languageFeedSpec(source, locale), base);
}

/** The RSS feed of one topic, person or organisation in one language. */
export function entityFeed(source: FeedSource, locale: Locale, tag: FeedTag, base: URL): string {
  return feedDocument(source, entityFeedSpec(source, locale, tag), base);
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
  // The newest listed story, or the latest change to one (its `updated` date or a correction), dates the feed, so that
  // the same content gives the same file (an empty feed takes the archive's newest story instead of the build time).
  const updated =
    newestStoryDate(
      spec.stories.flatMap((story) => {
        const article = story.articles[spec.locale];
        const modified = article ? modifiedDate(article) : undefined;
        return modified ? [story.date, modified] : [story.date];
      }),
    ) ?? newestStoryDate(source.stories.map((story) => story.date));
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
    ...(article.image ? { image: feedImage(article.image, base) } : {}),
  };
}

function feedImage(image: LeadImage, base: URL): RssImage {
  const shared = sharingImage(image);
  return { ...shared, url: absoluteUrl(shared.url, base), type: MEDIA_TYPE.jpeg, description: image.alt };
}
