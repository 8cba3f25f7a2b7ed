import type { Metadata } from 'next';
import { PageFrame } from '@/components/page-frame';
import { MonthChart } from '@/components/month-chart';
import { PageNavigation } from '@/components/page-navigation';
import { StoryList } from '@/components/story-list';
import { formatStoryDate } from '@/lib/site/dates';
import { archiveSpan, monthlyCounts } from '@/lib/views/timeline';
import { getArchive } from '@/lib/views/archive';
import { sortByName } from '@/lib/views/entities';
import { assertLocale, dictionary, otherLocale, type Locale } from '@/lib/site/i18n';
import { everyLanguage, HOME_X_DEFAULT, listPagination, pageMetadata } from '@/lib/outputs/metadata';
import { archiveUrl, homeUrl, listPageFromSegments, listPageSegments, listPageUrl, topicUrl } from '@/lib/site/urls';
import { countsBy } from '@/lib/views/story-lists';
import { itemsOnPage, laterPages, pageCount, pageNavigation } from '@/lib/views/pagination';

/**
 * The home page begins the list of the latest stories; its later pages are
 * `/{lang}/page/{n}/` (one optional catch-all route, so a short archive still has it).
 */
export const dynamicParams = false;

/** The home page's chart shows the last two years, so it fits a phone at its own size. */
const RECENT_MONTHS = 24;

export function generateStaticParams() {
  return [1, ...laterPages(getArchive().stories.length)].map((page) => ({ page: listPageSegments(page) }));
}

type Props = { params: Promise<{ lang: string; page?: string[] }> };

async function resolve(params: Props['params']) {
  const { lang, page: segments } = await params;
  const locale = assertLocale(lang);
  const page = listPageFromSegments(segments);
  const { stories } = getArchive();
  const pageUrl = (target: Locale) => (number: number) => listPageUrl(homeUrl(target), number);
  return {
    locale,
    page,
    onPage: itemsOnPage(stories, page),
    navigation: pageNavigation(page, pageCount(stories.length)),
    pageUrl,
  };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, page, navigation, pageUrl } = await resolve(params);
  const words = dictionary(locale);
  return pageMetadata({
    locale,
    title: page === 1 ? words.siteName : words.titleOnPage(words.latestStories, page),
    description: words.siteTagline,
    paths: everyLanguage((target) => pageUrl(target)(page)),
    ...(page === 1 ? { xDefault: HOME_X_DEFAULT } : {}),
    pagination: listPagination(navigation, pageUrl(locale)),
  });
}

export default async function HomePage({ params }: Props) {
  const { locale, page, onPage, navigation, pageUrl } = await resolve(params);
  const words = dictionary(locale);
  const pages = <PageNavigation navigation={navigation} pageUrl={pageUrl(locale)} locale={locale} />;
  if (page > 1)
    return (
      <PageFrame locale={locale} alternate={pageUrl(otherLocale(locale))(page)} path={pageUrl(locale)(page)}>
        <h1>{words.titleOnPage(words.latestStories, page)}</h1>
        <StoryList stories={onPage} locale={locale} />
        {pages}
      </PageFrame>
    );
  const { stories, topics } = getArchive();
  const counts = countsBy(stories, 'topics');
  const span = archiveSpan(stories);
  return (
    <PageFrame locale={locale} alternate={homeUrl(otherLocale(locale))} path={homeUrl(locale)}>
      <h1 className="visually-hidden">{words.siteName}</h1>
      <p className="lede">{words.siteTagline}</p>
      {span && (
        <p className="archive-span">
          {words.archiveSpan(formatStoryDate(span.first, locale), formatStoryDate(span.last, locale))}{' '}
          <a href={archiveUrl(locale)}>{words.browseArchive}</a>
        </p>
      )}
      <div className="home">
        <section aria-labelledby="latest" className="home__latest">
          <h2 id="latest">{words.latestStories}</h2>
          <StoryList stories={onPage} locale={locale} headingLevel={3} />
          {pages}
        </section>
        <section aria-labelledby="topics" className="home__topics">
          <h2 id="topics">{words.topics}</h2>
          <ul className="topic-list">
            {sortByName(topics, locale).map((topic) => (
              <li key={topic.id}>
                <a href={topicUrl(locale, topic.id)}>{topic.name[locale]}</a>{' '}
                <span className="count">({words.storyCount(counts.get(topic.id) ?? 0)})</span>
              </li>
            ))}
          </ul>
          <a href={archiveUrl(locale)} className="chart-link">
            <MonthChart counts={monthlyCounts(stories).slice(-RECENT_MONTHS)} locale={locale} compact id="home-chart" />
          </a>
        </section>
      </div>
    </PageFrame>
  );
}
