import type { Metadata } from 'next';
import { dictionary, LOCALES } from '@/lib/site/i18n';
import { homeUrl } from '@/lib/site/urls';
import './globals.css';

export const metadata: Metadata = {
  title: `${dictionary('en').notFoundTitle} · ${dictionary('vi').notFoundTitle}`,
  // Served at every missing address: search engines must not index it as a page of its own.
  robots: { index: false },
};

/** One static 404 for the whole site, so it speaks both languages; Vietnamese is marked with `lang`. */
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <main id="main" className="not-found">
          <h1>
            {dictionary('en').notFoundTitle} <span lang="vi">· {dictionary('vi').notFoundTitle}</span>
          </h1>
          {LOCALES.map((locale) => (
            <p key={locale} lang={locale}>
              {dictionary(locale).notFoundText} <a href={homeUrl(locale)}>{dictionary(locale).backHome}</a>
            </p>
          ))}
        </main>
      </body>
    </html>
  );
}
