import { formatMonthName } from '@/lib/site/dates';
import { dictionary, type Locale } from '@/lib/site/i18n';
import { monthAnchor, yearUrl } from '@/lib/site/urls';
import type { Story } from '@/lib/content/schema';
import type { YearGroup } from '@/lib/views/story-lists';
import type { SectionOnPage } from '@/lib/views/pagination';
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

/**
 * One page of a year's stories under a heading per month, newest month first. The month's
 * anchor is on the page where it starts; a month carried over from the page before says so.
 */
export function YearStories({
  year,
  sections,
  locale,
}: {
  year: number;
  sections: readonly SectionOnPage<number, Story>[];
  locale: Locale;
}) {
  const words = dictionary(locale);
  return (
    <>
      {sections.map(({ key: month, items, continued }) => {
        const id = continued ? `${monthAnchor(year, month)}-continued` : monthAnchor(year, month);
        const name = formatMonthName(month, locale);
        return (
          <section key={month} aria-labelledby={id} className="month">
            <h2 id={id}>{continued ? words.monthContinued(name) : name}</h2>
            <StoryList stories={items} locale={locale} headingLevel={3} />
          </section>
        );
      })}
    </>
  );
}
