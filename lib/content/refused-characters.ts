/**
 * Characters content text may not contain, and text that shows nothing. Stories arrive
 * by pull request, so a reviewer must see what a text says:
 * - control characters make a feed invalid XML for every subscriber (XML 1.0 allows
 *   none but tab, line feed and carriage return) and are invisible in a diff;
 * - a lone surrogate (half of an emoji, e.g. from a YAML escape "\uD800") is no
 *   character at all, and U+FFFE and U+FFFF are not characters either: XML refuses them;
 * - bidirectional overrides and isolates reorder what a reviewer sees, so a text can
 *   read one way in review and another on the site;
 * - a title or name made only of spaces, zero-width or other invisible characters
 *   shows as nothing, though it passes a check for emptiness.
 * lib/content/schema.ts applies these rules to every text field; lib/content/load.ts to bodies.
 */

import type { ContentProblem } from './problems';

/** The kinds of refused character, as the error catalogue names them (lib/content/problems.ts). */
export type RefusedCharacterKind = 'ControlCharacter' | 'LoneSurrogate' | 'BidiControl' | 'Noncharacter';

export interface RefusedCharacter {
  kind: RefusedCharacterKind;
  /** The UTF-16 index in the text, and its line and column (both 1-based; columns count UTF-16 units). */
  index: number;
  line: number;
  column: number;
  /** `U+202E`. */
  code: string;
}

/** Where line breaks and tabs are text: a body. Elsewhere (titles, names, …) they are refused. */
export interface CharacterRules {
  allowTabsAndLineBreaks: boolean;
}

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

function kindOf(unit: number, next: number, previous: number, rules: CharacterRules): RefusedCharacterKind | undefined {
  if (unit === TAB || unit === LINE_FEED || unit === CARRIAGE_RETURN)
    return rules.allowTabsAndLineBreaks ? undefined : 'ControlCharacter';
  // C0 controls, DEL and the C1 controls.
  if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return 'ControlCharacter';
  if ((unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069)) return 'BidiControl';
  if (unit === 0xfffe || unit === 0xffff) return 'Noncharacter';
  const high = unit >= 0xd800 && unit <= 0xdbff;
  const low = unit >= 0xdc00 && unit <= 0xdfff;
  if (high && !(next >= 0xdc00 && next <= 0xdfff)) return 'LoneSurrogate';
  if (low && !(previous >= 0xd800 && previous <= 0xdbff)) return 'LoneSurrogate';
  return undefined;
}

/** Every refused character of `text`, in order. */
export function refusedCharacters(text: string, rules: CharacterRules): RefusedCharacter[] {
  const found: RefusedCharacter[] = [];
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const kind = kindOf(unit, text.charCodeAt(index + 1), text.charCodeAt(index - 1), rules);
    if (kind)
      found.push({
        kind,
        index,
        line,
        column: index - lineStart + 1,
        code: `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`,
      });
    if (unit === LINE_FEED) {
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
};

/** `U+202E (a bidirectional override or isolate)`, tab and line breaks by name. */
export function describeRefusedCharacter(found: Pick<RefusedCharacter, 'kind' | 'code'>): string {
  const named: Record<string, string> = { 'U+0009': 'a tab', 'U+000A': 'a line break', 'U+000D': 'a carriage return' };
  return `${found.code} (${named[found.code] ?? NAMES[found.kind]})`;
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
