import { dictionary, type Locale } from '@/lib/site/i18n';
import { archiveUrl, organisationsUrl, peopleUrl, topicsUrl } from '@/lib/site/urls';

/**
 * The index pages every story can be reached from: where the search page sends a reader
 * it cannot help (no results, or no JavaScript to search with).
 */
export function BrowseLinks({ locale }: { locale: Locale }) {
  const words = dictionary(locale);
  const links: [string, string][] = [
    [peopleUrl(locale), words.navPeople],
    [organisationsUrl(locale), words.navOrganisations],
    [topicsUrl(locale), words.navTopics],
    [archiveUrl(locale), words.navArchive],
  ];
  return (
    <ul className="browse-links">
      {links.map(([href, label]) => (
        <li key={href}>
          <a href={href}>{label}</a>
        </li>
      ))}
    </ul>
  );
}
