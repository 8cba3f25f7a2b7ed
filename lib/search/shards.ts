/**
 * An index's postings (search-index.ts) cut into files by term, so that a query
 * fetches only the files holding its terms, not the whole index. Terms of every field
 * are sorted together (termOrder) and packed, in order, into shards of about `targetBytes`;
 * a shard holds each field's postings for its terms, in flexsearch's own export format. The
 * manifest lists each shard's first term, so finding a term's shard is a binary search.
 */
import { foldText } from '../text/text-fold';
import { diacriticWords, exactEncoder, foldedEncoder, joinedSyllables, joinedTriples, markedPairs } from './encoding';
import { typedWordVariants } from './inflections';
import { SEARCH_FIELDS, type PostingTable, type TermPostings } from './search-index';
import { asSearched, querySyllables } from './syllables';
import { queryDateTerm, wordsWithDate } from './date-terms';
import { speltOtherwise } from './written-otherwise';

interface ShardedIndex {
  /** The first term of each shard, ascending. */
  starts: string[];
  /** Each shard's file, as JSON text: each field's postings for the shard's terms, in term order. */
  shards: string[];
}

/** A shard's size as text before compression: small enough that a first query's few shards load at once. */
const SHARD_TARGET_BYTES = 24_000;

/**
 * Where a term sorts among the shards: by its letters without marks, then as written. A syllable's
 * marked form ("đặng", kept for queries typed with marks) then sits beside its bare form ("dang"),
 * which every query indexes too, so a Vietnamese query asks for about as few shards as an English one
 * rather than a second set for its marked words, which plain order puts after every unmarked term.
 */
export const termOrder = (term: string): string => `${foldText(term)}\u0000${term}`;

/** Cuts an index's postings into term-range shards. */
export function shardIndex(table: PostingTable, targetBytes = SHARD_TARGET_BYTES): ShardedIndex {
  const starts: string[] = [];
  const groups: TermEntry[][] = [];
  let size = Infinity;
  const ordered = [...table.keys()].map((term) => [termOrder(term), term] as const);
  ordered.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, term] of ordered) {
    const entry: TermEntry = [JSON.stringify(term), table.get(term) as TermPostings];
    const bytes = termJsonLength(entry);
    if (size + bytes > targetBytes && size > 0) {
      starts.push(term);
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1]?.push(entry);
    size += bytes;
  }
  return { starts, shards: groups.map(shardJson) };
}

/** A term, written as JSON once (packing measures it, joining writes it), and its postings. */
type TermEntry = readonly [quotedTerm: string, postings: TermPostings];

/** The length of shardJson([entry]), counted rather than built: packing measures every term of the index. */
export function termJsonLength([quotedTerm, postings]: TermEntry): number {
  let fields = 0;
  let length = 2;
  for (const field of SEARCH_FIELDS) {
    const text = postings[field];
    if (text === undefined) continue;
    // "field":[[term,text]]
    length += field.length + 8 + quotedTerm.length + text.length;
    fields++;
  }
  return length + Math.max(fields - 1, 0);
}

/**
 * A shard's JSON text, `{"names":[[term,slots],…],"title":[…],…}`, joined from the postings' own text rather than
 * parsed and written again, in one join of its pieces: the shards are most of what a build writes.
 */
export function shardJson(terms: readonly TermEntry[]): string {
  const pieces = ['{'];
  for (const field of SEARCH_FIELDS) {
    let opened = false;
    for (const [quotedTerm, postings] of terms) {
      const slots = postings[field];
      if (slots === undefined) continue;
      if (!opened) pieces.push(pieces.length > 1 ? ',' : '', JSON.stringify(field), ':[');
      else pieces.push(',');
      pieces.push('[', quotedTerm, ',', slots, ']');
      opened = true;
    }
    if (opened) pieces.push(']');
  }
  pieces.push('}');
  return pieces.join('');
}

/** The shard that holds a term (if any shard does): the last one starting at or before it, in termOrder. */
export function shardOf(term: string, starts: readonly string[]): number {
  return shardAt(termOrder(term), starts);
}

/**
 * The shards that hold every term that folds to `folded`, its forms with diacritics among them: those sort after it,
 * and may begin the next shard.
 */
export function foldedFormShards(folded: string, starts: readonly string[]): number[] {
  return shardsBetween(`${folded}\u0000`, `${folded}\u0000\uffff`, starts);
}

/**
 * The files, cut by term as the shards are (given the first term of each), that hold every term whose letters without
 * marks start with `start`: those sort from it on, and before any term its letters do not start.
 */
export function startedTermFiles(start: string, starts: readonly string[]): number[] {
  return starts.length === 0 ? [] : shardsBetween(start, `${start}\uffff`, starts);
}

function shardsBetween(from: string, to: string, starts: readonly string[]): number[] {
  const first = shardAt(from, starts);
  const last = shardAt(to, starts);
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}

/**
 * The shards' first terms in termOrder, by manifest, each worked out when a search first meets it: every query looks
 * up dozens of terms among thousands of shards, and the searches all pass through the same few.
 */
const startOrders = new WeakMap<readonly string[], (string | undefined)[]>();

function startOrder(starts: readonly string[], at: number): string {
  let orders = startOrders.get(starts);
  if (!orders) {
    orders = [];
    startOrders.set(starts, orders);
  }
  return (orders[at] ??= termOrder(starts[at] as string));
}

/** The last shard starting at or before `order` (a termOrder). */
function shardAt(order: string, starts: readonly string[]): number {
  let low = 0;
  let high = starts.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (startOrder(starts, middle) <= order) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The encoders queryLookupTerms encodes with, made once: each new flexsearch encoder starts its own cache and a timer
 * to empty it, which every keystroke would pay for.
 */
const LOOKUP_ENCODERS = { folded: foldedEncoder(), exact: exactEncoder() };

/**
 * Every term flexsearch will look up for a query: folded words, words with diacritics as typed, adjacent words joined
 * (words together), those of the query written otherwise (lib/search/written-otherwise.ts: two words as one, another
 * spelling, a day of the month the other way), the other English forms and spellings of its words
 * (lib/search/inflections.ts), and the day or month it names, alone or after other words (lib/search/date-terms.ts).
 */
export function queryLookupTerms(typedQuery: string): string[] {
  const query = asSearched(typedQuery);
  const { folded, exact } = LOOKUP_ENCODERS;
  const typed = querySyllables(query);
  const forms = speltOtherwise(typed).map(({ words }) => words.map((word) => word.folded).join(' '));
  const inflected = typed.flatMap(typedWordVariants);
  const dateTerms = [queryDateTerm(typed), wordsWithDate(typed)?.term].filter((term) => term !== undefined);
  const terms = [
    ...folded.encode(query),
    ...exact.encode(diacriticWords(query)),
    ...markedPairs(query).flatMap((pair) => exact.encode(pair)),
    ...[query, ...forms]
      .flatMap((text) => [...joinedSyllables(text), ...joinedTriples(text)])
      .flatMap((run) => folded.encode(run)),
    ...inflected.flatMap((form) => folded.encode(form)),
    ...dateTerms,
  ];
  return [...new Set(terms.map(String))];
}
