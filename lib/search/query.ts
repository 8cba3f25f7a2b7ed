/**
 * Answers a query over the loaded languages: ranked stories, the entities the query
 * names, and facet counts. Pure functions over the index, the entity registry and the
 * tag lists, so the browser, the tests and the benchmark run the same code.
 */
import type { Locale } from '../site/locales';
import { foldedWords } from '../text/text-fold';
import { entityKey, entityNames, splitEntityKey, type SearchEntity, type YearRange } from './documents';
import { completedQueries, isWholeWordAsTyped } from './completion';
import { joinedSyllables, joinedTriples } from './encoding';
import { typedWordForms, typedWordVariants } from './inflections';
import {
  asSearched,
  hasWords,
  querySyllables,
  splitWordForms,
  syllable,
  syllableMatches,
  withoutMarks,
  type Syllable,
} from './syllables';
import { dateWithoutYear, queryDateTerm, wordsWithDate, type WordsWithDate } from './date-terms';
import { isYear, otherDateOrders, speltOtherwise } from './written-otherwise';
import {
  fieldPostings,
  hasEveryTerm,
  searchField,
  type Posting,
  type SearchField,
  type SearchIndex,
} from './search-index';

/** One language's index, or as much of it as the query needs (lib/search/search-client.ts). */
export interface SearchLanguage {
  locale: Locale;
  index: SearchIndex;
  /** What the query's last word may be completed to, when the reader may still be typing it (lib/search/completion.ts). */
  completions?: readonly string[];
  /** The stories of each year, by number (the manifest's): without them, a date is found only where a story writes it whole. */
  years?: readonly YearRange[];
}

/** A story found, by number (SearchDoc.number), in the language it was found in. */
export interface SearchHit {
  story: number;
  locale: Locale;
  score: number;
  /** The entities the query names that the story is tagged with, by entity key: why a story without the words is there. */
  tags: string[];
}

/**
 * What a query found. `hits` are the stories that hold the query's words together, in
 * order and with the diacritics typed (in a field or a tagged name), and those tagged
 * with an entity the query names; `apart` are the stories that hold the words only
 * apart or only in another form (other diacritics, another English ending or spelling).
 * When no story matches as typed, the looser matches are the hits and `loose` says so.
 * `capped` says that a field has more stories with the query's words than a search ranks
 * (RANKED_LIMIT): the lists are then the best of them, and more stories may hold the words.
 */
export interface SearchResults {
  hits: SearchHit[];
  apart: SearchHit[];
  loose: boolean;
  capped: boolean;
}

/**
 * The query's words, in their one spelling (lib/text-fold `markedText`), that some story of `languages` has whole as
 * typed, in any field (a word typed with diacritics with them), their part of the index loaded: "Did you mean" corrects
 * none of them (lib/search/suggest.ts), though the frequent words it knows are only the bodies'.
 */
export function heldWords(languages: readonly SearchLanguage[], query: string): Set<string> {
  const held = (word: Syllable) => languages.some(({ index }) => isWholeWordAsTyped(index, word));
  return new Set(
    querySyllables(asSearched(query))
      .filter(held)
      .map((word) => word.written),
  );
}

/**
 * Whether some story of `languages` holds the query's words together as typed, in a field or a tagged name: not only is
 * tagged with an entity a part of the query names, which says nothing of its other words ("Viettel" of "Viettel Cyber
 * Secuirty", a typo of the alias "Viettel Cyber Security"). "Did you mean" rewrites a query the stories do not hold.
 */
export function holdsTogether(languages: readonly SearchLanguage[], query: string): boolean {
  const { hits, loose } = searchStories(languages, [], new Map(), query);
  return hits.length > 0 && !loose;
}

/** Stories tagged with each entity, by entity key: for the named-entity boost and for facets. */
export type TaggedStories = ReadonlyMap<string, ReadonlySet<number>>;

export const FACET_KINDS = ['topics', 'year', 'people', 'organisations'] as const;
export type FacetKind = (typeof FACET_KINDS)[number];
export type FacetSelection = Partial<Record<FacetKind, string>>;

const RANKED_FIELDS = ['names', 'joined', 'title', 'summary', 'body'] as const satisfies readonly SearchField[];
/** The ranked fields that hold words as written: where a query with two words written as one is searched. */
const WORD_FIELDS = ['names', 'title', 'summary', 'body'] as const satisfies readonly SearchField[];
const FIELD_WEIGHTS: Record<(typeof RANKED_FIELDS)[number], number> = {
  names: 8,
  joined: 8,
  title: 4,
  summary: 2,
  body: 1,
};
/**
 * Where a story holds a word: a tagged name, the title or the summary by a word's start, the body by whole words, and
 * two syllables written together anywhere by the whole pair ("hanoi" for "Hà Nội"; never "canh" for "cá nhân").
 */
const HOLDING_FIELDS = [...WORD_FIELDS, 'pairs'] as const satisfies readonly SearchField[];
/** The fields holding words only whole: the names, title and summary hold every start of theirs too. */
const WHOLE_WORD_FIELDS = ['words', 'body', 'pairs'] as const satisfies readonly SearchField[];
/** A story tagged with an entity the query names comes before any that only mentions the words. */
const ENTITY_BOOST = 20;
/**
 * The stories a search ranks in each field: past them, every story of a word most stories have would be ranked on
 * every keystroke. A story ranks the same anywhere past the hundredth (rankedScores).
 */
export const RANKED_LIMIT = 1000;

/** An entity's names as words, folded and as written, kept with its record: matching runs on every keystroke. */
interface KnownName {
  /** The folded words with spaces around, for whole-word tests. */
  padded: string;
  text: string;
  /** Its words as written: worked out only for a name whose folded words the query's match. */
  words?: Syllable[];
}
const knownNames = new WeakMap<SearchEntity, KnownName[]>();

/**
 * Only the folded words of every name are worked out at once: a page opened with a query
 * matches it against the whole registry before its first result, and folding a name is a
 * fraction of the work of finding each of its words as written.
 */
function knownNamesOf(entity: SearchEntity): KnownName[] {
  let names = knownNames.get(entity);
  if (!names) {
    names = entityNames(entity)
      .map((text) => ({ padded: ` ${foldedWords(text).join(' ')} `, text }))
      .filter((known) => known.padded.length > 2);
    knownNames.set(entity, names);
  }
  return names;
}

const writtenWords = (known: KnownName): Syllable[] => (known.words ??= querySyllables(known.text));

/** The words of a padded folded text before `at`: where a whole-word match starts, in words. */
function wordsBefore(padded: string, at: number): number {
  let count = 0;
  for (let index = 0; index < at; index++) if (padded[index] === ' ') count++;
  return count;
}

/**
 * Whether the query's words from `from` (`count` of them) are the name's words from
 * `at`, each typed with diacritics matching them exactly; the query's last word may be a
 * start when the reader is still typing it (`open`).
 */
function namedAsTyped(
  query: readonly Syllable[],
  from: number,
  name: readonly Syllable[],
  at: number,
  count: number,
  open: boolean,
): boolean {
  for (let offset = 0; offset < count; offset++) {
    const typed = query[from + offset] as Syllable;
    const word = name[at + offset] as Syllable;
    const last = open && from + offset === query.length - 1;
    if (!syllableMatches(typed, word, last)) return false;
  }
  return true;
}

/**
 * Entities the query names: by a whole name or alias in either language, case-insensitively
 * and with diacritics only where typed ("le dung", "Lê Dũng", "BTL 86", but not "Lễ
 * Dũng"), by the start of one as the reader types (three letters at least), or inside
 * a longer query ("le dung cuba").
 */
export function matchEntities(query: string, entities: readonly SearchEntity[]): SearchEntity[] {
  return namedEntities(query, entities).map(({ entity }) => entity);
}

/**
 * An entity the query names (matchEntities), and the words of its name the query holds after other words, folded: the
 * name whole, or its start at the query's end as the reader types it.
 */
interface NamedEntity {
  entity: SearchEntity;
  score: number;
  held?: string;
}

/**
 * The last query's named entities, by registry: a page opened with a query matches it against the whole registry to ask
 * for the tag lists, then again as it ranks and as it suggests names, all before its first result.
 */
const lastNamed = new WeakMap<readonly SearchEntity[], { searched: string; named: NamedEntity[] }>();

function namedEntities(query: string, entities: readonly SearchEntity[]): NamedEntity[] {
  const searched = asSearched(query);
  const last = lastNamed.get(entities);
  if (last?.searched === searched) return last.named;
  const named = entitiesNamedBy(searched, entities);
  lastNamed.set(entities, { searched, named });
  return named;
}

function entitiesNamedBy(searched: string, entities: readonly SearchEntity[]): NamedEntity[] {
  const typed = querySyllables(searched);
  if (typed.every((word) => word.folded === '')) return [];
  // Spelt another way, the query names what that spelling names ("Viet Nam News Agency", "Cyber Security Center").
  const spellings = [typed, ...speltOtherwise(typed).map(({ words }) => words)].map((words) => {
    const folded = words.map((word) => word.folded).join(' ');
    return { words, folded, wanted: ` ${folded} `, start: ` ${folded}`, endings: nameEndings(words) };
  });
  const named: NamedEntity[] = [];
  for (const entity of entitiesSharingWords(entities, spellings)) {
    const best = spellings.map((spelling) => nameScore(entity, spelling)).reduce((a, b) => (b.score > a.score ? b : a));
    if (best.score > 0) named.push({ entity, ...best });
  }
  // A query that holds a name whole names that, not also the names its last words start ("Bộ Công an" is not "Công an
  // nhân dân", "Ministry of Public Security" not "Public Security Newspaper"); of the names its last words start, those
  // the most of them start ("gặp Bộ Công a" is not "Công an nhân dân" either).
  const holdsName = named.some(({ score }) => score >= HELD_WHOLE);
  const started = named.flatMap(({ score, held }) => (score === STARTED_AFTER_WORDS ? [held?.length ?? 0] : []));
  const longest = Math.max(0, ...started);
  return named
    .filter(({ score, held }) => score !== STARTED_AFTER_WORDS || (!holdsName && held?.length === longest))
    .sort((a, b) => b.score - a.score || a.entity.name.en.localeCompare(b.entity.name.en));
}

/** The entities of a registry (their places in it) by the folded words of their names, made once per registry. */
const nameWordsOf = new WeakMap<readonly SearchEntity[], Map<string, number[]>>();

function nameWords(entities: readonly SearchEntity[]): Map<string, number[]> {
  let byWord = nameWordsOf.get(entities);
  if (!byWord) {
    byWord = new Map();
    for (const [at, entity] of entities.entries())
      for (const { padded } of knownNamesOf(entity))
        for (const word of padded.trim().split(' ')) {
          const holding = byWord.get(word);
          if (!holding) byWord.set(word, [at]);
          else if (holding.at(-1) !== at) holding.push(at);
        }
    nameWordsOf.set(entities, byWord);
  }
  return byWord;
}

/**
 * The entities nameScore may find named, in the registry's order: every way it finds a name (whole, held in the query,
 * holding the query, started at the query's end) needs a word of the name to be a word of a spelling of the query, or to
 * start with the last one; the others are not looked at, as the query is matched on every keystroke.
 */
function entitiesSharingWords(entities: readonly SearchEntity[], spellings: readonly Spelling[]): SearchEntity[] {
  const byWord = nameWords(entities);
  const words = new Set(spellings.flatMap(({ folded }) => folded.split(' ')));
  const lastWords = new Set(spellings.map(({ folded }) => folded.split(' ').at(-1) ?? ''));
  const found = new Set<number>();
  for (const word of words) for (const at of byWord.get(word) ?? []) found.add(at);
  for (const [word, holding] of byWord)
    for (const last of lastWords) if (word.startsWith(last)) for (const at of holding) found.add(at);
  return [...found].sort((a, b) => a - b).flatMap((at) => entities[at] ?? []);
}

/** The scores (nameScore) of a name held whole after or before other words, and of one started after them. */
const HELD_WHOLE = 1.5;
const STARTED_AFTER_WORDS = 1.2;

/**
 * How well the query's words name the entity (see matchEntities): 3 a whole name, 0 not at all; and the words of the
 * name the query holds after others (NamedEntity).
 */
function nameScore(
  entity: SearchEntity,
  { words: typed, folded: words, wanted, start, endings }: Spelling,
): { score: number; held?: string } {
  let best: { score: number; held?: string } = { score: 0 };
  for (const known of knownNamesOf(entity)) {
    // Lengths below are of the unpadded words: padding adds two characters.
    if (known.padded === wanted) {
      if (namedAsTyped(typed, 0, writtenWords(known), 0, typed.length, false))
        return { score: 3, held: known.padded.trim() };
    } else if (words.length >= 3 && known.padded.startsWith(start)) {
      if (best.score < 2 && namedAsTyped(typed, 0, writtenWords(known), 0, typed.length, true)) best = { score: 2 };
    } else if (known.padded.length >= 4 && wanted.includes(known.padded)) {
      const name = writtenWords(known);
      const from = wordsBefore(wanted, wanted.indexOf(known.padded));
      if (best.score < HELD_WHOLE && namedAsTyped(typed, from, name, 0, name.length, false))
        best = { score: HELD_WHOLE, held: known.padded.trim() };
    } else if (words.length >= 4 && known.padded.includes(wanted)) {
      const at = wordsBefore(known.padded, known.padded.indexOf(wanted));
      if (best.score < 1 && namedAsTyped(typed, 0, writtenWords(known), at, typed.length, false)) best = { score: 1 };
    }
    if (best.score < STARTED_AFTER_WORDS) {
      const ending = endings.find(({ from, start }) => {
        const matches = known.padded.startsWith(start);
        return matches && namedAsTyped(typed, from, writtenWords(known), 0, typed.length - from, true);
      });
      if (ending) best = { score: STARTED_AFTER_WORDS, held: ending.start.trim() };
    }
  }
  return best;
}

/** The query as namedEntities matches it against names, in one spelling. */
interface Spelling {
  words: Syllable[];
  folded: string;
  wanted: string;
  start: string;
  endings: { from: number; start: string }[];
}

/**
 * The query's last words that may be the start of a name as the reader types it, after at least one other word
 * ("gặp Lương Cườ", "with Command 8"), longest first, as the query alone may be ("Lương Cườ"): two words or more, as
 * one would name every entity whose name starts with a common word ("the Standing Com").
 */
function nameEndings(typed: readonly Syllable[]): Spelling['endings'] {
  const endings: Spelling['endings'] = [];
  for (let from = 1; from <= typed.length - 2; from++) {
    const folded = typed
      .slice(from)
      .map((word) => word.folded)
      .join(' ');
    if (folded.length >= 3) endings.push({ from, start: ` ${folded}` });
  }
  return endings;
}

/**
 * A posting's stories marked by story number, made once per posting: queries typed one
 * after another ask about the same words, and story numbers are small whole numbers
 * (lib/search/documents.ts), so asking about a story is one array read, however many
 * stories the word has. Kept with the count it was made from, since loading a shard may
 * add stories to a posting already read. Its length is a whole number of 32-bit words, so
 * that marks are combined four stories at a time (wordsOfMarks).
 */
interface PostingMarks {
  count: number;
  marks: Uint8Array;
}
const postingMarks = new WeakMap<object, PostingMarks>();

function marksOf(slots: Posting): PostingMarks {
  let count = 0;
  let highest = -1;
  for (const slot of slots) count += slot?.length ?? 0;
  let known = postingMarks.get(slots);
  if (!known || known.count !== count) {
    for (const slot of slots) for (const story of slot ?? []) highest = Math.max(highest, Number(story));
    const marks = storyMarks(highest + 1);
    for (const slot of slots) for (const story of slot ?? []) marks[Number(story)] = 1;
    known = { count, marks };
    postingMarks.set(slots, known);
  }
  return known;
}

/**
 * Whether a story holds every word of `words` in one of `fields` (all in the same field), as a flexsearch search of
 * those fields would find it.
 */
function holdsWords(index: SearchIndex, words: string, fields: readonly SearchField[]): (story: number) => boolean {
  const byField: Uint8Array[][] = [];
  for (const field of fields) {
    const { encoder, map } = fieldPostings(index, field);
    const terms = new Set(encoder.encode(words, true).filter((term) => term !== ''));
    const postings: PostingMarks[] = [];
    for (const term of terms) {
      const slots = map.get(term);
      if (!slots) break;
      postings.push(marksOf(slots));
    }
    // The rarest word first: most stories fail on it.
    if (terms.size > 0 && postings.length === terms.size)
      byField.push(postings.sort((a, b) => a.count - b.count).map(({ marks }) => marks));
  }
  return (story) => byField.some((marks) => marks.every((marked) => marked[story] === 1));
}

/** Those of `stories` that hold every word of `words` in one of `fields` (holdsWords). */
const holdingWords = (index: SearchIndex, words: string, fields: readonly SearchField[], stories: readonly number[]) =>
  stories.filter(holdsWords(index, words, fields));

/** The tests a story must pass to hold these words as typed (see storiesAsTyped). */
function asTypedTests(
  index: SearchIndex,
  typed: readonly Syllable[],
): { words: string; fields: readonly SearchField[] }[] {
  const tests: { words: string; fields: readonly SearchField[] }[] = [];
  const last = typed[typed.length - 1] as Syllable;
  const whole = typed.slice(0, -1).filter((word) => word.marked);
  if (whole.length > 0) tests.push({ words: whole.map((word) => word.written).join(' '), fields: ['exact'] });
  if (last.marked) tests.push({ words: last.written, fields: ['exact', 'marked'] });
  const folded = typed.map((word) => word.folded).join(' ');
  // Every pair in one field or the other, as flexsearch gives each field's stories apart.
  const pairs = joinedSyllables(folded);
  if (pairs.length > 0) tests.push({ words: pairs.join(' '), fields: ['joined', 'pairs'] });
  // Every two adjacent words of which one or both are typed with marks, together, each with the marks typed: the pairs
  // above are of the letters alone, and each word may stand with its marks elsewhere ("Vũ Hữu Hành" in a story of "Vũ
  // Hữu Hạnh" and "hành chính"; "bui van đổi" in one of "Bùi Văn Đội" and "trao đổi"). The last pair counts only when
  // its last word is a whole word of some story, as the runs of three below: the index keeps a pair by the starts of a
  // last word with marks only in names and titles, and never by the starts of a last word without.
  const asTyped = (word: Syllable) => (word.marked ? word.written : word.folded);
  const marked = typed.flatMap((word, at) => {
    const before = at > 0 ? typed[at - 1] : undefined;
    return before && (before.marked || word.marked) ? [asTyped(before) + asTyped(word)] : [];
  });
  const lastPairMarked = typed.length > 1 && (last.marked || (typed.at(-2) as Syllable).marked);
  if (lastPairMarked && !(last.marked ? hasEveryTerm(index, 'exact', last.written) : isWholeWord(index, last.folded)))
    marked.pop();
  if (marked.length > 0) tests.push({ words: marked.join(' '), fields: ['markedPairs'] });
  // And every run of three, whose pairs a story may hold each in another place. The index has the runs whole, so the
  // last one counts only when its last word is a whole word of some story: a start still being typed ("Lê Huy Vị") is
  // found together in a name or title by the pairs, which are kept by their starts there too.
  const triples = joinedTriples(folded);
  if (!isWholeWord(index, last.folded)) triples.pop();
  if (triples.length > 0) tests.push({ words: triples.join(' '), fields: ['triples'] });
  return tests;
}

/**
 * The stories that hold the query as typed: every word typed with diacritics with those
 * diacritics (the last one, perhaps half typed, in the short fields by its start), and
 * every pair of adjacent words together, in a tagged name or the title (where the last
 * pair may be half typed too) or in the summary or body. Only the candidates ranking
 * found are asked about, each test narrowing the ones left for the next. Undefined when
 * every story that has the words has them so: one word typed without diacritics.
 */
export function storiesAsTyped(
  index: SearchIndex,
  typed: readonly Syllable[],
  candidates: ReadonlyMap<number, unknown>,
): Set<number> | undefined {
  const tests = asTypedTests(index, typed);
  if (tests.length === 0) return undefined;
  let stories = [...candidates.keys()];
  for (const { words, fields } of tests) stories = holdingWords(index, words, fields, stories);
  return new Set(stories);
}

/**
 * The stories that hold the query spelt otherwise (speltOtherwise), or a word typed alone in a longer form
 * (longerFormsOfLoneWord), together and as typed, with their ranking scores. The new words' terms are among those the
 * query fetches (lib/search/shards.ts `queryLookupTerms`). A spelling is searched only when each of its new words is a
 * word of some story; a story that has its words only apart is not one of them.
 */
function storiesSpeltOtherwise(index: SearchIndex, typed: readonly Syllable[]): Map<number, number> {
  const found = new Map<number, number>();
  for (const { words, spelt } of [...speltOtherwise(typed), ...longerFormsOfLoneWord(typed)]) {
    if (!spelt.every((word) => isWordOfSomeStory(index, word))) continue;
    for (const [story, score] of scoresAsTyped(index, words)) found.set(story, (found.get(story) ?? 0) + score);
  }
  return found;
}

/** The stories that hold `words` together and as typed, with their ranking scores. */
function scoresAsTyped(index: SearchIndex, words: readonly Syllable[]): Map<number, number> {
  const scores = rankedScores(index, words.map((word) => word.written).join(' '), WORD_FIELDS);
  // A form of one word has no pair to test: that it was found says the word is a word of the story.
  let stories = [...scores.keys()];
  for (const test of asTypedTests(index, words)) stories = holdingWords(index, test.words, test.fields, stories);
  return new Map(stories.map((story) => [story, scores.get(story) as number]));
}

/**
 * The stories of the year a query's date names whose text names the day or month without the year ("On October 25"
 * in a story of 2025, for "25 October 2025"; "tháng 10" for "tháng 10/2025"), with their ranking scores: a story tells
 * of the days of its own year and seldom writes the year beside them. Stories are numbered in date order, so a year's
 * are a run of numbers (`years`).
 */
function storiesNamingDateInYear(
  index: SearchIndex,
  years: readonly YearRange[],
  typed: readonly Syllable[],
): Map<number, number> {
  const date = dateWithoutYear(typed);
  const inYear = storiesOfYear(years, Number(typed.find(isYear)?.folded));
  const found = new Map<number, number>();
  if (!date) return found;
  for (const words of [date, ...otherDateOrders(date)])
    for (const [story, score] of scoresAsTyped(index, words))
      if (inYear(story)) found.set(story, Math.max(found.get(story) ?? 0, score));
  return found;
}

/** Whether a story is of `year`: stories are numbered in date order, so a year's are a run of numbers (`years`). */
function storiesOfYear(years: readonly YearRange[], year: number): (story: number) => boolean {
  const [, first = 0, last = -1] = years.find(([each]) => each === year) ?? [];
  return (story) => story >= first && story <= last;
}

/** Whether a story is dated as the date after the query's words says (wordsWithDate). */
function datedAs(index: SearchIndex, years: readonly YearRange[], date: WordsWithDate): (story: number) => boolean {
  if (date.term === undefined) return storiesOfYear(years, date.year);
  const stories = storiesUnderDateTerm(index, date.term);
  return (story) => stories.has(story);
}

/**
 * A word typed alone in each other English form that it starts ("drills" for "drill", "visited" for "visit"): the word
 * as the reader may still be typing it, as a title with the longer word is found by its start, though a body holds its
 * words only whole. After another word, the runs the words before begin complete it (lib/search/completion.ts).
 */
function longerFormsOfLoneWord(typed: readonly Syllable[]): { words: Syllable[]; spelt: string[] }[] {
  const [word] = typed;
  if (typed.length !== 1 || !word) return [];
  return typedWordForms(word)
    .filter((form) => form.startsWith(word.folded))
    .map((form) => ({ words: [syllable(form)], spelt: [form] }));
}

/**
 * The stories that write a word typed alone, without marks, as two ("cyber warfare" for "cyberwarfare", "Hà Nội" in a
 * body for "hanoi"), with the body's ranking score: the `pairs` field holds every two adjacent words written together.
 * The names and title have theirs in `joined`, which ranking searches.
 */
function storiesWritingWordApart(index: SearchIndex, typed: readonly Syllable[]): Map<number, number> {
  const [word] = typed;
  if (typed.length !== 1 || !word || word.marked) return new Map();
  return new Map(searchField(index, 'pairs', word.folded, RANKED_LIMIT).map((story) => [story, FIELD_WEIGHTS.body]));
}

/** Whether some story has the word (folded) whole, not only as the start of a longer one. */
function isWholeWord(index: SearchIndex, folded: string): boolean {
  return WHOLE_WORD_FIELDS.some((field) => hasEveryTerm(index, field, folded));
}

/** Whether some story has the word (folded) in a field that holds words as written. */
function isWordOfSomeStory(index: SearchIndex, folded: string): boolean {
  return WORD_FIELDS.some((field) => hasEveryTerm(index, field, folded));
}

/**
 * The stories that hold the query's words with one of them only in another English form (lib/search/inflections.ts:
 * "convention" for "conventions"), or two of them typed with marks only written as one without (splitWordForms: "Hanoi"
 * for "Hà Nội"), with their ranking scores. Another form of a word is not the word as typed: these are listed apart, as
 * words in another form.
 */
function storiesWithOtherForms(index: SearchIndex, typed: readonly Syllable[]): Map<number, number> {
  const found = new Map<number, number>();
  const addRanked = (words: readonly string[]) => {
    for (const [story, score] of rankedScores(index, words.join(' '), WORD_FIELDS))
      found.set(story, Math.max(found.get(story) ?? 0, score));
  };
  typed.forEach((word, at) => {
    // Its other spelling too: a story that has it only apart from the other words is listed apart, as any would be.
    for (const form of typedWordVariants(word))
      if (isWordOfSomeStory(index, form)) addRanked(typed.map((each, place) => (place === at ? form : each.written)));
  });
  // Two words typed without marks written as one are the query as typed (storiesSpeltOtherwise): only pairs with marks.
  for (const { words, joined } of splitWordForms(withoutMarks(typed)))
    if (joined.written !== joined.folded && isWordOfSomeStory(index, joined.folded))
      addRanked(words.map((word) => word.folded));
  return found;
}

/** Those of the candidates that hold every word of the query, as a word of theirs or a pair of syllables written together. */
function storiesHoldingEach(
  index: SearchIndex,
  typed: readonly Syllable[],
  candidates: readonly number[],
): Set<number> {
  let stories = candidates;
  for (const word of typed) stories = holdingWords(index, word.folded, HOLDING_FIELDS, stories);
  return new Set(stories);
}

/**
 * Whether a story holds each word of the query in some form, as a looser match must: each word before the last as a
 * word of its own, not only as the start of one ("min" of "Minh"), which the names, title and summary would give. The
 * last may be a start, the reader still typing it; typed with marks, a start with those marks ("lê" of "lên"), or its
 * letters whole with other marks ("lễ"), never a longer word with other marks ("lệnh"), which is another word. A test,
 * not a set of the stories that pass: it is asked only of the few stories no other test lists, and a set of thousands
 * of candidates costs more to build than the whole test.
 */
function holdingEachWord(index: SearchIndex, typed: readonly Syllable[]): (story: number) => boolean {
  const tests = typed.slice(0, -1).map((word) => holdsWords(index, word.folded, WHOLE_WORD_FIELDS));
  const last = typed.at(-1);
  if (last?.marked) {
    const asWritten = holdsWords(index, last.written, ['exact', 'marked']);
    const asFolded = holdsWords(index, last.folded, WHOLE_WORD_FIELDS);
    tests.push((story) => asWritten(story) || asFolded(story));
  }
  return (story) => tests.every((test) => test(story));
}

/**
 * The stories not yet found that have every word of the query, each in some field, but no field all of them: the title
 * some and the body the others ("… Cuba Political Directorate visits Command 86"). Ranking finds a story only by a field
 * that has every word, so these are looked for apart: they hold the words apart. Each word's stories in any field are
 * marked in one array, the words' arrays combined into one, and a story is read once there.
 */
function storiesWithWordsAcross(
  index: SearchIndex,
  typed: readonly Syllable[],
  found: ReadonlyMap<number, unknown>,
  matches: FieldMatches,
): Set<number> {
  const across = new Set<number>();
  if (typed.length < 2) return across;
  const every = markedInEvery(typed.map((word) => storiesWithWord(index, word.folded)));
  const everyWords = wordsOfMarks(every);
  // Newest first, as many as a field's ranking gives (RANKED_LIMIT): common words are spread over most stories.
  for (let at = everyWords.length - 1; at >= 0; at--) {
    if (everyWords[at] === 0) continue;
    for (let story = at * 4 + 3; story >= at * 4; story--) {
      if (every[story] !== 1 || found.has(story)) continue;
      if (across.size === RANKED_LIMIT) {
        matches.capped = true;
        return across;
      }
      across.add(story);
    }
  }
  return across;
}

/** The stories dated the day the query names, if it names one and nothing else (lib/search/date-terms.ts). */
function storiesDated(index: SearchIndex, typed: readonly Syllable[]): Set<number> {
  const term = queryDateTerm(typed);
  return term === undefined ? new Set() : storiesUnderDateTerm(index, term);
}

/** The stories dated the day or month of a date term (lib/search/date-terms.ts), which the index keeps in `triples`. */
function storiesUnderDateTerm(index: SearchIndex, term: string): Set<number> {
  const posting = fieldPostings(index, 'triples').map.get(term);
  return new Set((posting ?? []).flatMap((slot) => (slot ?? []).map(Number)));
}

/** Room for the marks of `stories` story numbers (PostingMarks), rounded up to whole 32-bit words. */
const storyMarks = (stories: number): Uint8Array => new Uint8Array(Math.ceil(stories / 4) * 4);

/**
 * Marks by story number (PostingMarks) seen four stories at a time. Marks not made by storyMarks (a length that is not
 * a whole number of words) would lose their last stories here without a word: they are refused instead.
 */
function wordsOfMarks(marks: Uint8Array): Uint32Array {
  if (marks.length % 4 !== 0 || marks.byteOffset % 4 !== 0)
    throw new Error(`Story marks must fill whole 32-bit words: ${marks.length} at ${marks.byteOffset}`);
  return new Uint32Array(marks.buffer, marks.byteOffset, marks.length / 4);
}

/** The stories marked in every one of `lists` (PostingMarks), combined four at a time. */
function markedInEvery(lists: readonly Uint8Array[]): Uint8Array {
  const [first, ...others] = lists;
  if (!first) return new Uint8Array(0);
  const every = first.slice(0, Math.min(...lists.map((marks) => marks.length)));
  const everyWords = wordsOfMarks(every);
  for (const marks of others) {
    const words = wordsOfMarks(marks);
    for (let at = 0; at < everyWords.length; at++) everyWords[at] = (everyWords[at] as number) & (words[at] as number);
  }
  return every;
}

/** The stories marked in any of `lists` (PostingMarks), combined four at a time. */
function markedInAny(lists: readonly Uint8Array[]): Uint8Array {
  const any = storyMarks(Math.max(0, ...lists.map((marks) => marks.length)));
  const anyWords = wordsOfMarks(any);
  for (const marks of lists) {
    const words = wordsOfMarks(marks);
    for (let at = 0; at < words.length; at++) anyWords[at] = (anyWords[at] as number) | (words[at] as number);
  }
  return any;
}

/** The stories that have the word (folded) in a field of HOLDING_FIELDS, marked by story number (PostingMarks). */
function storiesWithWord(index: SearchIndex, folded: string): Uint8Array {
  return markedInAny(
    HOLDING_FIELDS.flatMap((field) => {
      const { encoder, map } = fieldPostings(index, field);
      return encoder.encode(folded, true).flatMap((term) => {
        const slots = map.get(term);
        return slots ? [marksOf(slots).marks] : [];
      });
    }),
  );
}

/** The stories tagged with an entity the query names, by its key, and the words of its name the query holds (NamedEntity). */
interface TagList {
  key: string;
  stories: ReadonlySet<number>;
  held?: string;
}

/**
 * The stories of one language tagged with an entity whose name the query holds, whole or started at its end: results
 * though they may lack the query's other words, listed after every story that has them. Found by those words in the
 * tagged names (the `names` field), whose words the query has, so the index holds them in the browser too, and which
 * only the stories of this language have.
 */
function storiesTaggedByName(named: readonly TagList[], holding: HoldingNames): Set<number> {
  const found = new Set<number>();
  for (const { stories, held } of named)
    if (held !== undefined) for (const story of holding.get(held) ?? []) if (stories.has(story)) found.add(story);
  return found;
}

/** The stories whose `names` field (tagged and credited names) holds each name the query holds, by those words. */
type HoldingNames = ReadonlyMap<string, ReadonlySet<number>>;

/** HoldingNames, searched once a query for both the tagged and the credited stories. */
function storiesHoldingNames(index: SearchIndex, named: readonly TagList[]): HoldingNames {
  return new Map(
    named.flatMap(({ held }) =>
      held === undefined ? [] : [[held, new Set(searchField(index, 'names', held, RANKED_LIMIT))] as const],
    ),
  );
}

/**
 * The stories whose tagged or credited names (the `names` field) hold a name the query holds, and that hold the
 * query's other words as typed: "Van Chien conference" in a story Văn Chiến reported that speaks of a conference. A tag
 * makes a story a result by itself (storiesTaggedByName), a credit only with the other words.
 */
function storiesCreditedByName(
  index: SearchIndex,
  typed: readonly Syllable[],
  named: readonly TagList[],
  holdingNames: HoldingNames,
  candidates: ReadonlyMap<number, number>,
): Set<number> {
  const found = new Set<number>();
  const folded = typed.map((word) => word.folded);
  for (const { held } of named) {
    if (held === undefined) continue;
    const words = held.split(' ');
    const at = folded.findIndex((_, from) => words.every((word, offset) => folded[from + offset] === word));
    if (at < 0 || words.length === typed.length) continue;
    const holding = holdingNames.get(held);
    const withName = new Map([...(holding ?? [])].flatMap((story) => (candidates.has(story) ? [[story, 0]] : [])));
    if (withName.size === 0) continue;
    const asTyped = (part: readonly Syllable[]) => storiesAsTyped(index, part, withName) ?? new Set(withName.keys());
    // The name with the marks typed too: the names field holds a name by its letters, and a namesake written with other
    // marks ("Nguyễn Văn Bính" for "Nguyễn Văn Bình") has the same ones.
    const byName = asTyped(typed.slice(at, at + words.length));
    const rest = [...typed.slice(0, at), ...typed.slice(at + words.length)];
    for (const story of asTyped(rest)) if (byName.has(story)) found.add(story);
  }
  return found;
}

/**
 * The named entities each candidate is tagged with, in the order the query names them.
 * Read from the tag lists: a short word can name dozens of entities, and asking each of
 * them about each of thousands of candidates costs more than walking their lists once.
 */
function namedTags(named: readonly TagList[], candidates: ReadonlyMap<number, unknown>): Map<number, string[]> {
  const tags = new Map<number, string[]>();
  for (const { key, stories } of named) {
    for (const story of stories) {
      if (!candidates.has(story)) continue;
      const keys = tags.get(story);
      if (keys) keys.push(key);
      else tags.set(story, [key]);
    }
  }
  return tags;
}

/** What ranking the query's own words learns besides the scores (storiesInLanguage). */
interface FieldMatches {
  /** The stories found in a field other than `joined`: they hold every word of the query. */
  byWords: Set<number>;
  /**
   * Whether a field holding words as written has more stories with them than a search ranks (RANKED_LIMIT), or more
   * stories hold them spread over their fields than are listed (storiesWithWordsAcross).
   */
  capped: boolean;
}

/**
 * The stories that have `words` in each of `fields` (as flexsearch's search finds them), each scored by the weight of
 * each field that has it and its rank there; what else it learns goes into `matches`.
 */
function rankedScores(
  index: SearchIndex,
  words: string,
  fields: readonly (typeof RANKED_FIELDS)[number][],
  matches?: FieldMatches,
): Map<number, number> {
  const scores = new Map<number, number>();
  for (const field of fields) {
    const weight = FIELD_WEIGHTS[field];
    const holdsWords = field !== 'joined';
    // One story past the limit, which is not ranked, tells whether the field had more.
    const found = searchField(index, field, words, RANKED_LIMIT + 1);
    if (found.length > RANKED_LIMIT) {
      found.pop();
      if (matches && holdsWords) matches.capped = true;
    }
    found.forEach((story, rank) => {
      scores.set(story, (scores.get(story) ?? 0) + weight * (1 - Math.min(rank, 100) / 200));
      if (holdsWords) matches?.byWords.add(story);
    });
  }
  return scores;
}

/** A story found in one language, and whether it holds the query as typed or only apart (SearchResults). */
interface LanguageHit {
  hit: SearchHit;
  asTyped: boolean;
}

/** The stories one language's index has for the query as typed, and whether a field's list was cut (FieldMatches). */
function storiesInLanguage(
  { locale, index, years = [] }: SearchLanguage,
  wording: string,
  named: readonly TagList[],
): { found: LanguageHit[]; capped: boolean } {
  const typed = querySyllables(wording);
  // flexsearch finds a story in a field only when that field has every word of the query: found in any field but
  // `joined`, a story holds them all, and only the others are asked (storiesHoldingEach).
  const matches: FieldMatches = { byWords: new Set(), capped: false };
  const { byWords } = matches;
  const scores = rankedScores(index, wording, RANKED_FIELDS, matches);
  const asSpeltOtherwise = new Map([...storiesSpeltOtherwise(index, typed), ...storiesWritingWordApart(index, typed)]);
  for (const [story, score] of asSpeltOtherwise) {
    scores.set(story, (scores.get(story) ?? 0) + score);
    byWords.add(story);
  }
  // A query that names a day or month finds the stories dated then, which their cards show, as typed; and those of
  // its year that name it without the year.
  const dated = storiesNamingDateInYear(index, years, typed);
  for (const story of storiesDated(index, typed)) dated.set(story, (dated.get(story) ?? 0) + FIELD_WEIGHTS.title);
  for (const [story, score] of dated) {
    scores.set(story, (scores.get(story) ?? 0) + score);
    byWords.add(story);
  }
  const asTyped = scores.size > 0 ? storiesAsTyped(index, typed, scores) : undefined;
  const byJoined = [...scores.keys()].filter((story) => !byWords.has(story));
  const holding = storiesHoldingEach(index, typed, byJoined);
  const inOtherForms = new Set<number>();
  for (const [story, score] of storiesWithOtherForms(index, typed)) {
    // A story that holds the words as typed is listed by them; one found only by a joined pair is listed by the form.
    if (byWords.has(story) || holding.has(story)) continue;
    scores.set(story, (scores.get(story) ?? 0) + score);
    byWords.add(story);
    inOtherForms.add(story);
  }
  const across = storiesWithWordsAcross(index, typed, scores, matches);
  for (const story of across) scores.set(story, 0);
  const holdingNames = storiesHoldingNames(index, named);
  const credited = storiesCreditedByName(index, typed, named, holdingNames, scores);
  const byNameAlone = new Set([...storiesTaggedByName(named, holdingNames)].filter((story) => !scores.has(story)));
  for (const story of byNameAlone) scores.set(story, 0);
  const tagsOf = namedTags(named, scores);
  const holdsEach = holdingEachWord(index, typed);
  const withDate = wordsWithDate(typed);
  const isDated = withDate && datedAs(index, years, withDate);
  const found: LanguageHit[] = [];
  for (const [story, score] of scores) {
    const tags = tagsOf.get(story) ?? [];
    // Found only by a word that starts a pair of its syllables written together: it holds no word of the query.
    if (tags.length === 0 && !byWords.has(story) && !holding.has(story) && !across.has(story)) continue;
    const asTypedHit =
      credited.has(story) ||
      dated.has(story) ||
      (!inOtherForms.has(story) &&
        !across.has(story) &&
        (!asTyped || asTyped.has(story) || asSpeltOtherwise.has(story)));
    // A looser match holds the words in some form (holdingEachWord): "Nguyen Min Thang" is not in a story with "Minh"
    // alone, nor "Lê" in one with "lệnh". Another English form of a word is its own test.
    const inNoForm = !asTypedHit && !inOtherForms.has(story) && !asSpeltOtherwise.has(story) && !holdsEach(story);
    if (tags.length === 0 && inNoForm) continue;
    const hit = languageHit(locale, story, score, tags, asTypedHit);
    if (byNameAlone.has(story)) {
      // Without the query's other words, after every story that has them, tagged or not.
      hit.hit.score = 0;
      // Dated otherwise than the date after the name says ("Command 86 2023"), it holds the name only, not the date.
      if (isDated && !isDated(story)) hit.asTyped = false;
    }
    found.push(hit);
  }
  return { found, capped: matches.capped };
}

/**
 * The stories the words before the query's date find (wordsWithDate: "rehearsal 2025", "Hanoi Convention October
 * 2025"), together or apart as they find them: those dated then ranked as if their titles held the date, which their
 * cards show, and the others listed apart, holding the words at another date. Undefined for a query without such a date.
 */
function storiesOfWordsDated(
  language: SearchLanguage,
  typed: readonly Syllable[],
  named: readonly TagList[],
): { found: LanguageHit[]; capped: boolean } | undefined {
  const withDate = wordsWithDate(typed);
  if (!withDate) return undefined;
  const isDated = datedAs(language.index, language.years ?? [], withDate);
  const words = withDate.words.map((word) => word.written).join(' ');
  const { found, capped } = storiesInLanguage(language, words, named);
  return {
    found: found.map(({ hit, asTyped }) =>
      isDated(hit.story)
        ? { hit: { ...hit, score: hit.score + FIELD_WEIGHTS.title }, asTyped }
        : { hit, asTyped: false },
    ),
    capped,
  };
}

/**
 * The stories whose summaries or bodies have the query with its last word completed (`wording`,
 * lib/search/completion.ts). Names and titles have the start of every word and of every pair of words written together
 * (`joined`), where the query as typed finds it; a summary has the start of every word, but its pairs whole.
 */
function storiesCompleted(
  { locale, index }: SearchLanguage,
  wording: string,
  named: readonly TagList[],
): { found: LanguageHit[]; capped: boolean } {
  const matches: FieldMatches = { byWords: new Set(), capped: false };
  const scores = rankedScores(index, wording, ['summary', 'body'], matches);
  const typed = querySyllables(wording);
  const asTyped = scores.size > 0 ? storiesAsTyped(index, typed, scores) : undefined;
  // A looser match holds each word whole but the last, as the query's own do (holdingEachWord): a summary has the start
  // of every word, and "Tran th" is not in a story with "transformation" and "the".
  const holdsEach = holdingEachWord(index, typed);
  const tagsOf = namedTags(named, scores);
  const found = [...scores]
    .filter(([story]) => !asTyped || asTyped.has(story) || holdsEach(story) || tagsOf.has(story))
    .map(([story, score]) =>
      languageHit(locale, story, score, tagsOf.get(story) ?? [], !asTyped || asTyped.has(story)),
    );
  return { found, capped: matches.capped };
}

/** A story found, ranked first when it is tagged with an entity the query names, which also says it is there as typed. */
const languageHit = (locale: Locale, story: number, score: number, tags: string[], asTyped: boolean): LanguageHit => ({
  hit: { story, locale, score: tags.length > 0 ? score + ENTITY_BOOST : score, tags },
  asTyped: tags.length > 0 || asTyped,
});

/**
 * A story found by the query and by a completion of it, by two completions, or by the query and its words before a
 * date (storiesOfWordsDated), is one story: at its best score, and as typed if either found it so.
 */
function oneHitPerStory(found: readonly LanguageHit[]): LanguageHit[] {
  const byStory = new Map<number, LanguageHit>();
  for (const each of found) {
    const before = byStory.get(each.hit.story);
    if (!before) byStory.set(each.hit.story, each);
    else
      byStory.set(each.hit.story, {
        hit: before.hit.score >= each.hit.score ? before.hit : each.hit,
        asTyped: before.asTyped || each.asTyped,
      });
  }
  return [...byStory.values()];
}

/** Each story once, from the first language that has it, or that holds the words as typed when an earlier one does not. */
function oneLanguagePerStory(byLanguage: readonly (readonly LanguageHit[])[]): Iterable<LanguageHit> {
  const byStory = new Map<number, LanguageHit>();
  for (const each of byLanguage.flat()) {
    const before = byStory.get(each.hit.story);
    if (!before || (each.asTyped && !before.asTyped)) byStory.set(each.hit.story, each);
  }
  return byStory.values();
}

/**
 * Ranked stories for a query, over one or more languages; a story appears once, in the
 * first language that has it, or that holds the words as typed when an earlier one has them
 * only apart ("Lê Dũng" in Vietnamese, where the English says "Le Dung"). Ties go to the
 * newer story (the higher number). A last word
 * the reader may still be typing is also searched completed (lib/search/completion.ts): a
 * story found so holds the query as typed, as one that has the start in its title does.
 */
export function searchStories(
  languages: readonly SearchLanguage[],
  entities: readonly SearchEntity[],
  tagged: TaggedStories,
  query: string,
): SearchResults {
  const searched = asSearched(query);
  const typed = querySyllables(searched);
  if (!hasWords(searched)) return { hits: [], apart: [], loose: false, capped: false };
  // An entity no story is tagged with may still be credited with some (storiesCreditedByName).
  const named = namedEntities(searched, entities).map(({ entity, held }): TagList => {
    const key = entityKey(entity.kind, entity.id);
    return { key, stories: tagged.get(key) ?? new Set(), ...(held === undefined ? {} : { held }) };
  });
  let capped = false;
  const byLanguage = languages.map((language) => {
    const completed = completedQueries(language.index, typed, language.completions ?? []).map((wording) =>
      storiesCompleted(language, wording, named),
    );
    const ofQuery = storiesInLanguage(language, searched, named);
    const ofDatedWords = storiesOfWordsDated(language, typed, named);
    const others = ofDatedWords ? [...completed, ofDatedWords] : completed;
    // A completion or the words before a date more stories have than a search ranks leaves some out, as the query may.
    capped ||= ofQuery.capped || others.some((each) => each.capped);
    return others.length === 0
      ? ofQuery.found
      : oneHitPerStory([ofQuery.found, ...others.map((each) => each.found)].flat());
  });
  const hits: SearchHit[] = [];
  const apart: SearchHit[] = [];
  for (const { hit, asTyped } of byLanguage.length === 1 ? (byLanguage[0] ?? []) : oneLanguagePerStory(byLanguage))
    (asTyped ? hits : apart).push(hit);
  if (hits.length === 0) return { hits: ranked(apart), apart: [], loose: apart.length > 0, capped };
  return { hits: ranked(hits), apart: ranked(apart), loose: false, capped };
}

/**
 * Hits best first, and the newer story (the higher number) first among equal scores. A broad query has thousands of
 * hits but a few hundred scores: the scores are sorted as numbers, and only the stories of each score by comparison.
 */
function ranked(list: readonly SearchHit[]): SearchHit[] {
  const byScore = new Map<number, SearchHit[]>();
  for (const hit of list) {
    const same = byScore.get(hit.score);
    if (same) same.push(hit);
    else byScore.set(hit.score, [hit]);
  }
  const scores = Float64Array.from(byScore.keys()).sort().reverse();
  const best: SearchHit[] = [];
  for (const score of scores) {
    const same = byScore.get(score) ?? [];
    if (same.length > 1) same.sort((a, b) => b.story - a.story);
    for (const hit of same) best.push(hit);
  }
  return best;
}

/** What facets need to know of every story: its tags and the year ranges. */
export interface FacetSource {
  tagged: TaggedStories;
  years: readonly YearRange[];
}

/** Each story's facet values, computed once per facet source. */
type StoryFacets = (story: number) => Readonly<Record<FacetKind, readonly string[]>>;

export function storyFacets(source: FacetSource): StoryFacets {
  const byStory = new Map<number, Record<FacetKind, string[]>>();
  const of = (story: number) => {
    let facets = byStory.get(story);
    if (!facets) {
      facets = { topics: [], year: [], people: [], organisations: [] };
      byStory.set(story, facets);
    }
    return facets;
  };
  for (const [key, stories] of source.tagged) {
    const [kind, id] = splitEntityKey(key);
    for (const story of stories) of(story)[kind].push(id);
  }
  for (const [year, first, last] of source.years)
    for (let story = first; story <= last; story++) of(story).year.push(String(year));
  const none = { topics: [], year: [], people: [], organisations: [] };
  return (story) => byStory.get(story) ?? none;
}

export function applyFacets(hits: readonly SearchHit[], selection: FacetSelection, facetsOf: StoryFacets): SearchHit[] {
  return hits.filter((hit) =>
    FACET_KINDS.every((kind) => selection[kind] === undefined || facetsOf(hit.story)[kind].includes(selection[kind])),
  );
}

/** For each facet, how many of the hits carry each value, most frequent first. */
export function facetCounts(hits: readonly SearchHit[], facetsOf: StoryFacets): Record<FacetKind, [string, number][]> {
  const counts: Record<FacetKind, Map<string, number>> = {
    topics: new Map(),
    year: new Map(),
    people: new Map(),
    organisations: new Map(),
  };
  for (const hit of hits) {
    for (const kind of FACET_KINDS) {
      for (const value of facetsOf(hit.story)[kind]) counts[kind].set(value, (counts[kind].get(value) ?? 0) + 1);
    }
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    topics: sorted(counts.topics),
    year: sorted(counts.year),
    people: sorted(counts.people),
    organisations: sorted(counts.organisations),
  };
}
