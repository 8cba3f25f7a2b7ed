/**
 * Topics, people and organisations have the same two pages (a list, and one entity with
 * its stories, in pages). These factories give each route its page, params and metadata,
 * so the route files stay one line of wiring each.
 */
import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { EntityIndex } from '@/components/entity-index';
import { EntityPage } from '@/components/entity-page';
import { PageFrame } from '@/components/page-frame';
import { PageNavigation } from '@/components/page-navigation';
import { getArchive, getEntity } from '@/lib/views/archive';
import type { EntityKind } from '@/lib/views/entities';
import { assertLocale, dictionary, otherLocale, type Locale } from '@/lib/site/i18n';
import { everyLanguage, listPagination, pageMetadata, type FeedLink } from '@/lib/outputs/metadata';
import { appearsWith, peopleOf } from '@/lib/views/relations';
import { entityTrail } from '@/lib/site/breadcrumbs';
import {
  entityFeedUrl,
  entityUrl,
  listPageFromSegments,
  listPageSegments,
  listPageUrl,
  organisationsUrl,
  peopleUrl,
  topicsUrl,
} from '@/lib/site/urls';
import { countsBy, entityListing } from '@/lib/views/story-lists';
import { itemsOnSharedPage, laterPages, pageCount, pageNavigation } from '@/lib/views/pagination';

type IndexProps = { params: Promise<{ lang: string }> };
type EntityProps = { params: Promise<{ lang: string; id: string; page?: string[] }> };

const INDEX_URLS: Record<EntityKind, (locale: Locale) => string> = {
  topics: topicsUrl,
  people: peopleUrl,
  organisations: organisationsUrl,
};

function indexWords(kind: EntityKind, locale: Locale) {
  const words = dictionary(locale);
  const byKind = {
    topics: { title: words.navTopics, intro: words.topicsIntro },
    people: { title: words.navPeople, intro: words.peopleIntro },
    organisations: { title: words.navOrganisations, intro: words.organisationsIntro },
  } as const;
  return byKind[kind];
}

export function entityIndexRoute(kind: EntityKind) {
  return {
    async generateMetadata({ params }: IndexProps): Promise<Metadata> {
      const locale = assertLocale((await params).lang);
      const { title, intro } = indexWords(kind, locale);
      return pageMetadata({ locale, title, description: intro, paths: everyLanguage(INDEX_URLS[kind]) });
    },
    async Page({ params }: IndexProps) {
      const locale = assertLocale((await params).lang);
      const archive = getArchive();
      const { title, intro } = indexWords(kind, locale);
      return (
        <PageFrame locale={locale} alternate={INDEX_URLS[kind](otherLocale(locale))} path={INDEX_URLS[kind](locale)}>
          <EntityIndex
            kind={kind}
            entities={archive[kind]}
            counts={countsBy(archive.stories, kind)}
            locale={locale}
            title={title}
            intro={intro}
          />
        </PageFrame>
      );
    },
  };
}

/** A topic, person or organisation page advertises its own feed. */
function entityFeeds(kind: EntityKind, locale: Locale, id: string, name: string): FeedLink[] {
  return [{ url: entityFeedUrl(kind, locale, id), title: dictionary(locale).feedTitle(name) }];
}

/** One page of an entity's stories and credits: what its metadata and its page both need. */
function entityListPage(kind: EntityKind, lang: string, id: string, page: number) {
  const locale = assertLocale(lang);
  const archive = getArchive();
  const { tagged: stories, credited, longest } = entityListing(archive.stories, kind, id);
  const pageUrl = (target: Locale) => (number: number) => listPageUrl(entityUrl(kind, target, id), number);
  return {
    locale,
    archive,
    entity: getEntity(kind, id),
    stories,
    onPage: itemsOnSharedPage(stories, page, longest),
    credited,
    creditedOnPage: itemsOnSharedPage(credited, page, longest),
    navigation: pageNavigation(page, pageCount(longest)),
    pageUrl,
    paths: everyLanguage((target) => pageUrl(target)(page)),
  };
}

/** A topic, person or organisation with one page of its stories: metadata and page. */
function entityPageParts(kind: EntityKind) {
  return {
    async metadata(lang: string, id: string, page: number): Promise<Metadata> {
      const { locale, entity, navigation, pageUrl, paths } = entityListPage(kind, lang, id, page);
      const section = indexWords(kind, locale).title;
      const name = entity.name[locale];
      const words = dictionary(locale);
      return pageMetadata({
        locale,
        // The section keeps titles apart where a topic and an organisation share a name (Command 86).
        title: `${page === 1 ? name : words.titleOnPage(name, page)} · ${section}`,
        description: entity.description?.[locale] ?? `${section}: ${name}`,
        paths,
        feeds: entityFeeds(kind, locale, id, name),
        pagination: listPagination(navigation, pageUrl(locale)),
      });
    },
    render(lang: string, id: string, page: number) {
      const { locale, archive, entity, stories, onPage, credited, creditedOnPage, navigation, pageUrl } =
        entityListPage(kind, lang, id, page);
      return (
        <PageFrame locale={locale} alternate={pageUrl(otherLocale(locale))(page)} path={pageUrl(locale)(page)}>
          <Breadcrumbs trail={entityTrail(kind, id, locale, entity.name[locale])} locale={locale} />
          <EntityPage
            kind={kind}
            entity={entity}
            stories={onPage}
            storyTotal={stories.length}
            page={page}
            navigation={<PageNavigation navigation={navigation} pageUrl={pageUrl(locale)} locale={locale} />}
            locale={locale}
            mentions={appearsWith(archive.stories, kind, id)}
            members={kind === 'organisations' ? peopleOf(archive.people, id) : []}
            credited={creditedOnPage}
            creditedTotal={credited.length}
            feed={entityFeedUrl(kind, locale, id)}
          />
        </PageFrame>
      );
    },
  };
}

/**
 * A topic, person or organisation page: `/{lang}/{kind}/{id}/` with the first page of its
 * stories, and `page/{n}/` under it for the others (one optional catch-all route, so that
 * an archive whose lists all fit on one page still has the route Next's export requires).
 */
export function entityRoute(kind: EntityKind) {
  const parts = entityPageParts(kind);
  return {
    generateStaticParams() {
      const archive = getArchive();
      return archive[kind].flatMap((entity) =>
        [1, ...laterPages(entityListing(archive.stories, kind, entity.id).longest)].map((page) => ({
          id: entity.id,
          page: listPageSegments(page),
        })),
      );
    },
    async generateMetadata({ params }: EntityProps): Promise<Metadata> {
      const { lang, id, page } = await params;
      return parts.metadata(lang, id, listPageFromSegments(page));
    },
    async Page({ params }: EntityProps) {
      const { lang, id, page } = await params;
      return parts.render(lang, id, listPageFromSegments(page));
    },
  };
}
