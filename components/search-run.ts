/**
 * The search page's client (each search file fetched and parsed once) and the search under
 * way. Free of React, so that the search script can start a search before React's code
 * has even been evaluated (components/search-arrival.ts), and the page pick it up.
 */
import { otherLocale, type Locale } from '@/lib/site/locales';
import { createSearchClient, fetchTextOverHttp } from '@/lib/search/search-client';
import { heldWords, holdsTogether, searchStories, type SearchResults } from '@/lib/search/query';
import type { SearchDoc } from '@/lib/search/documents';

export const searchClient = createSearchClient(fetchTextOverHttp);

/** Result cards are fetched a page at a time. */
export const PAGE_SIZE = 10;

/** What one query found, in the languages it was asked in, and which of its words some story has (`heldWords`). */
export type Found = SearchResults & { query: string; allLanguages: boolean; held: ReadonlySet<string> };

/** A search begun before the page's component mounted, with the cards of its first hits that arrived. */
export interface ArrivedSearch {
  found: Found;
  cards: SearchDoc[];
}

/** The languages a search on the page of `locale` looks in: its own, and the other one when the reader asks for it. */
const searchedLocales = (locale: Locale, allLanguages: boolean): Locale[] =>
  allLanguages ? [locale, otherLocale(locale)] : [locale];

/** The search under way or last done. */
let latestSearch: { key: string; found: Promise<Found> } | undefined;

/**
 * Searches for a query in the reader's language (and the other one when asked), fetching
 * only the index shards and tag lists the query needs; the same query asked again while
 * under way or just done is the same search.
 */
export function startSearch(locale: Locale, query: string, allLanguages: boolean): Promise<Found> {
  const key = JSON.stringify([locale, query, allLanguages]);
  if (latestSearch?.key === key) return latestSearch.found;
  const found = searchClient.prepare(searchedLocales(locale, allLanguages), query).then((prepared): Found => {
    const results = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
    return { query, allLanguages, held: heldWords(prepared.languages, query), ...results };
  });
  const search = { key, found };
  latestSearch = search;
  found.catch(() => {
    if (latestSearch === search) latestSearch = undefined;
  });
  return found;
}

/**
 * Whether the stories a search found hold its words together as typed (holdsTogether), rather than only being tagged
 * with an entity a part of it names: asked of a search that found little, before "Did you mean" rewrites it.
 */
export async function foundTogether(locale: Locale, query: string, allLanguages: boolean): Promise<boolean> {
  const prepared = await searchClient.prepare(searchedLocales(locale, allLanguages), query);
  return holdsTogether(prepared.languages, query);
}
