import { dictionary, type Locale } from '@/lib/site/i18n';
import type { Story } from '@/lib/content/schema';
import { storyUrl } from '@/lib/site/urls';
import { storyListing } from '@/lib/views/story-lists';
import { THUMBNAIL_SIZES } from '@/lib/images/published';
import { EntityLinks } from './entity-links';
import { ResponsivePicture } from './responsive-picture';
import { StoryDate } from './story-date';

/**
 * Story cards, newest first. A story that exists only in the other language is listed
 * in that language, marked, and links to its page there. A story with a lead image shows
 * it as a thumbnail; its alt text is left empty, since the title beside it says what
 * the card is and a screen reader need not hear the photo described on every list.
 */
export function StoryList({
  stories,
  locale,
  headingLevel = 2,
}: {
  stories: readonly Story[];
  locale: Locale;
  headingLevel?: 2 | 3;
}) {
  const words = dictionary(locale);
  if (stories.length === 0) return <p>{words.noStories}</p>;
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="story-list">
      {stories.map((story) => {
        const { article, inReaderLanguage } = storyListing(story, locale);
        return (
          <li key={story.id} className={article.image ? 'story-card story-card--image' : 'story-card'}>
            <article>
              {article.image && (
                <ResponsivePicture image={article.image} alt="" sizes={THUMBNAIL_SIZES} className="story-card__image" />
              )}
              <Heading className="story-card__title" lang={inReaderLanguage ? undefined : article.locale}>
                <a href={storyUrl(article.locale, story.id)} hrefLang={inReaderLanguage ? undefined : article.locale}>
                  {article.title}
                </a>
              </Heading>
              <p className="story-card__meta">
                <StoryDate date={story.date} estimated={story.date_estimated} locale={locale} />
                {!inReaderLanguage && <span className="badge">{words.onlyInOtherLanguage}</span>}
                {article.draft && <span className="badge badge--draft">{words.draft}</span>}
              </p>
              <p className="story-card__summary" lang={inReaderLanguage ? undefined : article.locale}>
                {article.summary}
              </p>
              <EntityLinks kind="topics" ids={story.topics} locale={locale} label={words.topics} />
            </article>
          </li>
        );
      })}
    </ol>
  );
}
