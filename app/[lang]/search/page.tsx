import type { Metadata } from 'next';
import { BrowseLinks } from '@/components/browse-links';
import { PageFrame } from '@/components/page-frame';
import { SearchPage } from '@/components/search-page';
import { SearchStart } from '@/components/search-start';
import { getArchive } from '@/lib/archive';
import { assertLocale, dictionary, otherLocale } from '@/lib/i18n';
import { everyLanguage, pageMetadata } from '@/lib/metadata';
import { SEARCH_ISLAND } from '@/lib/finishing/islands';
import { searchUrl } from '@/lib/urls';

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = assertLocale((await params).lang);
  const words = dictionary(locale);
  return pageMetadata({
    locale,
    title: words.searchTitle,
    description: words.searchIntro,
    paths: everyLanguage((target) => searchUrl(target)),
  });
}

export default async function SearchRoute({ params }: Props) {
  const locale = assertLocale((await params).lang);
  return (
    <PageFrame locale={locale} alternate={searchUrl(otherLocale(locale))} searchBox={false}>
      <h1>{dictionary(locale).searchTitle}</h1>
      <div id={SEARCH_ISLAND.root} data-locale={locale}>
        <SearchPage locale={locale} />
        <noscript>
          <div className="search__noscript">
            <p>{dictionary(locale).searchNeedsScript}</p>
            <BrowseLinks locale={locale} />
          </div>
        </noscript>
      </div>
      <SearchStart locale={locale} archive={getArchive()} />
    </PageFrame>
  );
}
