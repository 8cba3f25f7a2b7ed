/**
 * YAML parsing that remembers where every value stands, so a problem found later by
 * the schema can point at its line and column. The YAML 1.2 core schema is used: it
 * keeps `2025-10-23` as text (no Date, so no time zone), and it has no tags that run code.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface ParsedYaml {
  value: unknown;
  /** The position of the value at `path`, or of its nearest existing parent. */
  locate(path: readonly PropertyKey[]): Position;
}

export interface YamlSyntaxError {
  message: string;
  position: Position;
}

/**
 * Parses YAML text that starts at `firstLine` of its file (1-based).
 * Returns the value and a locator, or the syntax errors.
 */
export function parseYamlWithPositions(text: string, firstLine = 1): ParsedYaml | { errors: YamlSyntaxError[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  if (document.errors.length > 0) {
    return {
      errors: document.errors.map((error) => ({
        message: error.message.split('\n')[0] ?? error.message,
        position: toPosition(error.pos[0]),
      })),
    };
  }
  return {
    value: document.toJS(),
    locate: (path) => toPosition(offsetOf(document, path)),
  };
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
