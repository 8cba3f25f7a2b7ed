/**
 * The search page's script. It reads what the page holds when it starts and, for a page
 * opened with a query, starts fetching for it; at the same time it asks for the module
 * that mounts the search component with React (components/search-island.tsx), so that
 * React's code is evaluated while the query's shards are on their way, when the main
 * thread would otherwise wait, rather than after the ranking, where it would stand between
 * the first card's arrival and its render. The component then mounts with the ranking and
 * the first story's card, so that its first render shows the first result (no render of an
 * empty page, no wait for the other cards, which the component asks for once that render is
 * in and shows as they arrive). Only that one card is asked for before the first render: every
 * request and every response costs the page's one thread time, which the rest of the
 * first page's cards would take from the first result. What the reader
 * typed into the page's form before React mounts (and the focus) is kept for the component
 * to take over, and wins over the URL's query: it is read again at the mount, since the
 * reader may type while the query's files and React's module are on their way.
 */
import { isLocale, type Locale } from '@/lib/site/locales';
import { SEARCH_ISLAND } from '@/lib/finishing/islands';
import { readSearchState } from '@/lib/search/url-state';
import { searchClient, startSearch, type ArrivedSearch, type Found } from './search-run';

export interface Arrival {
  root: HTMLElement;
  locale: Locale;
  typedBeforeScript: string;
  focused: boolean;
  /** The URL's search, begun before React's code ran. */
  search?: ArrivedSearch;
}

/** What the reader has typed into the server-rendered form so far, and whether its field has the focus. */
function formNow(root: HTMLElement): Pick<Arrival, 'typedBeforeScript' | 'focused'> {
  const field = root.querySelector<HTMLInputElement>('input[name="q"]');
  return { typedBeforeScript: field?.value ?? '', focused: field !== null && document.activeElement === field };
}

/** What the page holds, and the URL's search once its stories are ranked (undefined when the page shows none at once). */
function arrive():
  { root: HTMLElement; locale: Locale; ranked?: Promise<Found | undefined>; cardFirst: boolean } | undefined {
  const root = document.getElementById(SEARCH_ISLAND.root);
  const locale = root?.dataset.locale ?? '';
  if (!root || !isLocale(locale)) return undefined;
  const { typedBeforeScript } = formNow(root);
  const state = readSearchState(window.location.search);
  if (typedBeforeScript !== '' || state.query.trim() === '') return { root, locale, cardFirst: false };
  // A facet in the URL narrows which cards the first page shows: those wait for the page.
  const cardFirst = Object.keys(state.facets).length === 0;
  // A failed search is the component's to show: it mounts all the same.
  const ranked = startSearch(locale, state.query, state.allLanguages).catch(() => undefined);
  return { root, locale, ranked, cardFirst };
}

/** The URL's search and the card of its first hit, which the first render shows. */
async function searchWithFirstCard(found: Found | undefined, cardFirst: boolean): Promise<ArrivedSearch | undefined> {
  if (!found) return undefined;
  const cards = cardFirst ? await searchClient.cards(found.hits.slice(0, 1)).catch(() => []) : [];
  return { found, cards };
}

const arrived = arrive();
if (arrived) {
  const { root, locale, ranked, cardFirst } = arrived;
  const island = import('./search-island');
  void (ranked ?? Promise.resolve(undefined)).then(async (found) => {
    const [{ mountSearch }, search] = await Promise.all([island, searchWithFirstCard(found, cardFirst)]);
    mountSearch({ root, locale, ...formNow(root), search });
  });
}
