/**
 * Text from content files reaches terminals and CI logs through the check's output. A
 * control character there could recolour or rewrite the screen (ANSI escapes), reorder
 * what is shown (bidi controls), or start a new line that GitHub Actions reads as a
 * workflow command (`::error …`). Every such character is shown as an escape instead.
 */

/** C0, DEL, C1, the bidi embedding, override and isolate controls, and the line and paragraph separators. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\x1b` for a character below U+0100, `\u202e` above. */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (character) => {
    const code = character.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The message of a workflow command (after `::`), as GitHub Actions requires it escaped. */
export function escapeWorkflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (`file=…`), which also may not hold ":" or ",". */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
