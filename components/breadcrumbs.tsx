import { dictionary, type Locale } from '@/lib/site/i18n';
import type { Crumb } from '@/lib/site/breadcrumbs';
import { breadcrumbListJsonLd } from '@/lib/outputs/structured-data';
import { siteUrl } from '@/lib/site/urls';
import { JsonLd } from './json-ld';

/**
 * The pages above this one, as links, and the whole trail as BreadcrumbList JSON-LD.
 * The page's own name is its heading, so the visible trail stops above it.
 */
export function Breadcrumbs({ trail, locale }: { trail: readonly Crumb[]; locale: Locale }) {
  return (
    <nav aria-label={dictionary(locale).breadcrumb} className="breadcrumbs">
      <JsonLd data={breadcrumbListJsonLd(trail, siteUrl())} />
      <ol>
        {trail.slice(0, -1).map((crumb) => (
          <li key={crumb.path}>
            <a href={crumb.path}>{crumb.name}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
