/**
 * A schema's refusals as the archive's problems: one per issue, at the line of the
 * offending value, with the field's path and the problem's own kind where the schema names one.
 */
import { type z } from 'zod';
import { excerpt } from '../text/character-count';
import { editDistance } from '../text/edit-distance';
import { isProblemKind, type ContentProblem } from './problems';
import { type ParsedYaml } from './yaml';

/**
 * One problem per schema issue, at the line of the offending value. `fields` are the fields the checked object has
 * itself: an unknown one of them that is a slip of one of these is told which (`translater`: `translator`).
 */
export function schemaProblems(
  error: z.ZodError,
  raw: unknown,
  file: string,
  located: Pick<ParsedYaml, 'locate'>,
  prefix: (string | number)[],
  fields: readonly string[] = [],
): ContentProblem[] {
  return error.issues.flatMap((issue): ContentProblem[] => {
    const issuePath = [...prefix, ...issue.path.filter((key): key is string | number => typeof key !== 'symbol')];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const meant = issue.path.length === 0 ? closestField(key, fields) : undefined;
        return {
          kind: 'UnknownField' as const,
          file,
          ...located.locate([...issuePath, key]),
          field: [...issuePath, excerpt(key)].join('.'),
          message: `unknown field "${excerpt(key)}"`,
          ...(meant ? { hint: `Did you mean \`${meant}\`? The fields are listed in docs/editing.md.` } : {}),
        };
      });
    }
    const missing = valueAt(raw, issue.path) === undefined;
    // The text rules of lib/content/schema.ts name their own kind of problem, and the date rules a hint.
    const named: unknown = issue.code === 'custom' ? issue.params?.kind : undefined;
    const hint: unknown = issue.code === 'custom' ? issue.params?.hint : undefined;
    return [
      {
        kind: isProblemKind(named) ? named : 'InvalidField',
        file,
        ...located.locate(issuePath),
        field: issuePath.join('.') || undefined,
        message: missing ? `required field is missing (${issue.message})` : issue.message,
        ...(typeof hint === 'string' ? { hint } : {}),
      },
    ];
  });
}

export function valueAt(value: unknown, keys: readonly PropertyKey[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The field an unknown one is a slip of: at most two letters off, or the same in other case or with "-" for "_". */
function closestField(key: string, fields: readonly string[]): string | undefined {
  const plain = key.toLowerCase().replace(/-/g, '_');
  if (fields.includes(plain)) return plain;
  let best: { field: string; distance: number } | undefined;
  for (const field of fields) {
    const distance = editDistance(plain, field);
    if (!best || distance < best.distance) best = { field, distance };
  }
  return best && best.distance <= Math.min(2, Math.floor(plain.length / 3)) ? best.field : undefined;
}
