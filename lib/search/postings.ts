/**
 * An index's postings by term: each term's entry in each field as flexsearch exports it,
 * [term, story numbers by relevance slot], kept as JSON text. The shards are cut from it
 * (lib/search/shards.ts) and the index cache keeps it (lib/caches/search-index-cache.ts): most
 * entries go from the one to the other as they are, and only the entries of the terms a
 * new story has are parsed and extended.
 */
import { SEARCH_FIELDS, type ExportedIndex, type SearchField } from './search-index';

/** A term's entry in each field that has it, as JSON text. */
export type TermPostings = Partial<Record<SearchField, string>>;
export type PostingTable = ReadonlyMap<string, TermPostings>;

/** Story numbers by relevance slot: a slot no story has is null (a hole in flexsearch's array). */
type Slots = (number[] | null)[];
type Posting = [term: string, slots: Slots];

function isSearchField(name: string): name is SearchField {
  return (SEARCH_FIELDS as readonly string[]).includes(name);
}

/** The postings of an exported index. Throws on export keys it does not know, so no data is dropped silently. */
export function exportedPostings(parts: ExportedIndex): PostingTable {
  const table = new Map<string, TermPostings>();
  for (const [key, data] of Object.entries(parts)) {
    // "1.reg" is the list of document ids: searching does not read it.
    if (key.endsWith('.reg')) continue;
    const [field, , kind] = key.split('.');
    if (kind !== 'map' || field === undefined || !isSearchField(field))
      throw new Error(`Unexpected search index export part "${key}"`);
    for (const posting of JSON.parse(data) as Posting[]) {
      const postings = table.get(posting[0]) ?? {};
      postings[field] = JSON.stringify(posting);
      table.set(posting[0], postings);
    }
  }
  return table;
}

/**
 * The postings of stories added after every story the table holds (with higher numbers),
 * merged into it. flexsearch puts a story in a term's slot by that story's text alone and
 * appends it to the slot, so appending the newer stories' numbers to each slot gives what
 * indexing all the stories in number order gives.
 */
export function addNewerPostings(table: PostingTable, newer: PostingTable): PostingTable {
  const merged = new Map(table);
  for (const [term, added] of newer) {
    const postings: TermPostings = { ...merged.get(term) };
    for (const field of SEARCH_FIELDS) {
      const addedText = added[field];
      if (addedText === undefined) continue;
      const text = postings[field];
      postings[field] =
        text === undefined ? addedText : JSON.stringify([term, appendSlots(slotsOf(text), slotsOf(addedText))]);
    }
    merged.set(term, postings);
  }
  return merged;
}

function slotsOf(text: string): Slots {
  return (JSON.parse(text) as Posting)[1];
}

function appendSlots(slots: Slots, added: Slots): Slots {
  return Array.from({ length: Math.max(slots.length, added.length) }, (_, slot) => {
    const [before, after] = [slots[slot] ?? null, added[slot] ?? null];
    return before && after ? [...before, ...after] : (before ?? after);
  });
}
