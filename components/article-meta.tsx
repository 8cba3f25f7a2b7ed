import { dictionary, type Locale } from '@/lib/site/i18n';
import type { Article, Story } from '@/lib/content/schema';
import { StoryDate } from './story-date';

/** The article's date (marked when estimated), reading time, and when it was last updated. */
export function ArticleMeta({ story, article, locale }: { story: Story; article: Article; locale: Locale }) {
  const words = dictionary(locale);
  return (
    <p className="article__meta">
      <StoryDate date={article.date} estimated={story.date_estimated} locale={locale} />
      <span aria-hidden="true"> · </span>
      <span>{words.readingTime(article.readingMinutes)}</span>
      {article.updated && (
        <>
          <span aria-hidden="true"> · </span>
          <span>
            {words.updated} <StoryDate date={article.updated} locale={locale} />
          </span>
        </>
      )}
    </p>
  );
}
