/**
 * A year's page: its months' stories in pages (the first at the year's address, the
 * others at `page/{n}/` under it), with the years and the year's chart on every page.
 */
import type { Metadata } from 'next';
import { YearIndex, YearStories } from '@/components/archive-years';
import { MonthChart } from '@/components/month-chart';
import { PageFrame } from '@/components/page-frame';
import { PageNavigation } from '@/components/page-navigation';
import { getArchive } from '@/lib/views/archive';
import { assertLocale, dictionary, otherLocale, type Locale } from '@/lib/site/i18n';
import { everyLanguage, listPagination, pageMetadata } from '@/lib/outputs/metadata';
import { yearMonthCounts } from '@/lib/views/timeline';
import { listPageFromSegments, listPageSegments, listPageUrl, yearUrl } from '@/lib/site/urls';
import { storiesByYear } from '@/lib/views/story-lists';
import { laterPages, pageCount, pageNavigation, sectionsOnPage } from '@/lib/views/pagination';

type YearProps = { params: Promise<{ lang: string; year: string; page?: string[] }> };

function yearListPage(lang: string, year: string, page: number) {
  const locale = assertLocale(lang);
  const years = storiesByYear(getArchive().stories);
  const group = years.find((candidate) => String(candidate.year) === year);
  if (!group) throw new Error(`No stories in ${year}`);
  const pageUrl = (target: Locale) => (number: number) => listPageUrl(yearUrl(target, group.year), number);
  const sections = group.months.map(({ month, stories }) => ({ key: month, items: stories }));
  return {
    locale,
    years,
    group,
    page,
    sections: sectionsOnPage(sections, page),
    navigation: pageNavigation(page, pageCount(group.count)),
    pageUrl,
  };
}

async function yearMetadata(lang: string, year: string, page: number): Promise<Metadata> {
  const { locale, group, navigation, pageUrl } = yearListPage(lang, year, page);
  const words = dictionary(locale);
  const title = words.yearTitle(group.year);
  return pageMetadata({
    locale,
    title: page === 1 ? title : words.titleOnPage(title, page),
    description: `${title}: ${words.storyCount(group.count)}.`,
    paths: everyLanguage((target) => pageUrl(target)(page)),
    pagination: listPagination(navigation, pageUrl(locale)),
  });
}

function YearPage({ lang, year, page }: { lang: string; year: string; page: number }) {
  const { locale, years, group, sections, navigation, pageUrl } = yearListPage(lang, year, page);
  const words = dictionary(locale);
  const title = words.yearTitle(group.year);
  return (
    <PageFrame locale={locale} alternate={pageUrl(otherLocale(locale))(page)} path={pageUrl(locale)(page)}>
      <h1>{page === 1 ? title : words.titleOnPage(title, page)}</h1>
      <nav aria-label={words.years} className="year-nav">
        <YearIndex years={years} locale={locale} current={group.year} />
      </nav>
      <MonthChart counts={yearMonthCounts(getArchive().stories, group.year)} locale={locale} id="year-chart" />
      <YearStories year={group.year} sections={sections} locale={locale} />
      <PageNavigation navigation={navigation} pageUrl={pageUrl(locale)} locale={locale} />
    </PageFrame>
  );
}

/** A year's first page at `/{lang}/archive/{yyyy}/` and the others under it, one optional catch-all route. */
export const yearRoute = {
  generateStaticParams() {
    return storiesByYear(getArchive().stories).flatMap((group) =>
      [1, ...laterPages(group.count)].map((page) => ({ year: String(group.year), page: listPageSegments(page) })),
    );
  },
  async generateMetadata({ params }: YearProps): Promise<Metadata> {
    const { lang, year, page } = await params;
    return yearMetadata(lang, year, listPageFromSegments(page));
  },
  async Page({ params }: YearProps) {
    const { lang, year, page } = await params;
    return <YearPage lang={lang} year={year} page={listPageFromSegments(page)} />;
  },
};
