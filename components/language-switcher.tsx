'use client';

import type { MouseEvent } from 'react';
import { dictionary, otherLocale, type Locale } from '@/lib/i18n';

/**
 * Links to the same page in the other language. Where the page exists in one language
 * only, says so in the other language instead of linking to a page that is not there.
 * The link is plain HTML; with JavaScript it also carries the page's query string
 * (the search page keeps its query and facets there), which the build cannot know.
 */
export function LanguageSwitcher({ locale, target }: { locale: Locale; target: string | null }) {
  const other = otherLocale(locale);
  const words = dictionary(other);
  // The link is followed after the click's handlers run, so it takes the query set here.
  const keepQuery = (event: MouseEvent<HTMLAnchorElement>) => {
    event.currentTarget.search = window.location.search;
  };
  return (
    <div className="language-switcher">
      <span className="visually-hidden">{dictionary(locale).languageSwitcher}: </span>
      {target ? (
        <a href={target} hrefLang={other} lang={other} rel="alternate" onClick={keepQuery}>
          {words.languageName}
        </a>
      ) : (
        <span lang={other} className="unavailable">
          {words.languageName}: {words.notAvailableIn}
        </span>
      )}
    </div>
  );
}
