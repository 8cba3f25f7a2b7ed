import { MonthChart } from '@/components/month-chart';
import { PageFrame } from '@/components/page-frame';
import { formatMonthName } from '@/lib/site/dates';
import { getArchive } from '@/lib/views/archive';
import { assertLocale, dictionary, otherLocale } from '@/lib/site/i18n';
import { languagePageMetadata, type LanguageRouteProps } from '@/lib/outputs/metadata';
import { archiveUrl, monthUrl, yearUrl } from '@/lib/site/urls';
import { monthlyCounts } from '@/lib/views/timeline';
import { storiesByYear } from '@/lib/views/story-lists';
import { monthStartPages } from '@/lib/views/month-pages';

export const generateMetadata = languagePageMetadata(archiveUrl, (words) => ({
  title: words.archiveTitle,
  description: words.archiveIntro,
}));

export default async function ArchivePage({ params }: LanguageRouteProps) {
  const locale = assertLocale((await params).lang);
  const words = dictionary(locale);
  const { stories } = getArchive();
  const years = storiesByYear(stories);
  const counts = monthlyCounts(stories);
  const startPage = monthStartPages(counts);
  return (
    <PageFrame locale={locale} alternate={archiveUrl(otherLocale(locale))} path={archiveUrl(locale)}>
      <h1>{words.archiveTitle}</h1>
      <p className="lede">{words.archiveIntro}</p>
      <MonthChart counts={counts} locale={locale} id="archive-chart" />
      {years.map((group) => (
        <section key={group.year} aria-labelledby={`y-${group.year}`} className="archive-year">
          <h2 id={`y-${group.year}`}>
            <a href={yearUrl(locale, group.year)}>{group.year}</a>{' '}
            <span className="count">({words.storyCount(group.count)})</span>
          </h2>
          <ul className="month-index">
            {group.months.map(({ month, stories }) => (
              <li key={month}>
                <a href={monthUrl(locale, group.year, month, startPage(group.year, month))}>
                  {formatMonthName(month, locale)}
                </a>{' '}
                <span className="count">({words.storyCount(stories.length)})</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </PageFrame>
  );
}
