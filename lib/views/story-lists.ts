/**
 * Views derived from the story records: by topic, person, organisation and by date.
 * Stories arrive sorted newest first (the loader sorts them), and every view keeps
 * that order; nothing here is a hand-kept list.
 */
import { parseStoryDate } from '../site/story-dates';
import type { EntityKind } from './entities';
import { otherLocale, type Locale } from '../site/i18n';
import type { Article, CreditRole, Story } from '../content/schema';
import { storyIndex } from './story-index';

/** The stories that name an entity, newest first (from the list's index: every entity page asks). */
export function storiesWith(stories: readonly Story[], kind: EntityKind, id: string): Story[] {
  return (storyIndex(stories).tagged[kind].get(id) ?? []).flatMap((at) => stories[at] ?? []);
}

/** A story an entity is credited on, and as what (in either language version). */
export interface CreditedStory {
  story: Story;
  roles: readonly CreditRole[];
}

/** The stories that credit a person or organisation as reporter, translator or source, newest first (from the list's index). */
export function storiesCrediting(stories: readonly Story[], kind: EntityKind, id: string): CreditedStory[] {
  if (kind === 'topics') return [];
  return (storyIndex(stories).credited[kind].get(id) ?? []).flatMap(({ at, roles }) => {
    const story = stories[at];
    return story ? [{ story, roles }] : [];
  });
}

/**
 * What an entity's pages list: the stories tagged with it and the stories it is credited
 * on, paged side by side for as many pages as the `longest` of the two needs.
 */
export function entityListing(
  stories: readonly Story[],
  kind: EntityKind,
  id: string,
): { tagged: Story[]; credited: CreditedStory[]; longest: number } {
  const tagged = storiesWith(stories, kind, id);
  const credited = storiesCrediting(stories, kind, id);
  return { tagged, credited, longest: Math.max(tagged.length, credited.length) };
}

/** How many stories name each entity of a kind. */
export function countsBy(stories: readonly Story[], kind: EntityKind): Map<string, number> {
  const counts = new Map<string, number>();
  for (const story of stories) {
    for (const id of story[kind]) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

interface MonthGroup {
  month: number;
  stories: Story[];
}

export interface YearGroup {
  year: number;
  months: MonthGroup[];
  count: number;
}

/** Stories grouped by year, then month, newest first, as the archive pages list them. */
export function storiesByYear(stories: readonly Story[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const story of stories) {
    const { year, month } = parseStoryDate(story.date);
    let yearGroup = years.find((group) => group.year === year);
    if (!yearGroup) {
      yearGroup = { year, months: [], count: 0 };
      years.push(yearGroup);
    }
    let monthGroup = yearGroup.months.find((group) => group.month === month);
    if (!monthGroup) {
      monthGroup = { month, stories: [] };
      yearGroup.months.push(monthGroup);
    }
    monthGroup.stories.push(story);
    yearGroup.count++;
  }
  return years;
}

/** What a list shows for a story in a language: its own version, or the other one, marked. */
interface StoryListing {
  story: Story;
  article: Article;
  /** False when the story exists only in the other language. */
  inReaderLanguage: boolean;
}

export function storyListing(story: Story, locale: Locale): StoryListing {
  const own = story.articles[locale];
  if (own) return { story, article: own, inReaderLanguage: true };
  const other = story.articles[otherLocale(locale)];
  if (!other) throw new Error(`Story "${story.id}" has no published version`);
  return { story, article: other, inReaderLanguage: false };
}

/**
 * Stories with a version in this language: the ones that get a page under `/{locale}/articles/`.
 * Every article page asks, so the list is made once per archive and shared: never change it.
 */
export function storiesIn(stories: readonly Story[], locale: Locale): readonly Story[] {
  return storyIndex(stories).inLocale[locale];
}
