/**
 * Characters content text may not contain, and text that shows nothing. Stories arrive
 * by pull request, so a reviewer must see what a text says:
 * - control characters make a feed invalid XML for every subscriber (XML 1.0 allows
 *   none but tab, line feed and carriage return) and are invisible in a diff;
 * - a lone surrogate (half of an emoji, e.g. from a YAML escape "\uD800") is no
 *   character at all, and U+FFFE and U+FFFF are not characters either: XML refuses them;
 * - bidirectional overrides and isolates reorder what a reviewer sees, so a text can
 *   read one way in review and another on the site;
 * - tag characters (U+E0000 to U+E007F) and the interlinear annotation characters
 *   (U+FFF9 to U+FFFB) are invisible and can carry or hide a text no reviewer sees; only
 *   the tags that make the flags of England, Scotland and Wales are text, and are kept;
 * - the line and paragraph separators (U+2028, U+2029) are line breaks, which a one-line
 *   field has none of;
 * - a title or name made only of spaces, zero-width or other invisible characters
 *   shows as nothing, though it passes a check for emptiness.
 * lib/content/schema.ts applies these rules to every text field; lib/content/load.ts to bodies.
 */

import type { ContentProblem } from './problems';

/** The kinds of refused character, as the error catalogue names them (lib/content/problems.ts). */
type RefusedCharacterKind = 'ControlCharacter' | 'LoneSurrogate' | 'BidiControl' | 'Noncharacter' | 'HidingCharacter';

interface RefusedCharacter {
  kind: RefusedCharacterKind;
  /** The UTF-16 index in the text, and its line and column (both 1-based; columns count UTF-16 units). */
  index: number;
  line: number;
  column: number;
  /** `U+202E`; `U+E0041` for a character written with two UTF-16 units. */
  code: string;
}

/** Where line breaks and tabs are text: a body. Elsewhere (titles, names, …) they are refused. */
interface CharacterRules {
  allowTabsAndLineBreaks: boolean;
}

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const LINE_SEPARATOR = 0x2028;
const PARAGRAPH_SEPARATOR = 0x2029;

/** `point` is the code point at a UTF-16 index: a whole character for a surrogate pair, else the unit itself. */
function kindOf(
  point: number,
  next: number,
  previous: number,
  rules: CharacterRules,
): RefusedCharacterKind | undefined {
  if (
    point === TAB ||
    point === LINE_FEED ||
    point === CARRIAGE_RETURN ||
    point === LINE_SEPARATOR ||
    point === PARAGRAPH_SEPARATOR
  )
    return rules.allowTabsAndLineBreaks ? undefined : 'ControlCharacter';
  // C0 controls, DEL and the C1 controls.
  if (point < 0x20 || (point >= 0x7f && point <= 0x9f)) return 'ControlCharacter';
  if ((point >= 0x202a && point <= 0x202e) || (point >= 0x2066 && point <= 0x2069)) return 'BidiControl';
  if (point === 0xfffe || point === 0xffff) return 'Noncharacter';
  if ((point >= 0xfff9 && point <= 0xfffb) || (point >= 0xe0000 && point <= 0xe007f)) return 'HidingCharacter';
  const high = point >= 0xd800 && point <= 0xdbff;
  const low = point >= 0xdc00 && point <= 0xdfff;
  if (high && !(next >= 0xdc00 && next <= 0xdfff)) return 'LoneSurrogate';
  if (low && !(previous >= 0xd800 && previous <= 0xdbff)) return 'LoneSurrogate';
  return undefined;
}

/** The flags of England, Scotland and Wales: a black flag, the tags of a region's code, and a cancel tag. */
const TAGGED_FLAG =
  /\u{1F3F4}(?:\u{E0067}\u{E0062}(?:\u{E0065}\u{E006E}\u{E0067}|\u{E0073}\u{E0063}\u{E0074}|\u{E0077}\u{E006C}\u{E0073})\u{E007F})/gu;

/** The UTF-16 indexes of the tag characters that are part of a flag, which are text. */
function flagTagIndexes(text: string): ReadonlySet<number> {
  const indexes = new Set<number>();
  // Most texts have no black flag, and need no search.
  if (!text.includes('\u{1F3F4}')) return indexes;
  for (const match of text.matchAll(TAGGED_FLAG))
    for (let index = match.index + 2; index < match.index + match[0].length; index += 2) indexes.add(index);
  return indexes;
}

/** Every refused character of `text`, in order. */
export function refusedCharacters(text: string, rules: CharacterRules): RefusedCharacter[] {
  const found: RefusedCharacter[] = [];
  const flagTags = flagTagIndexes(text);
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < text.length; index++) {
    const point = text.codePointAt(index) ?? 0;
    const kind = flagTags.has(index)
      ? undefined
      : kindOf(point, text.charCodeAt(index + 1), text.charCodeAt(index - 1), rules);
    if (kind)
      found.push({
        kind,
        index,
        line,
        column: index - lineStart + 1,
        code: `U+${point.toString(16).toUpperCase().padStart(4, '0')}`,
      });
    if (point === LINE_FEED) {
      line++;
      lineStart = index + 1;
    }
  }
  return found;
}

const NAMES: Record<RefusedCharacterKind, string> = {
  ControlCharacter: 'a control character',
  LoneSurrogate: 'a lone surrogate, half of a character',
  BidiControl: 'a bidirectional override or isolate',
  Noncharacter: 'a noncharacter',
  HidingCharacter: 'an invisible character that can hide text',
};

/** `U+202E (a bidirectional override or isolate)`, tab and line breaks by name. */
export function describeRefusedCharacter(found: Pick<RefusedCharacter, 'kind' | 'code'>): string {
  const named: Record<string, string> = {
    'U+0009': 'a tab',
    'U+000A': 'a line break',
    'U+000D': 'a carriage return',
    'U+2028': 'a line separator',
    'U+2029': 'a paragraph separator',
  };
  const tag = /^U\+E00[0-7][0-9A-F]$/.test(found.code) ? 'a tag character, invisible: it can hide text' : undefined;
  const annotation = /^U\+FFF[9AB]$/.test(found.code)
    ? 'an interlinear annotation character: it can hide text'
    : undefined;
  return `${found.code} (${named[found.code] ?? tag ?? annotation ?? NAMES[found.kind]})`;
}

/** How many lines of a body get a problem of their own; the rest are counted in one more. */
const BODY_LINES_REPORTED = 10;

/**
 * The problems of a body's refused characters, one per line (enough to find and fix
 * the line), at the line of the file (`bodyLine` is where the body starts) and column.
 */
export function bodyCharacterProblems(body: string, bodyLine: number, file: string): ContentProblem[] {
  const firstPerLine = refusedCharacters(body, { allowTabsAndLineBreaks: true }).filter(
    (found, index, all) => all[index - 1]?.line !== found.line,
  );
  return firstPerLine.slice(0, BODY_LINES_REPORTED + 1).map((found, index) => {
    const more =
      index === BODY_LINES_REPORTED && firstPerLine.length > BODY_LINES_REPORTED + 1
        ? `, and refused characters on ${firstPerLine.length - BODY_LINES_REPORTED - 1} more lines`
        : '';
    return {
      kind: found.kind,
      file,
      line: bodyLine + found.line - 1,
      column: found.column,
      message: `the text contains ${describeRefusedCharacter(found)}${more}`,
    };
  });
}

/**
 * Characters that show nothing on their own: white space, format characters (zero-width
 * space and joiners, word joiner, byte order mark, soft hyphen, bidirectional marks),
 * controls, combining marks without a base, and the blank letters of Hangul and Braille.
 */
const VISIBLE = /[^\p{White_Space}\p{Cf}\p{Cc}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** Whether `text` has at least one character a reader sees. */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}
