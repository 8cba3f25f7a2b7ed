/**
 * The search files a build writes and the browser reads, with their shapes checked on
 * both sides by the same schemas.
 */
import * as z from 'zod/mini';
import { LOCALES } from '../site/locales';
import { SearchDocSchema, SearchEntitySchema, StoryNumberSchema } from './documents';
import { SEARCH_FIELDS } from './search-index';

const StoryNumbersSchema = z.array(StoryNumberSchema);
const YearSchema = z.number().check(z.int());

/** Per language: what a reader's first query needs before it can ask for anything else. */
export const SearchManifestSchema = z.object({
  /** Stories in the archive (both languages share the numbering). */
  stories: StoryNumberSchema,
  /** [year, first story number, last story number], oldest year first. */
  years: z.array(z.tuple([YearSchema, YearSchema, YearSchema])),
  /** The first term of each index shard, ascending. */
  shards: z.array(z.string()),
});
export type SearchManifest = z.infer<typeof SearchManifestSchema>;

const PostingSchema = z.tuple([z.string(), z.array(z.unknown())]);
export const SearchShardSchema = z.partialRecord(z.enum(SEARCH_FIELDS), z.array(PostingSchema));

export const SearchCardSchema = SearchDocSchema;
export const SearchEntitiesFileSchema = z.array(SearchEntitySchema);
/** The stories tagged with one entity. */
export const SearchTaggedFileSchema = StoryNumbersSchema;
/** The stories tagged with every entity, by entity key (`people:le-dung`): what facet counts need. */
export const SearchAllTaggedFileSchema = z.record(z.string(), StoryNumbersSchema);
/** Each language's frequent words, most frequent first (lib/search/vocabulary.ts). */
export const SearchVocabularyFileSchema = z.record(z.enum(LOCALES), z.array(z.string()));
