/**
 * Mounts the search page's component into the element the built page holds for it, with
 * React alone; loaded by the search page's script (components/search-arrival.ts). The page
 * ships without Next's runtime like every other page (lib/finishing/page-html.ts), so the
 * search page costs React and the search code, not Next's router as well. It mounts rather
 * than hydrates: the server's markup is a plain form that searches without script (a GET
 * to this page), and the component's first render already shows the URL's search.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Arrival } from './search-arrival';
import { SearchPage } from './search-page';

/**
 * The first render is committed at once (flushSync), in the task that read what the reader had typed: a render left
 * to React's scheduler commits a task later, and the keys typed in between, into the form it replaces, were lost.
 */
export function mountSearch(arrival: Arrival): void {
  const root = createRoot(arrival.root);
  flushSync(() =>
    root.render(
      <SearchPage
        locale={arrival.locale}
        typedBeforeScript={arrival.typedBeforeScript}
        focusOnMount={arrival.focused}
        arrived={arrival.search}
      />,
    ),
  );
}
