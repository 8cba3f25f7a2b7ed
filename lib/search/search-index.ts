/**
 * The flexsearch index of one language. Fields, in order of weight:
 * `names` (the story's topics, people and organisations by every name and alias, in
 * both languages: "Hanoi Convention" finds "Công ước Hà Nội"), `joined` (adjacent
 * syllables of those names and of the title written together: "hanoi" finds "Hà Nội"),
 * `title`, `summary`, `body`; then the fields that decide whether a story holds the query
 * as typed: `exact` (the words of the text that carry diacritics, in one spelling),
 * `marked` (the starts of the short fields' words with diacritics, for the word the
 * reader is still typing), `pairs` and `triples` (two and three adjacent words of every
 * field joined, whole, the names' and title's runs of three by their starts too: the
 * words together; and the story's day), `markedPairs` (two adjacent words that both
 * carry diacritics, joined with them, in the names and title by the second one's starts
 * too: two words typed with their marks together) and `words` (the whole words of the
 * names, title and summary, which their own fields hold by every start: whether a word
 * before the last is a word of the story or only the start of one).
 */
import { Document } from 'flexsearch';
import type { SearchDoc, SearchEntity } from './documents';
import { creditNames, entityKey, entityNames } from './documents';
import {
  diacriticWords,
  exactEncoder,
  foldedEncoder,
  joinedSyllables,
  joinedTriples,
  markedPairs,
  markedStarts,
  startedPairs,
  startedTriples,
} from './encoding';
import { storyDateTerms } from './date-terms';

export const SEARCH_FIELDS = [
  'names',
  'joined',
  'title',
  'summary',
  'body',
  'exact',
  'marked',
  'pairs',
  'markedPairs',
  'triples',
  'words',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

interface IndexedDoc {
  [key: string]: string | number;
  /** The story's number (SearchDoc.number): numbers keep the exported postings small. */
  id: number;
  names: string;
  joined: string;
  title: string;
  summary: string;
  body: string;
  exact: string;
  marked: string;
  pairs: string;
  markedPairs: string;
  triples: string;
  words: string;
}

export type SearchIndex = Document<IndexedDoc>;

export function createSearchIndex(): SearchIndex {
  const folded = foldedEncoder();
  const exact = exactEncoder();
  // Prefix ("forward") tokens let results follow the reader's typing. Words together are
  // told by the `pairs` field rather than flexsearch's context data: context is kept per
  // first word, so a query would fetch every pair a common syllable starts, where a
  // joined pair is one term in one shard.
  return new Document<IndexedDoc>({
    document: {
      id: 'id',
      index: [
        { field: 'names', tokenize: 'forward', encoder: folded },
        // By the second word's starts too (startedPairs), for the last pair of a query the reader is still typing
        // ("Lương Cườ"): not by flexsearch's prefixes, whose starts within the first word are the title's and names'
        // own. Apart from the names: a word that only starts a joined pair ("canh" of "cá nhân") is no word of the story.
        { field: 'joined', tokenize: 'strict', encoder: folded },
        { field: 'title', tokenize: 'forward', encoder: folded },
        { field: 'summary', tokenize: 'forward', encoder: folded },
        // Whole words only in the body: prefixes of every body word would multiply the
        // index, and the short fields already follow the reader's typing.
        { field: 'body', tokenize: 'strict', encoder: folded },
        // The last six are read as sets (does the story have these words so?): one relevance slot.
        { field: 'exact', tokenize: 'strict', encoder: exact, resolution: 1 },
        { field: 'marked', tokenize: 'strict', encoder: exact, resolution: 1 },
        { field: 'pairs', tokenize: 'strict', encoder: folded, resolution: 1 },
        { field: 'markedPairs', tokenize: 'strict', encoder: exact, resolution: 1 },
        { field: 'triples', tokenize: 'strict', encoder: folded, resolution: 1 },
        { field: 'words', tokenize: 'strict', encoder: folded, resolution: 1 },
      ],
    },
  });
}

/** A word's stories, by relevance slot. */
export type Posting = readonly (readonly unknown[] | null | undefined)[];

/**
 * One field of flexsearch's index as read directly (lib/search/query.ts, lib/search/completion.ts): the field's own
 * encoder (so a query's terms are the terms indexed) and its postings, story numbers by relevance slot, by term. Read
 * directly rather than through a search: a search intersects every story that holds the words, where the as-typed check
 * only asks about the few stories ranking found, and a completion asks which terms there are; searchField intersects
 * them faster than flexsearch does.
 * flexsearch's types do not declare these members: tests/unit/search-as-typed.test.ts
 * compares the check with a search, so a flexsearch that keeps them otherwise fails there.
 */
interface FieldPostings {
  encoder: { encode(text: string, dedupeTerms?: boolean): string[] };
  map: ReadonlyMap<string, Posting>;
}

export function fieldPostings(index: SearchIndex, field: SearchField): FieldPostings {
  const fields = (index as unknown as { index: ReadonlyMap<string, FieldPostings> }).index;
  const postings = fields.get(field);
  if (!postings) throw new Error(`The search index has no field "${field}"`);
  return postings;
}

/** How many stories a term's posting holds. */
const storiesOf = (posting: Posting): number => posting.reduce((sum, slot) => sum + (slot?.length ?? 0), 0);

/**
 * The stories of one field that have every word of `words`, in the order flexsearch's search of the field gives them,
 * at most `limit`: slot by slot, a story placed when the last of its words is met. Worked out over the field's postings
 * rather than by that search, which counts every story of every word in a plain object and keeps a list per count: for
 * the common words of a large archive, most of a query's time. Here only the stories of the rarest word are counted,
 * in a typed array. tests/unit/search-as-typed.test.ts compares the two.
 */
export function searchField(index: SearchIndex, field: SearchField, words: string, limit: number): number[] {
  const { encoder, map } = fieldPostings(index, field);
  const postings: Posting[] = [];
  for (const term of new Set(encoder.encode(words, true))) {
    if (term === '') continue;
    const posting = map.get(term);
    if (!posting) return [];
    postings.push(posting);
  }
  const found: number[] = [];
  const [first] = postings;
  if (!first) return found;
  if (postings.length === 1) {
    for (const slot of first) for (const story of slot ?? []) if (found.push(Number(story)) === limit) return found;
    return found;
  }
  // A story without the rarest word cannot have them all. Its stories start at 1, count each word met, and are found
  // at one more than the number of words.
  const rarest = postings.reduce((best, posting) => (storiesOf(posting) < storiesOf(best) ? posting : best));
  let highest = -1;
  for (const slot of rarest) for (const story of slot ?? []) highest = Math.max(highest, Number(story));
  const seen = new Uint16Array(highest + 1);
  for (const slot of rarest) for (const story of slot ?? []) seen[Number(story)] = 1;
  const slots = Math.max(...postings.map((posting) => posting.length));
  for (let at = 0; at < slots; at++)
    for (const posting of postings)
      for (const raw of posting[at] ?? []) {
        const story = Number(raw);
        if (!seen[story]) continue;
        if (++seen[story] === postings.length + 1 && found.push(story) === limit) return found;
      }
  return found;
}

/** Whether some story has each of the words of `text` in the field (the field's part holding them loaded). */
export function hasEveryTerm(index: SearchIndex, field: SearchField, text: string): boolean {
  const { encoder, map } = fieldPostings(index, field);
  return encoder.encode(text, true).every((term) => term === '' || map.has(term));
}

/** Every name of every entity a story is tagged with. */
export function taggedNames(doc: SearchDoc, entities: ReadonlyMap<string, SearchEntity>): string[] {
  const tags = [
    ...doc.topics.map((id) => entityKey('topics', id)),
    ...doc.people.map((id) => entityKey('people', id)),
    ...doc.organisations.map((id) => entityKey('organisations', id)),
  ];
  return tags.flatMap((key) => {
    const entity = entities.get(key);
    return entity ? entityNames(entity) : [];
  });
}

function indexedDoc(doc: SearchDoc, entities: ReadonlyMap<string, SearchEntity>): IndexedDoc {
  const credited = creditNames(doc.credits, entities);
  // A credit is searched as a tagged name is, but only a tag is a tag (lib/search/query.ts `storiesTaggedByName`).
  const names = [...taggedNames(doc, entities), ...credited];
  // Adjacent syllables joined ("hanoi", "ledung") serve both spellings and words together (lib/search/query.ts).
  const nameAndTitle = [...names, doc.title];
  const joined = nameAndTitle.flatMap(joinedSyllables);
  const summaryAndBody = [doc.summary, doc.text];
  const short = [doc.title, doc.summary].join('\n');
  // Words with marks of the names as of the title: a word typed with its marks, or still being typed ("Hạn" of "Hạnh"),
  // is held there as the names field finds it by its letters.
  const marked = [short, ...names].join('\n');
  return {
    id: doc.number,
    names: names.join(' · '),
    joined: nameAndTitle.flatMap(startedPairs).join(' '),
    title: doc.title,
    summary: doc.summary,
    body: doc.text,
    exact: diacriticWords(`${marked}\n${doc.text}`),
    marked: markedStarts(marked),
    pairs: [...joined, ...summaryAndBody.flatMap(joinedSyllables)].join(' '),
    markedPairs: [
      ...nameAndTitle.flatMap((text) => markedPairs(text, true)),
      ...summaryAndBody.flatMap((text) => markedPairs(text)),
    ].join(' '),
    // Runs of three whole, but for the names' and title's also by their starts, as their pairs are: a name or title
    // may be typed in part; by their starts the summary's and body's would hold several times what the pairs do
    // (lib/search/query.ts).
    // And the day the story is dated, which its card shows (lib/search/date-terms.ts).
    triples: [
      ...nameAndTitle.flatMap(startedTriples),
      ...summaryAndBody.flatMap(joinedTriples),
      ...storyDateTerms(doc.date),
    ].join(' '),
    words: [...names, short].join('\n'),
  };
}

export function buildSearchIndex(docs: readonly SearchDoc[], entities: readonly SearchEntity[]): SearchIndex {
  const index = createSearchIndex();
  const byKey = entitiesByKey(entities);
  // In number order, oldest first: postings extended with a newer story's (lib/caches/search-index-cache.ts)
  // then hold exactly what a fresh build's would.
  for (const doc of [...docs].sort((a, b) => a.number - b.number)) index.add(indexedDoc(doc, byKey));
  return index;
}

export function entitiesByKey(entities: readonly SearchEntity[]): Map<string, SearchEntity> {
  return new Map(entities.map((entity) => [entityKey(entity.kind, entity.id), entity]));
}

/**
 * A term's story numbers by relevance slot in each field that has it, as flexsearch exports them, kept as JSON text
 * (digits alone, one byte a character). The shards are cut from an index's table of them (shards.ts), and the index
 * cache keeps it (lib/caches/search-index-cache.ts), extending only the entries of the terms a new story has.
 */
export type TermPostings = Partial<Record<SearchField, string>>;
export type PostingTable = ReadonlyMap<string, TermPostings>;

/** The postings of every term of the index. */
export async function indexPostings(index: SearchIndex): Promise<PostingTable> {
  const parts: Record<string, string> = {};
  await index.export((key: string, data: string) => {
    parts[key] = data;
  });
  return postingsOfExport(parts);
}

/** The postings in flexsearch's export parts. Throws on a part it does not know, so no data is dropped silently. */
export function postingsOfExport(parts: Record<string, string>): PostingTable {
  const table = new Map<string, TermPostings>();
  for (const [key, data] of Object.entries(parts)) {
    // "1.reg" is the list of document ids: searching does not read it.
    if (key.endsWith('.reg')) continue;
    const [name, , kind] = key.split('.');
    const field = SEARCH_FIELDS.find((known) => known === name);
    if (kind !== 'map' || field === undefined) throw new Error(`Unexpected search index export part "${key}"`);
    for (const [term, slots] of JSON.parse(data) as [string, Posting][])
      table.set(term, { ...table.get(term), [field]: JSON.stringify(slots) });
  }
  return table;
}
