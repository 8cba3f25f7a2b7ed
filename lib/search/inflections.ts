/**
 * The other regular English forms of a word typed without diacritics ("conventions" for "convention", "visited" for
 * "visits"): another form of the word, as a Vietnamese syllable with other marks is, so a story that has the word only
 * so is listed apart, or when no story has the words as typed (lib/search/query.ts). A word's British or American
 * spelling in the same form ("defence" for "defense", "organisations" for "organizations") is no other form but the
 * word itself, as old and new tone placement are one Vietnamese syllable: it is found as typed. A word that can be a
 * Vietnamese syllable has neither: English endings are not Vietnamese ones, and its forms would be no words of either
 * language. A rank, title or month written short ("Sr. Lt. Gen." for "Senior Lieutenant General", "Oct." for
 * "October"), and a day of the month as an ordinal ("25th" for "25"), is the word itself too.
 */

import type { Syllable } from './syllables';
import { ENGLISH_MONTHS } from '../text/english-months';

/** Shorter words are too often a form of some other word ("uses", "bus"). */
const SHORTEST_WORD = 4;
const SHORTEST_STEM = 3;

/** A syllable of Vietnamese without its marks: an onset, one to three vowels and a final consonant. */
const VIETNAMESE_SYLLABLE =
  /^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;
const ENGLISH_WORD = /^[a-z]+$/;
/** Endings after which a plural or third person takes "es" ("boxes", "churches"). */
const SIBILANT = /(?:s|x|z|ch|sh)$/;
const CONSONANT_Y = /[^aeiou]y$/;
const DOUBLED_CONSONANT = /([^aeiou])\1$/;
/** Words whose last "s" is no plural ending: "news" is not a form of "new". */
const NOT_PLURALS = new Set(['news', 'series', 'species', 'means']);

/** What a word may be a form of: the word without a regular ending, or, when it has none, itself. */
function stemsOf(word: string): string[] {
  const stems: string[] = [];
  const cut = (ending: string) => word.slice(0, word.length - ending.length);
  if (word.endsWith('ies') || word.endsWith('ied')) stems.push(`${cut('ies')}y`);
  // "boxes" and "buses", but "cases" and "defenses" too.
  else if (word.endsWith('es') && SIBILANT.test(cut('es'))) stems.push(cut('es'), cut('s'));
  else if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word) && !NOT_PLURALS.has(word)) stems.push(cut('s'));
  for (const ending of ['ed', 'ing']) {
    if (!word.endsWith(ending)) continue;
    const stem = cut(ending);
    stems.push(stem, `${stem}e`);
    if (DOUBLED_CONSONANT.test(stem)) stems.push(stem.slice(0, -1));
  }
  const long = stems.filter((stem) => stem.length >= SHORTEST_STEM);
  return long.length > 0 ? long : [word];
}

/** A stem's regular forms: plural or third person, past and present participle. */
function formsOf(stem: string): string[] {
  if (CONSONANT_Y.test(stem)) {
    const root = stem.slice(0, -1);
    return [stem, `${root}ies`, `${root}ied`, `${stem}ing`];
  }
  if (stem.endsWith('e')) return [stem, `${stem}s`, `${stem}d`, `${stem.slice(0, -1)}ing`];
  return [stem, SIBILANT.test(stem) ? `${stem}es` : `${stem}s`, `${stem}ed`, `${stem}ing`];
}

/**
 * British and American spellings of one word, each way: stories and readers write "Ministry of National Defence" and
 * "Defense", "organisation" and "organization", "centre" and "center", "programme" and "program".
 */
const SPELLINGS: readonly [RegExp, string][] = [
  [/ence$/, 'ense'],
  [/ense$/, 'ence'],
  [/is(e|ation)$/, 'iz$1'],
  [/iz(e|ation)$/, 'is$1'],
  [/yse$/, 'yze'],
  [/yze$/, 'yse'],
  [/([^aeiou])re$/, '$1er'],
  [/([^aeiou])er$/, '$1re'],
  [/(..)our$/, '$1or'],
  [/(.[^aeiou])or$/, '$1our'],
  [/amme$/, 'am'],
  [/([^aeiou])am$/, '$1amme'],
];

/**
 * Ranks, titles and months as English news copy writes them short, and the words they stand for: "Sr. Lt. Gen." is
 * "Senior Lieutenant General" written another way, as "defense" is "defence", and "Oct." is "October". Only
 * abbreviations that stand for one word in these reports; "St." (saint or street) and "No." (number or no) stand for two.
 */
const WRITTEN_SHORT: readonly [string, string][] = [
  ...ENGLISH_MONTHS.filter((month) => month.length > 3).map((month): [string, string] => [month.slice(0, 3), month]),
  ['sept', 'september'],
  ['sr', 'senior'],
  ['lt', 'lieutenant'],
  ['gen', 'general'],
  ['col', 'colonel'],
  ['maj', 'major'],
  ['capt', 'captain'],
  ['adm', 'admiral'],
  ['brig', 'brigadier'],
  ['cmdr', 'commander'],
  ['sgt', 'sergeant'],
  ['dept', 'department'],
  ['govt', 'government'],
  ['prof', 'professor'],
];
const SHORT_OR_LONG = new Map(
  WRITTEN_SHORT.flatMap(([short, long]) => [[short, long] as const, [long, short] as const]),
);

/** The word a short form stands for ("october" for "oct"), or the word itself. */
export const writtenOut = (folded: string): string => WRITTEN_SHORT.find(([short]) => short === folded)?.[1] ?? folded;

/** A day of the month and its ordinal ("25", "25th"): the stories write "October 25" and readers "October 25th". */
const DAY_OR_ORDINAL = /^(\d{1,2})(st|nd|rd|th)?$/;

/** The day of the month (1 to 31) a folded word numbers, as a number or an ordinal ("25", "25th"), or undefined. */
export function dayNumber(folded: string): number | undefined {
  const day = Number(DAY_OR_ORDINAL.exec(folded)?.[1]);
  return day >= 1 && day <= 31 ? day : undefined;
}

/** The ordinal ending of a day of the month: "st" for 1, 21 and 31, "nd" for 2 and 22, "rd" for 3 and 23, else "th". */
function ordinalEnding(day: number): string {
  const last = day % 10;
  if (day >= 11 && day <= 13) return 'th';
  return last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
}

/** A day of the month as its ordinal, or an ordinal as its number ("25th" for "25", "25" for "25th"). */
function dayOtherwise(folded: string): string[] {
  const day = dayNumber(folded);
  const [, number, ending] = DAY_OR_ORDINAL.exec(folded) ?? [];
  // "05" is no way the stories write a day's ordinal.
  if (day === undefined || number !== String(day)) return [];
  if (ending === undefined) return [`${day}${ordinalEnding(day)}`];
  return ending === ordinalEnding(day) ? [number] : [];
}

/**
 * The word written short, or the word a short one stands for (WRITTEN_SHORT), or a day of the month the other way
 * (dayOtherwise): the same word written otherwise, if it is one of them.
 */
const writtenShort = (folded: string): string[] => {
  const other = SHORT_OR_LONG.get(folded);
  return other === undefined ? dayOtherwise(folded) : [other];
};

/** A stem and its other spelling, if it has one. */
function spellingsOf(stem: string): string[] {
  const other = SPELLINGS.find(([ending]) => ending.test(stem));
  return other ? [stem, stem.replace(other[0], other[1])] : [stem];
}

/** Whether a folded word has the shape of a Vietnamese syllable without its marks ("giang", "tech"). */
export const mayBeVietnameseSyllable = (folded: string): boolean => VIETNAMESE_SYLLABLE.test(folded);

const hasForms = (folded: string) =>
  folded.length >= SHORTEST_WORD && ENGLISH_WORD.test(folded) && !mayBeVietnameseSyllable(folded);

/**
 * Every other form and spelling of `folded` (a word folded to lower case, without diacritics), not itself; most words
 * have none.
 */
export function otherForms(folded: string): string[] {
  const short = writtenShort(folded);
  if (!hasForms(folded)) return short;
  const forms = new Set([...stemsOf(folded).flatMap(spellingsOf).flatMap(formsOf), ...short]);
  forms.delete(folded);
  return [...forms];
}

/** Whether `other` is `folded` (both folded words), or one of its other forms or spellings: "visit" of "visited". */
export const isFormOf = (folded: string, other: string): boolean =>
  other === folded || otherForms(folded).includes(other);

/** `folded` in its other spelling and the same form: "defences" for "defenses", "organising" for "organizing". */
export function otherSpellings(folded: string): string[] {
  if (!hasForms(folded)) return writtenShort(folded);
  const spelt = new Set<string>(writtenShort(folded));
  for (const stem of stemsOf(folded)) {
    // Each stem's forms are in one order (formsOf): the word's place there is its form.
    const form = formsOf(stem).indexOf(folded);
    if (form >= 0) for (const other of spellingsOf(stem).slice(1)) spelt.add(formsOf(other)[form] as string);
  }
  spelt.delete(folded);
  return [...spelt];
}

/** Each typed word's other spellings, worked out once: a result card compares every word of a story with each. */
const typedSpellings = new WeakMap<Syllable, readonly string[]>();

/** A word as typed in its other spelling (otherSpellings): none when it was typed with diacritics. */
export function typedWordSpellings(word: Syllable): readonly string[] {
  let spellings = typedSpellings.get(word);
  if (!spellings) {
    spellings = word.marked ? [] : otherSpellings(word.folded);
    typedSpellings.set(word, spellings);
  }
  return spellings;
}

/**
 * A word's other forms as typed, its other spelling left out (that is the word as typed): none when it was typed with
 * diacritics, which make it that word only.
 */
export function typedWordForms(word: Syllable): string[] {
  const spellings = typedWordSpellings(word);
  return word.marked ? [] : otherForms(word.folded).filter((form) => !spellings.includes(form));
}

/** Every other form and spelling of a word as typed (otherForms): none when it was typed with diacritics. */
export function typedWordVariants(word: Syllable): string[] {
  return word.marked ? [] : otherForms(word.folded);
}

/**
 * The query with its words in their other spelling: each such word alone, and all of them at once when there are more,
 * so that a query typed in one spelling finds a story written in the other, or in both.
 */
export function querySpellings(typed: readonly Syllable[]): { words: Syllable[]; spelt: string[] }[] {
  const spelling = (word: Syllable): Syllable | undefined => {
    const [other] = typedWordSpellings(word);
    return other === undefined ? undefined : { folded: other, written: other, marked: false };
  };
  const respelt = typed.map(spelling);
  const one = respelt.flatMap((other, at) =>
    other ? [{ words: typed.map((word, place) => (place === at ? other : word)), spelt: [other.folded] }] : [],
  );
  if (one.length < 2) return one;
  const all = typed.map((word, at) => respelt[at] ?? word);
  return [...one, { words: all, spelt: respelt.flatMap((other) => (other ? [other.folded] : [])) }];
}
