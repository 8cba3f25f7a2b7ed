import type { EntityByKind, EntityKind } from '@/lib/entities';
import { dictionary, type Locale } from '@/lib/i18n';
import type { Story } from '@/lib/schema';
import { StoryList } from './story-list';

/** A topic, person or organisation: its name, description, other names, its stories, and its feed if it has one. */
export function EntityPage<K extends EntityKind>({ entity, stories, locale, feed }: { kind: K; entity: EntityByKind[K]; stories: readonly Story[]; locale: Locale; feed?: string }) {
  const words = dictionary(locale);
  const aliases = 'aliases' in entity ? entity.aliases.filter((alias) => alias !== entity.name[locale]) : [];
  return (
    <>
      <h1>{entity.name[locale]}</h1>
      {entity.description && <p className="lede">{entity.description[locale]}</p>}
      {aliases.length > 0 && <p className="aliases">{aliases.join(' · ')}</p>}
      <h2>
        {words.storiesAbout} <span className="count">({words.storyCount(stories.length)})</span>
      </h2>
      <StoryList stories={stories} locale={locale} headingLevel={3} />
      {feed && (
        <p className="feed-link">
          <a href={feed} type="application/rss+xml">
            {words.topicFeedLink}
          </a>
        </p>
      )}
    </>
  );
}
