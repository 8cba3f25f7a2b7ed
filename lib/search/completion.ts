/**
 * The query's last word while the reader is still typing it. Titles, summaries and names are indexed by the start of
 * every word, bodies by whole words only (lib/search/search-index.ts), so "hoàn thà" or "cyberspa" would find a story
 * that has "hoàn thành" or "cyberspace" only in its body by nothing. Search looks for the query with each word the
 * last one may become in its place. After another word, those are the longer words that end a run of adjacent words
 * of some story begun by the words before (runCompletions): the index's pairs after one word ("hoàn t" to "thành"),
 * its runs of three after two ("Through the c" to "content", where the pairs of "the" would offer the most frequent
 * words after "the"). A start that is a word of its own is completed so too ("Vũ Hữu Hạn", "hạn" being a word, on its
 * way to "Thiếu tướng Vũ Hữu Hạnh" in a body), and so is a number ("quyết số 1" to "1360"). A last word of two letters
 * or more that no story has whole (in its body, names, title or summary: "UN" of a summary is the word typed) is also
 * completed to the bodies' words it starts, those in the most stories first (lib/search/word-files.ts), for the
 * stories that hold the query's words apart. Typed with diacritics, a word is
 * completed only to words written with them ("thà": "thành", never "thái"), as the index has them.
 */
import { foldText, markedText } from '../text/text-fold';
import { fieldPostings, hasEveryTerm, type SearchIndex } from './search-index';
import { typedWordSpellings } from './inflections';
import { startsAsTyped, type Syllable } from './syllables';
import type { KnownWord } from './vocabulary';

/** Letters a word needs before it is completed from the bodies' words alone: a single letter begins too many words. */
const MIN_COMPLETED_LETTERS = 2;
/** The most frequent words a last word is completed to: each costs a search and the shards its terms are in. */
const MAX_COMPLETIONS = 8;

/** A last word the reader may still be typing, and where what it may become is looked for. */
export interface OpenWord {
  word: Syllable;
  /** The words before it that begin the runs it may end (one or two), or none. */
  before: Syllable[];
  /** Whether the bodies' words it starts are looked through too. */
  fromWords: boolean;
}

/**
 * The words before the last that begin the runs it may end: two when there are two, one when only one of two letters
 * or more or with diacritics ("có ý k") comes before. A lone letter of another kind begins the pairs of every word it
 * starts ("u" of "U.N.": "united", "unit").
 */
function runHead(typed: readonly Syllable[]): Syllable[] {
  const before = typed.slice(-3, -1);
  if (before.length === 2) return before;
  const [word] = before;
  return word && (word.folded.length >= 2 || word.marked) ? [word] : [];
}

/**
 * Whether some story has the word whole as typed (with its marks when it has them): in a body, or as a word of its
 * names, title or summary. Such a word is the word the reader means, not a start to complete nor a typo to correct.
 */
export function isWholeWordAsTyped(index: SearchIndex, word: Syllable): boolean {
  return word.marked
    ? hasEveryTerm(index, 'exact', word.written)
    : hasEveryTerm(index, 'body', word.folded) || hasEveryTerm(index, 'words', word.folded);
}

/**
 * The query's last word when some word may start with it, as typed (with its diacritics when it has them): the index's
 * part holding the word must be loaded.
 */
export function openLastWord(index: SearchIndex, typed: readonly Syllable[]): OpenWord | undefined {
  const word = typed.at(-1);
  if (!word) return undefined;
  const before = runHead(typed);
  const fromWords =
    word.folded.length >= MIN_COMPLETED_LETTERS && !/\d/.test(word.folded) && !isWholeWordAsTyped(index, word);
  return before.length > 0 || fromWords ? { word, before, fromWords } : undefined;
}

/**
 * The query's last word when the reader may still be typing it (openLastWord), and its other English spelling so too,
 * which is the same word: "data center" may become "data centres" as "data centre" may.
 */
export function openLastWords(index: SearchIndex, typed: readonly Syllable[]): OpenWord[] {
  const last = typed.at(-1);
  const spelt = last ? typedWordSpellings(last) : [];
  const respelt = spelt.map((word) => [...typed.slice(0, -1), { folded: word, written: word, marked: false }]);
  return [typed, ...respelt].flatMap((words) => openLastWord(index, words) ?? []);
}

/** The field of the runs an open word may end: pairs after one word, runs of three after two. */
export const runField = (open: OpenWord): 'pairs' | 'triples' => (open.before.length === 2 ? 'triples' : 'pairs');

/** What the runs an open word may end start with: the words before it and its letters, folded and written together. */
export const runStart = (open: OpenWord): string => [...open.before, open.word].map((word) => word.folded).join('');

/** Runs of adjacent words as the index keeps them (lib/search/encoding.ts `joinedRuns`), each with its stories. */
export type RunPostings = Iterable<readonly [run: string, posting: readonly unknown[]]>;

/**
 * The words, folded, that end a run begun by the words before the open last word and start as it does, in the most
 * stories first: "hoàn t" to "thanh", "thien", "toan". `runs` (of the open word's runField) need only be those that
 * sort where the runs so started do (runStart): the browser looks through those of the shards it fetched for them, not
 * every run it has loaded. A run whose first word is longer than the word before ("artificialintelligence" for "art
 * i") gives a word no story has, which then finds nothing. The runs of three of names and titles are kept by their
 * starts too ("centralmilitaryco"): a start whose stories all have a longer word found is that word cut short, and
 * left out for it.
 */
export function runCompletions(runs: RunPostings, open: OpenWord): string[] {
  const start = runStart(open);
  const head = start.length - open.word.folded.length;
  const found: WordStories[] = [];
  for (const [run, posting] of runs)
    if (run.length > start.length && run.startsWith(start))
      found.push([run.slice(head), new Set(posting.flatMap((slot) => (Array.isArray(slot) ? slot : [])))]);
  // Sorted, the longer words a word starts follow it.
  found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const known: KnownWord[] = found
    .filter((_, at) => !cutShort(found, at))
    .map(([word, stories]) => [word, stories.size]);
  return mostFrequentFirst(known).slice(0, MAX_COMPLETIONS);
}

type WordStories = [word: string, stories: ReadonlySet<unknown>];

/** Whether the word at `at` of sorted `found` starts a longer one found in every story it is found in. */
function cutShort(found: readonly WordStories[], at: number): boolean {
  const [word, stories] = found[at] as WordStories;
  for (let next = at + 1; next < found.length; next++) {
    const [longer, more] = found[next] as WordStories;
    if (!longer.startsWith(word)) return false;
    if ([...stories].every((story) => more.has(story))) return true;
  }
  return false;
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
  const keepsMarks = (known: string) => startsAsTyped(markedText(known), word.written);
  const ordered = word.marked
    ? [...started.filter(keepsMarks), ...started.filter((known) => !keepsMarks(known))]
    : started;
  return ordered.slice(0, MAX_COMPLETIONS).map(foldText);
}

/**
 * The query with its last word in each place of the completions found for it (openLastWord). Typed with diacritics,
 * the completion is each word of the index so written that folds to it ("thà" to "thành", not "thanh" or "thánh").
 */
export function completedQueries(index: SearchIndex, typed: readonly Syllable[], completions: readonly string[]) {
  const last = completions.length > 0 ? typed.at(-1) : undefined;
  if (!last) return [];
  const wanted = new Set(completions);
  const words = last.marked
    ? [...fieldPostings(index, 'exact').map.keys()].filter(
        (term) => startsAsTyped(term, last.written) && wanted.has(foldText(term)),
      )
    : completions;
  // The word typed itself, a completion of its other spelling ("program" to "programme"), is the query already searched.
  return words.filter((word) => foldText(word) !== last.folded).map((word) => withLastWord(typed, word));
}

/** The query's words with `word` in the last one's place. */
export const withLastWord = (typed: readonly Syllable[], word: string): string =>
  [...typed.slice(0, -1).map((each) => each.written), word].join(' ');
