/**
 * A query's words as search compares them: a word typed with diacritics matches only
 * words with those diacritics (in any case and either tone placement), a word typed
 * without them matches every form. Vietnamese syllables that differ only in their marks
 * are different words ("lê" and "lễ", "hạnh" and "hành").
 */
import { foldText, markedText } from '../text/text-fold';

export interface Syllable {
  /** Accent- and case-insensitive: what a word typed without diacritics is compared by. */
  folded: string;
  /** Lower case with its diacritics, in one spelling (lib/text-fold `markedText`). */
  written: string;
  /** Whether it carries diacritics or đ: then only words written the same way match it. */
  marked: boolean;
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

/** The words of a query (or a name) in order. */
export function querySyllables(text: string): Syllable[] {
  return (markedText(text).match(WORD) ?? []).map(writtenSyllable);
}

/**
 * Whether a word of a text (or a name) is what the reader typed; `open` when the typed
 * word is the last one, which may be only the start of a word still being typed.
 */
export function syllableMatches(typed: Syllable, word: Syllable, open: boolean): boolean {
  const [want, have] = typed.marked ? [typed.written, word.written] : [typed.folded, word.folded];
  return open ? have.startsWith(want) : have === want;
}
