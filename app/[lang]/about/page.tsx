import type { Metadata } from 'next';
import { AboutText } from '@/components/about-text';
import { PageFrame } from '@/components/page-frame';
import { assertLocale, dictionary, otherLocale } from '@/lib/i18n';
import { everyLanguage, pageMetadata } from '@/lib/metadata';
import { aboutUrl } from '@/lib/urls';

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = assertLocale((await params).lang);
  const words = dictionary(locale);
  return pageMetadata({
    locale,
    title: words.aboutTitle,
    description: words.aboutDescription,
    paths: everyLanguage(aboutUrl),
  });
}

export default async function AboutRoute({ params }: Props) {
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
