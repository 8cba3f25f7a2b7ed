/**
 * Aliases are how search recognises an entry by another name, so an alias that could name
 * someone or something else sends readers to the wrong page. Two shapes often do: very
 * short abbreviations ("CMC" is also a company) and a bare rank with one name ("Gen. Dung").
 * Both are warnings: an editor who has made sure the alias names only this entry says so
 * by writing it as `{ name: "MND", unambiguous: true }`.
 */
import { foldedWords } from '../text/text-fold';
import type { ContentProblem } from './problems';
import type { ParsedYaml } from './yaml';

/** Aliases this short are abbreviations that usually stand for several things. */
export const SHORT_ALIAS_LENGTH = 3;

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
  if ([...alias.trim()].length <= SHORT_ALIAS_LENGTH)
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
    // Aliases written as { name, unambiguous: true } have been checked by an editor.
    if (typeof alias !== 'string') return [];
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
