/**
 * The search page's script. It reads what the page holds when it starts and, for a page
 * opened with a query, starts fetching for it; only then does it load the module that
 * mounts the search component with React (components/search-island.tsx). For a query,
 * React's code is evaluated once the query's stories are ranked and their cards asked for:
 * evaluating it takes the main thread, which the shards' parsing and the ranking need
 * before the cards can even be asked for, while the cards' own fetch leaves it idle.
 * What the reader typed into the page's form before React mounts (and the focus) is kept
 * for the component to take over, and wins over the URL's query: it is read again at the
 * mount, since the reader may type while the query's files and React's module are on their way.
 */
import { isLocale, type Locale } from '@/lib/site/i18n';
import { SEARCH_ISLAND } from '@/lib/finishing/islands';
import { readSearchState } from '@/lib/search/url-state';
import { PAGE_SIZE, startSearch } from './search-run';

export interface Arrival {
  root: HTMLElement;
  locale: Locale;
  typedBeforeScript: string;
  focused: boolean;
}

/** What the reader has typed into the server-rendered form so far, and whether its field has the focus. */
function formNow(root: HTMLElement): Pick<Arrival, 'typedBeforeScript' | 'focused'> {
  const field = root.querySelector<HTMLInputElement>('input[name="q"]');
  return { typedBeforeScript: field?.value ?? '', focused: field !== null && document.activeElement === field };
}

/** What the page holds, and the URL's search (settled once its stories are ranked and their cards asked for). */
function arrive(): { root: HTMLElement; locale: Locale; searched: Promise<unknown> } | undefined {
  const root = document.getElementById(SEARCH_ISLAND.root);
  const locale = root?.dataset.locale ?? '';
  if (!root || !isLocale(locale)) return undefined;
  const { typedBeforeScript } = formNow(root);
  const state = readSearchState(window.location.search);
  let searched: Promise<unknown> = Promise.resolve();
  if (typedBeforeScript === '' && state.query.trim() !== '') {
    // A facet in the URL narrows which cards the first page shows: those wait for the page.
    const firstCards = Object.keys(state.facets).length === 0 ? PAGE_SIZE : 0;
    // A failed search is the component's to show: it mounts all the same.
    searched = startSearch(locale, state.query, state.allLanguages, firstCards).catch(() => undefined);
  }
  return { root, locale, searched };
}

const arrived = arrive();
if (arrived) {
  const { root, locale, searched } = arrived;
  void searched
    .then(() => import('./search-island'))
    .then(({ mountSearch }) => mountSearch({ root, locale, ...formNow(root) }));
}
