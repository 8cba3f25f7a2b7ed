import type { ReactNode } from 'react';
import type { Locale } from '@/lib/site/i18n';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/**
 * Header, main region and footer of every language page. `alternate` is this page in
 * the other language, or null where it exists in one language only; `path` is the page's
 * own address, which marks its section in the header. The search page has its own search
 * field, so it leaves out the header's.
 */
export function PageFrame({
  locale,
  alternate,
  path,
  searchBox = true,
  children,
}: {
  locale: Locale;
  alternate: string | null;
  path?: string;
  searchBox?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader locale={locale} alternate={alternate} searchBox={searchBox} path={path} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
