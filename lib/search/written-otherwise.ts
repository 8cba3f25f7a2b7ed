/**
 * The query written otherwise, each way still the query as typed: two of its words as one, an English word in its other
 * spelling, a day of the month or a quarter of the year the other way ("Q2" and "second quarter", "quý II" and "quý 2"
 * are one quarter). A day is the cards' way against the stories': a card writes "23 October 2025" and "ngày 23 tháng
 * 10 năm 2025" (lib/site/dates.ts), an English story mostly "October 23" and a Vietnamese one "ngày 23/10", and a
 * reader who types the day from a card means the day the story names.
 */
import { dayNumber, querySpellings, writtenOut } from './inflections';
import { splitWordForms, syllable, type Syllable } from './syllables';
import { ENGLISH_MONTHS } from '../text/english-months';

const ENGLISH_MONTH_NAMES = new Set(ENGLISH_MONTHS);
const MONTH_WORD = syllable('tháng');
const YEAR_WORD = syllable('năm');

const numberUpTo = (word: Syllable | undefined, highest: number): boolean =>
  word !== undefined && /^\d{1,2}$/.test(word.folded) && Number(word.folded) >= 1 && Number(word.folded) <= highest;

/** The day of the month a word numbers, written as a number or an ordinal ("25", "25th"), or undefined. */
export const dayOfMonth = (word: Syllable | undefined): number | undefined =>
  word === undefined ? undefined : dayNumber(word.folded);
export const isDay = (word: Syllable | undefined) => dayOfMonth(word) !== undefined;
/** A day of the month as a number, as the stories write it ("23" for "23rd"); any other word as it is. */
const plainDay = (word: Syllable): Syllable => {
  const day = dayOfMonth(word);
  return day === undefined || String(day) === word.folded ? word : syllable(String(day));
};
export const isMonthNumber = (word: Syllable | undefined) => numberUpTo(word, 12);
/** The English month a word names, written out or short ("october" for "Oct."), or undefined. */
export const englishMonth = (word: Syllable | undefined): string | undefined => {
  const month = word === undefined ? undefined : writtenOut(word.folded);
  return month !== undefined && ENGLISH_MONTH_NAMES.has(month) ? month : undefined;
};
export const isEnglishMonth = (word: Syllable | undefined) => englishMonth(word) !== undefined;
/** The words isWord is asked about, each worked out once: a query's every word is asked about several of them. */
const knownWords = new Map<string, Syllable>();
const knownWord = (written: string): Syllable => {
  let known = knownWords.get(written);
  if (!known) {
    known = syllable(written);
    knownWords.set(written, known);
  }
  return known;
};
/** A word written so ("tháng", "năm", "ngày"), or typed without marks, which is every form of it. */
export const isWord = (word: Syllable | undefined, written: string) =>
  word !== undefined && word.folded === knownWord(written).folded && (!word.marked || word.written === written);
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
      words.push(plainDay(next as Syllable), plainDay(word));
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

const ORDINALS = ['first', 'second', 'third', 'fourth'];
const ROMAN_NUMERALS = ['i', 'ii', 'iii', 'iv'];
const QUARTER_WORD = syllable('quarter');
const OF_WORD = syllable('of');

/** The quarter (1 to 4) a word numbers, as a digit or a Roman numeral ("2", "II"), or undefined. */
function quarterNumber(word: Syllable | undefined): number | undefined {
  if (word === undefined) return undefined;
  const at = [...ROMAN_NUMERALS, '1', '2', '3', '4'].indexOf(word.folded);
  return at < 0 ? undefined : (at % 4) + 1;
}

/**
 * A quarter of a year named at the query's start, with its year if one follows: how many words name it, and each other
 * way of writing it in the same language.
 */
function quarterNamed(typed: readonly Syllable[]): { length: number; ways: Syllable[][] } | undefined {
  const named = englishQuarter(typed) ?? vietnameseQuarter(typed);
  if (!named) return undefined;
  const typedWay = typed
    .slice(0, named.length)
    .map((each) => each.folded)
    .join(' ');
  return { ...named, ways: named.ways.filter((way) => way.map((each) => each.folded).join(' ') !== typedWay) };
}

/** "Q2", "Q2 2025", "second quarter", "second quarter of 2025", "second quarter 2025" (a title may leave out "of"). */
function englishQuarter(typed: readonly Syllable[]): { length: number; ways: Syllable[][] } | undefined {
  const [word, next, after, fourth] = typed;
  const short = /^q([1-4])$/.exec(word?.folded ?? '');
  const ordinal = ORDINALS.indexOf(word?.folded ?? '') + 1;
  if (!short && !(ordinal > 0 && isWord(next, 'quarter'))) return undefined;
  const quarter = short ? Number(short[1]) : ordinal;
  const yearAt = short ? 1 : isWord(after, 'of') && isYear(fourth) ? 3 : 2;
  const year = isYear(typed[yearAt]) ? typed[yearAt] : undefined;
  const written = [syllable(ORDINALS[quarter - 1] as string), QUARTER_WORD];
  const ways = year
    ? [
        [syllable(`q${quarter}`), year],
        [...written, OF_WORD, year],
        [...written, year],
      ]
    : [[syllable(`q${quarter}`)], written];
  return { length: year ? yearAt + 1 : short ? 1 : 2, ways };
}

/** "quý II", "quý 2", "quý II năm 2025", "quý II/2025". */
function vietnameseQuarter(typed: readonly Syllable[]): { length: number; ways: Syllable[][] } | undefined {
  const [word, next, after, fourth] = typed;
  const quarter = isWord(word, 'quý') ? quarterNumber(next) : undefined;
  if (quarter === undefined) return undefined;
  const year = isWord(after, 'năm') && isYear(fourth) ? fourth : isYear(after) ? after : undefined;
  const numerals = [syllable(ROMAN_NUMERALS[quarter - 1] as string), syllable(String(quarter))];
  const ways = numerals.flatMap((numeral) =>
    year
      ? [
          [word as Syllable, numeral, YEAR_WORD, year],
          [word as Syllable, numeral, year],
        ]
      : [[word as Syllable, numeral]],
  );
  return { length: year === undefined ? 2 : year === after ? 3 : 4, ways };
}

/**
 * The query with the first quarter of a year it names written each other way: "Q2 2025" as "second quarter of 2025"
 * and "second quarter 2025",
 * "quý II năm 2025" as "quý 2 năm 2025", "quý II/2025" and "quý 2/2025" write it; none when it names no quarter.
 */
export function otherQuarterNames(typed: readonly Syllable[]): Syllable[][] {
  for (let at = 0; at < typed.length; at++) {
    const named = quarterNamed(typed.slice(at));
    if (named) return named.ways.map((way) => [...typed.slice(0, at), ...way, ...typed.slice(at + named.length)]);
  }
  return [];
}

/** The query's days and quarters written the other ways (otherDateOrders, otherQuarterNames). */
export const otherDateWritings = (typed: readonly Syllable[]): Syllable[][] => [
  ...otherDateOrders(typed),
  ...otherQuarterNames(typed),
];

/**
 * The query written otherwise: with two of its words as one (lib/search/syllables.ts `splitWordForms`: "Vietnam" for
 * "Viet Nam"), its English words in their other spelling (lib/search/inflections.ts `querySpellings`: "defense" for
 * "defence"), or its days of the month and quarters of the year the other ways (otherDateWritings), each with the words it newly has.
 */
export function speltOtherwise(typed: readonly Syllable[]): { words: Syllable[]; spelt: string[] }[] {
  return [
    ...splitWordForms(typed).map(({ words, joined }) => ({ words, spelt: [joined.folded] })),
    ...querySpellings(typed),
    ...otherDateWritings(typed).map((words) => ({ words, spelt: [] })),
  ];
}
