/**
 * The search files a build writes and the browser reads, with their shapes checked on
 * both sides by the same schemas.
 */
import * as z from 'zod/mini';
import { LOCALES } from '../site/locales';
import { SearchDocSchema, SearchEntitySchema, StoryNumberSchema, type SearchDoc } from './documents';
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
  /** The first word of each file of the bodies' words (lib/search/word-files.ts), in the shards' order. */
  words: z.array(z.string()),
});
export type SearchManifest = z.infer<typeof SearchManifestSchema>;

const PostingSchema = z.tuple([z.string(), z.array(z.unknown())]);
export const SearchShardSchema = z.partialRecord(z.enum(SEARCH_FIELDS), z.array(PostingSchema));

export const SearchCardSchema = SearchDocSchema;

/**
 * A result card's file: the card's fields as one line of JSON, then the story's plain text as it is. The text is most of
 * a card, and as it is written out whole, the build neither escapes it into JSON nor hashes it (the search index's
 * cache knows it by its digest), and the browser does not unescape it.
 */
export const cardFields = ({ text: _text, ...fields }: SearchDoc): string => JSON.stringify(fields);
export const cardFile = (fields: string, text: string): string => `${fields}\n${text}`;

/** A card file's fields and text as one record, for SearchCardSchema to check. */
export function readCardFile(file: string): unknown {
  const end = file.indexOf('\n');
  if (end < 0) throw new Error('A result card file without its text');
  const fields: unknown = JSON.parse(file.slice(0, end));
  return typeof fields === 'object' && fields !== null ? { ...fields, text: file.slice(end + 1) } : fields;
}

export const SearchEntitiesFileSchema = z.array(SearchEntitySchema);
/** The stories tagged with one entity. */
export const SearchTaggedFileSchema = StoryNumbersSchema;
/** The stories tagged with every entity, by entity key (`people:le-dung`): what facet counts need. */
export const SearchAllTaggedFileSchema = z.record(z.string(), StoryNumbersSchema);
/** A file of the bodies' words: each as written, with the number of stories that have it. */
export const SearchWordsFileSchema = z.array(z.tuple([z.string(), z.number().check(z.int(), z.nonnegative())]));

/** Each language's frequent words, most frequent first (lib/search/vocabulary.ts). */
export const SearchVocabularyFileSchema = z.record(z.enum(LOCALES), z.array(z.string()));
