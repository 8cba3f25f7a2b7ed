import type { Story } from '@/lib/content/schema';
import type { Locale } from '@/lib/site/i18n';
import { storyUrl } from '@/lib/site/urls';
import { storiesIn } from '@/lib/views/story-lists';
import { StoryDate } from './story-date';

/** The newest `count` stories of a language as a short list of titles and dates: where a page offers a way on. */
export function LatestStories({
  stories,
  locale,
  count,
}: {
  stories: readonly Story[];
  locale: Locale;
  count: number;
}) {
  return (
    <ul className="latest-stories">
      {storiesIn(stories, locale)
        .slice(0, count)
        .map((story) => (
          <li key={story.id}>
            <a href={storyUrl(locale, story.id)}>{story.articles[locale]?.title}</a>{' '}
            <StoryDate date={story.date} locale={locale} />
          </li>
        ))}
    </ul>
  );
}
