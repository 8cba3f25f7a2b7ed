import type { Metadata } from 'next';
import { dictionary, LOCALES } from '@/lib/site/i18n';
import { languageChoiceMetadata } from '@/lib/outputs/metadata';
import { homeUrl } from '@/lib/site/urls';

export const metadata: Metadata = languageChoiceMetadata();

export default function LanguageChoicePage() {
  return (
    <main id="main" className="language-choice">
      <h1>
        {dictionary('en').siteName} <span lang="vi">· {dictionary('vi').siteName}</span>
      </h1>
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale} lang={locale}>
            <a href={homeUrl(locale)} hrefLang={locale}>
              <strong>{dictionary(locale).languageName}</strong>
              <span>{dictionary(locale).siteTagline}</span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
