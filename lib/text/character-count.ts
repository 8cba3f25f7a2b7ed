/**
 * Characters as an editor counts them. A keyboard or a program may write a Vietnamese
 * letter composed ("ệ", one character) or decomposed (a letter and its marks, up to three
 * characters), and the two look the same: counted in their composed form (NFC), a title
 * has the length its editor sees, however it was typed. Counted in code points, not in
 * JavaScript's UTF-16 units, an emoji such as 📰 counts as one. A letter with marks that
 * have no composed form still counts each mark, so a text within a limit is bounded in size too.
 */

/** How many characters `text` has, counted in its composed form. */
export function characterCount(text: string): number {
  return [...text.normalize('NFC')].length;
}

/** The longest stretch of an editor's text a message quotes. */
const EXCERPT_CHARACTERS = 60;

/**
 * A text as a message quotes it: the text itself when it has at most `longest` characters,
 * else its first characters and "…", so that a message stays about a line long whatever was written.
 */
export function excerpt(text: string, longest = EXCERPT_CHARACTERS): string {
  // A text of few UTF-16 units has no more characters than that.
  if (text.length <= longest) return text;
  const characters = [...text.normalize('NFC')];
  return characters.length > longest ? `${characters.slice(0, longest - 1).join('')}…` : text;
}
