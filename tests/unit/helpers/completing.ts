/**
 * The reference the search client is compared with: a language's whole index in memory, with what the client completes
 * the query's last word to when the reader may still be typing it, read from the built files of the bodies' words (or,
 * for a short start or a whole word after another word, from the index's pairs of words).
 */
import { completionsOf, mostFrequentFirst, openLastWord, pairedCompletions } from '../../../lib/search/completion';
import { fieldPostings } from '../../../lib/search/search-index';
import { SearchManifestSchema, SearchWordsFileSchema } from '../../../lib/search/files';
import type { SearchLanguage } from '../../../lib/search/query';
import { querySyllables } from '../../../lib/search/syllables';
import { searchManifestUrl, searchWordsUrl } from '../../../lib/site/urls';

export function completing(files: ReadonlyMap<string, string>, whole: SearchLanguage, query: string): SearchLanguage {
  const typed = querySyllables(query);
  const open = openLastWord(whole.index, typed);
  if (!open) return whole;
  if (open.fromPairs)
    return { ...whole, completions: pairedCompletions(fieldPostings(whole.index, 'pairs').map, typed) };
  const json = (url: string) => JSON.parse(files.get(url) ?? 'null') as unknown;
  const { words } = SearchManifestSchema.parse(json(searchManifestUrl(whole.locale)));
  const known = words.flatMap((_, file) => SearchWordsFileSchema.parse(json(searchWordsUrl(whole.locale, file))));
  return { ...whole, completions: completionsOf(open.word, mostFrequentFirst(known)) };
}
