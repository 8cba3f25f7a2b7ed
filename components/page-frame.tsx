import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/**
 * Header, main region and footer of every language page. `alternate` is this page in
 * the other language, or null where it exists in one language only.
 */
export function PageFrame({ locale, alternate, children }: { locale: Locale; alternate: string | null; children: ReactNode }) {
  return (
    <>
      <SiteHeader locale={locale} alternate={alternate} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
