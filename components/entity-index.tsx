import { sortByName, type EntityByKind, type EntityKind } from '@/lib/views/entities';
import { dictionary, type Locale } from '@/lib/site/i18n';
import { entityUrl } from '@/lib/site/urls';

/** The list page of topics, people or organisations, with how many stories name each. */
export function EntityIndex<K extends EntityKind>({
  kind,
  entities,
  counts,
  locale,
  title,
  intro,
}: {
  kind: K;
  entities: readonly EntityByKind[K][];
  counts: ReadonlyMap<string, number>;
  locale: Locale;
  title: string;
  intro: string;
}) {
  const words = dictionary(locale);
  return (
    <>
      <h1>{title}</h1>
      <p className="lede">{intro}</p>
      <ul className="entity-index">
        {sortByName(entities, locale).map((entity) => (
          <li key={entity.id}>
            <a href={entityUrl(kind, locale, entity.id)}>{entity.name[locale]}</a>{' '}
            <span className="count">({words.storyCount(counts.get(entity.id) ?? 0)})</span>
            {entity.description && <p>{entity.description[locale]}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
