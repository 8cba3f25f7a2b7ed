/**
 * Judging search results: a fixed set of queries readers type (names with and without
 * diacritics, aliases, single syllables whose bare form is shared, two-syllable words,
 * English phrases, typos, words still being typed), what counts as a relevant story for each, and the figures
 * per query class. Judgments come from the stories themselves (their tags and their
 * text), never from a list of expected results. Pure functions, so they are unit-tested.
 */
import type { Locale } from '../lib/site/i18n';
import { foldText } from '../lib/text/text-fold';

export const QUERY_CLASSES = ['name', 'alias', 'syllable', 'word', 'phrase', 'typo', 'start'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export const QUERY_CLASS_LABELS: Record<QueryClass, string> = {
  name: 'names, with and without marks',
  alias: 'aliases',
  syllable: 'single syllables sharing a bare form',
  word: 'two-syllable words',
  phrase: 'English phrases',
  typo: 'typos',
  start: 'the last word still being typed',
};

export interface JudgedQuery {
  query: string;
  locale: Locale;
  kind: QueryClass;
  /** The entity the query names (`kind:id`, as lib/search/documents.ts `entityKey`), when it names one. */
  entity?: string;
  /** What a misspelt query meant: a story holding this is relevant. */
  meant?: string;
}

/**
 * The judged queries. The entities are those of the seed content (content/), which the
 * synthetic corpus also holds under the same ids (bench/corpus.ts); an entity a corpus
 * lacks tags no story there.
 */
export const JUDGED_QUERIES: readonly JudgedQuery[] = [
  { query: 'Lê Dũng', locale: 'vi', kind: 'name', entity: 'people:le-dung' },
  { query: 'Le Dung', locale: 'vi', kind: 'name', entity: 'people:le-dung' },
  { query: 'Le Dung', locale: 'en', kind: 'name', entity: 'people:le-dung' },
  { query: 'Lê Dũng', locale: 'en', kind: 'name', entity: 'people:le-dung' },
  { query: 'BTL 86', locale: 'vi', kind: 'alias', entity: 'organisations:command-86' },
  { query: 'BTL 86', locale: 'en', kind: 'alias', entity: 'organisations:command-86' },
  { query: 'MND', locale: 'en', kind: 'alias', entity: 'organisations:ministry-of-national-defence' },
  { query: 'MND', locale: 'vi', kind: 'alias', entity: 'organisations:ministry-of-national-defence' },
  ...['lê', 'lễ', 'dũng', 'dựng', 'dụng', 'hạnh', 'hành', 'đội', 'đổi'].map((query): JudgedQuery => ({
    query,
    locale: 'vi',
    kind: 'syllable',
  })),
  { query: 'chuyển đổi', locale: 'vi', kind: 'word' },
  { query: 'an ninh', locale: 'vi', kind: 'word' },
  { query: 'cyber security', locale: 'en', kind: 'phrase', entity: 'topics:cybersecurity' },
  { query: 'digital transformation', locale: 'en', kind: 'phrase', entity: 'topics:digital-transformation' },
  { query: 'comand 86', locale: 'en', kind: 'typo', entity: 'organisations:command-86', meant: 'Command 86' },
  { query: 'Hannoi', locale: 'en', kind: 'typo', meant: 'Hanoi' },
  { query: 'Hannoi', locale: 'vi', kind: 'typo', meant: 'Hà Nội' },
  // The last word is the start of a word, with the marks typed: "thà" of "thành", never of "thái".
  { query: 'Lê Dũ', locale: 'vi', kind: 'start', entity: 'people:le-dung' },
  { query: 'hoàn thà', locale: 'vi', kind: 'start' },
  { query: 'hoan tha', locale: 'vi', kind: 'start' },
  { query: 'digital transf', locale: 'en', kind: 'start', entity: 'topics:digital-transformation' },
];

/** What the judge knows of a story: the entities it is tagged with and, per language, the text it shows. */
export interface JudgedStory {
  id: string;
  /** Entity keys (`kind:id`). */
  tags: ReadonlySet<string>;
  /** Title, summary, body and the names of its tags, as separate passages: a phrase never runs from one into the next. */
  text: Partial<Record<Locale, readonly string[]>>;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Where a phrase stops: sentence and clause punctuation and line breaks (spaces, hyphens and apostrophes do not). */
const BREAKS = '.,;:!?()\\[\\]{}"“”«»…\\n\\r#*|/\\\\';
/** Between two words of a phrase: anything but a letter, a digit or a break. */
const BETWEEN = `[^\\p{L}\\p{N}${BREAKS}]+`;

const lowerWords = (text: string) => text.normalize('NFC').toLowerCase().match(WORD) ?? [];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const foldedChars = new Map<string, string>();
/** One character folded (lib/text-fold), or itself when folding would not leave exactly one. */
function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = foldText(char);
    if (folded.length !== char.length) folded = char;
    foldedChars.set(char, folded);
  }
  return folded;
}

/** A text lowercased in NFC, and the same folded character by character, so that a match in one is at the same place in the other. */
interface PreparedText {
  exact: string;
  folded: string;
}

function prepareText(text: string): PreparedText {
  let exact = text.normalize('NFC').toLowerCase();
  // Lowercasing a few letters changes the length: those are lowercased on their own.
  if (exact.length !== text.normalize('NFC').length)
    exact = [...text.normalize('NFC')]
      .map((char) => (char.toLowerCase().length === char.length ? char.toLowerCase() : char))
      .join('');
  return { exact, folded: exact.replace(/[^\x00-\x7f]/gu, foldChar) };
}

// Judging asks every query of the same passages: each is prepared once.
const prepared = new WeakMap<readonly string[], PreparedText>();
function preparedPassages(passages: readonly string[]): PreparedText {
  let text = prepared.get(passages);
  if (!text) {
    // A line break between passages stops a phrase there.
    text = prepareText(passages.join('\n'));
    prepared.set(passages, text);
  }
  return text;
}

/** A query ready to look for: its words as typed, and a pattern for them folded, next to each other within one sentence. */
interface PreparedQuery {
  typed: string[];
  pattern: RegExp;
}

const unmarked = (word: string) => word === foldText(word);

const preparedQueries = new Map<string, PreparedQuery | null>();
/** `open`: the last word is the start of a word still being typed. */
function prepareQuery(query: string, open: boolean): PreparedQuery | null {
  let ready = preparedQueries.get(`${open}:${query}`);
  if (ready === undefined) {
    const typed = lowerWords(query);
    // Each word a group of its own, so that its marks can be checked where it matched; two typed without marks may be
    // written as one ("cyber security": "cybersecurity"), as search reads them.
    const words = typed.map((word, index) => {
      const before = typed[index - 1];
      const apart = before === undefined ? '' : unmarked(before) && unmarked(word) ? `(?:${BETWEEN})?` : BETWEEN;
      const rest = open && index === typed.length - 1 ? '[\\p{L}\\p{N}]*' : '';
      return `${apart}(${escapeRegExp(foldText(word))}${rest})`;
    });
    ready =
      typed.length === 0
        ? null
        : { typed, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${words.join('')}(?![\\p{L}\\p{N}])`, 'dgu') };
    preparedQueries.set(`${open}:${query}`, ready);
  }
  return ready;
}

/**
 * A query's word as the reader typed it matches a text's word: the same letters, and the same marks where the query has
 * any; or the start of them (`open`).
 */
function sameWord(typed: string, word: string, open: boolean): boolean {
  const [want, have] = unmarked(typed) ? [typed, foldText(word)] : [typed, word];
  return open ? have.startsWith(want) : have === want;
}

/**
 * Whether a text holds the query as typed: the same syllables, in order, next to each
 * other within one sentence, with the same marks wherever the query has them ("Le Dung"
 * is held by "Lê Dũng" and "lễ dựng"; "Lê Dũng" only by "Lê Dũng"); two adjacent words
 * typed without marks may be written as one ("Viet Nam" is held by "Vietnam"). Case
 * never matters. `open`: the last word may be the start of a word, with the marks typed
 * ("hoàn thà" is held by "hoàn thành", not by "hoàn thái").
 */
export function holdsAsTyped(passages: readonly string[], query: string, open = false): boolean {
  const ready = prepareQuery(query, open);
  if (!ready) return false;
  const { exact, folded } = preparedPassages(passages);
  for (const match of folded.matchAll(ready.pattern)) {
    const places = match.indices ?? [];
    const last = ready.typed.length - 1;
    const held = (word: string, index: number) =>
      sameWord(word, exact.slice(...(places[index + 1] ?? [0, 0])), open && index === last);
    if (ready.typed.every(held)) return true;
  }
  return false;
}

export interface Judgment {
  /** Stories tagged with the queried entity. */
  tagged: ReadonlySet<string>;
  /** Stories tagged with it or holding the query (or what a misspelt query meant) as typed. */
  relevant: ReadonlySet<string>;
}

/** Which stories are relevant to a query, from their tags and text in the query's language. */
export function judge(query: JudgedQuery, stories: readonly JudgedStory[]): Judgment {
  const tagged = new Set<string>();
  const relevant = new Set<string>();
  const wanted = query.meant ?? query.query;
  for (const story of stories) {
    const passages = story.text[query.locale];
    if (!passages) continue;
    const isTagged = query.entity !== undefined && story.tags.has(query.entity);
    if (isTagged) tagged.add(story.id);
    if (isTagged || holdsAsTyped(passages, wanted, query.kind === 'start')) relevant.add(story.id);
  }
  return { tagged, relevant };
}

/** How many results the figures look at: a page of results. */
export const FIRST = 10;

export interface QueryScore {
  /** Results listed in all. */
  listed: number;
  /** Relevant share of the first ten listed; undefined when nothing is listed. */
  precision?: number;
  /** Share of the tagged stories listed anywhere; undefined when no story is tagged with the queried entity. */
  recall?: number;
  /** Stories in the first ten neither tagged with the queried entity nor holding the query as typed. */
  strays: number;
  /** Share of the first min(10, tagged) places held by tagged stories; undefined when none is tagged. */
  taggedFirst?: number;
}

/** Scores one ranked list of story ids against a judgment. */
export function scoreQuery(listed: readonly string[], judgment: Judgment): QueryScore {
  const first = listed.slice(0, FIRST);
  const relevantFirst = first.filter((id) => judgment.relevant.has(id)).length;
  const score: QueryScore = { listed: listed.length, strays: first.length - relevantFirst };
  if (first.length > 0) score.precision = relevantFirst / first.length;
  const tagged = judgment.tagged.size;
  if (tagged > 0) {
    const found = new Set(listed);
    score.recall = [...judgment.tagged].filter((id) => found.has(id)).length / tagged;
    const places = Math.min(FIRST, tagged);
    score.taggedFirst = listed.slice(0, places).filter((id) => judgment.tagged.has(id)).length / places;
  }
  return score;
}

export interface ClassFigures {
  queries: number;
  /** Means over the class's queries that have the figure (undefined when none has). */
  precision?: number;
  recall?: number;
  taggedFirst?: number;
  /** Lowest tagged-first share of any query in the class. */
  worstTaggedFirst?: number;
  meanStrays: number;
  worstStrays: number;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
const defined = (values: readonly (number | undefined)[]) =>
  values.filter((value): value is number => value !== undefined);

/** Figures per query class, over the scores of its queries. Classes without a query are left out. */
export function classFigures(
  scored: readonly { kind: QueryClass; score: QueryScore }[],
): Partial<Record<QueryClass, ClassFigures>> {
  const figures: Partial<Record<QueryClass, ClassFigures>> = {};
  for (const kind of QUERY_CLASSES) {
    const scores = scored.filter((entry) => entry.kind === kind).map((entry) => entry.score);
    if (scores.length === 0) continue;
    const taggedFirst = defined(scores.map((score) => score.taggedFirst));
    const strays = scores.map((score) => score.strays);
    figures[kind] = {
      queries: scores.length,
      precision: mean(defined(scores.map((score) => score.precision))),
      recall: mean(defined(scores.map((score) => score.recall))),
      taggedFirst: mean(taggedFirst),
      worstTaggedFirst: taggedFirst.length === 0 ? undefined : Math.min(...taggedFirst),
      meanStrays: mean(strays) ?? 0,
      worstStrays: Math.max(...strays),
    };
  }
  return figures;
}
