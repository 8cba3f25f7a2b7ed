import type { ReactNode } from 'react';
import type { Locale } from '@/lib/site/i18n';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/**
 * Header, main region and footer of every language page. `alternate` is this page in
 * the other language, or null where it exists in one language only. The search page
 * has its own search field, so it leaves out the header's.
 */
export function PageFrame({
  locale,
  alternate,
  searchBox = true,
  children,
}: {
  locale: Locale;
  alternate: string | null;
  searchBox?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader locale={locale} alternate={alternate} searchBox={searchBox} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
