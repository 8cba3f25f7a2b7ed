import { getEntity } from '@/lib/views/archive';
import { dictionary, type Locale } from '@/lib/site/i18n';
import type { CoMention } from '@/lib/views/relations';
import { entityUrl } from '@/lib/site/urls';

/** The people and organisations most often tagged in the same stories, with counts. */
export function AppearsWith({ mentions, locale }: { mentions: readonly CoMention[]; locale: Locale }) {
  if (mentions.length === 0) return null;
  const words = dictionary(locale);
  return (
    <section aria-labelledby="appears-with" className="appears-with">
      <h2 id="appears-with">{words.appearsWith}</h2>
      <ul>
        {mentions.map((mention) => (
          <li key={`${mention.kind}:${mention.id}`}>
            <a href={entityUrl(mention.kind, locale, mention.id)}>{getEntity(mention.kind, mention.id).name[locale]}</a>{' '}
            <span className="count">({words.appearsWithCount(mention.count)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
