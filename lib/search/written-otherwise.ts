/**
 * The query written otherwise, each way still the query as typed: two of its words as one, an English word in its other
 * spelling, a day of the month the other way. The last is the cards' way against the stories': a card writes "23
 * October 2025" and "ngày 23 tháng 10 năm 2025" (lib/site/dates.ts), an English story mostly "October 23" and a
 * Vietnamese one "ngày 23/10", and a reader who types the day from a card means the day the story names.
 */
import { querySpellings } from './inflections';
import { splitWordForms, syllable, type Syllable } from './syllables';
import { ENGLISH_MONTHS } from '../text/english-months';

const ENGLISH_MONTH_NAMES = new Set(ENGLISH_MONTHS);
const MONTH_WORD = syllable('tháng');
const YEAR_WORD = syllable('năm');

const numberUpTo = (word: Syllable | undefined, highest: number): boolean =>
  word !== undefined && /^\d{1,2}$/.test(word.folded) && Number(word.folded) >= 1 && Number(word.folded) <= highest;

export const isDay = (word: Syllable | undefined) => numberUpTo(word, 31);
export const isMonthNumber = (word: Syllable | undefined) => numberUpTo(word, 12);
export const isEnglishMonth = (word: Syllable | undefined) =>
  word !== undefined && ENGLISH_MONTH_NAMES.has(word.folded);
/** A word written so ("tháng", "năm", "ngày"), or typed without marks, which is every form of it. */
export const isWord = (word: Syllable | undefined, written: string) =>
  word !== undefined && word.folded === syllable(written).folded && (!word.marked || word.written === written);
export const isYear = (word: Syllable | undefined) => word !== undefined && /^\d{4}$/.test(word.folded);

/**
 * The query with each day of the month in it written the other way, or none when it has no such day: an English day
 * and month name in the other order ("23 October" as "October 23", and the other way round), and a Vietnamese day and
 * month number with "tháng" between them as numbers ("23 tháng 10 năm 2025" as "23/10/2025" writes them), and the
 * other way round.
 */
export function otherDateOrders(typed: readonly Syllable[]): Syllable[][] {
  const words: Syllable[] = [];
  let at = 0;
  while (at < typed.length) {
    const [word, next, after] = [typed[at] as Syllable, typed[at + 1], typed[at + 2]];
    if ((isDay(word) && isEnglishMonth(next)) || (isEnglishMonth(word) && isDay(next))) {
      words.push(next as Syllable, word);
      at += 2;
    } else if (isDay(word) && isWord(next, 'tháng') && isMonthNumber(after)) {
      words.push(word, after as Syllable);
      at += 3;
      if (isWord(typed[at], 'năm') && isYear(typed[at + 1])) {
        words.push(typed[at + 1] as Syllable);
        at += 2;
      }
    } else if (isDay(word) && isMonthNumber(next)) {
      words.push(word, MONTH_WORD, next as Syllable);
      at += 2;
      if (isYear(typed[at])) words.push(YEAR_WORD, typed[at++] as Syllable);
    } else {
      words.push(word);
      at++;
    }
  }
  const rewritten = words.length !== typed.length || words.some((word, place) => word !== typed[place]);
  return rewritten ? [words] : [];
}

/**
 * The query written otherwise: with two of its words as one (lib/search/syllables.ts `splitWordForms`: "Vietnam" for
 * "Viet Nam"), its English words in their other spelling (lib/search/inflections.ts `querySpellings`: "defense" for
 * "defence"), or its days of the month the other way (otherDateOrders), each with the words it newly has.
 */
export function speltOtherwise(typed: readonly Syllable[]): { words: Syllable[]; spelt: string[] }[] {
  return [
    ...splitWordForms(typed).map(({ words, joined }) => ({ words, spelt: [joined.folded] })),
    ...querySpellings(typed),
    ...otherDateOrders(typed).map((words) => ({ words, spelt: [] })),
  ];
}
