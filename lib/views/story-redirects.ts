/**
 * The old addresses of renamed stories. Each earlier id (`aliases:`) keeps an address in
 * both languages, which sends the reader on to the story under its new id; a language
 * the story was not written in sends them to the version that exists, as the story's
 * lists do.
 */
import { LOCALES, otherLocale, type Locale } from '../site/i18n';
import type { Article, Story } from '../content/schema';
import { storyUrl } from '../site/urls';

/** One old address and where it leads. */
export interface StoryRedirect {
  /** The old address, in the language of `locale`. */
  path: string;
  locale: Locale;
  /** The story's address now, and the version found there. */
  target: string;
  article: Article;
}

/** Every old address of every story, in both languages. */
export function storyRedirects(stories: readonly Story[]): StoryRedirect[] {
  return stories.flatMap((story) =>
    story.aliases.flatMap((alias) =>
      LOCALES.flatMap((locale) => {
        const shown = story.articles[locale] ? locale : otherLocale(locale);
        const article = story.articles[shown];
        return article ? [{ path: storyUrl(locale, alias), locale, target: storyUrl(shown, story.id), article }] : [];
      }),
    ),
  );
}
