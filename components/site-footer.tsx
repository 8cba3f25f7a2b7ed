import { dictionary, type Locale } from '@/lib/site/i18n';
import { aboutUrl, feedUrl } from '@/lib/site/urls';

export function SiteFooter({ locale }: { locale: Locale }) {
  const words = dictionary(locale);
  return (
    <footer className="site-footer">
      <p>
        {words.siteName}. {words.footerNote}
      </p>
      <p>
        <a href={aboutUrl(locale)}>{words.aboutTitle}</a>
        <span aria-hidden="true"> · </span>
        <a href={feedUrl(locale)} type="application/rss+xml">
          {words.feedLink}
        </a>
      </p>
    </footer>
  );
}
