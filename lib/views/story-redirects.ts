/**
 * The addresses that lead to a story kept elsewhere. Each earlier id of a renamed story
 * (`aliases:`) keeps an address in both languages, which sends the reader on to the story
 * under its new id; a language the story was not written in sends them to the version
 * that exists, as the story's lists do. A story written in one language also has its
 * address in the other, so that every page exists in both: it says which language the
 * story is in and links to it.
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
  /** An earlier id of the story, or its own id in a language it was not written in. */
  reason: 'renamed' | 'untranslated';
}

/** Every such address of every story, in both languages. */
export function storyRedirects(stories: readonly Story[]): StoryRedirect[] {
  return stories.flatMap((story) =>
    LOCALES.flatMap((locale) => {
      const shown = story.articles[locale] ? locale : otherLocale(locale);
      const article = story.articles[shown];
      if (!article) return [];
      const to = { locale, target: storyUrl(shown, story.id), article };
      const renamed = story.aliases.map((alias) => ({
        ...to,
        path: storyUrl(locale, alias),
        reason: 'renamed' as const,
      }));
      return shown === locale
        ? renamed
        : [...renamed, { ...to, path: storyUrl(locale, story.id), reason: 'untranslated' as const }];
    }),
  );
}
