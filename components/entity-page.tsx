import type { ReactNode } from 'react';
import type { EntityByKind, EntityKind } from '@/lib/views/entities';
import { dictionary, type Locale } from '@/lib/site/i18n';
import type { CoMention } from '@/lib/views/relations';
import type { Person, Story } from '@/lib/content/schema';
import { personUrl } from '@/lib/site/urls';
import type { CreditedStory } from '@/lib/views/story-lists';
import { aliasesToShow } from '@/lib/views/shown-aliases';
import { AppearsWith } from './appears-with';
import { CreditedStories } from './credited-stories';
import { RoleTimeline } from './role-timeline';
import { StoryList } from './story-list';

/**
 * A topic, person or organisation: its name, description and other names, a person's
 * roles or an organisation's people, one page of its stories, who appears with it, and its feed.
 */
export function EntityPage<K extends EntityKind>({
  kind,
  entity,
  stories,
  storyTotal,
  page,
  navigation,
  locale,
  mentions,
  members = [],
  credited = [],
  creditedTotal = credited.length,
  feed,
}: {
  kind: K;
  entity: EntityByKind[K];
  /** The stories of this page of its list. */
  stories: readonly Story[];
  /** How many stories name it in all. */
  storyTotal: number;
  page: number;
  /** The navigation between the pages of its stories. */
  navigation: ReactNode;
  locale: Locale;
  mentions: readonly CoMention[];
  /** For an organisation: the people whose roles belong to it. */
  members?: readonly Person[];
  /** For a person or organisation: the stories of this page it reported, translated or published. */
  credited?: readonly CreditedStory[];
  /** How many stories it is credited on in all. */
  creditedTotal?: number;
  /** The address of its feed. */
  feed: string;
}) {
  const words = dictionary(locale);
  const feedLink = {
    topics: words.topicFeedLink,
    people: words.personFeedLink,
    organisations: words.organisationFeedLink,
  }[kind];
  const aliases = 'aliases' in entity ? aliasesToShow(entity.aliases, Object.values(entity.name)) : [];
  return (
    <>
      <h1>{page === 1 ? entity.name[locale] : words.titleOnPage(entity.name[locale], page)}</h1>
      {entity.description && <p className="lede">{entity.description[locale]}</p>}
      {aliases.length > 0 && (
        <p className="aliases">
          {words.alsoKnownAs}: {aliases.join(' · ')}
        </p>
      )}
      <div className="entity-layout">
        <div className="entity-layout__main">
          {(stories.length > 0 || credited.length === 0) && (
            <>
              <h2>
                {words.storiesAbout} <span className="count">({storyTotal})</span>
              </h2>
              <StoryList stories={stories} locale={locale} headingLevel={3} />
            </>
          )}
          <CreditedStories credited={credited} total={creditedTotal} locale={locale} />
          {navigation}
          <p className="feed-link">
            <a href={feed} type="application/rss+xml">
              {feedLink}
            </a>
          </p>
        </div>
        <aside className="entity-layout__side">
          {'roles' in entity && <RoleTimeline roles={entity.roles} locale={locale} />}
          {members.length > 0 && (
            <section aria-labelledby="members">
              <h2 id="members">{words.peopleOfOrganisation}</h2>
              <ul>
                {members.map((person) => (
                  <li key={person.id}>
                    <a href={personUrl(locale, person.id)}>{person.name[locale]}</a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <AppearsWith mentions={mentions} locale={locale} />
        </aside>
      </div>
    </>
  );
}
