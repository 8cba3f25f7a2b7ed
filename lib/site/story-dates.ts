/**
 * What a story date is: `YYYY-MM-DD`, or `YYYY-MM` when the day is not known, checked and
 * split by its own rules, without a date library, so that the search page's first script,
 * which checks the dates of the files it fetches, stays small. Formatting and reading other
 * forms of dates are lib/site/dates.ts.
 */
import { excerpt } from '../text/character-count';

interface CalendarDate {
  year: number;
  month: number;
  /** Missing when the story's day is not known. */
  day?: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** Why a date text is not a story date, or null when it is one. */
export function storyDateProblem(text: string): string | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return `expected a date as YYYY-MM-DD or YYYY-MM, got "${excerpt(text)}"`;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `month ${match[2]} does not exist in "${text}"`;
  if (match[3] !== undefined) {
    const day = Number(match[3]);
    if (day < 1 || day > daysInMonth(year, month))
      return `day ${match[3]} does not exist in ${year}-${match[2]} ("${text}")`;
  }
  return null;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps it zone-free, and
  // setUTCFullYear keeps years below 100 as written.
  const date = new Date(Date.UTC(2000, month, 0));
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** Splits a valid story date; call only on text that `storyDateProblem` accepted. */
export function parseStoryDate(text: string): CalendarDate {
  const match = DATE_PATTERN.exec(text);
  if (!match || storyDateProblem(text)) throw new Error(`Not a story date: "${text}"`);
  const [, year, month, day] = match;
  return day === undefined
    ? { year: Number(year), month: Number(month) }
    : { year: Number(year), month: Number(month), day: Number(day) };
}
