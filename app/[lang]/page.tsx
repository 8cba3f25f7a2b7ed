import { PageFrame } from '@/components/page-frame';
import { MonthChart } from '@/components/month-chart';
import { StoryList } from '@/components/story-list';
import { formatStoryDate } from '@/lib/site/dates';
import { archiveSpan, monthlyCounts } from '@/lib/views/timeline';
import { getArchive } from '@/lib/views/archive';
import { sortByName } from '@/lib/views/entities';
import { assertLocale, dictionary, otherLocale } from '@/lib/site/i18n';
import { HOME_X_DEFAULT, languagePageMetadata, type LanguageRouteProps } from '@/lib/outputs/metadata';
import { archiveUrl, homeUrl, topicUrl } from '@/lib/site/urls';
import { countsBy } from '@/lib/views/story-lists';

const LATEST = 10;
/** The home page's chart shows the last two years, so it fits a phone at its own size. */
const RECENT_MONTHS = 24;

export const generateMetadata = languagePageMetadata(
  homeUrl,
  (words) => ({ title: words.siteName, description: words.siteTagline }),
  { xDefault: HOME_X_DEFAULT },
);

export default async function HomePage({ params }: LanguageRouteProps) {
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
