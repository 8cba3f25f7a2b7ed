/**
 * The years a date of the archive may fall in. A date can be well formed and still be a
 * slip (0025 or 2205 for 2025); one far off the others stretches every page that spans the
 * archive's dates month by month, and is shown and sent to feeds as written.
 *
 * The earliest is 1945, when the Vietnam News Agency, the oldest of the outlets the archive's
 * reports come from, first reported. The latest is the end of the year after the day the
 * check runs: a story is dated when it happened, an update or a correction later, a role once
 * it is announced, and a year's slack leaves room for a date written ahead in Vietnam's time
 * zone. The range only grows with time, so content that passes keeps passing.
 */
import type { ContentProblem } from './problems';
import type { ParsedYaml } from './yaml';

export interface YearRange {
  earliest: number;
  latest: number;
}

const EARLIEST_YEAR = 1945;

/** The years accepted on the day `today`. */
export function acceptedYears(today: Date): YearRange {
  return { earliest: EARLIEST_YEAR, latest: today.getUTCFullYear() + 1 };
}

/** A date to check, and where it stands in its file. */
export interface PlacedDate {
  at: (string | number)[];
  /** A well-formed date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): its first four digits are its year. */
  date: string;
}

/** Whether a well-formed date's year is in `range`. */
export const inYears = (date: string, range: YearRange): boolean => {
  const year = Number(date.slice(0, 4));
  return year >= range.earliest && year <= range.latest;
};

/** An `InvalidField` error for each date whose year is outside `range`, at its place. */
export function yearRangeProblems(
  dates: readonly PlacedDate[],
  range: YearRange,
  locate: ParsedYaml['locate'],
): Omit<ContentProblem, 'file'>[] {
  return dates
    .filter(({ date }) => !inYears(date, range))
    .map(({ at, date }) => ({
      kind: 'InvalidField' as const,
      ...locate(at),
      field: at.join('.'),
      message: `expected a year from ${range.earliest} to ${range.latest}, got ${date.slice(0, 4)} ("${date}")`,
      hint: `Check the year: the archive's dates fall from ${range.earliest}, when the oldest of its outlets first reported, to the end of next year.`,
    }));
}
