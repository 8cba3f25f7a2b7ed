/**
 * Story dates are calendar dates in Vietnam, written `YYYY-MM-DD`, or `YYYY-MM` when
 * the day is not known. They are kept as text and never pass through the build
 * machine's time zone: parsing and formatting build a local Date from the parts and
 * format it in the same local zone, so the calendar day cannot shift.
 */
import { format, isValid, parse } from 'date-fns';
import { enUS, vi } from 'date-fns/locale';
import type { Locale } from './locales';
import { excerpt } from '../text/character-count';
import { parseStoryDate } from './story-dates';

/**
 * The forms editors write a day in besides `YYYY-MM-DD`: day first, as Vietnamese (and most
 * of the world) writes it, then month first, which is only taken when the day-first
 * reading is impossible (`10/25/2025`).
 */
const DAY_FIRST_FORMATS = ['d/M/yyyy', 'd.M.yyyy', 'd-M-yyyy', 'd MMMM yyyy', 'd MMM yyyy'];
const MONTH_FIRST_FORMATS = [
  'M/d/yyyy',
  'MMMM d, yyyy',
  'MMM d, yyyy',
  'MMMM d yyyy',
  'yyyy/M/d',
  'yyyy.M.d',
  // The archive's own form without its zeros (`2025-4-5`).
  'yyyy-M-d',
];
const MONTH_FORMATS = ['M/yyyy', 'M.yyyy', 'M-yyyy', 'MMMM yyyy', 'MMM yyyy', 'yyyy/M', 'yyyy.M', 'yyyy-M'];

/** The text read with each format that fits it, as `pattern` writes it; a two-digit year is not guessed at. */
function readings(text: string, formats: readonly string[], pattern: string): string[] {
  const reference = new Date(2000, 0, 1);
  return formats.flatMap((form) => {
    const date = parse(text, form, reference);
    return isValid(date) && date.getFullYear() >= 1000 ? [format(date, pattern)] : [];
  });
}

/**
 * How to write a date typed in another form (`25/10/2025`, `October 25, 2025`) as the
 * archive writes it, for the check's hint; undefined when the text is no date it can
 * read. `monthAllowed`: a month alone (`10/2025` → `2025-10`) is a valid answer.
 */
export function isoDateSuggestion(text: string, monthAllowed: boolean): string | undefined {
  const written = text.trim().replace(/^ngày\s+/i, '');
  const dayFirst = readings(written, DAY_FIRST_FORMATS, 'yyyy-MM-dd');
  const monthFirst = readings(written, MONTH_FIRST_FORMATS, 'yyyy-MM-dd');
  const [first] = dayFirst;
  const [other] = monthFirst;
  if (first && other && other !== first) {
    return `Write \`${first}\`, or \`${other}\` if the month comes first: dates are written year-month-day (YYYY-MM-DD).`;
  }
  const day = first ?? other;
  if (day) return `Write \`${day}\`: dates are written year-month-day (YYYY-MM-DD).`;
  const [month] = monthAllowed ? readings(written, MONTH_FORMATS, 'yyyy-MM') : [];
  return month ? `Write \`${month}\`: a month is written year-month (YYYY-MM).` : undefined;
}

/** A date known to the year, the month or the day. */
interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/**
 * Newest first. A less precise date sorts after the more precise ones of its period: a
 * story of "October 2025" happened some time that month, so it is listed below the
 * ones we can place exactly; a role known "from 2025" below one known from April 2025.
 */
function comparePartialDatesNewestFirst(x: PartialDate, y: PartialDate): number {
  if (x.year !== y.year) return y.year - x.year;
  if (x.month === undefined || y.month === undefined)
    return (x.month === undefined ? 1 : 0) - (y.month === undefined ? 1 : 0);
  if (x.month !== y.month) return y.month - x.month;
  if (x.day === undefined || y.day === undefined) return (x.day === undefined ? 1 : 0) - (y.day === undefined ? 1 : 0);
  return y.day - x.day;
}

/**
 * A number that orders story dates like `compareStoryDatesNewestFirst` (larger is newer,
 * a month-only date below the days of its month), for sorting many records quickly.
 */
export function storyDateSortKey(text: string): number {
  const { year, month, day } = parseStoryDate(text);
  return (year * 100 + month) * 100 + (day ?? 0);
}

export function compareStoryDatesNewestFirst(a: string, b: string): number {
  return comparePartialDatesNewestFirst(parseStoryDate(a), parseStoryDate(b));
}

const ROLE_DATE_PATTERN = /^(\d{4})(?:-(\d{2}))?$/;

/** Why a role's `from` is not a year (`YYYY`) or a month (`YYYY-MM`), or null when it is. */
export function roleDateProblem(text: string): string | null {
  const match = ROLE_DATE_PATTERN.exec(text);
  if (!match) return `expected a year as YYYY or a month as YYYY-MM, got "${excerpt(text)}"`;
  if (match[2] !== undefined && (Number(match[2]) < 1 || Number(match[2]) > 12))
    return `month ${match[2]} does not exist in "${text}"`;
  return null;
}

function parseRoleDate(text: string): PartialDate {
  const match = ROLE_DATE_PATTERN.exec(text);
  if (!match || roleDateProblem(text)) throw new Error(`Not a role date: "${text}"`);
  return match[2] === undefined ? { year: Number(match[1]) } : { year: Number(match[1]), month: Number(match[2]) };
}

export function compareRoleDatesNewestFirst(a: string, b: string): number {
  return comparePartialDatesNewestFirst(parseRoleDate(a), parseRoleDate(b));
}

/** "2025", or "April 2025" / "tháng 4 năm 2025". */
export function formatRoleDate(text: string, locale: Locale): string {
  const date = parseRoleDate(text);
  return date.month === undefined ? String(date.year) : formatMonth(date.year, date.month, locale);
}

const DATE_LOCALES = { en: enUS, vi } as const;

const PATTERNS: Record<Locale, { day: string; month: string; monthName: string }> = {
  en: { day: 'd MMMM yyyy', month: 'MMMM yyyy', monthName: 'MMMM' },
  // Vietnamese writes months as numbers ("tháng 4"), never zero-padded.
  vi: { day: "'ngày' d 'tháng' M 'năm' yyyy", month: "'tháng' M 'năm' yyyy", monthName: "'tháng' M" },
};

/** "23 October 2025" / "ngày 23 tháng 10 năm 2025"; month-only dates show the month. */
export function formatStoryDate(text: string, locale: Locale): string {
  const date = parseStoryDate(text);
  const pattern = date.day === undefined ? PATTERNS[locale].month : PATTERNS[locale].day;
  return format(localDate(date.year, date.month, date.day ?? 1), pattern, { locale: DATE_LOCALES[locale] });
}

/** "October 2025" / "tháng 10 năm 2025". */
export function formatMonth(year: number, month: number, locale: Locale): string {
  return format(localDate(year, month, 1), PATTERNS[locale].month, { locale: DATE_LOCALES[locale] });
}

/** "October" / "tháng 10", for a month heading under its year. */
export function formatMonthName(month: number, locale: Locale): string {
  return format(localDate(2000, month, 1), PATTERNS[locale].monthName, { locale: DATE_LOCALES[locale] });
}

/** A local-time Date for a calendar day; `setFullYear` keeps years below 100 as written. */
function localDate(year: number, month: number, day: number): Date {
  const date = new Date(2000, month - 1, day);
  date.setFullYear(year);
  return date;
}

/**
 * Vietnam's offset from UTC. The country has kept UTC+7 all year, without daylight
 * saving time, since 1975, so one fixed offset is exact for every story it reports.
 */
const VIETNAM_UTC_OFFSET = '+07:00';

/** The time of day a story date is given when a format needs one (see `storyTimestamp`). */
const STORY_TIME_OF_DAY = '12:00:00';

/**
 * The moment a story date stands for, where a format needs a full timestamp (RSS
 * pubDate, Open Graph dates; storyDateAsKnown where a format takes less). The convention: 12:00 noon
 * in Vietnam (+07:00) on the story's day; a month-only date (`YYYY-MM`) stands for
 * the first day of its month, since its day is not known (pages keep showing the
 * month only). Noon, not midnight, because readers convert the moment to their own
 * zone: 12:00 +07:00 is 05:00 UTC, so the calendar day stays the same from UTC-5 to
 * UTC+14 and in the UTC text of an RSS date, where midnight would show the day
 * before almost everywhere west of Vietnam.
 * Written as ISO 8601 with the offset, e.g. `2025-04-01T12:00:00+07:00`.
 */
export function storyTimestamp(text: string): string {
  const { year, month, day = 1 } = parseStoryDate(text);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${STORY_TIME_OF_DAY}${VIETNAM_UTC_OFFSET}`;
}

/**
 * A story date at the precision the archive has it, for formats that take a date with less than a day (JSON-LD's
 * dates, the sitemap's W3C Datetime): a month-only date as `YYYY-MM`, which says the day is not known, rather than a
 * first of the month that would say it is; a day as `storyTimestamp` gives it.
 */
export function storyDateAsKnown(text: string): string {
  const { year, month, day } = parseStoryDate(text);
  return day === undefined
    ? `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
    : storyTimestamp(text);
}

/** The same moment as `storyTimestamp`, as a Date (an instant, independent of the machine's zone). */
export function storyInstant(text: string): Date {
  return new Date(storyTimestamp(text));
}

/** The latest of some story dates, or undefined when there are none. */
export function newestStoryDate(dates: Iterable<string>): string | undefined {
  let newest: string | undefined;
  for (const date of dates) {
    if (newest === undefined || storyInstant(date).getTime() > storyInstant(newest).getTime()) newest = date;
  }
  return newest;
}
