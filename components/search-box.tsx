import { dictionary, type Locale } from '@/lib/site/i18n';
import { searchEntitiesUrl, searchManifestUrl, searchUrl } from '@/lib/site/urls';

/**
 * The header's search box: a plain form that leads to the search page. The page script
 * (components/page-script.ts) adds the "/" shortcut and, on first focus, fetches the
 * files every query needs (listed in `data-prefetch`) ahead of the search page.
 * `fieldId` tells apart the boxes of a page that has one per language (the 404 page).
 */
export function SearchBox({ locale, fieldId = 'site-search' }: { locale: Locale; fieldId?: string }) {
  const words = dictionary(locale);
  return (
    <form role="search" aria-label={words.searchLabel} action={searchUrl(locale)} method="get" className="search-box">
      <label htmlFor={fieldId} className="visually-hidden">
        {words.searchLabel}
      </label>
      <input
        id={fieldId}
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
