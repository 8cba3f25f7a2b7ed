/**
 * A linear scan of a Markdown body, before it is parsed, that refuses the shapes on which
 * the parser (micromark) slows down far more than the text grows, or builds a tree deep
 * enough to exhaust the stack of the renderer's recursive steps:
 * - containers nested deeply: blockquotes (`>>>>`), lists and footnotes inside lists, whose cost
 *   grows with the depth on every line;
 * - many emphasis, strikethrough, code and link delimiters (`*`, `_`, `~`, backticks,
 *   brackets) in one block: the parser pairs them by looking back over the block, so a
 *   block full of them costs about the square of their number, and each pair may nest;
 * - table rows with very many cells.
 * The limits are far above what a news report needs, so an ordinary body of any length
 * up to the body limit passes, and the parse of one that passes stays linear in its size.
 * The scan over-counts rather than under-counts (it does not know code spans or fences),
 * which only matters for bodies far from ordinary prose.
 */

/** How deep quotes and lists may nest on one line. */
export const MAX_NESTING = 16;
/** How many `*`, `_`, `~`, backtick and bracket characters one block (lines between blank lines) may hold. */
export const MAX_DELIMITERS_PER_BLOCK = 1000;
/** How many `|` one line may hold: a table of more columns is data, not a report. */
export const MAX_TABLE_PIPES_PER_LINE = 100;

interface MarkdownLimitBreach {
  /** 1-based line (of the file, counted from `firstLine`) and column. */
  line: number;
  column: number;
  message: string;
  hint: string;
}

const DELIMITERS = new Set(['*', '_', '~', '`', '[', ']']);
/** A list item's marker, or a footnote definition's label (its text is indented under it, like a list item's). */
const CONTAINER_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)|^\[\^[^\]\s]{1,999}\]:/;
const MAX_MARKER_LENGTH = 1004;
/** The rest of a line of three or more `-`, `*` or `_` (spaces allowed) is a thematic break, not list markers. */
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * How deeply the line's containers nest, counted from its start: each `>`, each list
 * marker and each footnote label (`[^1]:`) is one level, and every two columns of indentation before a marker may be one
 * more (a nested list item is indented under its parent). The one space a marker takes
 * after it is part of the marker. Returns the depth and the column where the limit is
 * passed, if it is.
 */
function nestingOf(line: string): { depth: number; column: number } {
  let depth = 0;
  let run = 0;
  let afterMarker = false;
  let index = 0;
  while (index < line.length) {
    const character = line[index];
    if (character === ' ' || character === '\t') {
      run += character === '\t' ? 4 : 1;
      index += 1;
      continue;
    }
    // The quotes a thematic break stands in still nest: ">>>> ***" is four quotes deep.
    if (character !== '>' && THEMATIC_BREAK.test(line.slice(index))) break;
    const marker = character === '>' ? '>' : CONTAINER_MARKER.exec(line.slice(index, index + MAX_MARKER_LENGTH))?.[0];
    if (marker === undefined) break;
    depth += 1 + Math.floor(Math.max(0, run - (afterMarker ? 1 : 0)) / 2);
    if (depth > MAX_NESTING) return { depth, column: index + 1 };
    run = 0;
    afterMarker = true;
    index += marker.length;
  }
  return { depth, column: index + 1 };
}

/**
 * The first place where the body passes each limit; empty when it passes all of them.
 * `firstLine` is the line of its file on which the body starts.
 */
export function markdownLimitBreaches(markdown: string, firstLine = 1): MarkdownLimitBreach[] {
  const breaches = new Map<string, MarkdownLimitBreach>();
  const lines = markdown.split('\n');
  let blockStart = firstLine;
  let blockDelimiters = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const lineNumber = index + firstLine;
    // A line of only ">" ends a paragraph inside quotes, yet each ">" still opens a quote.
    if (!breaches.has('nesting')) {
      const nesting = nestingOf(line);
      if (nesting.depth > MAX_NESTING) {
        breaches.set('nesting', {
          line: lineNumber,
          column: nesting.column,
          message: `quotes, lists and footnotes nest more than ${MAX_NESTING} levels deep on this line`,
          hint: 'Nest fewer quotes (">"), lists and footnotes inside each other, or indent the line less.',
        });
      }
    }
    if (/^[ \t>]*$/.test(line)) {
      blockStart = lineNumber + 1;
      blockDelimiters = 0;
      continue;
    }
    let pipes = 0;
    for (let column = 0; column < line.length; column++) {
      const character = line[column] ?? '';
      // An escaped character is text, never a delimiter.
      if (character === '\\') {
        column += 1;
        continue;
      }
      if (character === '|') pipes += 1;
      if (!DELIMITERS.has(character)) continue;
      blockDelimiters += 1;
      if (blockDelimiters === MAX_DELIMITERS_PER_BLOCK + 1 && !breaches.has('delimiters')) {
        breaches.set('delimiters', {
          line: lineNumber,
          column: column + 1,
          message: `the block starting on line ${blockStart} has more than ${MAX_DELIMITERS_PER_BLOCK} of the characters * _ ~ \` [ ]`,
          hint: 'Split the paragraph, list or table with blank lines, or write the characters as \\* \\_ \\~ \\` \\[ \\] where they are not formatting.',
        });
      }
    }
    if (pipes > MAX_TABLE_PIPES_PER_LINE && !breaches.has('pipes')) {
      breaches.set('pipes', {
        line: lineNumber,
        column: 1,
        message: `the line has ${pipes} "|"; a table row may have at most ${MAX_TABLE_PIPES_PER_LINE}`,
        hint: 'Give the table fewer columns, or write "|" as \\| where it is not a cell border.',
      });
    }
  }
  return [...breaches.values()];
}
