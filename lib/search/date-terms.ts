/**
 * The day or month a story is dated, as a query names it. A card shows the day ("23 October 2025", "ngày 23 tháng 10
 * năm 2025"), and a reader who types it, or its month and year ("October 2025", "tháng 10/2025"), means the stories of
 * that day or month, though a story's text may name the day without its year ("October 23") or not at all. The index
 * keeps each story under a term for its day and one for its month (storyDateTerms, in the `triples` field), and a
 * query that is a day or a month with its year and nothing else (queryDateTerm) finds the stories under that term. The
 * numbers are written with two digits, so that 1 December ("01122025") is not 11 February ("11022025"), and a month's
 * term has no day ("122025").
 */
import { ENGLISH_MONTHS } from '../text/english-months';
import { syllable, type Syllable } from './syllables';
import { dayOfMonth, englishMonth, isDay, isMonthNumber, isWord, isYear, otherDateOrders } from './written-otherwise';

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

const twoDigits = (word: Syllable): string => word.folded.padStart(2, '0');

/** The terms of a story dated `date` (YYYY-MM-DD or YYYY-MM; none for a year alone): its day and its month, each with the month's name and as numbers. */
export function storyDateTerms(date: string): string[] {
  const [, year, month, day] = ISO_DATE.exec(date) ?? [];
  if (!year || !month) return [];
  const name = ENGLISH_MONTHS[Number(month) - 1];
  const months = [`${name}${year}`, `${month}${year}`];
  return day ? [`${day}${name}${year}`, `${day}${month}${year}`, ...months] : months;
}

const isDayWord = (word: Syllable | undefined) => isWord(word, 'ngày');

/** The term of a month and year, the month a number or an English name, written out or short; else undefined. */
function monthTerm(month: Syllable, year: Syllable, day?: Syllable): string | undefined {
  const days = day ? String(dayOfMonth(day)).padStart(2, '0') : '';
  if (isMonthNumber(month)) return `${days}${twoDigits(month)}${year.folded}`;
  const name = englishMonth(month);
  return name === undefined ? undefined : `${days}${name}${year.folded}`;
}

/**
 * The term of the day or month a query names, when it names one with its year and nothing else: "23 October 2025",
 * "October 23, 2025", "23/10/2025", "ngày 23 tháng 10 năm 2025" (lib/search/written-otherwise.ts writes each the
 * day-first way); "October 2025", "Oct. 2025", "10/2025", "tháng 10 năm 2025", "tháng 10/2025".
 */
export function queryDateTerm(typed: readonly Syllable[]): string | undefined {
  for (const words of [typed, ...otherDateOrders(typed)]) {
    const [day, month, year, ...rest] = isDayWord(words[0]) ? words.slice(1) : words;
    if (rest.length === 0 && day && month && year && isDay(day) && isYear(year)) return monthTerm(month, year, day);
  }
  const [first, ...after] = typed;
  const monthAndYear = isWord(first, 'tháng') ? after.filter((word, at) => at !== 1 || !isWord(word, 'năm')) : typed;
  const [month, year, ...rest] = monthAndYear;
  return rest.length === 0 && month && year && isYear(year) ? monthTerm(month, year) : undefined;
}

/**
 * The day or month a query names without its year, as a story's text may name it ("October 23", "23/10", "October",
 * "tháng 10"): the query's words but "ngày" before the day, the year and "năm" before it, an English month written out
 * and a day as a number ("Oct. 25th" as "October 25"). Undefined when the query names no day or month (queryDateTerm),
 * or names a month by its number alone ("10/2025"), which would be any 10.
 */
export function dateWithoutYear(typed: readonly Syllable[]): Syllable[] | undefined {
  if (queryDateTerm(typed) === undefined) return undefined;
  const words = typed
    .filter(
      (word, at) => !(at === 0 && isDayWord(word)) && !isYear(word) && !(isWord(word, 'năm') && isYear(typed[at + 1])),
    )
    .map((word) => {
      const written = englishMonth(word) ?? dayOfMonth(word)?.toString();
      return written === undefined || written === word.folded ? word : syllable(written);
    });
  return words.length === 1 && isMonthNumber(words[0]) ? undefined : words;
}
