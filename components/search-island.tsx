/**
 * The search page's script: mounts the search page's component into the element the
 * built page holds for it, with React alone. The page ships without Next's runtime like
 * every other page (lib/finishing/page-html.ts), so the search page costs React and the search
 * code, not Next's router as well. It renders anew rather than hydrating: the page's
 * HTML is the same form, shown until this script runs, so what the reader typed into it
 * by then (and the focus) is handed over.
 */
import { createRoot } from 'react-dom/client';
import { isLocale } from '@/lib/site/i18n';
import { SEARCH_ROOT_ID } from '@/lib/finishing/page-html';
import { SearchPage } from './search-page';

const root = document.getElementById(SEARCH_ROOT_ID);
const locale = root?.dataset.locale ?? '';
if (root && isLocale(locale)) {
  const early = root.querySelector<HTMLInputElement>('input[name="q"]');
  createRoot(root).render(
    <SearchPage
      locale={locale}
      typedBeforeScript={early?.value ?? ''}
      focusOnMount={early !== null && document.activeElement === early}
    />,
  );
}
