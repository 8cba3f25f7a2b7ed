/**
 * The archive's frequent words per language, as they are written: what "Did you mean"
 * suggestions (lib/search/suggest.ts) correct a mistyped word to, besides the names of
 * the registry. Built with the search files; fetched only when a query needs a suggestion.
 */
import type { Archive } from '../schema';
import { LOCALES, type Locale } from '../i18n';
import { foldText } from '../text-fold';

/** Per language, distinct words (by folded form), most frequent first, each in its most frequent written form. */
export type SearchVocabulary = Record<Locale, string[]>;

/**
 * Words kept per language. The most frequent words are the ones readers most likely
 * meant; the cap keeps the file small as the archive grows.
 */
export const VOCABULARY_WORDS = 3000;

const WORD = /[\p{L}\p{N}]+/gu;
const DIGIT = /\p{N}/u;

export function searchVocabulary(archive: Archive, limit = VOCABULARY_WORDS): SearchVocabulary {
  const vocabulary = {} as SearchVocabulary;
  for (const locale of LOCALES) {
    const texts = archive.stories.flatMap((story) => {
      const article = story.articles[locale];
      return article ? [article.title, article.summary, article.text] : [];
    });
    vocabulary[locale] = frequentWords(texts, limit);
  }
  return vocabulary;
}

/**
 * The `limit` most frequent words of the texts, counted by folded form (so "Hà" and "ha"
 * are one word) and each given in the written form seen most often. Numbers are left out:
 * a mistyped number is not corrected. Ties go to the alphabetically first form, so the list
 * is the same on every build.
 */
export function frequentWords(texts: readonly string[], limit: number): string[] {
  const written = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.normalize('NFC').match(WORD) ?? []) {
      if (word.length < 2 || DIGIT.test(word)) continue;
      written.set(word, (written.get(word) ?? 0) + 1);
    }
  }
  const byFolded = new Map<string, { form: string; formCount: number; count: number }>();
  for (const [form, count] of written) {
    const folded = foldText(form);
    const entry = byFolded.get(folded);
    if (!entry) byFolded.set(folded, { form, formCount: count, count });
    else {
      entry.count += count;
      if (count > entry.formCount || (count === entry.formCount && form < entry.form)) {
        entry.form = form;
        entry.formCount = count;
      }
    }
  }
  return [...byFolded]
    .sort(([foldedA, a], [foldedB, b]) => b.count - a.count || (foldedA < foldedB ? -1 : 1))
    .slice(0, limit)
    .map(([, entry]) => entry.form);
}
