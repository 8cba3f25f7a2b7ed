/**
 * YAML parsing that remembers where every value stands, so a problem found later by
 * the schema can point at its line and column. The YAML 1.2 core schema is used: it
 * keeps `2025-10-23` as text (no Date, so no time zone), and it has no tags that run code.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { excerpt } from '../text/character-count';
import type { ContentProblem } from './problems';

export interface Position {
  line: number;
  column: number;
}

export interface ParsedYaml {
  value: unknown;
  /** The position of the value at `path`, or of its nearest existing parent. */
  locate(path: readonly PropertyKey[]): Position;
}

interface YamlSyntaxError {
  message: string;
  position: Position;
  /** The dotted path of the field the problem stands in, when it stands in one. */
  field?: string;
  /** What to do, when it is more precise than the general hint of invalid YAML. */
  hint?: string;
}

interface YamlErrors {
  errors: YamlSyntaxError[];
  /**
   * The value as read despite the errors, when each leaves the tree whole (a field written twice, a refused tag): for
   * naming where a problem stands (a registry names its entries by id), never to be used as content.
   */
  read?: unknown;
}

/** A file's YAML errors as its problems (InvalidYaml), each at its place, with its field and hint when it has them. */
export function invalidYamlProblems(errors: readonly YamlSyntaxError[], file: string): ContentProblem[] {
  return errors.map((error) => ({
    kind: 'InvalidYaml' as const,
    file,
    ...error.position,
    ...(error.field ? { field: error.field } : {}),
    message: error.message,
    ...(error.hint ? { hint: error.hint } : {}),
  }));
}

/** The reader's problems that leave the document's tree as written. */
const TREE_KEEPING = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED']);

/**
 * Aliases (`*name`) can expand a small file into a huge value (a "billion laughs"): past
 * this many expansions the file is refused. Content needs none.
 */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML text that starts at `firstLine` of its file (1-based).
 * Returns the value and a locator, or the problems: syntax errors, and also what the YAML
 * reader accepts or only warns about: every tag (`!!str`, which the core schema reads, as
 * `!!js/function`, which it does not know and would read as text), nesting too deep to
 * read, and aliases past the limit.
 */
export function parseYamlWithPositions(text: string, firstLine = 1): ParsedYaml | YamlErrors {
  const lineCounter = new LineCounter();
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const start = { line: firstLine, column: 1 };
  let document: Document;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return { errors: [{ message: readerFailure(error), position: start }] };
  }
  const problems = [...document.errors, ...document.warnings];
  const treeWhole = problems.every((problem) => TREE_KEEPING.has(problem.code));
  // After a syntax error the tree is a guess: its tags are not looked for.
  const tags = treeWhole ? writtenTags(document, text) : [];
  const tagErrors = tags.map(({ tag, offset, node }) => tagError(tag, offset, node, document, toPosition));
  // The reader reports the tags it cannot read itself: each tag is reported once, as found in the tree.
  const found = new Set(tags.map(({ offset }) => offset));
  const otherProblems = problems.filter(
    (problem) => problem.code !== 'TAG_RESOLVE_FAILED' || !found.has(problem.pos[0]),
  );
  if (otherProblems.length > 0 || tagErrors.length > 0) {
    const read = treeWhole ? readBack(document) : undefined;
    const repeated = problems.some((problem) => problem.code === 'DUPLICATE_KEY') ? repeatedKeys(document) : undefined;
    return {
      ...(read === undefined ? {} : { read }),
      errors: [
        ...otherProblems.map((problem) => {
          if (problem.code === 'DUPLICATE_KEY') {
            const duplicate = repeated && duplicateKeyError(repeated, problem.pos[0], toPosition);
            if (duplicate) return duplicate;
          }
          if (problem.code === 'TAG_RESOLVE_FAILED') {
            const tag = /^Unresolved tag: (\S+)/.exec(problem.message)?.[1] ?? '!';
            return tagError(tag, problem.pos[0], problem.pos[0], document, toPosition);
          }
          if (problem.code === 'BLOCK_AS_IMPLICIT_KEY') {
            const colon = colonInValue(text, problem.pos[0]);
            if (colon) return { ...colon, message: firstLineOf(problem.message), position: toPosition(problem.pos[0]) };
          }
          return {
            message:
              problem.code === 'RESOURCE_EXHAUSTION'
                ? 'the YAML is nested too deeply to read'
                : firstLineOf(problem.message),
            position: toPosition(problem.pos[0]),
          };
        }),
        ...tagErrors,
      ],
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { errors: [{ message: readerFailure(error), position: start }] };
  }
  return {
    value,
    locate: (path) => toPosition(offsetOf(document, path)),
  };
}

/**
 * The field whose unquoted value holds ": " where the reader stopped (`title: The minister: a visit`), which YAML reads
 * as a field inside a value: the mistake of every editor's first colon in a title.
 */
function colonInValue(text: string, offset: number): { field: string; hint: string } | undefined {
  // The reader stops at the value's first character: what stands before it on its line is the field's key.
  const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  const field = /^\s*(?:-\s+)?([A-Za-z_][\w-]*):\s+$/.exec(before)?.[1];
  return field
    ? { field, hint: `Put the value in quotes: ${field}: "…", as a colon followed by a space starts a field in YAML.` }
    : undefined;
}

/** The tags of the YAML core schema, written as its shorthand `!!` stands for them. */
const CORE_TAG_PREFIX = 'tag:yaml.org,2002:';

/**
 * A tag as the editor wrote it (`!!str`, `!local`), at the offset of its `!`. A tag only tells
 * the reader how to read a value, which content never needs, and a tag the reader does not
 * know is a sign of a file written for another program.
 */
function tagError(
  tag: string,
  offset: number,
  node: number,
  document: Document,
  toPosition: (offset: number) => Position,
): YamlSyntaxError {
  const written = tag.startsWith(CORE_TAG_PREFIX)
    ? `!!${tag.slice(CORE_TAG_PREFIX.length)}`
    : tag.startsWith('!')
      ? tag
      : `!<${tag}>`;
  // The tag stands on a key or value the reader did read (at the offset `node`), so its field can be named.
  const field = fieldAt(document.contents, node);
  return {
    message: `the tag ${excerpt(written)} is not accepted`,
    position: toPosition(offset),
    ...(field ? { field } : {}),
    hint: 'Remove the tag and write the value as text: YAML tags (!!str, !!js/function, !local) are not accepted in content.',
  };
}

/**
 * Every tag written on a key or value of the document, with the offset of its `!` and of the key or value it stands on,
 * in one walk without recursion (as repeatedKeys). The reader keeps where a value starts, after its tag: the tag is
 * the `!` run before it.
 */
function writtenTags(document: Document, text: string): { tag: string; offset: number; node: number }[] {
  const found: { tag: string; offset: number; node: number }[] = [];
  const pending: unknown[] = [document.contents];
  for (let node = pending.pop(); pending.length > 0 || node !== undefined; node = pending.pop()) {
    if (isMap(node)) for (const pair of node.items) pending.push(pair.key, pair.value);
    if (isSeq(node)) for (const item of node.items) pending.push(item);
    const tag = isScalar(node) || isMap(node) || isSeq(node) ? node.tag : undefined;
    const start = rangeStart(node);
    if (tag === undefined || start === undefined) continue;
    let offset = text.lastIndexOf('!', start - 1);
    while (offset > 0 && text[offset - 1] === '!') offset--;
    found.push({ tag, offset: offset < 0 ? start : offset, node: start });
  }
  return found;
}

/** A key written again in its map: where it starts again and where the first one stands, and the path of the field. */
interface RepeatedKey {
  start: number;
  first: number;
  path: (string | number)[];
}

/**
 * Every key written again in its map, in the order they start: found in one walk of the document (without recursion,
 * as fieldAt: a document may be nested deep), however many keys are repeated.
 */
function repeatedKeys(document: Document): RepeatedKey[] {
  const repeated: RepeatedKey[] = [];
  const pending: { node: unknown; path: (string | number)[] }[] = [{ node: document.contents, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, path } = next;
    if (isSeq(node)) node.items.forEach((item, index) => pending.push({ node: item, path: [...path, index] }));
    if (!isMap(node)) continue;
    const firsts = new Map<string, number>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const start = rangeStart(pair.key);
      if (key !== undefined && start !== undefined) {
        const first = firsts.get(key);
        if (first === undefined) firsts.set(key, start);
        else repeated.push({ start, first, path: [...path, key] });
      }
      pending.push({ node: pair.value, path: [...path, key ?? '?'] });
    }
  }
  return repeated.sort((a, b) => a.start - b.start);
}

/**
 * A key written twice in one map, named with the lines of both: the reader's own words ("Map keys must be unique")
 * say neither which key nor where the first one is. The reader places the problem at the repeated key, or just before
 * it when the pair before it has no value: it is the first repeated key from `offset` on.
 */
function duplicateKeyError(
  repeated: readonly RepeatedKey[],
  offset: number,
  toPosition: (offset: number) => Position,
): YamlSyntaxError | undefined {
  let low = 0;
  let high = repeated.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((repeated[middle]?.start ?? Infinity) < offset) low = middle + 1;
    else high = middle;
  }
  const found = repeated[low];
  if (!found) return undefined;
  const position = toPosition(found.start);
  const firstLine = toPosition(found.first).line;
  const lines = firstLine === position.line ? `on line ${firstLine}` : `on lines ${firstLine} and ${position.line}`;
  return {
    message: `the field "${excerpt(String(found.path.at(-1)))}" is written twice, ${lines}`,
    position,
    field: fieldName(found.path),
    hint: 'Keep one of the two: a field holds one value, and which one would be kept is not for the reader to guess.',
  };
}

/** The document's value, or undefined when it cannot be built (aliases past the limit, nesting too deep). */
function readBack(document: Document): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
}

/** The dotted path of the innermost field whose key or value holds `offset` (iterative: a document may be nested deep). */
function fieldAt(root: unknown, offset: number): string | undefined {
  const path: (string | number)[] = [];
  let node = root;
  for (;;) {
    let next: { key: string | number; value: unknown } | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        const start = rangeStart(pair.key);
        const end = rangeEnd(pair.value) ?? rangeEnd(pair.key);
        if (start !== undefined && end !== undefined && start <= offset && offset <= end) {
          next = { key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key), value: pair.value };
          break;
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const start = rangeStart(item);
        const end = rangeEnd(item);
        if (!next && start !== undefined && end !== undefined && start <= offset && offset <= end)
          next = { key: index, value: item };
      });
    }
    if (!next) return path.length > 0 ? fieldName(path) : undefined;
    path.push(next.key);
    node = next.value;
  }
}

/** The dotted path of a field, each key quoted as a message quotes it: a key can be as long as the file. */
function fieldName(path: readonly (string | number)[]): string {
  return path.map((key) => (typeof key === 'string' ? excerpt(key) : key)).join('.');
}

function rangeEnd(node: unknown): number | undefined {
  const range =
    node !== null && typeof node === 'object' && 'range' in node ? (node as { range?: unknown }).range : undefined;
  return Array.isArray(range) && typeof range[2] === 'number' ? range[2] : undefined;
}

function firstLineOf(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** What to tell the editor when the YAML reader gave up instead of reporting. */
function readerFailure(error: unknown): string {
  if (error instanceof ReferenceError && /alias/i.test(error.message))
    return `the YAML uses aliases (*name) more than ${MAX_ALIAS_COUNT} times; write the values out`;
  if (error instanceof RangeError) return 'the YAML is nested too deeply to read';
  return `the YAML cannot be read: ${error instanceof Error ? firstLineOf(error.message) : String(error)}`;
}

function offsetOf(document: Document, path: readonly PropertyKey[]): number {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      // A value missing or null points at its key, which is where the editor looks.
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && key < node.items.length) {
      node = node.items[key];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
    const start: unknown = node.range[0];
    return typeof start === 'number' ? start : undefined;
  }
  return undefined;
}
