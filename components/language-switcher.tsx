import { dictionary, otherLocale, type Locale } from '@/lib/site/i18n';

/**
 * Links to the same page in the other language. Where the page exists in one language
 * only, says so in the other language instead of linking to a page that is not there.
 * The page script makes the link carry the page's query string.
 */
export function LanguageSwitcher({ locale, target }: { locale: Locale; target: string | null }) {
  const other = otherLocale(locale);
  const words = dictionary(other);
  return (
    <div className="language-switcher">
      <span className="visually-hidden">{dictionary(locale).languageSwitcher}: </span>
      {target ? (
        <a href={target} hrefLang={other} lang={other} rel="alternate">
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
