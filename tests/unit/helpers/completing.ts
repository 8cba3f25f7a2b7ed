/**
 * The reference the search client is compared with: a language's whole index in memory, with what the client completes
 * the query's last word to when the reader may still be typing it: from the index's runs of words after another word,
 * and from the built files of the bodies' words for a longer start no body has whole.
 */
import {
  completionsOf,
  mostFrequentFirst,
  openLastWords,
  runCompletions,
  runField,
} from '../../../lib/search/completion';
import { fieldPostings } from '../../../lib/search/search-index';
import { SearchManifestSchema, SearchWordsFileSchema } from '../../../lib/search/files';
import type { SearchLanguage } from '../../../lib/search/query';
import { asSearched, querySyllables } from '../../../lib/search/syllables';
import { searchManifestUrl, searchWordsUrl } from '../../../lib/site/urls';

export function completing(files: ReadonlyMap<string, string>, whole: SearchLanguage, query: string): SearchLanguage {
  const opens = openLastWords(whole.index, querySyllables(asSearched(query)));
  if (opens.length === 0) return whole;
  const json = (url: string) => JSON.parse(files.get(url) ?? 'null') as unknown;
  const { words } = SearchManifestSchema.parse(json(searchManifestUrl(whole.locale)));
  const known = words.flatMap((_, file) => SearchWordsFileSchema.parse(json(searchWordsUrl(whole.locale, file))));
  const completions = opens.flatMap((open) => [
    ...(open.before.length > 0 ? runCompletions(fieldPostings(whole.index, runField(open)).map, open) : []),
    ...(open.fromWords ? completionsOf(open.word, mostFrequentFirst(known)) : []),
  ]);
  return { ...whole, completions: [...new Set(completions)] };
}
