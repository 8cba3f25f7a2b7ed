/**
 * The entity registry: topics, people and organisations, looked up by id. Frontmatter
 * names entities by id; the loader resolves every id here, and an unknown one is a
 * content error with the closest known id as a hint.
 */
import { editDistance } from '../text/edit-distance';
import { otherLocale, type Locale } from '../site/locales';
import type { Organisation, Person, Topic } from '../content/schema';

export const ENTITY_KINDS = ['topics', 'people', 'organisations'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface EntityByKind {
  topics: Topic;
  people: Person;
  organisations: Organisation;
}

/** What one entry of each registry is, in messages: "person", "organisation", "topic". */
export const ENTITY_NOUNS: Record<EntityKind, string> = {
  topics: 'topic',
  people: 'person',
  organisations: 'organisation',
};

export type Registry = { [K in EntityKind]: ReadonlyMap<string, EntityByKind[K]> };

export function buildRegistry(lists: { [K in EntityKind]: readonly EntityByKind[K][] }): Registry {
  return {
    topics: new Map(lists.topics.map((entry) => [entry.id, entry])),
    people: new Map(lists.people.map((entry) => [entry.id, entry])),
    organisations: new Map(lists.organisations.map((entry) => [entry.id, entry])),
  };
}

/** The entity's name in a language. */
export function entityName(entity: Topic | Person | Organisation, locale: Locale): string {
  return entity.name[locale];
}

/**
 * What tells each entry of a list shown in `locale` from another entry of its kind with the same name there: its name in
 * the other language, where no other of them has it too (two people named "Nguyen Van Binh" in English are "Nguyễn Văn Bình" and
 * "Nguyễn Văn Bính"). Undefined for an entry whose name no other of its kind in the list has.
 */
export function namesTellingApart(
  entries: readonly { kind?: EntityKind; name: Record<Locale, string> }[],
  locale: Locale,
): (string | undefined)[] {
  const other = otherLocale(locale);
  return entries.map((entry) => {
    const namesakes = entries.filter((each) => each.kind === entry.kind && each.name[locale] === entry.name[locale]);
    const alike = namesakes.filter((each) => each.name[other] === entry.name[other]);
    return namesakes.length > 1 && alike.length === 1 ? entry.name[other] : undefined;
  });
}

/** Sorts entities by their name in the reader's language, with that language's collation. */
export function sortByName<T extends Topic | Person | Organisation>(entities: readonly T[], locale: Locale): T[] {
  const collator = new Intl.Collator(locale);
  return [...entities].sort((a, b) => collator.compare(a.name[locale], b.name[locale]));
}

/** The known id nearest to a mistyped one, if any is near enough to be a likely typo. */
export function closestId(wanted: string, known: Iterable<string>): string | undefined {
  const ids = [...known];
  // A shortened id ("hanoi" for "hanoi-convention") is a likelier meaning than any typo.
  const containing = ids.filter((id) => id.includes(wanted)).sort((a, b) => a.length - b.length);
  if (containing[0]) return containing[0];
  let best: { id: string; distance: number } | undefined;
  for (const id of ids) {
    const distance = editDistance(wanted, id);
    if (!best || distance < best.distance) best = { id, distance };
  }
  if (!best) return undefined;
  const allowed = Math.max(2, Math.floor(wanted.length / 3));
  return best.distance <= allowed || wanted.includes(best.id) ? best.id : undefined;
}
