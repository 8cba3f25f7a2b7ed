/**
 * A query's words as search compares them: a word typed with diacritics matches only
 * words with those diacritics (in any case and either tone placement), a word typed
 * without them matches every form. Vietnamese syllables that differ only in their marks
 * are different words ("lê" and "lễ", "hạnh" and "hành").
 */
import { foldText, markedText, olderTonePlacement } from '../text/text-fold';

export interface Syllable {
  /** Accent- and case-insensitive: what a word typed without diacritics is compared by. */
  folded: string;
  /** Lower case with its diacritics, in one spelling (lib/text-fold `markedText`). */
  written: string;
  /** Whether it carries diacritics or đ: then only words written the same way match it. */
  marked: boolean;
  /** A last word the reader has finished: it matches only itself, not as the start of a longer word. */
  whole?: boolean;
}

/** Runs of letters and digits, with the combining marks of text not in NFC. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function syllable(word: string): Syllable {
  return writtenSyllable(markedText(word));
}

/** A word already in its one spelling (`markedText`): folding it once says whether it carries diacritics. */
function writtenSyllable(written: string): Syllable {
  const folded = foldText(written);
  return { folded, written, marked: folded !== written };
}

/**
 * Initials written with full stops: two letters or more, each followed by one, the last perhaps not ("M.N.D.", "V.N.A",
 * "U.N."), with no letter or digit on either side.
 */
const DOTTED_INITIALS = /(?<![\p{L}\p{M}\p{N}.])\p{L}\p{M}*(?:\.\p{L}\p{M}*)+\.?(?![\p{L}\p{M}\p{N}])/gu;

/** Whether a text has an apostrophe, straight or curly: only such a text has a possessive or an inner apostrophe. */
export const hasApostrophe = (text: string): boolean => /['’]/.test(text);

/**
 * An English possessive's "'s" ("Vietnam's", "Cuba’s", "Command 86's"), which leaves a word "s" that is no word. The
 * apostrophe comes first: a pattern that opens with a look behind tries it at every character of a text.
 */
export const POSSESSIVE = /['’](?<=[\p{L}\p{N}]\p{M}*.)s(?![\p{L}\p{M}\p{N}])/giu;

/**
 * A text with its English possessives' "'s" left out: "Vietnam's image" is the words "Vietnam image", which is what a
 * reader types for it, or means by typing it. The index keeps a text's runs of words this way too (lib/search/encoding.ts).
 */
export const withoutPossessives = (text: string): string =>
  // Most texts have no apostrophe, and the test for one is cheaper than the pattern.
  hasApostrophe(text) ? text.replace(POSSESSIVE, '') : text;

/**
 * The query as search reads it: initials written with full stops as the one word stories and names write them ("M.N.D."
 * as "MND", "T.T.X.V.N." as "TTXVN"), where the full stops would leave letters that are each no word; and an English
 * possessive as the word it is said of ("Cuba's" as "Cuba"), which finds the stories that write either.
 */
export const asSearched = (query: string): string =>
  withoutPossessives(query.replace(DOTTED_INITIALS, (initials) => initials.replaceAll('.', '')));

/** The words of a query (or a name) in order. */
export function querySyllables(text: string): Syllable[] {
  return (markedText(text).match(WORD) ?? []).map(writtenSyllable);
}

/** Whether a query has anything to search for: a letter or digit. One of punctuation or spaces alone is an empty one. */
export const hasWords = (query: string): boolean => query.search(/[\p{L}\p{N}]/u) >= 0;

/**
 * Whether a query was typed but has nothing to search for: punctuation or emoji alone ("!!!", "—", "🙂"). Spaces alone
 * are an empty box; these the reader typed, and is told why nothing is searched.
 */
export const isWordless = (query: string): boolean => query.trim() !== '' && !hasWords(query);

/**
 * Whether a word of a text (or a name) is what the reader typed; `last` when the typed
 * word is the last one, which may be only the start of a word still being typed (unless
 * it is `whole`).
 */
export function syllableMatches(typed: Syllable, word: Syllable, last: boolean): boolean {
  const open = last && !typed.whole;
  if (!typed.marked) return open ? word.folded.startsWith(typed.folded) : word.folded === typed.folded;
  return open ? startsAsTyped(word.written, typed.written) : word.written === typed.written;
}

/** A start typed with a tone on an "o" or "u" that may be the first vowel of "oa", "oe" or "uy". */
const TONED_FIRST_VOWEL = /[òóỏõọùúủũụ]$/u;

/**
 * Whether a word in its one spelling starts with a start typed with diacritics (in its one spelling too): as written,
 * or, where the start ends with a toned "o" or "u", in the older spelling of "oa", "oe" and "uy", whose tone the one
 * spelling moves to the second vowel once it is typed ("ủ" starts "uỷ", which the reader types as "ủy").
 */
export function startsAsTyped(word: string, start: string): boolean {
  return word.startsWith(start) || (TONED_FIRST_VOWEL.test(start) && olderTonePlacement(word).startsWith(start));
}

/** The words as if typed without marks, matching every form of their letters. */
export const withoutMarks = (typed: readonly Syllable[]): Syllable[] =>
  typed.map((word) => ({ ...word, marked: false }));

/** Two adjacent words typed without diacritics, written as one ("viet nam" as "vietnam"); none when either has marks. */
export function joinedPair(word: Syllable, next: Syllable | undefined): Syllable | undefined {
  if (!next || word.marked || next.marked) return undefined;
  return { folded: word.folded + next.folded, written: word.written + next.written, marked: false };
}

/** Queries of more words than this quote a passage rather than spell a word apart. */
const SPLIT_WORD_QUERY_WORDS = 6;

/**
 * The query with two adjacent words typed without diacritics written as one, a pair at a time, with the word they
 * make: readers split what a text writes as one word ("Viet Nam" for "Vietnam", "cyber space", "Cu Ba" for "Cuba"), as
 * the index's joined syllables serve the other way round ("hanoi" for "Hà Nội").
 */
export function splitWordForms(typed: readonly Syllable[]): { words: Syllable[]; joined: Syllable }[] {
  if (typed.length > SPLIT_WORD_QUERY_WORDS) return [];
  return typed.flatMap((word, at) => {
    const joined = joinedPair(word, typed[at + 1]);
    return joined ? [{ words: [...typed.slice(0, at), joined, ...typed.slice(at + 2)], joined }] : [];
  });
}
