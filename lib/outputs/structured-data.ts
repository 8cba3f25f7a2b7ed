/**
 * Structured data (schema.org JSON-LD) for article pages: a `NewsArticle` that search
 * engines read for the headline, date, language, credits, the source report, the
 * people and organisations named, the lead image, and the article's translation; and for
 * articles and entity pages, the `BreadcrumbList` of where the page sits.
 */
import { creatorOf } from '../views/credits';
import { storyDateAsKnown } from '../site/dates';
import type { Registry } from '../views/entities';
import { dictionary, LANGUAGE_TAGS, type Locale } from '../site/i18n';
import { sharingImage } from '../images/published';
import { provenanceOf, translationsOf } from '../views/provenance';
import { modifiedDate } from '../views/revisions';
import { ARCHIVE_TRANSLATOR } from '../content/ids';
import type { Article, Story } from '../content/schema';
import type { Crumb } from '../site/breadcrumbs';
import { absoluteUrl, homeUrl, organisationUrl, personUrl, storyUrl, topicUrl } from '../site/urls';

type JsonObject = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** The `NewsArticle` of one language version of a story, with absolute URLs on `base`. */
export function newsArticleJsonLd(story: Story, locale: Locale, registry: Registry, base: URL): JsonObject {
  const article = story.articles[locale];
  if (!article) throw new Error(`Story "${story.id}" has no ${locale} version`);
  const words = dictionary(locale);
  const url = absoluteUrl(storyUrl(locale, story.id), base);
  const creator = creatorOf(article);
  const publisher: JsonObject = {
    '@type': 'Organization',
    name: words.siteName,
    url: absoluteUrl(homeUrl(locale), base),
  };
  const data: JsonObject = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: article.title,
    description: article.summary,
    datePublished: storyDateAsKnown(story.date),
    inLanguage: LANGUAGE_TAGS[locale],
    publisher,
    about: story.topics.map((id) =>
      named('Thing', lookup(registry, 'topics', id).name[locale], absoluteUrl(topicUrl(locale, id), base)),
    ),
    mentions: [
      ...story.people.map((id) =>
        named('Person', lookup(registry, 'people', id).name[locale], absoluteUrl(personUrl(locale, id), base)),
      ),
      ...story.organisations.map((id) =>
        named(
          'Organization',
          lookup(registry, 'organisations', id).name[locale],
          absoluteUrl(organisationUrl(locale, id), base),
        ),
      ),
    ],
  };
  const modified = modifiedDate(article);
  if (modified) data.dateModified = storyDateAsKnown(modified);
  if (creator) data.author = [{ '@type': creator.type, name: creator.name }];
  if (article.translator === ARCHIVE_TRANSLATOR) data.translator = publisher;
  else if (article.translator)
    data.translator = {
      '@type': article.creditLinks.translator?.kind === 'organisations' ? 'Organization' : 'Person',
      name: article.translator,
    };
  if (article.source?.url) data.isBasedOn = article.source.url;
  if (article.image) {
    const shared = sharingImage(article.image);
    data.image = {
      '@type': 'ImageObject',
      url: absoluteUrl(shared.url, base),
      width: shared.width,
      height: shared.height,
      ...(article.image.caption ? { caption: article.image.caption } : {}),
      ...(article.image.credit ? { creditText: article.image.credit } : {}),
    };
  }
  const provenance = provenanceOf(story, locale);
  if (provenance.kind === 'translation') {
    const { basis } = provenance;
    const made = basis.kind === 'version' ? story.articles[basis.locale] : undefined;
    if (basis.kind === 'version' && made) data.translationOfWork = versionReference(story.id, basis.locale, made, base);
    if (basis.kind === 'source')
      data.translationOfWork = { '@type': 'CreativeWork', url: basis.url, inLanguage: provenance.from };
  }
  const translations = translationsOf(story, locale).flatMap((other) => {
    const version = story.articles[other];
    return version ? [versionReference(story.id, other, version, base)] : [];
  });
  if (translations.length > 0) data.workTranslation = translations;
  return data;
}

/** A `BreadcrumbList` of a page's trail (its own page last), with absolute URLs on `base`. */
export function breadcrumbListJsonLd(trail: readonly Crumb[], base: URL): JsonObject {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path, base),
    })),
  };
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
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
