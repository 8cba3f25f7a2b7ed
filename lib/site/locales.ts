/**
 * The archive's languages. The locale list is the single source: routes, dictionaries and
 * types derive from it. Kept apart from the dictionaries (lib/site/i18n.ts) so that code
 * which only needs to know the languages, such as the search page's first script, does not
 * carry every word of the interface.
 */

export const LOCALES = ['en', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Narrows a route parameter to a locale, or throws: a route only exists for known locales. */
export function assertLocale(value: string): Locale {
  if (!isLocale(value)) throw new Error(`Unknown language "${value}": expected one of ${LOCALES.join(', ')}`);
  return value;
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'vi' : 'en';
}

/** Open Graph style locale tags (`og:locale`). */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en_US', vi: 'vi_VN' };

/**
 * Language tags (BCP 47) for places outside HTML's `lang`: RSS `<language>`, JSON-LD
 * `inLanguage`, hreflang. The locale codes are already valid tags.
 */
export const LANGUAGE_TAGS: Record<Locale, string> = { en: 'en', vi: 'vi' };
