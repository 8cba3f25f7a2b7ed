import { describe, expect, it } from 'vitest';
import { compareRoleDatesNewestFirst, formatRoleDate, roleDateProblem } from '../../lib/site/dates';
import type { Role } from '../../lib/content/schema';
import { archiveSpan, monthlyCounts, roleDating, rolesNewestFirst, yearMonthCounts } from '../../lib/views/timeline';
import { makeStory } from './helpers/stories';

const stories = [
  makeStory({ id: 'story-c', date: '2025-10-23' }),
  makeStory({ id: 'story-b', date: '2025-10' }),
  makeStory({ id: 'story-a', date: '2025-08-01' }),
  makeStory({ id: 'story-0', date: '2024-12-31' }),
];

describe('monthlyCounts', () => {
  it('should count stories per month from the first month to the last, empty months included', () => {
    expect(monthlyCounts(stories)).toEqual([
      { year: 2024, month: 12, count: 1 },
      { year: 2025, month: 1, count: 0 },
      { year: 2025, month: 2, count: 0 },
      { year: 2025, month: 3, count: 0 },
      { year: 2025, month: 4, count: 0 },
      { year: 2025, month: 5, count: 0 },
      { year: 2025, month: 6, count: 0 },
      { year: 2025, month: 7, count: 0 },
      { year: 2025, month: 8, count: 1 },
      { year: 2025, month: 9, count: 0 },
      { year: 2025, month: 10, count: 2 },
    ]);
  });

  it('should give nothing for an empty archive', () => {
    expect(monthlyCounts([])).toEqual([]);
    expect(archiveSpan([])).toBeNull();
  });

  it('should give the twelve months of a year, with zeros where it has no stories', () => {
    const year = yearMonthCounts(stories, 2025);
    expect(year).toHaveLength(12);
    expect(year.map((entry) => entry.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0]);
  });
});

describe('archiveSpan', () => {
  it('should give the oldest and the newest story date of a newest-first list', () => {
    expect(archiveSpan(stories)).toEqual({ first: '2024-12-31', last: '2025-10-23' });
  });
});

describe('roles', () => {
  const source = { name: 'Official gazette', url: 'https://example.org/gazette' };
  const role = (from: string, en: string): Role => ({ from, source, title: { en, vi: en } });
  const noStories = () => undefined;

  it('should accept a year or a month and refuse anything else', () => {
    expect(roleDateProblem('2023')).toBeNull();
    expect(roleDateProblem('2025-04')).toBeNull();
    expect(roleDateProblem('2025-13')).toBe('month 13 does not exist in "2025-13"');
    expect(roleDateProblem('2025-04-01')).toBe('expected a year as YYYY or a month as YYYY-MM, got "2025-04-01"');
    expect(roleDateProblem('23')).toBe('expected a year as YYYY or a month as YYYY-MM, got "23"');
  });

  it('should order roles newest first, a year-only role after the months of its year', () => {
    const ordered = rolesNewestFirst(
      [
        role('2023', 'Senior Colonel'),
        role('2025', 'Major General (year)'),
        role('2025-04', 'Major General'),
        role('2024-12', 'Colonel'),
      ],
      noStories,
    );
    expect(ordered.map((entry) => entry.role.from)).toEqual(['2025-04', '2025', '2024-12', '2023']);
    expect(compareRoleDatesNewestFirst('2025', '2025')).toBe(0);
  });

  it('should date a role by the month of the story that reports it, unless a source gives its start', () => {
    const dates = new Map([['visit-2022', '2022-12-05']]);
    const reported: Role = { title: { en: 'Commander', vi: 'Tư lệnh' }, reported_in: 'visit-2022' };
    expect(roleDating(reported, (id) => dates.get(id))).toEqual({
      kind: 'reported',
      date: '2022-12',
      story: 'visit-2022',
    });
    expect(roleDating({ ...reported, from: '2020', source }, (id) => dates.get(id))).toEqual({
      kind: 'since',
      date: '2020',
      source,
    });
    // A story that is not published (a draft) dates nothing.
    expect(roleDating(reported, noStories)).toEqual({ kind: 'undated' });
    const ordered = rolesNewestFirst(
      [reported, role('2023', 'Senior Colonel'), { ...reported, reported_in: 'draft-story' }],
      (id) => dates.get(id),
    );
    expect(ordered.map((entry) => entry.dating.kind)).toEqual(['since', 'reported', 'undated']);
  });

  it('should show a role date in the reader language', () => {
    expect(formatRoleDate('2023', 'vi')).toBe('2023');
    expect(formatRoleDate('2025-04', 'en')).toBe('April 2025');
    expect(formatRoleDate('2025-04', 'vi')).toBe('tháng 4 năm 2025');
  });
});
