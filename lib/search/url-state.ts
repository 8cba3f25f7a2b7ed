/**
 * The search page's state as it lives in the URL (`?q=…&topics=…&year=…&people=…&
 * organisations=…&languages=all`), so a search can be shared and back/forward work.
 */
import { FACET_KINDS, type FacetSelection } from './query';

export interface SearchState {
  query: string;
  facets: FacetSelection;
  /** True when the reader added the other language's stories. */
  allLanguages: boolean;
}

export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const facets: FacetSelection = {};
  for (const kind of FACET_KINDS) {
    const value = params.get(kind);
    if (value) facets[kind] = value;
  }
  return { query: params.get('q') ?? '', facets, allLanguages: params.get('languages') === 'all' };
}

export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const kind of FACET_KINDS) {
    const value = state.facets[kind];
    if (value) params.set(kind, value);
  }
  if (state.allLanguages) params.set('languages', 'all');
  const text = params.toString();
  return text ? `?${text}` : '';
}
