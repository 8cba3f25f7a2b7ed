/**
 * The registry files (topics, people, organisations): each read once, validated entry by
 * entry against its schema and against the other registries, or its earlier outcome reused
 * from the check cache when its bytes and what it is checked against are unchanged.
 */
import path from 'node:path';
import { z } from 'zod';
import type { CheckCache } from '../caches/content-caches';
import { digestOf, keep, reuse } from '../caches/keyed-cache';
import { closestId, type EntityKind } from '../views/entities';
import { isProblem, readContentFile, type ContentRoot } from './content-files';
import { decodeUtf8 } from './frontmatter';
import { ID_PATTERN } from './ids';
import { type ContentProblem } from './problems';
import { type Role } from './schema';
import { invalidYamlProblems, parseYamlWithPositions, type ParsedYaml } from './yaml';

import { ARTICLES_FOLDER, REGISTRY_FILES } from './layout';
import { schemaProblems } from './schema-problems';

/** A role's references: its organisation must be in the registry, and the story it was reported in must exist. */
export function roleReferenceProblems(
  role: Role,
  at: (string | number)[],
  locate: ParsedYaml['locate'],
  organisationIds: ReadonlySet<string>,
  storyIds: ReadonlySet<string>,
): Omit<ContentProblem, 'file'>[] {
  const problems: Omit<ContentProblem, 'file'>[] = [];
  if (role.organisation !== undefined && !organisationIds.has(role.organisation)) {
    const suggestion = closestId(role.organisation, organisationIds);
    problems.push({
      kind: 'UnknownReference',
      ...locate([...at, 'organisation']),
      field: [...at, 'organisation'].join('.'),
      message: `unknown organisation id "${role.organisation}"`,
      hint: suggestion
        ? `Did you mean \`${suggestion}\`? Ids are listed in organisations.yaml.`
        : 'Use an id listed in organisations.yaml, or add the organisation there.',
    });
  }
  if (role.reported_in !== undefined && !storyIds.has(role.reported_in)) {
    const suggestion = closestId(role.reported_in, storyIds);
    problems.push({
      kind: 'MissingRoleStory',
      ...locate([...at, 'reported_in']),
      field: [...at, 'reported_in'].join('.'),
      message: `no story "${role.reported_in}" in ${ARTICLES_FOLDER}/`,
      ...(suggestion ? { hint: `Did you mean \`${suggestion}\`?` } : {}),
    });
  }
  return problems;
}

/** A field of the registry entry with this id, as problems name it: `luong-cuong → roles.0.source.url`. */
export function entryField(id: string, path: readonly (string | number)[]): string {
  return path.length === 0 ? id : `${id} → ${path.join('.')}`;
}

/**
 * A registry problem's field with its entry named by id where the entry has a valid one, rather than by its place in
 * the list: `10.roles.0.source.url` becomes `luong-cuong → roles.0.source.url`.
 */
function fieldNamedById(entries: unknown, field: string): string {
  const [index = '', ...path] = field.split('.');
  const raw: unknown = Array.isArray(entries) && /^\d+$/.test(index) ? entries[Number(index)] : undefined;
  const id: unknown = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && ID_PATTERN.test(id) ? entryField(id, path) : field;
}

/** The problems of a registry file, each field naming its entry by id (fieldNamedById). */
function namedById(problems: ContentProblem[], entries: unknown): ContentProblem[] {
  return problems.map((problem) =>
    problem.field === undefined ? problem : { ...problem, field: fieldNamedById(entries, problem.field) },
  );
}

/** Problems of one valid entry that its schema cannot see (references to other registries). */
type EntryCheck<T> = (
  entry: T,
  index: number,
  at: ParsedYaml['locate'],
  raw: unknown,
) => Omit<ContentProblem, 'file'>[];

interface RegistryReading {
  contentDir: string;
  root: ContentRoot;
  problems: ContentProblem[];
  checkCache: CheckCache | undefined;
}

/** One registry as read: its valid entries, and where its values stand for the checks made across registries. */
export interface ReadRegistry<T> {
  kind: EntityKind;
  /** The file as problems name it. */
  file: string;
  entries: T[];
  /**
   * The file parsed with positions, or undefined when it cannot be. An outcome reused from the check cache keeps no
   * positions, so the file is parsed again, once, only when a check across registries has a problem to place.
   */
  positions: () => ParsedYaml | undefined;
}

/**
 * Reads one registry, or reuses the outcome of checking the same bytes before (against
 * the same `dependsOn`, what `check` looks at besides the file): its problems are
 * reported either way. Parsing YAML with positions is most of loading a registry.
 * `holds` says whether an earlier outcome still holds for what `check` looks at besides
 * `dependsOn` (what a key of every value it could look at would make stale too often).
 */
export function readRegistry<T extends { id: string }>(
  { contentDir, root, problems, checkCache }: RegistryReading,
  kind: EntityKind,
  schema: z.ZodType<T>,
  dependsOn: unknown = null,
  check?: EntryCheck<T>,
  holds: (earlier: { problems: ContentProblem[]; entries: T[] }) => boolean = () => true,
): ReadRegistry<T> {
  const absolute = path.join(contentDir, REGISTRY_FILES[kind]);
  const file = root.display(absolute);
  const bytes = readContentFile(absolute, root);
  const unread = { kind, file, entries: [], positions: () => undefined };
  if (bytes === 'missing') {
    problems.push({ kind: 'MissingRegistry', file, message: `the ${kind} registry is missing` });
    return unread;
  }
  if (isProblem(bytes)) {
    problems.push(bytes);
    return unread;
  }
  let parsed: ParsedYaml | null | undefined;
  const positions = () => {
    if (parsed === undefined) {
      const text = decodeUtf8(bytes, file);
      const found = typeof text === 'string' ? parseYamlWithPositions(text) : undefined;
      parsed = found && !('errors' in found) ? found : null;
    }
    return parsed ?? undefined;
  };
  const key = digestOf(kind, JSON.stringify(dependsOn), file, bytes);
  const entriesSchema = z.array(schema);
  // The entries read back, checked once by the test of whether they can be reused.
  let entries: T[] | undefined;
  const earlier =
    checkCache &&
    reuse(checkCache, key, (checked) => {
      const parsed = entriesSchema.safeParse(checked.entries);
      entries = parsed.success ? parsed.data : undefined;
      return entries !== undefined && holds({ problems: checked.problems, entries });
    });
  if (earlier && entries) {
    problems.push(...earlier.problems);
    return { kind, file, entries, positions };
  }
  const checked = checkRegistry(bytes, file, kind, schema, check);
  if (checkCache) keep(checkCache, key, checked);
  problems.push(...checked.problems);
  return { kind, file, entries: checked.entries, positions };
}

/** The checks of one registry file, from its bytes: every problem, and the entries that are valid. */
function checkRegistry<T extends { id: string }>(
  bytes: Uint8Array,
  file: string,
  kind: EntityKind,
  schema: z.ZodType<T>,
  check?: EntryCheck<T>,
): { problems: ContentProblem[]; entries: T[] } {
  const problems: ContentProblem[] = [];
  const text = decodeUtf8(bytes, file);
  if (typeof text !== 'string') return { problems: [text], entries: [] };
  const parsed = parseYamlWithPositions(text);
  if ('errors' in parsed) {
    return {
      problems: namedById(invalidYamlProblems(parsed.errors, file), parsed.read),
      entries: [],
    };
  }
  if (!Array.isArray(parsed.value)) {
    return {
      problems: [
        {
          kind: 'InvalidField',
          file,
          line: 1,
          column: 1,
          message: `expected a list of ${kind} (lines starting with "- id: …")`,
        },
      ],
      entries: [],
    };
  }
  const entries: T[] = [];
  const seen = new Map<string, number>();
  parsed.value.forEach((raw: unknown, index) => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      problems.push(...schemaProblems(result.error, raw, file, parsed, [index]));
      return;
    }
    const line = parsed.locate([index, 'id']).line;
    const first = seen.get(result.data.id);
    if (first !== undefined) {
      problems.push({
        kind: 'DuplicateId',
        file,
        ...parsed.locate([index, 'id']),
        field: `${index}.id`,
        message: `the id "${result.data.id}" is already used on line ${first}`,
      });
      return;
    }
    seen.set(result.data.id, line);
    problems.push(...(check?.(result.data, index, parsed.locate, raw) ?? []).map((problem) => ({ ...problem, file })));
    entries.push(result.data);
  });
  return { problems: namedById(problems, parsed.value), entries };
}
