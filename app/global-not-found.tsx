import type { Metadata } from 'next';
import { sectionLinks } from '@/components/site-header';
import { SearchBox } from '@/components/search-box';
import { LatestStories } from '@/components/latest-stories';
import { getArchive } from '@/lib/views/archive';
import { dictionary, LOCALES, type Locale } from '@/lib/site/i18n';
import { homeUrl } from '@/lib/site/urls';
import { storiesIn } from '@/lib/views/story-lists';
import './globals.css';

/** How many of the newest stories the 404 page offers in each language. */
const LATEST = 5;

export const metadata: Metadata = {
  title: `${dictionary('en').notFoundTitle} · ${dictionary('vi').notFoundTitle}`,
  // Served at every missing address: search engines must not index it as a page of its own.
  robots: { index: false },
};

/**
 * One static 404 for the whole site, so it speaks both languages; Vietnamese is marked
 * with `lang`. Each language offers a way on: its home page, search, its sections and its
 * newest stories.
 */
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <main id="main" className="not-found">
          <h1>
            {dictionary('en').notFoundTitle} <span lang="vi">· {dictionary('vi').notFoundTitle}</span>
          </h1>
          <div className="not-found__languages">
            {LOCALES.map((locale) => (
              <WayOn key={locale} locale={locale} />
            ))}
          </div>
        </main>
      </body>
    </html>
  );
}

function WayOn({ locale }: { locale: Locale }) {
  const words = dictionary(locale);
  const { stories } = getArchive();
  return (
    <section lang={locale} aria-labelledby={`way-on-${locale}`} className="not-found__language">
      <h2 id={`way-on-${locale}`}>{words.languageName}</h2>
      <p>
        {words.notFoundText} <a href={homeUrl(locale)}>{words.backHome}</a>
      </p>
      <SearchBox locale={locale} fieldId={`search-${locale}`} />
      <nav aria-label={words.mainNavigation} className="site-nav">
        <ul>
          {sectionLinks(locale).map((link) => (
            <li key={link.href}>
              <a href={link.href}>{link.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {storiesIn(stories, locale).length > 0 && (
        <>
          <h3>{words.latestStories}</h3>
          <LatestStories stories={stories} locale={locale} count={LATEST} />
        </>
      )}
    </section>
  );
}
