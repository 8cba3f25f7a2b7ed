import { dictionary, type Locale } from '@/lib/i18n';

export function SiteFooter({ locale }: { locale: Locale }) {
  const words = dictionary(locale);
  return (
    <footer className="site-footer">
      <p>
        {words.siteName}. {words.footerNote}
      </p>
    </footer>
  );
}
