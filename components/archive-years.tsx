import { formatMonthName } from '@/lib/site/dates';
import { dictionary, type Locale } from '@/lib/site/i18n';
import { monthAnchor, yearUrl } from '@/lib/site/urls';
import type { YearGroup } from '@/lib/views/story-lists';
import { StoryList } from './story-list';

/** Years with their story counts, each linking to its year page; the `current` year's link is marked. */
export function YearIndex({
  years,
  locale,
  current,
}: {
  years: readonly YearGroup[];
  locale: Locale;
  current?: number;
}) {
  const words = dictionary(locale);
  return (
    <ul className="year-index">
      {years.map((group) => (
        <li key={group.year}>
          <a href={yearUrl(locale, group.year)} aria-current={group.year === current ? 'page' : undefined}>
            {group.year}
          </a>{' '}
          <span className="count">({words.storyCount(group.count)})</span>
        </li>
      ))}
    </ul>
  );
}

/** One year's stories under a heading per month, newest month first. */
export function YearStories({ group, locale }: { group: YearGroup; locale: Locale }) {
  return (
    <>
      {group.months.map(({ month, stories }) => (
        <section key={month} aria-labelledby={monthAnchor(group.year, month)} className="month">
          <h2 id={monthAnchor(group.year, month)}>{formatMonthName(month, locale)}</h2>
          <StoryList stories={stories} locale={locale} headingLevel={3} />
        </section>
      ))}
    </>
  );
}
