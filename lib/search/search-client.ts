/**
 * Fetches what a query needs, each file once: a language's manifest, the index shards
 * that hold the query's terms, the tag lists of the entities it names, the result cards
 * of the stories shown, and (for facets) every tag list. Every file is checked against
 * the schema the build wrote it with. The browser passes `fetch`; tests and the
 * benchmark pass a reader of a built `out/`, so all run the same code. Files are read as text: every one is JSON but the
 * result cards (lib/search/files.ts).
 */
import type { EntityKind } from '../views/entities';
import type { Locale } from '../site/locales';
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
import { entityKey, type SearchDoc, type SearchEntity } from './documents';
import {
  SearchAllTaggedFileSchema,
  SearchCardSchema,
  SearchEntitiesFileSchema,
  SearchManifestSchema,
  SearchShardSchema,
  SearchTaggedFileSchema,
  SearchVocabularyFileSchema,
  SearchWordsFileSchema,
  readCardFile,
  type SearchManifest,
} from './files';
import { matchEntities, type FacetSource, type SearchHit, type SearchLanguage, type TaggedStories } from './query';
import { createSearchIndex, SEARCH_FIELDS } from './search-index';
import { foldedFormShards, queryLookupTerms, shardOf, startedTermFiles } from './shards';
import {
  completedQueries,
  completionsOf,
  mostFrequentFirst,
  openLastWords,
  runCompletions,
  runField,
  runStart,
  withLastWord,
  type OpenWord,
} from './completion';
import { asSearched, querySyllables } from './syllables';
import type { SearchVocabulary } from './vocabulary';

type FetchText = (url: string) => Promise<string>;

/** The browser's way: the site's own files over HTTP. */
export async function fetchTextOverHttp(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

/** Past this many named entities (a short prefix like "ngu"), one file with every tag list costs less than one file each. */
const MAX_TAGGED_FILES = 8;

/** What `searchStories` needs for one query, all loaded. */
interface PreparedQuery {
  languages: SearchLanguage[];
  entities: SearchEntity[];
  tagged: TaggedStories;
}

export interface SearchClient {
  entities(): Promise<SearchEntity[]>;
  manifest(locale: Locale): Promise<SearchManifest>;
  /** Loads what the query needs in each language, in the order given. */
  prepare(locales: readonly Locale[], query: string): Promise<PreparedQuery>;
  /** The result cards of the given hits, in order. */
  cards(hits: readonly SearchHit[]): Promise<SearchDoc[]>;
  /** Every tag list and the year ranges. */
  facets(locale: Locale): Promise<FacetSource>;
  /** The frequent words suggestions are drawn from: only a query that finds little asks for them. */
  vocabulary(): Promise<SearchVocabulary>;
}

interface LanguageState {
  language: SearchLanguage;
  manifest: SearchManifest;
  shards: Map<number, Promise<void>>;
}

/** The value `make` gives for `key`, made once and kept in `memo`; a failure is forgotten so that a retry can succeed. */
function remembered<T>(memo: Map<string, Promise<unknown>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = make();
    value.catch(() => memo.delete(key));
    memo.set(key, value);
  }
  return value;
}

export function createSearchClient(fetchText: FetchText): SearchClient {
  const files = new Map<string, Promise<unknown>>();
  /**
   * Each URL is fetched, checked and turned into what queries use once: every query
   * reuses the same parsed records (the entities' names are worked out once per record,
   * lib/search/query.ts).
   */
  const once = <T>(
    url: string,
    parse: (data: unknown) => T,
    read: (text: string) => unknown = JSON.parse,
  ): Promise<T> => remembered(files, url, () => fetchText(url).then((text) => parse(read(text))));
  /**
   * What an open last word may be completed to, by language and word: looking through the runs of a common word's
   * shards builds a set of stories for each run, which a query typed again, or the same word after other words, reuses.
   */
  const completionLists = new Map<string, Promise<unknown>>();

  const languages = new Map<Locale, Promise<LanguageState>>();
  const language = (locale: Locale) => {
    let state = languages.get(locale);
    if (!state) {
      state = once(searchManifestUrl(locale), (data) => SearchManifestSchema.parse(data)).then((manifest) => ({
        language: { locale, index: createSearchIndex(), years: manifest.years },
        manifest,
        shards: new Map(),
      }));
      state.catch(() => languages.delete(locale));
      languages.set(locale, state);
    }
    return state;
  };

  const shardPostings = (locale: Locale, shard: number) =>
    once(searchShardUrl(locale, shard), (data) => SearchShardSchema.parse(data));

  const loadShard = (state: LanguageState, shard: number) => {
    let loading = state.shards.get(shard);
    if (!loading) {
      loading = shardPostings(state.language.locale, shard).then((postings) => {
        // flexsearch's import merges into what the index already holds.
        for (const field of SEARCH_FIELDS) {
          const entries = postings[field];
          if (entries) state.language.index.import(`${field}.0.map`, entries as never);
        }
      });
      loading.catch(() => state.shards.delete(shard));
      state.shards.set(shard, loading);
    }
    return loading;
  };

  const loadShards = async (state: LanguageState, shards: readonly number[]) => {
    if (state.manifest.shards.length > 0)
      await Promise.all([...new Set(shards)].map((shard) => loadShard(state, shard)));
  };

  const vocabulary = () => once(searchVocabularyUrl(), (data) => SearchVocabularyFileSchema.parse(data));

  /**
   * The language with what the query's last word may be completed to, when the reader may still be typing it, and the
   * shards the completed queries need (lib/search/completion.ts): more rounds of fetches, for such a word only. After
   * another word it is completed from the runs of words in the shards that hold those it may end, and a longer start
   * that no body has whole from the files of the bodies' words too.
   */
  const completing = async (state: LanguageState, query: string): Promise<SearchLanguage> => {
    const typed = querySyllables(asSearched(query));
    const opens = openLastWords(state.language.index, typed);
    if (opens.length === 0) return state.language;
    const { locale } = state.language;
    const starts = state.manifest.shards;
    const fromRuns = async (open: OpenWord) => {
      if (open.before.length === 0) return [];
      const shards = startedTermFiles(runStart(open), starts);
      const postings = await Promise.all(shards.map((shard) => shardPostings(locale, shard)));
      return runCompletions(
        postings.flatMap((shard) => shard[runField(open)] ?? []),
        open,
      );
    };
    const fromWords = async (open: OpenWord) => {
      if (!open.fromWords) return [];
      const files = await Promise.all(
        startedTermFiles(open.word.folded, state.manifest.words).map((file) =>
          once(searchWordsUrl(locale, file), (data) => SearchWordsFileSchema.parse(data)),
        ),
      );
      return completionsOf(open.word, mostFrequentFirst(files.flat()));
    };
    const found = await Promise.all(
      opens.map((open) =>
        remembered(completionLists, `${locale} ${JSON.stringify(open)}`, async () =>
          (await Promise.all([fromRuns(open), fromWords(open)])).flat(),
        ),
      ),
    );
    const completions = [...new Set(found.flat())];
    const marked = typed.at(-1)?.marked === true;
    const shardsOf = (query: string) => queryLookupTerms(query).map((term) => shardOf(term, starts));
    await loadShards(
      state,
      completions.flatMap((word) => [
        ...shardsOf(withLastWord(typed, word)),
        ...(marked ? foldedFormShards(word, starts) : []),
      ]),
    );
    // Typed with marks, the completed queries are known once the completions' forms are: their pairs with marks sort
    // beside the bare ones, but may fall in the next shard.
    if (marked) await loadShards(state, completedQueries(state.language.index, typed, completions).flatMap(shardsOf));
    return { ...state.language, completions };
  };

  const entities = () => once(searchEntitiesUrl(), (data) => SearchEntitiesFileSchema.parse(data));

  const allTagged = () =>
    once(searchAllTaggedUrl(), (data): TaggedStories => {
      const all = SearchAllTaggedFileSchema.parse(data);
      return new Map(Object.entries(all).map(([key, stories]) => [key, new Set(stories)]));
    });

  const tagged = async (wanted: readonly { kind: EntityKind; id: string }[]): Promise<TaggedStories> => {
    if (wanted.length > MAX_TAGGED_FILES) return allTagged();
    const lists = await Promise.all(
      wanted.map(
        async ({ kind, id }) =>
          [
            entityKey(kind, id),
            await once(searchTaggedUrl(kind, id), (data) => new Set(SearchTaggedFileSchema.parse(data))),
          ] as const,
      ),
    );
    return new Map(lists);
  };

  return {
    entities,
    manifest: async (locale) => (await language(locale)).manifest,
    async prepare(locales, query) {
      const terms = queryLookupTerms(query);
      // The manifest is asked for and read first, so the shards are on their way while the
      // larger registry is read and checked; the tag lists depend on the registry alone, so
      // they are fetched beside the shards, not after them.
      const [languages, registry, taggedStories] = await Promise.all([
        Promise.all(
          locales.map(async (locale) => {
            const state = await language(locale);
            await loadShards(
              state,
              terms.map((term) => shardOf(term, state.manifest.shards)),
            );
            return completing(state, query);
          }),
        ),
        entities(),
        entities().then((registry) => tagged(matchEntities(query, registry))),
      ]);
      return { languages, entities: registry, tagged: taggedStories };
    },
    cards: (hits) =>
      Promise.all(
        hits.map((hit) =>
          once(searchCardUrl(hit.locale, hit.story), (data) => SearchCardSchema.parse(data), readCardFile),
        ),
      ),
    async facets(locale) {
      const [all, state] = await Promise.all([allTagged(), language(locale)]);
      return { tagged: all, years: state.manifest.years };
    },
    vocabulary,
  };
}
