/**
 * Lookups over one list of stories, built the first time a list is asked about: the
 * stories tagged with each id, where each story stands, and the stories of each
 * language. The build renders a page per story and per entity, each asking for the
 * stories it relates to; scanning the whole list for each of 20,000 pages makes the
 * build quadratic in the archive's size, a lookup here does not.
 *
 * Lists are never changed once loaded (the archive is read from its file), so an index
 * stays right for as long as its list lives.
 */
import { ENTITY_KINDS, type EntityKind } from './entities';
import type { Locale } from './i18n';
import type { Story } from './schema';

export interface StoryIndex {
  /** Positions in the list of the stories tagged with each id, in list order (ids in a tag list are unique). */
  tagged: Record<EntityKind, ReadonlyMap<string, readonly number[]>>;
  /** Each story's position in the list, by id (the first, should an id repeat). */
  position: ReadonlyMap<string, number>;
  /** The stories with a version in each language, in list order. */
  inLocale: Record<Locale, readonly Story[]>;
}

const indexes = new WeakMap<readonly Story[], StoryIndex>();

export function storyIndex(stories: readonly Story[]): StoryIndex {
  let index = indexes.get(stories);
  if (!index) {
    index = buildStoryIndex(stories);
    indexes.set(stories, index);
  }
  return index;
}

function buildStoryIndex(stories: readonly Story[]): StoryIndex {
  const tagged = {
    topics: new Map<string, number[]>(),
    people: new Map<string, number[]>(),
    organisations: new Map<string, number[]>(),
  };
  const position = new Map<string, number>();
  stories.forEach((story, at) => {
    if (!position.has(story.id)) position.set(story.id, at);
    for (const kind of ENTITY_KINDS) {
      for (const id of new Set(story[kind])) {
        const list = tagged[kind].get(id);
        if (list) list.push(at);
        else tagged[kind].set(id, [at]);
      }
    }
  });
  const inLocale = { en: storiesOf(stories, 'en'), vi: storiesOf(stories, 'vi') };
  return { tagged, position, inLocale };
}

function storiesOf(stories: readonly Story[], locale: Locale): Story[] {
  return stories.filter((story) => story.articles[locale] !== undefined);
}
