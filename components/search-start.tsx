import type { EntityKind } from '@/lib/views/entities';
import { dictionary, type Locale } from '@/lib/site/i18n';
import { SEARCH_START_ID } from '@/lib/finishing/islands';
import type { Archive } from '@/lib/content/schema';
import { entityUrl } from '@/lib/site/urls';
import { countsBy } from '@/lib/views/story-lists';
import { LatestStories } from './latest-stories';

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
  const mostNamed = (kind: Exclude<EntityKind, 'topics'>) => {
    const counts = countsBy(archive.stories, kind);
    return archive[kind]
      .filter((entity) => (counts.get(entity.id) ?? 0) > 0)
      .sort(
        (a, b) =>
          (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || a.name[locale].localeCompare(b.name[locale], locale),
      )
      .slice(0, MOST_NAMED)
      .map((entity) => ({
        href: entityUrl(kind, locale, entity.id),
        name: entity.name[locale],
        count: counts.get(entity.id) ?? 0,
      }));
  };
  const topicCounts = countsBy(archive.stories, 'topics');
  const groups = [
    {
      title: words.topics,
      entries: archive.topics.map((topic) => ({
        href: entityUrl('topics', locale, topic.id),
        name: topic.name[locale],
        count: topicCounts.get(topic.id) ?? 0,
      })),
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
                  <a href={entry.href}>{entry.name}</a> <span className="count">({words.storyCount(entry.count)})</span>
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
