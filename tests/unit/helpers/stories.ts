/**
 * Story records for view tests, built in memory and checked against the schema, so a
 * test states only what it is about (id, date, tags, languages).
 */
import { digestOf } from '../../../lib/caches/keyed-cache';
import type { Locale } from '../../../lib/site/i18n';
import { StorySchema, type Article, type Correction, type Story } from '../../../lib/content/schema';

export interface StorySpec {
  id: string;
  date: string;
  topics?: string[];
  people?: string[];
  organisations?: string[];
  /** The languages the story exists in; both by default. */
  locales?: Locale[];
  aliases?: string[];
  /** Given to every language version. */
  corrections?: Correction[];
}

/** What only one language version says: its own last change, by language. */
export interface VersionSpec {
  updated?: Partial<Record<Locale, string>>;
}

function article(spec: Required<StorySpec> & VersionSpec, locale: Locale): Article {
  const updated = spec.updated?.[locale];
  return {
    ...(updated ? { updated } : {}),
    corrections: spec.corrections,
    aliases: spec.aliases,
    title: `${spec.id} (${locale})`,
    summary: `Summary of ${spec.id} in ${locale}.`,
    date: spec.date,
    date_estimated: false,
    topics: spec.topics,
    people: spec.people,
    organisations: spec.organisations,
    draft: false,
    photos: [],
    creditLinks: {},
    storyId: spec.id,
    locale,
    file: `content/articles/${spec.id}/${locale}.md`,
    html: `<p>${spec.id}</p>\n`,
    text: spec.id,
    textDigest: digestOf(spec.id),
    headings: [],
    readingMinutes: 1,
  };
}

export function makeStory(input: StorySpec & VersionSpec): Story {
  const spec: Required<StorySpec> & VersionSpec = {
    topics: ['command-86'],
    people: [],
    organisations: [],
    locales: ['en', 'vi'],
    aliases: [],
    corrections: [],
    ...input,
  };
  return StorySchema.parse({
    id: spec.id,
    date: spec.date,
    date_estimated: false,
    topics: spec.topics,
    people: spec.people,
    organisations: spec.organisations,
    aliases: spec.aliases,
    articles: Object.fromEntries(spec.locales.map((locale) => [locale, article(spec, locale)])),
  });
}
