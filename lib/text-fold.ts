const ASCII = /^[\x00-\x7f]*$/;

/**
 * Accent- and case-insensitive text, for matching what readers type against names and
 * stories. Combining marks are stripped after NFD decomposition, and đ/Đ (which have no
 * decomposition) become d. Nothing phonetic is done, so "duong" matches "đường" but
 * never "tướng".
 */
export function foldText(text: string): string {
  // Plain ASCII has nothing to decompose: most English text, and most words, take this path.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Words of a text, folded: runs of letters and digits. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
