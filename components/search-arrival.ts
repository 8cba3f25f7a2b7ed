/**
 * What the search page holds when the search script starts, read before anything else
 * of it runs: the search script imports this module first, so that a page opened with a
 * query starts fetching for it before React's code is evaluated and mounted. What the
 * reader typed into the page's form before the script ran (and the focus) is kept for
 * the page to take over, and wins over the URL's query.
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

function arrive(): Arrival | undefined {
  const root = document.getElementById(SEARCH_ISLAND.root);
  const locale = root?.dataset.locale ?? '';
  if (!root || !isLocale(locale)) return undefined;
  const field = root.querySelector<HTMLInputElement>('input[name="q"]');
  const typedBeforeScript = field?.value ?? '';
  const state = readSearchState(window.location.search);
  if (typedBeforeScript === '' && state.query.trim() !== '') {
    // A facet in the URL narrows which cards the first page shows: those wait for the page.
    const firstCards = Object.keys(state.facets).length === 0 ? PAGE_SIZE : 0;
    startSearch(locale, state.query, state.allLanguages, firstCards).catch(() => undefined);
  }
  return { root, locale, typedBeforeScript, focused: field !== null && document.activeElement === field };
}

export const arrival = arrive();
