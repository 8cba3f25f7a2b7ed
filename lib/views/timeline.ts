/**
 * The archive over time: stories per month, the span of the archive, and people's
 * roles in order. Computed from the records, never kept by hand.
 */
import { compareRoleDatesNewestFirst } from '../site/dates';
import { parseStoryDate } from '../site/story-dates';
import type { Role, Story } from '../content/schema';

export interface MonthCount {
  year: number;
  month: number;
  count: number;
}

/**
 * Stories per month from the archive's first month to its last, oldest first, with the
 * empty months in between (a gap in coverage is information too).
 */
export function monthlyCounts(stories: readonly Story[]): MonthCount[] {
  if (stories.length === 0) return [];
  const counts = new Map<number, number>();
  for (const story of stories) {
    const { year, month } = parseStoryDate(story.date);
    const key = year * 12 + (month - 1);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()];
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const months: MonthCount[] = [];
  for (let key = first; key <= last; key++)
    months.push({ year: Math.floor(key / 12), month: (key % 12) + 1, count: counts.get(key) ?? 0 });
  return months;
}

/** The twelve months of one year with their story counts. */
export function yearMonthCounts(stories: readonly Story[], year: number): MonthCount[] {
  const counts = monthlyCounts(stories);
  return Array.from({ length: 12 }, (_, index) => ({
    year,
    month: index + 1,
    count: counts.find((entry) => entry.year === year && entry.month === index + 1)?.count ?? 0,
  }));
}

/** The oldest and newest story dates, or null for an empty archive. */
export function archiveSpan(stories: readonly Story[]): { first: string; last: string } | null {
  const newest = stories[0];
  const oldest = stories[stories.length - 1];
  return newest && oldest ? { first: oldest.date, last: newest.date } : null;
}

/**
 * What the archive knows of when a person held a role: since a start date a source states
 * (`since`), or only that a story of a given month reports it (`reported`). Undated when
 * the story it names is not published.
 */
export type RoleDating =
  | { kind: 'since'; date: string; source: { name: string; url?: string } }
  | { kind: 'reported'; date: string; story: string }
  | { kind: 'undated' };

interface DatedRole {
  role: Role;
  dating: RoleDating;
}

/** A role's dating; `storyDate` gives a published story's date by id. */
export function roleDating(role: Role, storyDate: (id: string) => string | undefined): RoleDating {
  if (role.from !== undefined && role.source !== undefined)
    return { kind: 'since', date: role.from, source: role.source };
  const reported = role.reported_in === undefined ? undefined : storyDate(role.reported_in);
  if (role.reported_in !== undefined && reported !== undefined) {
    // A role is reported in a month: the story's day says nothing about the role.
    const { year, month } = parseStoryDate(reported);
    return { kind: 'reported', date: `${year}-${String(month).padStart(2, '0')}`, story: role.reported_in };
  }
  return { kind: 'undated' };
}

/** A person's roles with their dating, newest first; a role known by year only comes after the months of that year, undated roles last. */
export function rolesNewestFirst(roles: readonly Role[], storyDate: (id: string) => string | undefined): DatedRole[] {
  return roles
    .map((role) => ({ role, dating: roleDating(role, storyDate) }))
    .sort((a, b) => {
      if (a.dating.kind === 'undated' || b.dating.kind === 'undated')
        return Number(a.dating.kind === 'undated') - Number(b.dating.kind === 'undated');
      return compareRoleDatesNewestFirst(a.dating.date, b.dating.date);
    });
}
