/**
 * Topics, people and organisations have the same two pages (a list, and one entity with
 * its stories). These factories give each route its page, params and metadata, so the
 * six route files stay one line of wiring each.
 */
import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { EntityIndex } from '@/components/entity-index';
import { EntityPage } from '@/components/entity-page';
import { PageFrame } from '@/components/page-frame';
import { getArchive, getEntity } from '@/lib/views/archive';
import type { EntityKind } from '@/lib/views/entities';
import { assertLocale, dictionary, otherLocale, type Locale } from '@/lib/site/i18n';
import { everyLanguage, pageMetadata, type FeedLink } from '@/lib/outputs/metadata';
import { appearsWith, peopleOf } from '@/lib/views/relations';
import { entityTrail } from '@/lib/site/breadcrumbs';
import { entityFeedUrl, entityUrl, organisationsUrl, peopleUrl, topicsUrl } from '@/lib/site/urls';
import { countsBy, storiesCrediting, storiesWith } from '@/lib/views/story-lists';

type IndexProps = { params: Promise<{ lang: string }> };
type EntityProps = { params: Promise<{ lang: string; id: string }> };

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

export function entityRoute(kind: EntityKind) {
  return {
    generateStaticParams() {
      return getArchive()[kind].map((entity) => ({ id: entity.id }));
    },
    async generateMetadata({ params }: EntityProps): Promise<Metadata> {
      const { lang, id } = await params;
      const locale = assertLocale(lang);
      const entity = getEntity(kind, id);
      const section = indexWords(kind, locale).title;
      const name = entity.name[locale];
      return pageMetadata({
        locale,
        // The section keeps titles apart where a topic and an organisation share a name (Command 86).
        title: `${name} · ${section}`,
        description: entity.description?.[locale] ?? `${section}: ${name}`,
        paths: everyLanguage((target) => entityUrl(kind, target, id)),
        feeds: entityFeeds(kind, locale, id, name),
      });
    },
    async Page({ params }: EntityProps) {
      const { lang, id } = await params;
      const locale = assertLocale(lang);
      const archive = getArchive();
      const entity = getEntity(kind, id);
      return (
        <PageFrame
          locale={locale}
          alternate={entityUrl(kind, otherLocale(locale), id)}
          path={entityUrl(kind, locale, id)}
        >
          <Breadcrumbs trail={entityTrail(kind, id, locale, entity.name[locale])} locale={locale} />
          <EntityPage
            kind={kind}
            entity={entity}
            stories={storiesWith(archive.stories, kind, id)}
            locale={locale}
            mentions={appearsWith(archive.stories, kind, id)}
            members={kind === 'organisations' ? peopleOf(archive.people, id) : []}
            credited={storiesCrediting(archive.stories, kind, id)}
            feed={entityFeedUrl(kind, locale, id)}
          />
        </PageFrame>
      );
    },
  };
}
