/**
 * An editor who writes `people: [Lương Cường]` means the entry whose name that is: the
 * check names the id to write instead (`luong-cuong`), found by the entry's names in both
 * languages and its aliases, whatever the accents and capitals.
 */
import type { EntityKind, Registry } from '../views/entities';
import { foldedWords } from '../text/text-fold';

type NameIndex = Record<EntityKind, ReadonlyMap<string, string>>;

const indexes = new WeakMap<Registry, NameIndex>();

function nameIndex(registry: Registry): NameIndex {
  let index = indexes.get(registry);
  if (!index) {
    const byName = (
      entries: Iterable<{ id: string; name: { en: string; vi: string }; aliases?: readonly string[] }>,
    ) => {
      const ids = new Map<string, string>();
      for (const entity of entries) {
        for (const name of [entity.name.en, entity.name.vi, ...(entity.aliases ?? [])]) {
          const folded = foldedWords(name).join(' ');
          // A name two entries share names neither: no id is suggested for it.
          ids.set(folded, ids.has(folded) && ids.get(folded) !== entity.id ? '' : entity.id);
        }
      }
      return ids;
    };
    index = {
      topics: byName(registry.topics.values()),
      people: byName(registry.people.values()),
      organisations: byName(registry.organisations.values()),
    };
    indexes.set(registry, index);
  }
  return index;
}

/** The id of the one entry of `kind` that `written` names, if it names one. */
export function idForName(registry: Registry, kind: EntityKind, written: string): string | undefined {
  return nameIndex(registry)[kind].get(foldedWords(written).join(' ')) || undefined;
}
