/**
 * The client components of the site, each declared once: the script of components/
 * bundled for it, the pages that load that script, and the element of those pages it
 * renders into. The build bundles each island, finishing adds its script to its pages
 * only, and the tests hold both to this list.
 */
import { LOCALES } from '../site/locales';
import { searchEntitiesUrl, searchManifestUrl, searchUrl } from '../site/urls';

export interface Island {
  /** The bundle's name: its script is `/{name}.{hash}.js`, the modules it imports `/{name}-shared.{hash}.js`. */
  name: string;
  /**
   * The script in components/ that the island's pages load, as a module: it starts the
   * island's work and imports the rest (React's code) itself, which the page fetches ahead.
   */
  entry: string;
  /** The URL paths of the pages that load it. */
  pages: readonly string[];
  /** The id of the element it renders into; the element carries the page's language. */
  root: string;
  /**
   * The files its script fetches first on the page at a URL path, whatever the reader asks:
   * the page asks for them while the script itself loads (lib/finishing/page-html.ts).
   */
  fetchesFirst: (urlPath: string) => readonly string[];
}

/** The search page: mounted with React alone on each language's search page. */
export const SEARCH_ISLAND = {
  name: 'search',
  // A query in the URL starts fetching before React's code is evaluated.
  entry: 'search-arrival.ts',
  pages: LOCALES.map((locale) => searchUrl(locale)),
  root: 'search-root',
  // A query's shards are found through its language's manifest, and names through the registry.
  fetchesFirst: (urlPath: string) =>
    LOCALES.filter((locale) => searchUrl(locale) === urlPath).flatMap((locale) => [
      searchManifestUrl(locale),
      searchEntitiesUrl(),
    ]),
} as const satisfies Island;

/** The search page's server-rendered start (what can be searched), hidden by the search island while a query is shown. */
export const SEARCH_START_ID = 'search-start';

export const ISLANDS = [SEARCH_ISLAND] as const satisfies readonly Island[];

type DeclaredIsland = (typeof ISLANDS)[number];
export type IslandName = DeclaredIsland['name'];

/** The islands a page at `urlPath` carries. */
export function islandsOfPage(urlPath: string): DeclaredIsland[] {
  return ISLANDS.filter((island) => (island.pages as readonly string[]).includes(urlPath));
}
