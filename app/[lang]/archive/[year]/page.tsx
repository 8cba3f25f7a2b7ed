import type { Metadata } from 'next';
import { YearIndex, YearStories } from '@/components/archive-years';
import { MonthChart } from '@/components/month-chart';
import { PageFrame } from '@/components/page-frame';
import { getArchive } from '@/lib/views/archive';
import { assertLocale, dictionary, otherLocale } from '@/lib/site/i18n';
import { everyLanguage, pageMetadata } from '@/lib/outputs/metadata';
import { yearUrl } from '@/lib/site/urls';
import { yearMonthCounts } from '@/lib/views/timeline';
import { storiesByYear } from '@/lib/views/story-lists';

export const dynamicParams = false;

export function generateStaticParams() {
  return storiesByYear(getArchive().stories).map((group) => ({ year: String(group.year) }));
}

type Props = { params: Promise<{ lang: string; year: string }> };

async function resolve(params: Props['params']) {
  const { lang, year } = await params;
  const locale = assertLocale(lang);
  const years = storiesByYear(getArchive().stories);
  const group = years.find((candidate) => String(candidate.year) === year);
  if (!group) throw new Error(`No stories in ${year}`);
  return { locale, years, group };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, group } = await resolve(params);
  const words = dictionary(locale);
  return pageMetadata({
    locale,
    title: words.yearTitle(group.year),
    description: `${words.yearTitle(group.year)}: ${words.storyCount(group.count)}.`,
    paths: everyLanguage((target) => yearUrl(target, group.year)),
  });
}

export default async function YearPage({ params }: Props) {
  const { locale, years, group } = await resolve(params);
  const words = dictionary(locale);
  return (
    <PageFrame locale={locale} alternate={yearUrl(otherLocale(locale), group.year)} path={yearUrl(locale, group.year)}>
      <h1>{words.yearTitle(group.year)}</h1>
      <nav aria-label={words.years} className="year-nav">
        <YearIndex years={years} locale={locale} current={group.year} />
      </nav>
      <MonthChart counts={yearMonthCounts(getArchive().stories, group.year)} locale={locale} id="year-chart" />
      <YearStories group={group} locale={locale} />
    </PageFrame>
  );
}
