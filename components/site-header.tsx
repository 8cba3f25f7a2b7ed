import { dictionary, type Locale } from '@/lib/site/i18n';
import { archiveUrl, homeUrl, organisationsUrl, peopleUrl, topicsUrl } from '@/lib/site/urls';
import { LanguageSwitcher } from './language-switcher';
import { SearchBox } from './search-box';

/**
 * The site's name, language switch, search box and sections. `path` is the page's own
 * address: the section it is, or is in, is marked current.
 */
export function SiteHeader({
  locale,
  alternate,
  searchBox,
  path,
}: {
  locale: Locale;
  alternate: string | null;
  searchBox: boolean;
  path?: string;
}) {
  const words = dictionary(locale);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="site-name" href={homeUrl(locale)}>
          {words.siteName}
        </a>
        <LanguageSwitcher locale={locale} target={alternate} />
        {searchBox && <SearchBox locale={locale} />}
        <nav aria-label={words.mainNavigation} className="site-nav">
          <ul>
            {sectionLinks(locale).map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={currentness(link.href, path)}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

/** The site's sections, as the header and the 404 page link them. */
export function sectionLinks(locale: Locale): { href: string; label: string }[] {
  const words = dictionary(locale);
  return [
    { href: topicsUrl(locale), label: words.navTopics },
    { href: archiveUrl(locale), label: words.navArchive },
    { href: peopleUrl(locale), label: words.navPeople },
    { href: organisationsUrl(locale), label: words.navOrganisations },
  ];
}

/** "page" on the section's own page, "true" on a page inside it (a topic in Topics). */
function currentness(sectionPath: string, path: string | undefined): 'page' | 'true' | undefined {
  if (path === undefined || !path.startsWith(sectionPath)) return undefined;
  return path === sectionPath ? 'page' : 'true';
}
