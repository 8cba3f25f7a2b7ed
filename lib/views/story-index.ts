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
import type { Locale } from '../site/i18n';
import { CREDIT_ROLES, type CreditLink, type CreditRole, type Story } from '../content/schema';

interface StoryIndex {
  /** Positions in the list of the stories tagged with each id, in list order (ids in a tag list are unique). */
  tagged: Record<EntityKind, ReadonlyMap<string, readonly number[]>>;
  /** Each story's position in the list, by id (the first, should an id repeat). */
  position: ReadonlyMap<string, number>;
  /** The stories with a version in each language, in list order. */
  inLocale: Record<Locale, readonly Story[]>;
  /** Positions of the stories that credit each person or organisation (either version), with the roles, in list order. */
  credited: Record<CreditLink['kind'], ReadonlyMap<string, readonly { at: number; roles: readonly CreditRole[] }[]>>;
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
  return { tagged, position, inLocale, credited: creditedStories(stories) };
}

function creditedStories(stories: readonly Story[]): StoryIndex['credited'] {
  const credited = {
    people: new Map<string, { at: number; roles: CreditRole[] }[]>(),
    organisations: new Map<string, { at: number; roles: CreditRole[] }[]>(),
  };
  stories.forEach((story, at) => {
    for (const article of Object.values(story.articles)) {
      for (const role of CREDIT_ROLES) {
        const link = article?.creditLinks[role];
        if (!link) continue;
        const list = credited[link.kind].get(link.id) ?? [];
        const entry = list.at(-1)?.at === at ? list.at(-1) : undefined;
        if (entry) {
          if (!entry.roles.includes(role)) entry.roles.push(role);
        } else {
          list.push({ at, roles: [role] });
          credited[link.kind].set(link.id, list);
        }
      }
    }
  });
  // Roles in one order whichever version named them first.
  for (const map of Object.values(credited))
    for (const list of map.values())
      for (const entry of list) entry.roles.sort((a, b) => CREDIT_ROLES.indexOf(a) - CREDIT_ROLES.indexOf(b));
  return credited;
}

function storiesOf(stories: readonly Story[], locale: Locale): Story[] {
  return stories.filter((story) => story.articles[locale] !== undefined);
}
