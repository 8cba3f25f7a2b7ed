import { dictionary, type Locale } from '@/lib/site/i18n';
import { searchEntitiesUrl, searchManifestUrl, searchUrl } from '@/lib/site/urls';

/**
 * The header's search box: a plain form that leads to the search page. The page script
 * (components/page-script.ts) adds the "/" shortcut and, on first focus, fetches the
 * files every query needs (listed in `data-prefetch`) ahead of the search page.
 */
export function SearchBox({ locale }: { locale: Locale }) {
  const words = dictionary(locale);
  return (
    <form role="search" action={searchUrl(locale)} method="get" className="search-box">
      <label htmlFor="site-search" className="visually-hidden">
        {words.searchLabel}
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        placeholder={words.searchPlaceholder}
        autoComplete="off"
        enterKeyHint="search"
        data-prefetch={[searchManifestUrl(locale), searchEntitiesUrl()].join(' ')}
      />
      <button type="submit">{words.searchButton}</button>
    </form>
  );
}
