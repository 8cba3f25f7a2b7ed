import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareStoryDatesNewestFirst,
  formatMonth,
  formatMonthName,
  formatStoryDate,
  newestStoryDate,
  storyDateSortKey,
  storyInstant,
  storyDateAsKnown,
  storyTimestamp,
} from '../../lib/site/dates';
import { parseStoryDate, storyDateProblem } from '../../lib/site/story-dates';

describe('storyDateProblem', () => {
  it.each(['2025-10-23', '2025-10', '2024-02-29', '2025-12-31', '2025-01'])(
    'should accept the story date "%s"',
    (text) => {
      expect(storyDateProblem(text)).toBeNull();
    },
  );

  it.each([
    ['2025-02-30', 'day 30 does not exist in 2025-02 ("2025-02-30")'],
    ['2023-02-29', 'day 29 does not exist in 2023-02 ("2023-02-29")'],
    ['2025-04-31', 'day 31 does not exist in 2025-04 ("2025-04-31")'],
    ['2025-10-00', 'day 00 does not exist in 2025-10 ("2025-10-00")'],
    ['2025-13', 'month 13 does not exist in "2025-13"'],
    ['2025-00', 'month 00 does not exist in "2025-00"'],
    ['25-10-23', 'expected a date as YYYY-MM-DD or YYYY-MM, got "25-10-23"'],
    ['2025-1-5', 'expected a date as YYYY-MM-DD or YYYY-MM, got "2025-1-5"'],
    ['23/10/2025', 'expected a date as YYYY-MM-DD or YYYY-MM, got "23/10/2025"'],
    ['2025-10-23T00:00:00Z', 'expected a date as YYYY-MM-DD or YYYY-MM, got "2025-10-23T00:00:00Z"'],
    ['', 'expected a date as YYYY-MM-DD or YYYY-MM, got ""'],
  ])('should reject "%s" with the message %j', (text, message) => {
    expect(storyDateProblem(text)).toBe(message);
  });
});

describe('parseStoryDate', () => {
  it('should split a full date into year, month and day', () => {
    expect(parseStoryDate('2025-10-23')).toEqual({ year: 2025, month: 10, day: 23 });
  });

  it('should leave the day out of a month-only date', () => {
    expect(parseStoryDate('2025-04')).toStrictEqual({ year: 2025, month: 4 });
  });

  it('should throw on text that is not a story date', () => {
    expect(() => parseStoryDate('2025-02-30')).toThrow('Not a story date: "2025-02-30"');
  });
});

describe('formatStoryDate', () => {
  it.each([
    ['2025-10-23', 'en', '23 October 2025'],
    ['2025-10-23', 'vi', 'ngày 23 tháng 10 năm 2025'],
    ['2025-04', 'en', 'April 2025'],
    ['2025-04', 'vi', 'tháng 4 năm 2025'],
    ['2024-02-29', 'en', '29 February 2024'],
    ['2025-01-01', 'vi', 'ngày 1 tháng 1 năm 2025'],
    ['2025-12-31', 'en', '31 December 2025'],
  ] as const)('should format %s in %s as %j', (text, locale, expected) => {
    expect(formatStoryDate(text, locale)).toBe(expected);
  });

  // `new Date(99, …)` means 1999 in JavaScript; a story date is written with four digits.
  it('should keep a year below 100 as written', () => {
    expect(storyDateProblem('0099-05-01')).toBeNull();
    expect(formatStoryDate('0099-05-01', 'en')).toBe('1 May 0099');
    expect(formatStoryDate('0099-05-01', 'vi')).toBe('ngày 1 tháng 5 năm 0099');
    expect(formatStoryDate('0099-05', 'en')).toBe('May 0099');
  });
});

describe('formatMonth and formatMonthName', () => {
  it('should write a month heading with its year in both languages', () => {
    expect(formatMonth(2025, 4, 'en')).toBe('April 2025');
    expect(formatMonth(2025, 4, 'vi')).toBe('tháng 4 năm 2025');
  });

  it('should write a month name alone, with Vietnamese months as unpadded numbers', () => {
    expect(formatMonthName(10, 'en')).toBe('October');
    expect(formatMonthName(4, 'vi')).toBe('tháng 4');
  });
});

describe('compareStoryDatesNewestFirst', () => {
  const sorted = (dates: string[]) => [...dates].sort(compareStoryDatesNewestFirst);

  it('should put later days first within a month', () => {
    expect(sorted(['2025-10-01', '2025-10-23', '2025-10-09'])).toEqual(['2025-10-23', '2025-10-09', '2025-10-01']);
  });

  it('should order by year, then month, before the day', () => {
    expect(sorted(['2024-12-31', '2025-01-01', '2025-02-01', '2023-06-15'])).toEqual([
      '2025-02-01',
      '2025-01-01',
      '2024-12-31',
      '2023-06-15',
    ]);
  });

  it('should compare months numerically, not as text', () => {
    expect(sorted(['2025-09-30', '2025-10-01'])).toEqual(['2025-10-01', '2025-09-30']);
  });

  it("should put a month-only date after the dated stories of its month and before the previous month's", () => {
    expect(sorted(['2025-09-30', '2025-10', '2025-10-01', '2025-10-31', '2025-11-01'])).toEqual([
      '2025-11-01',
      '2025-10-31',
      '2025-10-01',
      '2025-10',
      '2025-09-30',
    ]);
  });

  it('should sort the same regardless of the input order', () => {
    const dates = ['2025-10', '2025-10-15', '2025-09', '2025-09-01', '2024-10-15'];
    const expected = ['2025-10-15', '2025-10', '2025-09-01', '2025-09', '2024-10-15'];
    expect(sorted(dates)).toEqual(expected);
    expect(sorted([...dates].reverse())).toEqual(expected);
  });

  it('should treat two equal dates, and two month-only dates of one month, as equal', () => {
    expect(compareStoryDatesNewestFirst('2025-10-23', '2025-10-23')).toBe(0);
    expect(compareStoryDatesNewestFirst('2025-10', '2025-10')).toBe(0);
  });

  it('should be antisymmetric between a dated story and a month-only one', () => {
    expect(Math.sign(compareStoryDatesNewestFirst('2025-10', '2025-10-01'))).toBe(1);
    expect(Math.sign(compareStoryDatesNewestFirst('2025-10-01', '2025-10'))).toBe(-1);
  });
});

describe('storyTimestamp and storyInstant', () => {
  const HOUR = 3_600_000;
  /** Any valid story date: days up to 28 exist in every month; month-only dates too. */
  const storyDates = fc
    .record({
      year: fc.integer({ min: 1, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
    })
    .map(({ year, month, day }) =>
      [
        String(year).padStart(4, '0'),
        String(month).padStart(2, '0'),
        ...(day === undefined ? [] : [String(day).padStart(2, '0')]),
      ].join('-'),
    );

  it('should give a full date noon in Vietnam on that day', () => {
    expect(storyTimestamp('2025-10-23')).toBe('2025-10-23T12:00:00+07:00');
    expect(storyInstant('2025-10-23').toISOString()).toBe('2025-10-23T05:00:00.000Z');
  });

  it('should give a month-only date the first day of its month, at noon in Vietnam', () => {
    expect(storyTimestamp('2025-04')).toBe('2025-04-01T12:00:00+07:00');
    expect(storyInstant('2025-04').toISOString()).toBe('2025-04-01T05:00:00.000Z');
  });

  it('should give a month-only date as the month where a format takes it, a day as its timestamp', () => {
    expect(storyDateAsKnown('2025-04')).toBe('2025-04');
    expect(storyDateAsKnown('0099-05')).toBe('0099-05');
    expect(storyDateAsKnown('2025-10-23')).toBe(storyTimestamp('2025-10-23'));
  });

  it('should keep a year below 1000 four digits long', () => {
    expect(storyTimestamp('0099-05')).toBe('0099-05-01T12:00:00+07:00');
    expect(storyInstant('0099-05').getUTCFullYear()).toBe(99);
  });

  it('should fall on the story day in Vietnam, in UTC and from UTC-5 to UTC+14', () => {
    fc.assert(
      fc.property(storyDates, (text) => {
        const { year, month, day = 1 } = parseStoryDate(text);
        const instant = storyInstant(text).getTime();
        for (const offsetHours of [-5, 0, 7, 14]) {
          const shifted = new Date(instant + offsetHours * HOUR);
          expect(
            [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()],
            `${text} at UTC${offsetHours >= 0 ? '+' : ''}${offsetHours}`,
          ).toEqual([year, month, day]);
        }
      }),
    );
  });

  it('should keep the order of the archive: a later date is a later moment', () => {
    fc.assert(
      fc.property(storyDates, storyDates, (a, b) => {
        const difference = storyInstant(a).getTime() - storyInstant(b).getTime();
        // A month-only date and the first of its month are the same moment; otherwise the order agrees.
        if (difference !== 0) expect(Math.sign(difference)).toBe(Math.sign(compareStoryDatesNewestFirst(b, a)));
      }),
    );
  });

  it('should throw on text that is not a story date', () => {
    expect(() => storyTimestamp('2025-02-30')).toThrow('Not a story date');
  });
});

describe('newestStoryDate', () => {
  it('should pick the latest moment, whatever the order', () => {
    expect(newestStoryDate(['2023-10', '2025-04-15', '2025-04', '2024-12-31'])).toBe('2025-04-15');
    expect(newestStoryDate(['2025-05', '2025-04-30'])).toBe('2025-05');
  });

  it('should be undefined for no dates', () => {
    expect(newestStoryDate([])).toBeUndefined();
  });
});

describe('storyDateSortKey', () => {
  it('should order dates exactly as compareStoryDatesNewestFirst does', () => {
    const dates = ['2025-10-23', '2025-10', '2025-10-01', '2025-09-30', '2024-12', '2025-01-01', '0099-05-01'];
    const byCompare = [...dates].sort(compareStoryDatesNewestFirst);
    const byKey = [...dates].sort((a, b) => storyDateSortKey(b) - storyDateSortKey(a));
    expect(byKey).toEqual(byCompare);
  });
});
