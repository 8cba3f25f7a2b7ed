/**
 * Where a page sits in the site, as the trail of pages above it: the home page, its
 * section, and for an article the year it belongs to. The page itself ends the trail.
 */
import { parseStoryDate } from '@/lib/site/story-dates';
import type { EntityKind } from '@/lib/views/entities';
import { dictionary, type Locale } from '@/lib/site/i18n';
import type { Story } from '@/lib/content/schema';
import {
  archiveUrl,
  entityUrl,
  homeUrl,
  organisationsUrl,
  peopleUrl,
  storyUrl,
  topicsUrl,
  yearUrl,
} from '@/lib/site/urls';

/** One step of a trail: a page's name and its path. */
export interface Crumb {
  name: string;
  path: string;
}

/** Home, the archive, the story's year, then the story under `title`. */
export function storyTrail(story: Story, locale: Locale, title: string): Crumb[] {
  const words = dictionary(locale);
  const { year } = parseStoryDate(story.date);
  return [
    { name: words.navHome, path: homeUrl(locale) },
    { name: words.navArchive, path: archiveUrl(locale) },
    { name: String(year), path: yearUrl(locale, year) },
    { name: title, path: storyUrl(locale, story.id) },
  ];
}

const SECTIONS: Record<
  EntityKind,
  { url: (locale: Locale) => string; name: 'navTopics' | 'navPeople' | 'navOrganisations' }
> = {
  topics: { url: topicsUrl, name: 'navTopics' },
  people: { url: peopleUrl, name: 'navPeople' },
  organisations: { url: organisationsUrl, name: 'navOrganisations' },
};

/** Home, the topics, people or organisations, then the entry under `name`. */
export function entityTrail(kind: EntityKind, id: string, locale: Locale, name: string): Crumb[] {
  const words = dictionary(locale);
  const section = SECTIONS[kind];
  return [
    { name: words.navHome, path: homeUrl(locale) },
    { name: words[section.name], path: section.url(locale) },
    { name, path: entityUrl(kind, locale, id) },
  ];
}
