/**
 * The day a story is dated, as a query names it. A card shows the day ("23 October 2025", "ngày 23 tháng 10 năm
 * 2025"), and a reader who types it means the stories of that day, though a story's text may name the day without its
 * year ("October 23") or not at all. The index keeps each story under a term for its day (storyDateTerms, in the
 * `triples` field), and a query that is a day and nothing else (queryDateTerm) finds the stories under that term. The
 * numbers are written with two digits, so that 1 December ("01122025") is not 11 February ("11022025").
 */
import { ENGLISH_MONTHS } from '../text/english-months';
import type { Syllable } from './syllables';
import { isDay, isEnglishMonth, isMonthNumber, isWord, isYear, otherDateOrders } from './written-otherwise';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const twoDigits = (word: Syllable): string => word.folded.padStart(2, '0');

/** The terms of a story dated `date` (YYYY-MM-DD; none for a month or a year alone): the day with its month's name, and as numbers. */
export function storyDateTerms(date: string): string[] {
  const [, year, month, day] = ISO_DAY.exec(date) ?? [];
  if (!year || !month || !day) return [];
  return [`${day}${ENGLISH_MONTHS[Number(month) - 1]}${year}`, `${day}${month}${year}`];
}

const isDayWord = (word: Syllable | undefined) => isWord(word, 'ngày');

/**
 * The term of the day a query names, when it names a day with its year and nothing else: "23 October 2025", "October
 * 23, 2025", "23/10/2025", "ngày 23 tháng 10 năm 2025" (lib/search/written-otherwise.ts writes each the day-first way).
 */
export function queryDateTerm(typed: readonly Syllable[]): string | undefined {
  for (const words of [typed, ...otherDateOrders(typed)]) {
    const [day, month, year, ...rest] = isDayWord(words[0]) ? words.slice(1) : words;
    if (rest.length > 0 || !day || !month || !year || !isDay(day) || !isYear(year)) continue;
    if (isMonthNumber(month)) return `${twoDigits(day)}${twoDigits(month)}${year.folded}`;
    if (isEnglishMonth(month)) return `${twoDigits(day)}${month.folded}${year.folded}`;
  }
  return undefined;
}

/**
 * The day a query names without its year, as a story's text may name it ("October 23", "23/10"): the query's words but
 * "ngày" before the day, the year and "năm" before it. Undefined when the query names no day (queryDateTerm).
 */
export function dayWithoutYear(typed: readonly Syllable[]): Syllable[] | undefined {
  if (queryDateTerm(typed) === undefined) return undefined;
  return typed.filter(
    (word, at) => !(at === 0 && isDayWord(word)) && !isYear(word) && !(isWord(word, 'năm') && isYear(typed[at + 1])),
  );
}
