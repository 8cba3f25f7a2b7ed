import { getEntity } from '@/lib/views/archive';
import type { EntityKind } from '@/lib/views/entities';
import type { Locale } from '@/lib/site/i18n';
import { entityUrl } from '@/lib/site/urls';

/** A story's topics, people or organisations as links to their pages. */
export function EntityLinks({
  kind,
  ids,
  locale,
  label,
}: {
  kind: EntityKind;
  ids: readonly string[];
  locale: Locale;
  label: string;
}) {
  if (ids.length === 0) return null;
  return (
    <div className={`entity-links entity-links--${kind}`}>
      <span className="entity-links__label">{label}:</span>
      <ul>
        {ids.map((id) => (
          <li key={id}>
            <a href={entityUrl(kind, locale, id)}>{getEntity(kind, id).name[locale]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
