import { dictionary, type Locale } from '@/lib/site/i18n';
import type { PageNavigation as Navigation } from '@/lib/views/pagination';

/**
 * The numbered navigation under a long list: first, previous, the pages near the current
 * one (marked aria-current), next and last. Plain links, so it works without script.
 */
export function PageNavigation({
  navigation,
  pageUrl,
  locale,
}: {
  navigation: Navigation | null;
  /** The address of a page of this list (lib/site/urls.ts `listPageUrl`). */
  pageUrl: (page: number) => string;
  locale: Locale;
}) {
  if (!navigation) return null;
  const words = dictionary(locale);
  const { current, count, first, previous, next, last, nearby, gapBefore, gapAfter } = navigation;
  const gap = (
    <li className="page-nav__gap" aria-hidden="true">
      …
    </li>
  );
  return (
    <nav aria-label={words.pageNavigation} className="page-nav">
      <p className="page-nav__status">{words.pageOfCount(current, count)}</p>
      <ul className="page-nav__pages">
        {first !== undefined && (
          <li>
            <a href={pageUrl(first)}>
              <Arrow>«</Arrow> {words.firstPage}
            </a>
          </li>
        )}
        {previous !== undefined && (
          <li>
            <a href={pageUrl(previous)} rel="prev">
              <Arrow>‹</Arrow> {words.previousPage}
            </a>
          </li>
        )}
        {gapBefore && gap}
        {nearby.map((page) => (
          <li key={page}>
            <a
              href={pageUrl(page)}
              aria-label={words.pageNumber(page)}
              aria-current={page === current ? 'page' : undefined}
            >
              {page}
            </a>
          </li>
        ))}
        {gapAfter && gap}
        {next !== undefined && (
          <li>
            <a href={pageUrl(next)} rel="next">
              {words.nextPage} <Arrow>›</Arrow>
            </a>
          </li>
        )}
        {last !== undefined && (
          <li>
            <a href={pageUrl(last)}>
              {words.lastPage} <Arrow>»</Arrow>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** An arrow beside a link's word: drawn for the eye, not read out. */
function Arrow({ children }: { children: string }) {
  return <span aria-hidden="true">{children}</span>;
}
