/**
 * Where each month is in its year's paged list: a year page lists its stories newest
 * first, so its months run from December back to January and a month starts on the page
 * that holds its newest story. The month chart and the month indexes link there.
 */
import type { MonthCount } from './timeline';
import { sectionStartPages, STORIES_PER_PAGE } from './pagination';

/** The page of its year's list on which each month starts, from the stories per month. */
export function monthStartPages(
  counts: readonly MonthCount[],
  size: number = STORIES_PER_PAGE,
): (year: number, month: number) => number {
  const years = new Map<number, MonthCount[]>();
  for (const entry of counts) years.set(entry.year, [...(years.get(entry.year) ?? []), entry]);
  const pages = new Map<number, Map<number, number>>();
  for (const [year, months] of years) {
    const newestFirst = [...months].sort((a, b) => b.month - a.month);
    pages.set(
      year,
      sectionStartPages(
        newestFirst.map((entry) => ({ key: entry.month, count: entry.count })),
        size,
      ),
    );
  }
  return (year, month) => pages.get(year)?.get(month) ?? 1;
}
