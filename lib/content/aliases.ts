/**
 * Aliases are how search recognises an entry by another name, so an alias that could name
 * someone or something else sends readers to the wrong page. Two shapes often do: very
 * short abbreviations ("CMC" is also a company) and a bare rank with one name ("Gen. Dung").
 * Both are warnings: an editor who has made sure the alias names only this entry says so
 * by writing it as `{ name: "MND", unambiguous: true }`.
 *
 * An alias that is, as search compares names, the name or an alias of another entry of any
 * registry certainly names someone or something else: that is an error, and no editor's mark
 * lets it through.
 */
import { characterCount } from '../text/character-count';
import { foldedWords, foldText, markedText } from '../text/text-fold';
import { ENTITY_NOUNS, type EntityKind } from '../views/entities';
import type { ContentProblem } from './problems';
import { TEXT_LIMITS } from './schema';
import { entryField, type ReadRegistry } from './registries';
import type { ParsedYaml, Position } from './yaml';

/** Aliases this short are abbreviations that usually stand for several things. */
const SHORT_ALIAS_LENGTH = 3;

/** Ranks and titles (folded) that, followed by a single name, can name many people. */
const RANK_WORDS = new Set([
  'gen',
  'general',
  'lt',
  'lieutenant',
  'maj',
  'major',
  'col',
  'colonel',
  'sr',
  'senior',
  'brig',
  'brigadier',
  'adm',
  'admiral',
  'capt',
  'captain',
  'president',
  'minister',
  'thieu',
  'trung',
  'thuong',
  'dai',
  'tuong',
  'ta',
  'chu',
  'tich',
  'nuoc',
  'bo',
  'truong',
]);

/** Why an alias may name more than its entry, or undefined when it looks specific enough. */
export function aliasAmbiguity(alias: string): string | undefined {
  if (characterCount(alias.trim()) <= SHORT_ALIAS_LENGTH)
    return `the alias "${alias}" has ${SHORT_ALIAS_LENGTH} characters or fewer and may stand for other names too`;
  const words = foldedWords(alias);
  const names = words.filter((word) => !RANK_WORDS.has(word));
  if (names.length === 1 && words.length > 1)
    return `the alias "${alias}" is a rank or title with a single name, which may name other people`;
  return undefined;
}

/** The alias warnings of one registry entry, read from its YAML as written (`raw`). */
export function aliasProblems(raw: unknown, index: number, at: ParsedYaml['locate']): Omit<ContentProblem, 'file'>[] {
  const aliases =
    raw !== null && typeof raw === 'object' && 'aliases' in raw && Array.isArray(raw.aliases)
      ? (raw.aliases as unknown[])
      : [];
  return aliases.flatMap((alias, aliasIndex) => {
    // Aliases written as { name, unambiguous: true } have been checked by an editor; one too long is refused as such.
    if (typeof alias !== 'string' || characterCount(alias) > TEXT_LIMITS.name) return [];
    const reason = aliasAmbiguity(alias);
    if (!reason) return [];
    const hint = `Write it out (a full name, "Gen. Le Huy Vinh"), remove it, or, once you have made sure it names only this entry, write it as { name: "${alias}", unambiguous: true }.`;
    return [
      {
        kind: 'AmbiguousAlias' as const,
        ...at([index, 'aliases', aliasIndex]),
        field: `${index}.aliases.${aliasIndex}`,
        message: reason,
        hint,
      },
    ];
  });
}

/** What the alias checks across registries read of an entry. */
interface NamedEntry {
  id: string;
  name: { en: string; vi: string };
  aliases?: readonly string[];
}

/** One name or alias of an entry, as search compares it with the others. */
interface NameHolder {
  registry: ReadRegistry<NamedEntry>;
  id: string;
  /** Where the name stands in its entry: `['name', 'vi']` or `['aliases', 2]`. */
  at: (string | number)[];
  text: string;
}

/** A name as search compares it: its words without case or Vietnamese marks (named-ids.ts reads names the same way). */
const nameKey = (name: string) => foldedWords(name).join(' ');

/** A name's words with their marks, in one spelling (markedText), as search compares a word typed with them. */
const markedWords = (name: string) => markedText(name).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

/**
 * Whether a query could name both of two names of the same nameKey: where both write a word with marks, the marks must
 * be the same ("Hùng" and "Hưng" are two names, which a reader tells apart by typing them; "Hung" may be either).
 */
export function namedAlike(a: string, b: string): boolean {
  const [first, second] = [markedWords(a), markedWords(b)];
  return first.every((word, at) => {
    const other = second[at] ?? '';
    return word === other || foldText(word) === word || foldText(other) === other;
  });
}

/** A topic and an organisation may share a name ("Command 86"): they are one subject, as the pages say. */
const mayShareNames = (a: EntityKind, b: EntityKind) =>
  (a === 'topics' && b === 'organisations') || (a === 'organisations' && b === 'topics');

/** Where a field of the entry with this id stands in its registry file, when the file can be parsed. */
function entryPosition(registry: ReadRegistry<NamedEntry>, id: string, at: (string | number)[]): Position | undefined {
  const parsed = registry.positions();
  if (!parsed || !Array.isArray(parsed.value)) return undefined;
  // The first entry with the id is the one read: a later one is refused as a duplicate.
  const index = parsed.value.findIndex(
    (raw: unknown) => raw !== null && typeof raw === 'object' && (raw as { id?: unknown }).id === id,
  );
  return index === -1 ? undefined : parsed.locate([index, ...at]);
}

/**
 * An `AliasClash` error for each alias of a person or organisation that is, as search compares names, the name (in
 * either language) or an alias of another entry of any registry: search would list this entry for the other's name.
 * Registries are given in the order their problems are reported.
 */
export function aliasClashProblems(registries: readonly ReadRegistry<NamedEntry>[]): ContentProblem[] {
  const holders = new Map<string, NameHolder[]>();
  const hold = (key: string, holder: NameHolder) => {
    if (key !== '') holders.set(key, [...(holders.get(key) ?? []), holder]);
  };
  for (const registry of registries)
    for (const entry of registry.entries) {
      hold(nameKey(entry.name.en), { registry, id: entry.id, at: ['name', 'en'], text: entry.name.en });
      if (nameKey(entry.name.vi) !== nameKey(entry.name.en))
        hold(nameKey(entry.name.vi), { registry, id: entry.id, at: ['name', 'vi'], text: entry.name.vi });
      entry.aliases?.forEach((alias, index) =>
        hold(nameKey(alias), { registry, id: entry.id, at: ['aliases', index], text: alias }),
      );
    }
  return registries.flatMap((registry) =>
    registry.entries.flatMap((entry) =>
      (entry.aliases ?? []).flatMap((alias, aliasIndex): ContentProblem[] => {
        const key = nameKey(alias);
        // An alias that is the entry's own name ("Bo Tu lenh 86" for "Bộ Tư lệnh 86") adds nothing search did not
        // already match: what that name shares with another entry is a question of names, not of this alias.
        if (key === nameKey(entry.name.en) || key === nameKey(entry.name.vi)) return [];
        const others = (holders.get(key) ?? []).filter(
          (holder, index, all) =>
            (holder.registry.kind !== registry.kind || holder.id !== entry.id) &&
            !mayShareNames(holder.registry.kind, registry.kind) &&
            namedAlike(alias, holder.text) &&
            // One mention of each other entry: its first name or alias of that form.
            all.findIndex((first) => first.registry.kind === holder.registry.kind && first.id === holder.id) === index,
        );
        if (others.length === 0) return [];
        const here = entryPosition(registry, entry.id, ['aliases', aliasIndex]);
        const named = others.map((other) => {
          const there = entryPosition(other.registry, other.id, other.at);
          const file = other.registry.file === registry.file ? '' : `${other.registry.file}, `;
          const place = there ? `${file}line ${there.line}` : other.registry.file;
          const what = other.at[0] === 'name' ? 'the name' : 'an alias';
          return `${what} of the ${ENTITY_NOUNS[other.registry.kind]} "${other.id}" (${place})`;
        });
        return [
          {
            kind: 'AliasClash',
            file: registry.file,
            ...here,
            field: entryField(entry.id, ['aliases', aliasIndex]),
            message: `the alias "${alias}" of "${entry.id}" is also ${named.join(' and ')}`,
          },
        ];
      }),
    ),
  );
}
