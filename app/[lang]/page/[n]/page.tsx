import type { Metadata } from 'next';
import { PageFrame } from '@/components/page-frame';
import { PageNavigation } from '@/components/page-navigation';
import { StoryList } from '@/components/story-list';
import { getArchive } from '@/lib/archive';
import { assertLocale, dictionary, otherLocale, type Locale } from '@/lib/i18n';
import { everyLanguage, listPagination, pageMetadata } from '@/lib/metadata';
import { homeUrl, listPageUrl } from '@/lib/urls';
import { itemsOnPage, laterPageParam, laterPages, pageCount, pageNavigation } from '@/lib/views/pagination';

export const dynamicParams = false;

/** The later pages of the latest stories, which the home page begins. */
export function generateStaticParams() {
  return laterPages(getArchive().stories.length).map((page) => ({ n: String(page) }));
}

type Props = { params: Promise<{ lang: string; n: string }> };

async function resolve(params: Props['params']) {
  const { lang, n } = await params;
  const locale = assertLocale(lang);
  const page = laterPageParam(n);
  const { stories } = getArchive();
  const pageUrl = (target: Locale) => (number: number) => listPageUrl(homeUrl(target), number);
  return {
    locale,
    page,
    stories: itemsOnPage(stories, page),
    navigation: pageNavigation(page, pageCount(stories.length)),
    pageUrl,
  };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, page, navigation, pageUrl } = await resolve(params);
  const words = dictionary(locale);
  return pageMetadata({
    locale,
    title: words.titleOnPage(words.latestStories, page),
    description: words.siteTagline,
    paths: everyLanguage((target) => pageUrl(target)(page)),
    pagination: listPagination(navigation, pageUrl(locale)),
  });
}

export default async function LatestStoriesPage({ params }: Props) {
  const { locale, page, stories, navigation, pageUrl } = await resolve(params);
  const words = dictionary(locale);
  return (
    <PageFrame locale={locale} alternate={pageUrl(otherLocale(locale))(page)}>
      <h1>{words.titleOnPage(words.latestStories, page)}</h1>
      <StoryList stories={stories} locale={locale} />
      <PageNavigation navigation={navigation} pageUrl={pageUrl(locale)} locale={locale} />
    </PageFrame>
  );
}
