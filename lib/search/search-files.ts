/**
 * Every search file of a build, by URL: what the build writes into `out/` and what the
 * tests and the benchmark read back through the same client code as the browser.
 */
import type { Archive } from '../content/schema';
import { LOCALES, type Locale } from '../site/locales';
import {
  searchAllTaggedUrl,
  searchCardUrl,
  searchEntitiesUrl,
  searchManifestUrl,
  searchShardUrl,
  searchTaggedUrl,
  searchVocabularyUrl,
  searchWordsUrl,
} from '../site/urls';
import {
  entityKey,
  searchDocuments,
  searchEntities,
  storyOfNumber,
  taggedStories,
  yearRanges,
  type SearchDoc,
} from './documents';
import { cardFields, cardFile, type SearchManifest } from './files';
import { cachedPostings, type SearchIndexCache } from '../caches/search-index-cache';
import { shardIndex } from './shards';
import { bodyWords, VOCABULARY_WORDS, type SearchVocabulary } from './vocabulary';
import { wordFiles } from './word-files';

export interface SearchFiles {
  /** Each file's JSON text by URL, as written. */
  files: Map<string, string>;
  summary: { locale: Locale; stories: number; reused: number; shards: number }[];
}

interface SearchFilesOptions {
  shardBytes?: number;
  /** Words kept per language in the vocabulary file. */
  vocabularyWords?: number;
  /** Words a file of the bodies' words holds (lib/search/word-files.ts). */
  wordsPerFile?: number;
  /** The indexes of earlier builds, which this one reuses and adds to (lib/caches/search-index-cache.ts). */
  indexCache?: SearchIndexCache;
}

export async function buildSearchFiles(archive: Archive, options: SearchFilesOptions = {}): Promise<SearchFiles> {
  const files = new Map<string, string>();
  const entities = searchEntities(archive);
  files.set(searchEntitiesUrl(), JSON.stringify(entities));
  const tagged = taggedStories(archive);
  files.set(searchAllTaggedUrl(), JSON.stringify(Object.fromEntries(tagged)));
  // Every entity has its file, empty when no story is tagged with it yet: a query may name any.
  for (const entity of entities)
    files.set(
      searchTaggedUrl(entity.kind, entity.id),
      JSON.stringify(tagged.get(entityKey(entity.kind, entity.id)) ?? []),
    );

  const years = yearRanges(archive);
  const summary: SearchFiles['summary'] = [];
  const vocabulary: Partial<SearchVocabulary> = {};
  for (const locale of LOCALES) {
    // Oldest first: the order the index cache keeps stories in.
    const docs = searchDocuments(archive, locale).reverse();
    const fields = docs.map(cardFields);
    const sources = docs.map((doc, at) => `${fields[at]}\n${textDigestOf(archive, doc)}`);
    const { postings, reused } = await cachedPostings(docs, sources, entities, options.indexCache);
    const words = bodyWords(postings);
    vocabulary[locale] = words.slice(0, options.vocabularyWords ?? VOCABULARY_WORDS).map(([word]) => word);
    const wordsCut = wordFiles(words, options.wordsPerFile);
    const { starts, shards } = shardIndex(postings, options.shardBytes);
    const manifest: SearchManifest = { stories: archive.stories.length, years, shards: starts, words: wordsCut.starts };
    files.set(searchManifestUrl(locale), JSON.stringify(manifest));
    shards.forEach((shard, number) => files.set(searchShardUrl(locale, number), shard));
    wordsCut.files.forEach((file, number) => files.set(searchWordsUrl(locale, number), file));
    docs.forEach((doc, at) => files.set(searchCardUrl(locale, doc.number), cardFile(fields[at] as string, doc.text)));
    summary.push({ locale, stories: docs.length, reused, shards: shards.length });
  }
  files.set(searchVocabularyUrl(), JSON.stringify(vocabulary));
  return { files, summary };
}

/** The digest of the text of a story's search document (Article.textDigest). */
function textDigestOf(archive: Archive, doc: SearchDoc): string {
  const story = storyOfNumber(archive, doc.number);
  const article = story?.articles[doc.locale];
  if (!article) throw new Error(`No ${doc.locale} article for search document ${doc.number}`);
  return article.textDigest;
}
