/**
 * An index's postings by term: each term's story numbers by relevance slot in each field, as flexsearch exports them,
 * kept as JSON text (digits alone, one byte a character). The shards are cut from it (shards.ts) and the index cache
 * keeps it (lib/caches/search-index-cache.ts), extending only the entries of the terms a new story has.
 */
import { SEARCH_FIELDS, type ExportedIndex, type SearchField } from './search-index';

/** A term's story numbers by relevance slot in each field that has it, as JSON text. */
export type TermPostings = Partial<Record<SearchField, string>>;
export type PostingTable = ReadonlyMap<string, TermPostings>;

/** Story numbers by relevance slot: a slot no story has is null (a hole in flexsearch's array). */
export type Posting = [term: string, slots: (number[] | null)[]];

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
