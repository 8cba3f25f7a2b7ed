import { getArchive, getEntity } from '@/lib/views/archive';
import { formatRoleDate } from '@/lib/site/dates';
import { dictionary, type Locale } from '@/lib/site/i18n';
import type { Role } from '@/lib/content/schema';
import { rolesNewestFirst, type RoleDating } from '@/lib/views/timeline';
import { organisationUrl, storyUrl } from '@/lib/site/urls';

/**
 * A person's ranks and posts, newest first. Each says only what the archive knows: since
 * when the role was held where a source states it, otherwise the month of the story that
 * reports it.
 */
export function RoleTimeline({ roles, locale }: { roles: readonly Role[]; locale: Locale }) {
  if (roles.length === 0) return null;
  const words = dictionary(locale);
  const published = new Map(getArchive().stories.map((story) => [story.id, story.date]));
  return (
    <section aria-labelledby="roles" className="roles">
      <h2 id="roles">{words.roleHistory}</h2>
      <ol className="timeline">
        {rolesNewestFirst(roles, (id) => published.get(id)).map(({ role, dating }) => (
          <li key={`${role.title.en}-${role.organisation ?? ''}`}>
            <span className="timeline__date">
              <RoleDate dating={dating} locale={locale} />
            </span>
            <span className="timeline__title">
              {role.organisation ? (
                <RoleTitle
                  title={role.title[locale]}
                  organisation={getEntity('organisations', role.organisation).name[locale]}
                  href={organisationUrl(locale, role.organisation)}
                />
              ) : (
                role.title[locale]
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function RoleDate({ dating, locale }: { dating: RoleDating; locale: Locale }) {
  const words = dictionary(locale);
  if (dating.kind === 'undated') return <>{words.roleUndated}</>;
  const date = <time dateTime={dating.date}>{formatRoleDate(dating.date, locale)}</time>;
  if (dating.kind === 'reported') {
    return (
      <>
        {words.roleReportedIn} <a href={storyUrl(locale, dating.story)}>{date}</a>
      </>
    );
  }
  return (
    <>
      {words.roleSince} {date} (
      {dating.source.url ? <a href={dating.source.url}>{dating.source.name}</a> : dating.source.name})
    </>
  );
}

/**
 * A role's title with its organisation linked: where the title names the organisation
 * ("Commander of Command 86"), that name becomes the link rather than being repeated after it.
 */
function RoleTitle({ title, organisation, href }: { title: string; organisation: string; href: string }) {
  const at = title.lastIndexOf(organisation);
  if (at === -1)
    return (
      <>
        {title} · <a href={href}>{organisation}</a>
      </>
    );
  return (
    <>
      {title.slice(0, at)}
      <a href={href}>{organisation}</a>
      {title.slice(at + organisation.length)}
    </>
  );
}
