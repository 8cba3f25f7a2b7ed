import { namesTellingApart, type EntityKind } from '@/lib/views/entities';
import { dictionary, type Locale } from '@/lib/site/i18n';
import { SEARCH_START_ID } from '@/lib/finishing/islands';
import type { Archive, Organisation, Person, Topic } from '@/lib/content/schema';
import { entityUrl } from '@/lib/site/urls';
import { countsBy } from '@/lib/views/story-lists';
import { LatestStories } from './latest-stories';
import { NameToldApart } from './name-told-apart';

/** People and organisations listed: the most named, enough to show what the archive is about. */
const MOST_NAMED = 8;
const LATEST_STORIES = 5;

/**
 * What the search page shows before a query: the topics, the people and organisations
 * named most often, and the latest stories, rendered with the page so it costs no
 * request. The search script hides it while a query is on screen.
 */
export function SearchStart({ locale, archive }: { locale: Locale; archive: Archive }) {
  const words = dictionary(locale);
  /** The entries of a list, each with its count of stories, and what tells it from another of the same name. */
  const entriesOf = (
    kind: EntityKind,
    listed: readonly (Topic | Person | Organisation)[],
    counts: Map<string, number>,
  ) => {
    const apart = namesTellingApart(listed, locale);
    return listed.map((entity, index) => ({
      href: entityUrl(kind, locale, entity.id),
      name: entity.name[locale],
      apart: apart[index],
      count: counts.get(entity.id) ?? 0,
    }));
  };
  const mostNamed = (kind: Exclude<EntityKind, 'topics'>) => {
    const counts = countsBy(archive.stories, kind);
    const listed = archive[kind]
      .filter((entity) => (counts.get(entity.id) ?? 0) > 0)
      .sort(
        (a, b) =>
          (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || a.name[locale].localeCompare(b.name[locale], locale),
      )
      .slice(0, MOST_NAMED);
    return entriesOf(kind, listed, counts);
  };
  const groups = [
    {
      title: words.topics,
      entries: entriesOf('topics', archive.topics, countsBy(archive.stories, 'topics')),
    },
    { title: words.mostMentionedPeople, entries: mostNamed('people') },
    { title: words.mostMentionedOrganisations, entries: mostNamed('organisations') },
  ];
  return (
    <section id={SEARCH_START_ID} className="search-start" aria-labelledby={`${SEARCH_START_ID}-title`}>
      <h2 id={`${SEARCH_START_ID}-title`}>{words.searchStartTitle}</h2>
      <div className="search-start__groups">
        {groups.map((group) => (
          <section key={group.title}>
            <h3>{group.title}</h3>
            <ul>
              {group.entries.map((entry) => (
                <li key={entry.href}>
                  <a href={entry.href}>
                    <NameToldApart name={entry.name} apart={entry.apart} locale={locale} />
                  </a>{' '}
                  <span className="count">({words.storyCount(entry.count)})</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <section>
          <h3>{words.latestStories}</h3>
          <LatestStories stories={archive.stories} locale={locale} count={LATEST_STORIES} />
        </section>
      </div>
    </section>
  );
}
