/**
 * The query's last word while the reader is still typing it. Titles, summaries and names are indexed by the start of
 * every word, bodies by whole words only (lib/search/search-index.ts), so "hoàn thà" or "cyberspa" would find a story
 * that has "hoàn thành" or "cyberspace" only in its body by nothing. A last word that is no whole word of any body is
 * completed to the bodies' words it starts, those in the most stories first (lib/search/word-files.ts), and search
 * looks for the query with each of them in its place. Typed with diacritics, it is completed only to words written
 * with them ("thà": "thành", never "thái"), as the index has them. After another word, a last word is completed to
 * the longer words that follow that word in some story, read from the pairs of adjacent words the index keeps
 * (pairedCompletions): a start of one or two letters ("hoàn t", "artificial i") begins too many words to choose from
 * on its own, and a start that is a word of its own ("Vũ Hữu Hạn", "hạn" being a word) may still be on its way to
 * the longer one the story writes ("Thiếu tướng Vũ Hữu Hạnh" in a body).
 */
import { foldText, markedText } from '../text/text-fold';
import { fieldPostings, hasEveryTerm, storiesOf, type SearchIndex } from './search-index';
import type { Syllable } from './syllables';
import type { KnownWord } from './vocabulary';

/** Letters a word needs before it is completed from the vocabulary alone: a shorter start begins too many words. */
const MIN_COMPLETED_LETTERS = 3;
/** The most frequent words a last word is completed to: each costs a search and the shards its terms are in. */
const MAX_COMPLETIONS = 8;

/** A last word the reader may still be typing, and whether it is completed from the pairs of words or the words. */
export interface OpenWord {
  word: Syllable;
  fromPairs: boolean;
}

/**
 * The query's last word when some word may start with it, as typed (with its diacritics when it has them): the index's
 * part holding the word must be loaded. A start of MIN_COMPLETED_LETTERS or more that no story's body has whole is
 * completed from the words; a shorter one, or a word of some body, from the pairs when a word of two letters or more
 * comes before it, and otherwise not at all.
 */
export function openLastWord(index: SearchIndex, typed: readonly Syllable[]): OpenWord | undefined {
  const word = typed.at(-1);
  if (!word || /\d/.test(word.folded)) return undefined;
  const whole =
    word.folded.length >= MIN_COMPLETED_LETTERS &&
    (word.marked ? hasEveryTerm(index, 'exact', word.written) : hasEveryTerm(index, 'body', word.folded));
  if (word.folded.length >= MIN_COMPLETED_LETTERS && !whole) return { word, fromPairs: false };
  // A word of one letter before it starts pairs of every word it begins ("u" of "U.N.": "united", "unit").
  return (typed.at(-2)?.folded.length ?? 0) >= 2 ? { word, fromPairs: true } : undefined;
}

/**
 * What the pairs a last word may complete start with: the word before it and its letters, folded and written
 * together as the index's pairs are.
 */
export function pairStart(typed: readonly Syllable[]): string {
  const [before, last] = typed.slice(-2);
  return `${before?.folded ?? ''}${last?.folded ?? ''}`;
}

/** Pairs of adjacent words as the index keeps them (lib/search/encoding.ts `joinedSyllables`), each with its stories. */
export type PairPostings = Iterable<readonly [pair: string, posting: readonly unknown[]]>;

/**
 * The words, folded, that follow the word before the query's last word in some story and start as the last word does,
 * in the most stories first: "hoàn t" to "thanh", "thien", "toan". `pairs` need only be those that sort where the
 * pairs so started do (pairStart): the browser looks through those of the shards it fetched for them, not every pair
 * it has loaded. A pair whose first word is longer than the word before ("artificialintelligence" for "art i") gives
 * a word no story has, which then finds nothing.
 */
export function pairedCompletions(pairs: PairPostings, typed: readonly Syllable[]): string[] {
  const start = pairStart(typed);
  const before = typed.at(-2)?.folded.length ?? 0;
  const found: [word: string, stories: number][] = [];
  for (const [pair, posting] of pairs)
    if (pair.length > start.length && pair.startsWith(start)) found.push([pair.slice(before), storiesOf(posting)]);
  return mostFrequentFirst(found).slice(0, MAX_COMPLETIONS);
}

/** Words with the number of stories that have them (lib/search/word-files.ts) as completionsOf takes them. */
export const mostFrequentFirst = (known: readonly KnownWord[]): string[] =>
  [...known].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);

/**
 * The words of `vocabulary` (in the most stories first) that `word` starts, folded, at most MAX_COMPLETIONS of them;
 * typed with diacritics, those written with them first.
 */
export function completionsOf(word: Syllable, vocabulary: readonly string[]): string[] {
  const started = vocabulary.filter((known) => {
    const folded = foldText(known);
    return folded.length > word.folded.length && folded.startsWith(word.folded);
  });
  const keepsMarks = (known: string) => markedText(known).startsWith(word.written);
  const ordered = word.marked
    ? [...started.filter(keepsMarks), ...started.filter((known) => !keepsMarks(known))]
    : started;
  return ordered.slice(0, MAX_COMPLETIONS).map(foldText);
}

/**
 * The query with its open last word (openLastWord) in each completion's place. Typed with diacritics, the completion is
 * each word of the index so written that folds to it ("thà" to "thành", not "thanh" or "thánh").
 */
export function completedQueries(index: SearchIndex, typed: readonly Syllable[], completions: readonly string[]) {
  const last = completions.length > 0 ? openLastWord(index, typed)?.word : undefined;
  if (!last) return [];
  const wanted = new Set(completions);
  const words = last.marked
    ? [...fieldPostings(index, 'exact').map.keys()].filter(
        (term) => term.startsWith(last.written) && wanted.has(foldText(term)),
      )
    : completions;
  return words.map((word) => withLastWord(typed, word));
}

/** The query's words with `word` in the last one's place. */
export const withLastWord = (typed: readonly Syllable[], word: string): string =>
  [...typed.slice(0, -1).map((each) => each.written), word].join(' ');
