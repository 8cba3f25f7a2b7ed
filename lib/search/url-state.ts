/**
 * The search page's state as it lives in the URL (`?q=…&topics=…&year=…&people=…&
 * organisations=…&languages=all&apart=1`), so a search can be shared, reloaded, and back/forward work.
 */
import { FACET_KINDS, type FacetSelection } from './query';

export interface SearchState {
  query: string;
  facets: FacetSelection;
  /** True when the reader added the other language's stories. */
  allLanguages: boolean;
  /** True when the reader opened the list of stories that hold the words only apart. */
  apart: boolean;
}

export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const facets: FacetSelection = {};
  for (const kind of FACET_KINDS) {
    const value = params.get(kind);
    if (value) facets[kind] = value;
  }
  return {
    query: params.get('q') ?? '',
    facets,
    allLanguages: params.get('languages') === 'all',
    apart: params.get('apart') === '1',
  };
}

export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const kind of FACET_KINDS) {
    const value = state.facets[kind];
    if (value) params.set(kind, value);
  }
  if (state.allLanguages) params.set('languages', 'all');
  if (state.apart) params.set('apart', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}
