import { dictionary, type Locale } from '@/lib/site/i18n';
import { storyUrl } from '@/lib/site/urls';
import type { CreditRole } from '@/lib/content/schema';
import { storyListing, type CreditedStory } from '@/lib/views/story-lists';
import { StoryDate } from './story-date';

/** The stories a person or organisation is credited on, each marked with what they did: reported, translated, published. */
export function CreditedStories({
  credited,
  total,
  locale,
}: {
  /** This page's share of the stories. */
  credited: readonly CreditedStory[];
  /** How many there are on all pages. */
  total: number;
  locale: Locale;
}) {
  if (credited.length === 0) return null;
  const words = dictionary(locale);
  const label: Record<CreditRole, string> = {
    author: words.creditAsAuthor,
    translator: words.creditAsTranslator,
    source: words.creditAsSource,
  };
  return (
    <section aria-labelledby="credited" className="credited">
      <h2 id="credited">
        {words.creditsTitle} <span className="count">({words.storyCount(total)})</span>
      </h2>
      <ul className="credited__list">
        {credited.map(({ story, roles }) => {
          const { article, inReaderLanguage } = storyListing(story, locale);
          return (
            <li key={story.id}>
              <span className="credited__roles">{roles.map((role) => label[role]).join(', ')}</span>{' '}
              <a
                href={storyUrl(article.locale, story.id)}
                hrefLang={inReaderLanguage ? undefined : article.locale}
                lang={inReaderLanguage ? undefined : article.locale}
              >
                {article.title}
              </a>{' '}
              <span className="credited__date">
                (<StoryDate date={story.date} estimated={story.date_estimated} locale={locale} />)
              </span>
              {!inReaderLanguage && (
                <>
                  {' '}
                  <span className="badge">{words.onlyInOtherLanguage}</span>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
