/**
 * An index's postings by term: each term's story numbers by relevance slot in each field, as flexsearch exports them,
 * kept as JSON text without the term: digits alone, held and cached one byte a character even when the term has
 * diacritics. The shards are cut from it (lib/search/shards.ts) and the index cache keeps it
 * (lib/caches/search-index-cache.ts): most entries go from the one to the other as they are, and only the entries of
 * the terms a new story has are parsed and extended.
 */
import { SEARCH_FIELDS, type ExportedIndex, type SearchField } from './search-index';

/** A term's story numbers by relevance slot in each field that has it, as JSON text. */
export type TermPostings = Partial<Record<SearchField, string>>;
export type PostingTable = ReadonlyMap<string, TermPostings>;

/** Story numbers by relevance slot: a slot no story has is null (a hole in flexsearch's array). */
type Posting = [term: string, slots: (number[] | null)[]];

/** The postings of an exported index. Throws on export keys it does not know, so no data is dropped silently. */
export function exportedPostings(parts: ExportedIndex): PostingTable {
  const table = new Map<string, TermPostings>();
  for (const [key, data] of Object.entries(parts)) {
    // "1.reg" is the list of document ids: searching does not read it.
    if (key.endsWith('.reg')) continue;
    const [name, , kind] = key.split('.');
    const field = SEARCH_FIELDS.find((known) => known === name);
    if (kind !== 'map' || field === undefined) throw new Error(`Unexpected search index export part "${key}"`);
    for (const [term, slots] of JSON.parse(data) as Posting[])
      table.set(term, { ...table.get(term), [field]: JSON.stringify(slots) });
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
    for (const [field, addedText] of Object.entries(added) as [SearchField, string][]) {
      const text = postings[field];
      postings[field] = text === undefined ? addedText : appendedSlots(text, addedText);
    }
    merged.set(term, postings);
  }
  return merged;
}

/** Slots' text with the newer one's numbers appended slot by slot: the long older text is cut, not parsed. */
function appendedSlots(text: string, newerText: string): string {
  const slots = text.slice(1, -1).match(/null|\[[\d,]*\]/g) ?? [];
  const added = JSON.parse(newerText) as Posting[1];
  const merged = Array.from({ length: Math.max(slots.length, added.length) }, (_, slot) => {
    const [before = 'null', after] = [slots[slot], added[slot]];
    if (!after || (after.length === 0 && before !== 'null')) return before;
    return before === 'null' || before === '[]' ? JSON.stringify(after) : `${before.slice(0, -1)},${after.join(',')}]`;
  });
  return `[${merged.join(',')}]`;
}
