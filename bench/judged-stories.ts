/**
 * The stories the relevance judge looks at (bench/relevance.ts), from what made them:
 * the generator's own stories for the synthetic corpus, the loaded archive for the seed
 * content. Each keeps its tags and, per language, the text its page shows: title,
 * summary, body, the names of its tags and, for the seed content, its credits.
 */
import { ENTITY_KINDS } from '../lib/views/entities';
import { LOCALES, type Locale } from '../lib/site/i18n';
import type { Archive } from '../lib/content/schema';
import { entityKey, searchCredits } from '../lib/search/documents';
import type { SyntheticRegistry, SyntheticStory } from './corpus';
import type { JudgedStory } from './relevance';

type Names = Record<(typeof ENTITY_KINDS)[number], ReadonlyMap<string, { en: string; vi: string }>>;

function namesOf(
  lists: Record<(typeof ENTITY_KINDS)[number], readonly { id: string; name: { en: string; vi: string } }[]>,
): Names {
  return {
    topics: new Map(lists.topics.map((entity) => [entity.id, entity.name])),
    people: new Map(lists.people.map((entity) => [entity.id, entity.name])),
    organisations: new Map(lists.organisations.map((entity) => [entity.id, entity.name])),
  };
}

function judgedStory(
  id: string,
  tags: Record<(typeof ENTITY_KINDS)[number], readonly string[]>,
  names: Names,
  texts: Partial<Record<Locale, readonly string[]>>,
): JudgedStory {
  const text: Partial<Record<Locale, readonly string[]>> = {};
  for (const locale of LOCALES) {
    const own = texts[locale];
    if (!own) continue;
    const tagNames = ENTITY_KINDS.flatMap((kind) => tags[kind].map((tag) => names[kind].get(tag)?.[locale] ?? ''));
    text[locale] = [...own, ...tagNames];
  }
  return { id, tags: new Set(ENTITY_KINDS.flatMap((kind) => tags[kind].map((tag) => entityKey(kind, tag)))), text };
}

/** The synthetic corpus's stories, as the generator made them. */
export function judgedSyntheticStories(registry: SyntheticRegistry, stories: readonly SyntheticStory[]): JudgedStory[] {
  const names = namesOf(registry);
  return stories.map((story) =>
    judgedStory(story.id, story, names, {
      en: [story.en.title, story.en.summary, story.en.body],
      vi: [story.vi.title, story.vi.summary, story.vi.body],
    }),
  );
}

/** A loaded archive's stories (the seed content). */
export function judgedArchiveStories(archive: Archive): JudgedStory[] {
  const names = namesOf(archive);
  return archive.stories.map((story) => {
    const texts: Partial<Record<Locale, readonly string[]>> = {};
    for (const locale of LOCALES) {
      const article = story.articles[locale];
      if (!article) continue;
      const credits = Object.values(searchCredits(story, locale)).map((credit) => credit.name);
      texts[locale] = [article.title, article.summary, article.text, ...credits];
    }
    return judgedStory(story.id, story, names, texts);
  });
}
