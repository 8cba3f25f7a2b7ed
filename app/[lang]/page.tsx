import type { Metadata } from 'next';
import { PageFrame } from '@/components/page-frame';
import { MonthChart } from '@/components/month-chart';
import { StoryList } from '@/components/story-list';
import { formatStoryDate } from '@/lib/dates';
import { archiveSpan, monthlyCounts } from '@/lib/timeline';
import { getArchive } from '@/lib/archive';
import { sortByName } from '@/lib/entities';
import { assertLocale, dictionary, otherLocale } from '@/lib/i18n';
import { everyLanguage, HOME_X_DEFAULT, pageMetadata } from '@/lib/metadata';
import { archiveUrl, homeUrl, topicUrl } from '@/lib/urls';
import { countsBy } from '@/lib/views';

const LATEST = 10;
/** The home page's chart shows the last two years, so it fits a phone at its own size. */
const RECENT_MONTHS = 24;

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = assertLocale((await params).lang);
  const words = dictionary(locale);
  return pageMetadata({
    locale,
    title: words.siteName,
    description: words.siteTagline,
    paths: everyLanguage(homeUrl),
    xDefault: HOME_X_DEFAULT,
  });
}

export default async function HomePage({ params }: Props) {
  const locale = assertLocale((await params).lang);
  const words = dictionary(locale);
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
          <StoryList stories={stories.slice(0, LATEST)} locale={locale} headingLevel={3} />
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
