import { dictionary, otherLocale, type Locale } from '@/lib/site/i18n';
import type { Story } from '@/lib/content/schema';
import { storyUrl } from '@/lib/site/urls';

/**
 * A story's page in a language it was not written in: every page exists in both languages, so a reader who asked for
 * it in theirs is told which language the story is in and offered it, with its title and summary as written.
 */
export function UntranslatedStory({ story, locale }: { story: Story; locale: Locale }) {
  const words = dictionary(locale);
  const other = otherLocale(locale);
  const article = story.articles[other];
  if (!article) throw new Error(`Story "${story.id}" has no version in either language`);
  return (
    <article className="untranslated-story">
      <h1>{words.onlyInOtherLanguage}</h1>
      <p>{words.untranslatedStoryText}</p>
      <section lang={other} className="untranslated-story__version">
        <h2>
          <a href={storyUrl(other, story.id)} hrefLang={other}>
            {article.title}
          </a>
        </h2>
        <p>{article.summary}</p>
      </section>
    </article>
  );
}
