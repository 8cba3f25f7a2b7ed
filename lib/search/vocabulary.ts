/**
 * The words of the archive's bodies per language, as they are written, with how many stories
 * have each: all of them complete a word still being typed (lib/search/word-files.ts), and
 * the most frequent are what "Did you mean" suggestions (lib/search/suggest.ts) correct a
 * mistyped word to, besides the names of the registry. Built with the search files; the
 * vocabulary file is fetched only when a query needs a suggestion.
 *
 * Read from the language's index postings rather than from the stories' text: the build
 * has them at hand (from the index cache when stories were only added), and splitting
 * every text of a large archive into words again would cost more than indexing the new
 * stories does.
 */
import type { Locale } from '../site/locales';
import { foldText } from '../text/text-fold';
import type { PostingTable } from './search-index';

/** Per language, distinct words (by folded form), most frequent first, each in its usual written form. */
export type SearchVocabulary = Record<Locale, string[]>;

/**
 * Words kept per language. The most frequent words are the ones readers most likely
 * meant; the cap keeps the file small as the archive grows.
 */
export const VOCABULARY_WORDS = 3000;

const DIGIT = /\p{N}/u;

/** A word of the body field: as the stories most often write it, and in how many stories. */
export type KnownWord = readonly [word: string, stories: number];

/**
 * Every word of the body field, found in the most stories first; ties in alphabetical order, so the list is the same on
 * every build. A word is given with its diacritics as the stories most often write it (the `exact` field), lowercase.
 * Numbers are left out: a mistyped number is not corrected, and a number is not completed.
 */
export function bodyWords(postings: PostingTable): KnownWord[] {
  const marked = new Map<string, { word: string; stories: number }>();
  const ranked: { word: string; stories: number }[] = [];
  for (const [term, fields] of postings) {
    if (term.length < 2 || DIGIT.test(term)) continue;
    if (fields.exact !== undefined) {
      const folded = foldText(term);
      const stories = storiesIn(fields.exact);
      const known = marked.get(folded);
      if (!known || stories > known.stories) marked.set(folded, { word: term, stories });
    }
    if (fields.body !== undefined) ranked.push({ word: term, stories: storiesIn(fields.body) });
  }
  return ranked
    .sort((a, b) => b.stories - a.stories || (a.word < b.word ? -1 : 1))
    .map(({ word, stories }) => [marked.get(word)?.word ?? word, stories]);
}

/**
 * How many story numbers a term's slots hold (TermPostings: `[[3,7],null,[9]]`, a list of slots, each a list of
 * numbers, empty, or null). Counted from the commas rather than parsed, since every term of the archive is read: a
 * list of n slots has n − 1 commas between them, and a slot of k numbers k − 1 within it, so the numbers are the
 * commas plus one, less the slots that hold none.
 */
export function storiesIn(slots: string): number {
  if (slots === '[]') return 0;
  return occurrences(slots, ',') + 1 - occurrences(slots, 'null') - occurrences(slots, '[]');
}

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) count++;
  return count;
}
