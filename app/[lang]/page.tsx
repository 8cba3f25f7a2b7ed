import type { Metadata } from 'next';
import { PageFrame } from '@/components/page-frame';
import { MonthChart } from '@/components/month-chart';
import { PageNavigation } from '@/components/page-navigation';
import { StoryList } from '@/components/story-list';
import { formatStoryDate } from '@/lib/dates';
import { archiveSpan, monthlyCounts } from '@/lib/timeline';
import { getArchive } from '@/lib/archive';
import { sortByName } from '@/lib/entities';
import { assertLocale, dictionary, otherLocale } from '@/lib/i18n';
import { everyLanguage, HOME_X_DEFAULT, listPagination, pageMetadata } from '@/lib/metadata';
import { archiveUrl, homeUrl, listPageUrl, topicUrl } from '@/lib/urls';
import { countsBy } from '@/lib/views';
import { itemsOnPage, pageCount, pageNavigation } from '@/lib/views/pagination';

type Props = { params: Promise<{ lang: string }> };

/** The home page is the first page of the latest stories; the others are at `/{lang}/page/{n}/`. */
function latestNavigation() {
  return pageNavigation(1, pageCount(getArchive().stories.length));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = assertLocale((await params).lang);
  const words = dictionary(locale);
  return pageMetadata({
    locale,
    title: words.siteName,
    description: words.siteTagline,
    paths: everyLanguage(homeUrl),
    xDefault: HOME_X_DEFAULT,
    pagination: listPagination(latestNavigation(), (page) => listPageUrl(homeUrl(locale), page)),
  });
}

export default async function HomePage({ params }: Props) {
  const locale = assertLocale((await params).lang);
  const words = dictionary(locale);
  const { stories, topics } = getArchive();
  const counts = countsBy(stories, 'topics');
  const span = archiveSpan(stories);
  return (
    <PageFrame locale={locale} alternate={homeUrl(otherLocale(locale))}>
      <h1 className="visually-hidden">{words.siteName}</h1>
      <p className="lede">{words.siteTagline}</p>
      {span && (
        <p className="archive-span">
          {words.archiveSpan(formatStoryDate(span.first, locale), formatStoryDate(span.last, locale))}{' '}
          <a href={archiveUrl(locale)}>{words.navArchive}</a>
        </p>
      )}
      <div className="home">
        <section aria-labelledby="latest" className="home__latest">
          <h2 id="latest">{words.latestStories}</h2>
          <StoryList stories={itemsOnPage(stories, 1)} locale={locale} headingLevel={3} />
          <PageNavigation
            navigation={latestNavigation()}
            pageUrl={(page) => listPageUrl(homeUrl(locale), page)}
            locale={locale}
          />
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
          <a href={archiveUrl(locale)} className="chart-link" aria-label={words.storiesPerMonth}>
            <MonthChart counts={monthlyCounts(stories)} locale={locale} compact id="home-chart" />
          </a>
        </section>
      </div>
    </PageFrame>
  );
}
