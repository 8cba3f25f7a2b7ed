import type { Metadata } from 'next';
import { ArticleView } from '@/components/article-view';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { JsonLd } from '@/components/json-ld';
import { PageFrame } from '@/components/page-frame';
import { ShareStory } from '@/components/share-story';
import { getArchive, getEntity, getRegistry, getStory } from '@/lib/views/archive';
import { creatorOf } from '@/lib/views/credits';
import { assertLocale, LOCALES, otherLocale, type Locale } from '@/lib/site/i18n';
import { sharingImage } from '@/lib/images/published';
import { pageMetadata, untranslatedStoryMetadata } from '@/lib/outputs/metadata';
import type { Story } from '@/lib/content/schema';
import { neighboursInTime, relatedStories } from '@/lib/views/relations';
import { storyTrail } from '@/lib/site/breadcrumbs';
import { newsArticleJsonLd } from '@/lib/outputs/structured-data';
import { absoluteUrl, siteUrl, storyUrl } from '@/lib/site/urls';
import { storiesIn } from '@/lib/views/story-lists';
import { StoryList } from '@/components/story-list';
import { StoryNeighbours } from '@/components/story-neighbours';
import { UntranslatedStory } from '@/components/untranslated-story';
import { dictionary } from '@/lib/site/i18n';

export const dynamicParams = false;

// Every story has its address in both languages: one written in one only says so in the other (UntranslatedStory).
export function generateStaticParams() {
  return getArchive().stories.map((story) => ({ id: story.id }));
}

type Props = { params: Promise<{ lang: string; id: string }> };

async function resolve(params: Props['params']) {
  const { lang, id } = await params;
  const locale = assertLocale(lang);
  const story = getStory(id);
  return { locale, story, article: story.articles[locale] };
}

function storyPaths(story: Story): Partial<Record<Locale, string>> {
  return Object.fromEntries(
    LOCALES.filter((locale) => story.articles[locale]).map((locale) => [locale, storyUrl(locale, story.id)]),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, story, article } = await resolve(params);
  if (!article) return untranslatedStoryMetadata(story, locale);
  const creator = creatorOf(article);
  return pageMetadata({
    locale,
    title: article.title,
    description: article.summary,
    paths: storyPaths(story),
    article: {
      date: story.date,
      tags: story.topics.map((id) => getEntity('topics', id).name[locale]),
      ...(creator?.type === 'Person' ? { authors: [creator.name] } : {}),
    },
    ...(article.image ? { image: { ...sharingImage(article.image), alt: article.image.alt } } : {}),
  });
}

export default async function ArticlePage({ params }: Props) {
  const { locale, story, article } = await resolve(params);
  if (!article)
    return (
      <PageFrame locale={locale} alternate={storyUrl(otherLocale(locale), story.id)}>
        <UntranslatedStory story={story} locale={locale} />
      </PageFrame>
    );
  const { stories } = getArchive();
  const related = relatedStories(stories, story);
  return (
    <PageFrame locale={locale} alternate={storyPaths(story)[otherLocale(locale)] ?? null}>
      <JsonLd data={newsArticleJsonLd(story, locale, getRegistry(), siteUrl())} />
      <Breadcrumbs trail={storyTrail(story, locale, article.title)} locale={locale} />
      <ArticleView story={story} article={article} locale={locale} />
      <ShareStory url={absoluteUrl(storyUrl(locale, story.id))} title={article.title} locale={locale} />
      {related.length > 0 && (
        <section aria-labelledby="related" className="related">
          <h2 id="related">{dictionary(locale).relatedStories}</h2>
          <StoryList stories={related} locale={locale} headingLevel={3} />
        </section>
      )}
      <StoryNeighbours {...neighboursInTime(storiesIn(stories, locale), story)} locale={locale} />
    </PageFrame>
  );
}
