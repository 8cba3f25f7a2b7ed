import { AboutText } from '@/components/about-text';
import { PageFrame } from '@/components/page-frame';
import { assertLocale, dictionary, otherLocale } from '@/lib/site/i18n';
import { languagePageMetadata, type LanguageRouteProps } from '@/lib/outputs/metadata';
import { aboutUrl } from '@/lib/site/urls';

export const generateMetadata = languagePageMetadata(aboutUrl, (words) => ({
  title: words.aboutTitle,
  description: words.aboutDescription,
}));

export default async function AboutRoute({ params }: LanguageRouteProps) {
  const locale = assertLocale((await params).lang);
  return (
    <PageFrame locale={locale} alternate={aboutUrl(otherLocale(locale))} path={aboutUrl(locale)}>
      <div className="prose">
        <h1>{dictionary(locale).aboutTitle}</h1>
        <AboutText locale={locale} />
      </div>
    </PageFrame>
  );
}
