import { getEntity } from '@/lib/archive';
import { formatRoleDate } from '@/lib/dates';
import { dictionary, type Locale } from '@/lib/i18n';
import type { Role } from '@/lib/schema';
import { rolesNewestFirst } from '@/lib/timeline';
import { organisationUrl } from '@/lib/urls';

/** A person's ranks and posts, newest first, each from the date the stories first show it. */
export function RoleTimeline({ roles, locale }: { roles: readonly Role[]; locale: Locale }) {
  if (roles.length === 0) return null;
  const words = dictionary(locale);
  return (
    <section aria-labelledby="roles" className="roles">
      <h2 id="roles">{words.roleHistory}</h2>
      <ol className="timeline">
        {rolesNewestFirst(roles).map((role) => (
          <li key={`${role.from}-${role.title.en}`}>
            <time dateTime={role.from} className="timeline__date">
              {words.roleFrom(formatRoleDate(role.from, locale))}
            </time>
            <span className="timeline__title">
              {role.title[locale]}
              {role.organisation && (
                <>
                  {' · '}
                  <a href={organisationUrl(locale, role.organisation)}>{getEntity('organisations', role.organisation).name[locale]}</a>
                </>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
