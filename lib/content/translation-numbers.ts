/**
 * The two language files of a story report the same facts, so they hold the same numbers:
 * a figure in one that the other lacks is a slip of translation (a dropped sentence, a
 * mistyped figure). Numbers are compared by value, each read as its language writes it:
 * English groups thousands with "," and marks decimals with "." (1,000.5), Vietnamese the
 * other way round (1.000,5); a figure written in the other language's way is read that
 * way too, so the same number formatted either way is never reported. English month
 * names count as their numbers ("October 25" holds the 10 of "25/10"), a multiplier word
 * as its factor ("1.5 million" is "1.500.000"), and a small number written as a word in
 * one file ("two", "hai") matches its digits in the other.
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Locale } from '../site/i18n';
import { excerpt } from '../text/character-count';
import { foldedWords } from '../text/text-fold';
import { bodyPlaces } from './body-places';
import type { ContentProblem } from './problems';
import { ENGLISH_MONTHS } from '../text/english-months';

/** One number as a file writes it, its possible values, and where it stands. */
interface WrittenNumber {
  written: string;
  /** Canonical decimal texts ("1000", "1.5"), the reading of the file's language first. */
  values: string[];
  line: number;
  column: number;
  /** `title` or `summary`; none in the text. */
  field?: string;
}

const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  vi: { group: '.', decimal: ',' },
};

/** Powers of ten the words after a number stand for. */
const MULTIPLIERS: Record<string, number> = {
  thousand: 3,
  million: 6,
  billion: 9,
  nghin: 3,
  ngan: 3,
  trieu: 6,
  ty: 9,
  ti: 9,
};

/**
 * Small numbers as words, with their marks. Left out are Vietnamese words that more often
 * mean something else ("năm" is also a year, "tư" is in "tư lệnh"): a number written with
 * them is still reported.
 */
const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
};

/** A run of digits with the separators inside it; an English month name; a date's parts are split by "/" and "-". */
const NUMBER = /\d+(?:[.,]\d+)*/g;
const MONTH =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?/g;

/** A decimal text without leading zeros in its whole part or trailing zeros in its fraction. */
function canonical(whole: string, fraction = ''): string {
  const integer = whole.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  return decimals === '' ? integer : `${integer}.${decimals}`;
}

/** `value` times ten to the power `exponent`, as text. */
function scaled(value: string, exponent: number): string {
  const [whole = '', fraction = ''] = value.split('.');
  const digits = fraction.padEnd(exponent, '0');
  return canonical(`${whole}${digits.slice(0, exponent)}`, digits.slice(exponent));
}

/** The value of `text` under one convention, or undefined when it does not fit it. */
function readAs(text: string, { group, decimal }: { group: string; decimal: string }): string | undefined {
  const [whole = '', fraction, ...more] = text.split(decimal);
  if (more.length > 0 || (fraction !== undefined && !/^\d+$/.test(fraction))) return undefined;
  const groups = whole.split(group);
  if (
    groups.length > 1 &&
    !(/^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((part) => /^\d{3}$/.test(part)))
  )
    return undefined;
  return canonical(groups.join(''), fraction);
}

/** Each number a text writes, with its values, at its index in the text. */
export function numbersIn(text: string, locale: Locale): { written: string; values: string[]; index: number }[] {
  const found: { written: string; values: string[]; index: number }[] = [];
  const other: Locale = locale === 'en' ? 'vi' : 'en';
  for (const match of text.matchAll(NUMBER)) {
    const written = match[0];
    const readings = [
      ...new Set(
        [readAs(written, SEPARATORS[locale]), readAs(written, SEPARATORS[other])].filter(
          (value) => value !== undefined,
        ),
      ),
    ];
    if (readings.length === 0) {
      // Neither way of writing numbers fits (a date as 23.10.2025, a version 1.2.3): its parts count one by one.
      let offset = match.index;
      for (const part of written.split(/[.,]/)) {
        found.push({ written: part, values: [canonical(part)], index: offset });
        offset += part.length + 1;
      }
      continue;
    }
    const after = foldedWords(text.slice(match.index + written.length, match.index + written.length + 12))[0] ?? '';
    const exponent = MULTIPLIERS[after];
    found.push({
      written,
      values: exponent === undefined ? readings : [...readings, ...readings.map((value) => scaled(value, exponent))],
      index: match.index,
    });
  }
  // English month names are read in both files: a Vietnamese file may quote an English text.
  for (const match of text.matchAll(MONTH)) {
    const name = (match[1] ?? '').toLowerCase().slice(0, 3);
    // "May" is also a verb: it counts as a month next to a day or a year only.
    const besideNumber =
      /\d\s*$/.test(text.slice(0, match.index)) || /^\s*\d/.test(text.slice(match.index + match[0].length));
    if (name === 'may' && !besideNumber) continue;
    const month = ENGLISH_MONTHS.findIndex((full) => full.startsWith(name)) + 1;
    found.push({ written: match[1] ?? match[0], values: [String(month)], index: match.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The numbers of an article: its title and summary at their fields, and the text a reader sees (code and HTML left out). */
export function articleNumbers(
  fields: { title: string; summary: string },
  at: Record<'title' | 'summary', { line: number; column: number }>,
  tree: Root,
  body: string,
  bodyLine: number,
  locale: Locale,
): WrittenNumber[] {
  const inFields = (['title', 'summary'] as const).flatMap((field) =>
    numbersIn(fields[field], locale).map(({ written, values }) => ({ written, values, ...at[field], field })),
  );
  const place = bodyPlaces(body, bodyLine);
  const inText: WrittenNumber[] = [];
  visit(tree, 'text', (node: Text) => {
    const start = node.position?.start.offset;
    if (start === undefined) return;
    // The value is the source itself unless it held escapes or entities; then each number is found in the source.
    const verbatim = body.slice(start, node.position?.end.offset) === node.value;
    for (const { written, values, index } of numbersIn(node.value, locale)) {
      const found = verbatim ? index : body.indexOf(written, start) - start;
      inText.push({ written, values, ...place(start + Math.max(0, found)) });
    }
  });
  return [...inFields, ...inText];
}

/** The small numbers a text writes as words, as digits. */
export function numbersAsWords(text: string): string[] {
  const words =
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{M}]+/gu) ?? [];
  return words.flatMap((word) => (NUMBER_WORDS[word] === undefined ? [] : [String(NUMBER_WORDS[word])]));
}

/** One language file of a story, for comparing its numbers with the other's. */
export interface NumberedFile {
  file: string;
  locale: Locale;
  numbers: readonly WrittenNumber[];
  /** The small numbers its title, summary and text write as words (numbersAsWords). */
  words: readonly string[];
}

/** A number as the check cache keeps it, for every number of every article: as a short array, which reads back fastest. */
type StoredNumber = [written: string, values: string[], line: number, column: number, field?: string];

/** The numbers and number words of a file, as the check cache keeps them until its story's files are compared. */
export function storedNumbers(numbers: readonly WrittenNumber[], words: readonly string[]): string {
  const stored = numbers.map(({ written, values, line, column, field }): StoredNumber =>
    field === undefined ? [written, values, line, column] : [written, values, line, column, field],
  );
  return JSON.stringify([stored, words]);
}

/** What storedNumbers keeps, read back. */
export function numbersFromStore(stored: string): Pick<NumberedFile, 'numbers' | 'words'> {
  const [numbers, words] = JSON.parse(stored) as [StoredNumber[], string[]];
  return {
    numbers: numbers.map(([written, values, line, column, field]) => ({
      written,
      values,
      line,
      column,
      ...(field === undefined ? {} : { field }),
    })),
    words,
  };
}

/** The numbers of `file` that the other file holds in no form, each once, in reading order. */
function unmatched(file: NumberedFile, other: NumberedFile): WrittenNumber[] {
  const figures = new Set(other.numbers.flatMap((number) => number.values));
  const missing = file.numbers.filter((number) => !number.values.some((value) => figures.has(value)));
  if (missing.length === 0) return [];
  const values = new Set([...figures, ...other.words]);
  const seen = new Set<string>();
  return missing.filter((number) => {
    if (number.values.some((value) => values.has(value)) || seen.has(number.values[0] ?? '')) return false;
    seen.add(number.values[0] ?? '');
    return true;
  });
}

/** How many numbers a message lists before "and N more". */
const LISTED = 8;

/** "a, b and c", with each number's line. */
function listed(numbers: readonly WrittenNumber[]): string {
  const shown = numbers
    .slice(0, LISTED)
    .map((number) => `${excerpt(number.written)} (${number.field ?? `line ${number.line}`})`);
  const rest = numbers.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length === 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
}

/** One `NumbersDiffer` warning for each file that holds numbers the other file of its story does not, at the first of them. */
export function numberDriftProblems(a: NumberedFile, b: NumberedFile): ContentProblem[] {
  return [
    [a, b],
    [b, a],
  ].flatMap(([file, other]): ContentProblem[] => {
    if (!file || !other) return [];
    const missing = unmatched(file, other);
    const [first] = missing;
    if (!first) return [];
    const otherName = `${other.locale}.md`;
    return [
      {
        kind: 'NumbersDiffer',
        file: file.file,
        line: first.line,
        column: first.column,
        ...(first.field ? { field: first.field } : {}),
        message: `${missing.length === 1 ? 'the number' : 'the numbers'} ${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} not in ${otherName}`,
      },
    ];
  });
}
