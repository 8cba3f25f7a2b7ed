/**
 * How text becomes index terms. The same encoders serve the build (indexing) and the
 * browser (queries), so a query is always encoded the way the index was.
 *
 * - `folded`: accent- and case-insensitive (lib/text-fold), for matching what readers
 *   type with or without diacritics. Nothing phonetic: "duong" never meets "tướng".
 * - `exact`: lowercase with diacritics kept, in one spelling (lib/text-fold `markedText`),
 *   so that a syllable typed with diacritics finds only that syllable ("Hạnh", never
 *   "Hành"). Only words that carry diacritics are indexed this way: for the others
 *   folded and exact are the same.
 */
import { Encoder } from 'flexsearch';
import { foldText, markedText } from '../text/text-fold';
import { phrasesOf } from '../text/phrases';
import { withoutPossessives } from './syllables';

const SPLIT = /[^\p{L}\p{M}\p{N}]+/u;

export function foldedEncoder(): Encoder {
  return new Encoder({ normalize: foldText, split: SPLIT, numeric: false, dedupe: false });
}

export function exactEncoder(): Encoder {
  return new Encoder({ normalize: markedText, split: SPLIT, numeric: false, dedupe: false });
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The words of a text that go beyond ASCII, in order: what the `exact` field holds. In
 * Vietnamese these are the words with diacritics or đ; testing the characters rather than
 * folding each word keeps indexing fast, and a word without diacritics in another script
 * only costs an entry that folded matching already covers.
 */
export function diacriticWords(text: string): string {
  return text
    .split(SPLIT)
    .filter((word) => NON_ASCII.test(word))
    .join(' ');
}

/**
 * The starts of a text's words with diacritics that carry one (in one spelling): "dũng"
 * as "dũ", "dũn", "dũng". What the `marked` field holds, so that a word still being
 * typed with its marks finds the words it begins; a start without diacritics ("d") is
 * what the folded fields already find.
 */
export function markedStarts(text: string): string {
  return diacriticWords(markedText(text))
    .split(' ')
    .flatMap((word) => {
      const first = word.search(NON_ASCII);
      return first < 0 ? [] : Array.from({ length: word.length - first }, (_, at) => word.slice(0, first + 1 + at));
    })
    .join(' ');
}

/**
 * Adjacent syllables written together: "Hà Nội" also as "hanoi", "Việt Nam" as
 * "vietnam", the way English writes them. Added to the short name and title fields so
 * either spelling finds the other, and, for every field, what tells a story that holds
 * a query's words together from one that holds them apart.
 */
export const joinedSyllables = (text: string): string[] => joinedRuns(text, 2);

/**
 * Three adjacent syllables written together: what tells a story that holds three or more of a query's words together
 * from one whose pairs of them each stand in another place ("Thứ trưởng Bộ Quốc phòng" and "Bộ Tư lệnh" do not hold
 * "trưởng Bộ Tư lệnh").
 */
export const joinedTriples = (text: string): string[] => joinedRuns(text, 3);

/**
 * Runs of three with the third word also by each of its starts ("vuhuuh" to "vuhuuhanh"): what the names and titles
 * keep, so that a name or title whose last word is still being typed stays together even where that start is a whole
 * word of some story ("Vũ Hữu Hạn", "hạn" being a word of its own).
 */
export const startedTriples = (text: string): string[] => joinedRuns(text, 3, true);

/** Pairs with the second word also by each of its starts ("hanoi" as "han", "hano", "hanoi"): the names' and titles'. */
export const startedPairs = (text: string): string[] => joinedRuns(text, 2, true);

/**
 * Two adjacent words of which one or both carry diacritics, written together with their marks (in one spelling):
 * "hữuhạnh" of "Vũ Hữu Hạnh"; and each word with marks beside the other by its letters alone ("huuhạnh", "hữuhanh"), as
 * a query may type one word with its marks and the next without ("Lê dung"). What tells a story holding words typed
 * with their marks together from one holding them only in other forms ("Hữu Hành" is not "Hữu Hạnh", though each word
 * stands somewhere in the story and the pair's letters do too). With `starts`, a second word with marks is also kept
 * by each of its starts that carries them ("hữuhạ", "hữuhạn"), and one without marks beside a first word with them
 * by each of its starts ("hữuh", "hữuha"), as the names' and title's pairs are, for a pair whose last word is still
 * being typed.
 */
export function markedPairs(text: string, starts = false): string[] {
  const joined: string[] = [];
  for (const phrase of phrasesOf(markedText(text))) {
    const words = phrase.split(SPLIT).filter((word) => word !== '');
    for (let at = 0; at + 1 < words.length; at++) {
      const [first, second] = [words[at] as string, words[at + 1] as string];
      const firstMarked = NON_ASCII.test(first);
      const cut = (head: string, last: string, from: number) => {
        for (let end = starts ? from : last.length; end <= last.length; end++) joined.push(head + last.slice(0, end));
      };
      if (NON_ASCII.test(second))
        for (const head of firstMarked ? [first, foldedWord(first)] : [first])
          cut(head, second, second.search(NON_ASCII) + 1);
      if (firstMarked) cut(first, foldedWord(second), 1);
    }
  }
  return joined;
}

/** A word folded, remembered: a language has few distinct words with marks, and each stands many times. */
const foldedWordMemo = new Map<string, string>();
function foldedWord(word: string): string {
  let folded = foldedWordMemo.get(word);
  if (folded === undefined) foldedWordMemo.set(word, (folded = foldText(word)));
  return folded;
}

const WORDS = /[\p{L}\p{N}]+/gu;

/**
 * Folded as a whole first: folding keeps the punctuation phrases end at. A phrase with an English possessive also gives
 * its runs without the possessive's "s" ("vietnamimage" of "Vietnam's image"), as a reader types them and as search
 * reads a typed possessive (lib/search/syllables.ts `asSearched`).
 */
function joinedRuns(text: string, count: number, starts = false): string[] {
  const runsOf = (phrase: string) =>
    joinedRunsOf(phrase.match(WORDS) ?? [], count, (last) => (starts ? 1 : last.length));
  return phrasesOf(foldText(text)).flatMap((phrase) => {
    const runs = runsOf(phrase);
    const without = withoutPossessives(phrase);
    if (without === phrase) return runs;
    const held = new Set(runs);
    return [...runs, ...runsOf(without).filter((run) => !held.has(run))];
  });
}

/** Each run of `count` adjacent words written together, its last word cut at every length from `firstStart` on. */
function joinedRunsOf(words: readonly string[], count: number, firstStart: (last: string) => number): string[] {
  const joined: string[] = [];
  for (let index = 0; index + count <= words.length; index++) {
    const run = words.slice(index, index + count);
    const last = run.pop() as string;
    const head = run.join('');
    for (let end = firstStart(last); end <= last.length; end++) joined.push(head + last.slice(0, end));
  }
  return joined;
}
