import { BrowseLinks } from '@/components/browse-links';
import { PageFrame } from '@/components/page-frame';
import { SearchPage } from '@/components/search-page';
import { SearchStart } from '@/components/search-start';
import { getArchive } from '@/lib/views/archive';
import { assertLocale, dictionary, otherLocale } from '@/lib/site/i18n';
import { languagePageMetadata, type LanguageRouteProps } from '@/lib/outputs/metadata';
import { SEARCH_ISLAND } from '@/lib/finishing/islands';
import { searchUrl } from '@/lib/site/urls';

export const generateMetadata = languagePageMetadata(
  (target) => searchUrl(target),
  (words) => ({ title: words.searchTitle, description: words.searchIntro }),
);

export default async function SearchRoute({ params }: LanguageRouteProps) {
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
