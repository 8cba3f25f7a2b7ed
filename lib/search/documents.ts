/**
 * What search knows of a story in one language: the text fields it indexes and the
 * facts a result card and the facets need. Derived from the archive records.
 */
import { z } from 'zod';
import type { EntityKind } from '../entities';
import { LocaleSchema, IdSchema, StoryDateSchema, type Archive } from '../schema';
import type { Locale } from '../i18n';
import { storyUrl } from '../urls';

export const SearchDocSchema = z.object({
  id: IdSchema,
  locale: LocaleSchema,
  url: z.string(),
  title: z.string(),
  summary: z.string(),
  date: StoryDateSchema,
  topics: z.array(IdSchema),
  people: z.array(IdSchema),
  organisations: z.array(IdSchema),
  /** Plain body text, for matching and snippets. */
  text: z.string(),
});
export type SearchDoc = z.infer<typeof SearchDocSchema>;

/** One entity as search sees it: its names in both languages and its aliases. */
export const SearchEntitySchema = z.object({
  kind: z.enum(['topics', 'people', 'organisations']),
  id: IdSchema,
  name: z.object({ en: z.string(), vi: z.string() }),
  aliases: z.array(z.string()),
});
export type SearchEntity = z.infer<typeof SearchEntitySchema>;

export function searchDocuments(archive: Archive, locale: Locale): SearchDoc[] {
  return archive.stories.flatMap((story) => {
    const article = story.articles[locale];
    if (!article) return [];
    return [
      {
        id: story.id,
        locale,
        url: storyUrl(locale, story.id),
        title: article.title,
        summary: article.summary,
        date: story.date,
        topics: story.topics,
        people: story.people,
        organisations: story.organisations,
        text: article.text,
      },
    ];
  });
}

export function searchEntities(archive: Archive): SearchEntity[] {
  const kinds: EntityKind[] = ['topics', 'people', 'organisations'];
  return kinds.flatMap((kind) =>
    archive[kind].map((entity) => ({ kind, id: entity.id, name: entity.name, aliases: 'aliases' in entity ? entity.aliases : [] })),
  );
}

/** Every name an entity is known by, in both languages. */
export function entityNames(entity: SearchEntity): string[] {
  return [...new Set([entity.name.en, entity.name.vi, ...entity.aliases])];
}
