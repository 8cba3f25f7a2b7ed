import { dictionary, type Locale } from '@/lib/site/i18n';
import { archiveUrl, homeUrl, organisationsUrl, peopleUrl, topicsUrl } from '@/lib/site/urls';
import { LanguageSwitcher } from './language-switcher';
import { SearchBox } from './search-box';

export function SiteHeader({
  locale,
  alternate,
  searchBox,
}: {
  locale: Locale;
  alternate: string | null;
  searchBox: boolean;
}) {
  const words = dictionary(locale);
  const links = [
    { href: topicsUrl(locale), label: words.navTopics },
    { href: archiveUrl(locale), label: words.navArchive },
    { href: peopleUrl(locale), label: words.navPeople },
    { href: organisationsUrl(locale), label: words.navOrganisations },
  ];
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
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
