import { dictionary, type Locale } from '@/lib/site/i18n';
import type { Story } from '@/lib/content/schema';
import { storyUrl } from '@/lib/site/urls';
import { storyListing } from '@/lib/views/story-lists';

/** Links to the previous and next story in time, in the reader's language. */
export function StoryNeighbours({ older, newer, locale }: { older?: Story; newer?: Story; locale: Locale }) {
  if (!older && !newer) return null;
  const words = dictionary(locale);
  const link = (story: Story, label: string, rel: 'prev' | 'next') => {
    const { article } = storyListing(story, locale);
    return (
      <a
        href={storyUrl(article.locale, story.id)}
        rel={rel}
        hrefLang={article.locale === locale ? undefined : article.locale}
      >
        <span className="neighbours__label">{label}</span>
        <span className="neighbours__title" lang={article.locale === locale ? undefined : article.locale}>
          {article.title}
        </span>
      </a>
    );
  };
  return (
    <nav aria-label={words.storyNavigation} className="neighbours">
      {older ? link(older, words.olderStory, 'prev') : <span />}
      {newer ? link(newer, words.newerStory, 'next') : <span />}
    </nav>
  );
}
