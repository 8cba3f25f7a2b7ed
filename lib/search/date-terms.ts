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
import {
  dayOfMonth,
  englishMonth,
  isDay,
  isMonthNumber,
  isWord,
  isYear,
  otherDateOrders,
  otherQuarterNames,
} from './written-otherwise';

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

/** A query of words with a date after them (wordsWithDate). */
export interface WordsWithDate {
  words: Syllable[];
  year: number;
  /** The term of the day or month the date names (queryDateTerm), or undefined for a year alone. */
  term?: string;
}

/** Words that lead into a date ("in 2025", "on 23 October 2025", "trong năm 2025", "vào tháng 10/2025"). */
const DATE_LEADS = ['in', 'on', 'trong', 'vào'];

/** The year a query's date ends with, when the words are a year alone ("2025", "năm 2025") or a day or month. */
function yearOfDate(date: readonly Syllable[]): { year: number; term?: string } | undefined {
  const year = date.at(-1);
  if (!isYear(year)) return undefined;
  const term = queryDateTerm(date);
  const alone = date.length === 1 || (date.length === 2 && isWord(date[0], 'năm'));
  return term !== undefined ? { year: Number(year?.folded), term } : alone ? { year: Number(year?.folded) } : undefined;
}

/**
 * Words with a date after them: a year ("rehearsal 2025", "tổng duyệt năm 2025"), or a day or month with its year as
 * queryDateTerm reads one ("Hanoi Convention October 2025", "tổng duyệt tháng 10/2025"), without a word that leads into
 * it ("in 2025"). A reader who adds a date to words means the stories dated then that hold them, as a card shows its
 * date, though few stories write their own date out. Undefined for a query without such a date, a date alone, or a
 * quarter of a year ("Q2 2025", "quý 2/2025"), whose year is the quarter's.
 */
export function wordsWithDate(typed: readonly Syllable[]): WordsWithDate | undefined {
  if (queryDateTerm(typed) !== undefined || yearOfDate(typed) !== undefined) return undefined;
  if (otherQuarterNames(typed).length > 0) return undefined;
  for (let from = 1; from < typed.length; from++) {
    const date = yearOfDate(typed.slice(from));
    if (!date) continue;
    const words = typed.slice(0, from);
    while (DATE_LEADS.some((lead) => isWord(words.at(-1), lead))) words.pop();
    return words.length > 0 ? { words, ...date } : undefined;
  }
  return undefined;
}

/** Whether a story dated `date` (YYYY-MM-DD) is dated as the query's date says: on its day, in its month or its year. */
export const isDatedAs = (date: string, { year, term }: WordsWithDate): boolean =>
  term === undefined ? date.startsWith(`${year}-`) : storyDateTerms(date).includes(term);

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
