/**
 * Where a text's phrases end: words on either side of such a place are not together, so "Bùi Văn. Đội ngũ kỹ sư"
 * holds neither "Văn Đội" nor the name "Bùi Văn Đội". The index keeps runs of words within a phrase
 * (lib/search/encoding.ts) and a card marks a run only within one (lib/search/highlight.ts).
 *
 * A phrase ends at the end of a sentence or clause (a full stop, question or exclamation mark, semicolon, colon or
 * ellipsis before a space or the text's end), between blocks (a blank line: a line break alone may be where an
 * editor wrapped a line), at a bracket ("Trần Văn Hùng (Bộ Tư lệnh 86)" does not hold "Hùng Bộ Tư lệnh") and at a
 * dash between spaces. A full stop after an initial or a common abbreviation ends nothing: "U.N. Security Council",
 * "Lt. Gen. Le Huy Vinh", "TP. Hồ Chí Minh".
 * A comma does not end a phrase: a list of names or a date ("Hanoi, October 25") is still read as one.
 */
import { foldText } from './text-fold';

/** Abbreviations written with a full stop in English and Vietnamese news, folded and lowercased. */
const ABBREVIATIONS = new Set(
  [
    // Ranks, titles and forms of address.
    'mr mrs ms dr prof sr jr st lt gen col maj capt cpt sgt cpl pvt adm cmdr brig rev hon gov sen rep pres',
    // Months, numbers and references.
    'jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig art para pp',
    // Organisations and Latin.
    'inc ltd co corp dept univ assn approx est etc vs cf al',
    // Vietnamese: thành phố, thị trấn, thạc sĩ, tiến sĩ, giáo sư, phó giáo sư, bác sĩ, kỹ sư, nghiên cứu sinh, thị xã.
    'tp tt ths ts gs pgs bs ks ncs tx',
  ]
    .join(' ')
    .split(' '),
);

const PHRASE_END = /[.!?;:…](?=\s|$)|[()[\]{}]|\n\s*\n|\s[–—](?=\s)/gu;
const WORD_BEFORE = /[\p{L}\p{M}]+$/u;

/** Whether the full stop at `at` follows an initial or an abbreviation. */
function abbreviationEnds(text: string, at: number): boolean {
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, at - 8), at))?.[0];
  return word !== undefined && (word.length === 1 || ABBREVIATIONS.has(foldText(word)));
}

/** The offsets at which the text's phrases end, in order. */
export function phraseEnds(text: string): number[] {
  const ends: number[] = [];
  for (const found of text.matchAll(PHRASE_END))
    if (found[0] !== '.' || !abbreviationEnds(text, found.index)) ends.push(found.index);
  return ends;
}

/** The text's phrases, in order. */
export function phrasesOf(text: string): string[] {
  const phrases: string[] = [];
  let start = 0;
  for (const end of phraseEnds(text)) {
    phrases.push(text.slice(start, end));
    start = end + 1;
  }
  phrases.push(text.slice(start));
  return phrases;
}
