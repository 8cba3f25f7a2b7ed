/**
 * The search page's script: mounts the search page's component into the element the
 * built page holds for it, with React alone. The page ships without Next's runtime like
 * every other page (lib/finishing/page-html.ts), so the search page costs React and the search
 * code, not Next's router as well. It mounts rather than hydrates: the server's markup
 * is a plain form that searches without script (a GET to this page), and the component's
 * first render already shows the URL's search.
 */
// First, so that a query in the URL is on its way before the rest is evaluated.
import { arrival } from './search-arrival';
import { createRoot } from 'react-dom/client';
import { SearchPage } from './search-page';

if (arrival) {
  createRoot(arrival.root).render(
    <SearchPage locale={arrival.locale} typedBeforeScript={arrival.typedBeforeScript} focusOnMount={arrival.focused} />,
  );
}
