const ASCII = /^[\x00-\x7f]*$/;

/**
 * Accent- and case-insensitive text, for matching what readers type against names and
 * stories. Combining marks are stripped after NFKD decomposition, and đ/Đ (which have no
 * decomposition) become d. Nothing phonetic is done, so "duong" matches "đường" but
 * never "tướng". The compatibility forms of letters and digits are those letters and
 * digits: "ＬＥ ＤＵＮＧ" typed on a full-width keyboard is "le dung", "ﬁ" is "fi".
 */
export function foldText(text: string): string {
  // Plain ASCII has nothing to decompose: most English text, and most words, take this path.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Words of a text, folded: runs of letters and digits. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The tone marks of Vietnamese (grave, acute, tilde, hook above, dot below), and the
 * older placement of a tone on the first vowel of "oa", "oe" and "uy" ("hòa", "thủy").
 * The marks that make a letter (circumflex, breve, horn) are not tones and never move.
 */
const OLD_TONE_PLACEMENT =
  /([oO])([\u0300\u0301\u0303\u0309\u0323])([aAeE]\p{M}*)|([uU])([\u0300\u0301\u0303\u0309\u0323])([yY]\p{M}*)/gu;

/**
 * Case-insensitive text that keeps its diacritics, in one spelling: NFKC (as foldText, a
 * full-width letter is that letter), lower case, and the tone of "oa", "oe", "uy" on the
 * second vowel ("hòa" and "hoà", "thủy" and "thuỷ" are the same word written in the older
 * and the newer way). Syllables that differ in their marks stay different words: "lê" and
 * "lễ", "dũng" and "dựng".
 */
export function markedText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(OLD_TONE_PLACEMENT, (_, o, oTone, a, u, uTone, y) => (o ? `${o}${a}${oTone}` : `${u}${y}${uTone}`))
    .normalize('NFKC')
    .toLowerCase();
}

/**
 * A word in its one spelling (markedText) ending in "oa", "oe" or "uy" with the tone back on the first vowel, as the
 * older spelling writes it: "uỷ" as "ủy", "hoà" as "hòa" (but "hoạch", "quý" as they are). What a reader typing in
 * that spelling has written of the word before its last vowel is typed ("ủ", "hò") starts it so.
 */
export function olderTonePlacement(written: string): string {
  if (ASCII.test(written)) return written;
  return written
    .normalize('NFD')
    .replace(/(?<!q)([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])$/u, (pair, first, second, tone) =>
      (first === 'u') === (second === 'y') ? `${first}${tone}${second}` : pair,
    )
    .normalize('NFC');
}
