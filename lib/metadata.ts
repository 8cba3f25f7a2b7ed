/**
 * Page metadata in Next's form: title, description, canonical URL and the hreflang
 * alternates of the languages a page exists in.
 */
import type { Metadata } from 'next';
import { dictionary, LOCALE_TAGS, LOCALES, otherLocale, type Locale } from './i18n';
import { siteUrl } from './urls';

export interface PageDescription {
  locale: Locale;
  title: string;
  description: string;
  /** The page's path in each language it exists in. */
  paths: Partial<Record<Locale, string>>;
  /**
   * The page for readers of neither language (hreflang `x-default`), when it is not the
   * English page: the language homes name the language choice at `/`, which lists them
   * as its alternates, so the set of alternates is answered both ways.
   */
  xDefault?: string;
}

export function pageMetadata({ locale, title, description, paths, xDefault: chosenDefault }: PageDescription): Metadata {
  const languages: Record<string, string> = {};
  for (const candidate of LOCALES) {
    const target = paths[candidate];
    if (target) languages[candidate] = target;
  }
  const xDefault = chosenDefault ?? paths.en ?? paths.vi;
  if (Object.keys(languages).length > 1 && xDefault) languages['x-default'] = xDefault;
  const siteName = dictionary(locale).siteName;
  return {
    metadataBase: siteUrl(),
    title: title === siteName ? title : `${title} · ${siteName}`,
    description,
    alternates: { canonical: paths[locale], languages },
    openGraph: {
      title,
      description,
      siteName,
      locale: LOCALE_TAGS[locale],
      ...(paths[otherLocale(locale)] ? { alternateLocale: LOCALE_TAGS[otherLocale(locale)] } : {}),
      url: paths[locale],
    },
  };
}

/** Paths of a page that exists in every language, built by one URL builder. */
export function everyLanguage(build: (locale: Locale) => string): Record<Locale, string> {
  return { en: build('en'), vi: build('vi') };
}
