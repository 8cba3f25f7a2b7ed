/**
 * Structured data (schema.org JSON-LD) for article pages: a `NewsArticle` that search
 * engines read for the headline, date, language, credits, the source report, the
 * people and organisations named, and the article's translation.
 */
import { creatorOf } from './credits';
import { storyTimestamp } from './dates';
import type { Registry } from './entities';
import { dictionary, LANGUAGE_TAGS, LOCALES, otherLocale, type Locale } from './i18n';
import type { Article, Story } from './schema';
import { absoluteUrl, homeUrl, organisationUrl, personUrl, storyUrl, topicUrl } from './urls';

/**
 * The language a story was first reported in, when its two versions do not say. The
 * archive collects reports of the Vietnamese press, whose English editions translate
 * the Vietnamese originals.
 */
export const PRESUMED_ORIGINAL_LOCALE: Locale = 'vi';

/**
 * Which version of a two-language story is the original and which the translation.
 * The version that names a translator is the translation; when neither or both do,
 * the version in PRESUMED_ORIGINAL_LOCALE is taken as the original. Undefined for a
 * story in one language.
 */
export function translationOf(story: Story): { original: Locale; translation: Locale } | undefined {
  if (LOCALES.some((locale) => !story.articles[locale])) return undefined;
  const translated = LOCALES.filter((locale) => story.articles[locale]?.translator);
  const [only] = translated;
  const translation = translated.length === 1 && only ? only : otherLocale(PRESUMED_ORIGINAL_LOCALE);
  return { original: otherLocale(translation), translation };
}

type JsonObject = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** The `NewsArticle` of one language version of a story, with absolute URLs on `base`. */
export function newsArticleJsonLd(story: Story, locale: Locale, registry: Registry, base: URL): JsonObject {
  const article = story.articles[locale];
  if (!article) throw new Error(`Story "${story.id}" has no ${locale} version`);
  const words = dictionary(locale);
  const url = absoluteUrl(storyUrl(locale, story.id), base);
  const creator = creatorOf(article);
  const roles = translationOf(story);
  const data: JsonObject = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: article.title,
    description: article.summary,
    datePublished: storyTimestamp(story.date),
    inLanguage: LANGUAGE_TAGS[locale],
    publisher: { '@type': 'Organization', name: words.siteName, url: absoluteUrl(homeUrl(locale), base) },
    about: story.topics.map((id) => named('Thing', lookup(registry, 'topics', id).name[locale], absoluteUrl(topicUrl(locale, id), base))),
    mentions: [
      ...story.people.map((id) => named('Person', lookup(registry, 'people', id).name[locale], absoluteUrl(personUrl(locale, id), base))),
      ...story.organisations.map((id) => named('Organization', lookup(registry, 'organisations', id).name[locale], absoluteUrl(organisationUrl(locale, id), base))),
    ],
  };
  if (creator) data.author = [{ '@type': creator.type, name: creator.name }];
  if (article.translator) data.translator = { '@type': 'Person', name: article.translator };
  if (article.source?.url) data.isBasedOn = article.source.url;
  if (roles) {
    const other = otherLocale(locale);
    const otherArticle = story.articles[other];
    if (otherArticle) {
      const reference = versionReference(story.id, other, otherArticle, base);
      if (roles.translation === locale) data.translationOfWork = reference;
      else data.workTranslation = reference;
    }
  }
  return data;
}

function named(type: 'Thing' | 'Person' | 'Organization', name: string, url: string): JsonObject {
  return { '@type': type, name, url };
}

function lookup<K extends keyof Registry>(registry: Registry, kind: K, id: string) {
  const entity = registry[kind].get(id);
  // The loader rejects unknown ids, so this only fails on records built by hand.
  if (!entity) throw new Error(`No ${kind} entry "${id}" for structured data`);
  return entity;
}

function versionReference(storyId: string, locale: Locale, article: Article, base: URL): JsonObject {
  const url = absoluteUrl(storyUrl(locale, storyId), base);
  return { '@type': 'NewsArticle', '@id': url, url, headline: article.title, inLanguage: LANGUAGE_TAGS[locale] };
}

/**
 * JSON for the inside of a `<script type="application/ld+json">`. `<`, `>` and `&`
 * become \u escapes, so no text in the data (a title with `</script>` or `<!--`) can
 * end the script element or start markup; JSON.parse reads the same data back.
 * U+2028 and U+2029 are escaped too, as older JavaScript parsers reject them raw.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
