'use client';

import { useRef } from 'react';
import { dictionary, type Locale } from '@/lib/i18n';
import { searchEntitiesUrl, searchManifestUrl, searchUrl } from '@/lib/urls';
import { useSlashToFocus } from './use-slash-to-focus';

/**
 * The header's search box: a plain form that leads to the search page, so it works
 * without JavaScript. With it, "/" focuses the box from anywhere, and the first focus
 * fetches the search files ahead of the search page.
 */
export function SearchBox({ locale }: { locale: Locale }) {
  const words = dictionary(locale);
  const input = useRef<HTMLInputElement>(null);
  const warmed = useRef(false);

  useSlashToFocus(input);

  const warm = () => {
    if (warmed.current) return;
    warmed.current = true;
    // Into the HTTP cache, at low priority; the search page reads them from there. The
    // index shards depend on the query, so only what every query needs is fetched ahead.
    for (const href of [searchManifestUrl(locale), searchEntitiesUrl()]) {
      fetch(href, { priority: 'low' }).catch(() => undefined);
    }
  };

  return (
    <form role="search" action={searchUrl(locale)} method="get" className="search-box">
      <label htmlFor="site-search" className="visually-hidden">
        {words.searchLabel}
      </label>
      <input ref={input} id="site-search" type="search" name="q" placeholder={words.searchPlaceholder} onFocus={warm} autoComplete="off" enterKeyHint="search" />
      <button type="submit">{words.searchButton}</button>
    </form>
  );
}
