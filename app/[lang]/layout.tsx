import type { ReactNode } from 'react';
import { assertLocale, dictionary, LOCALES } from '@/lib/site/i18n';
import '../globals.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return LOCALES.map((lang) => ({ lang }));
}

export default async function LanguageLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ lang: string }>;
}) {
  const locale = assertLocale((await params).lang);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {dictionary(locale).skipToContent}
        </a>
        {children}
      </body>
    </html>
  );
}
