/**
 * Marks the words of a text that a query matched, accent-insensitively, and cuts a
 * snippet around the first match. Works on the original text's words, so the reader
 * sees the text as written, diacritics and all.
 */
import { foldedWords, foldText } from '../text-fold';

export interface TextPart {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The folded terms of a query that highlighting looks for (one letter is too little to mark). */
export function queryTerms(query: string): string[] {
  return foldedWords(query).filter((term) => term.length > 1 || /\d/.test(term));
}

/** Whole words match any term; the last term, still being typed, matches word starts too. */
function matches(word: string, terms: readonly string[]): boolean {
  const folded = foldText(word);
  const last = terms[terms.length - 1];
  return terms.includes(folded) || (last !== undefined && folded.startsWith(last));
}

/** The text split into matched and unmatched parts. */
export function highlight(text: string, terms: readonly string[]): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(WORD)) {
    if (!matches(found[0], terms)) continue;
    const start = found.index;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/** About `length` characters around the first matched word, cut at word boundaries, highlighted. */
export function snippet(text: string, terms: readonly string[], length = 220): TextPart[] | null {
  let first: number | undefined;
  for (const found of text.matchAll(WORD)) {
    if (matches(found[0], terms)) {
      first = found.index;
      break;
    }
  }
  if (first === undefined) return null;
  let start = Math.max(0, first - Math.floor(length / 3));
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + length);
  if (end < text.length) end = text.lastIndexOf(' ', end) > first ? text.lastIndexOf(' ', end) : end;
  const cut = text.slice(start, end).replace(/\s+/g, ' ');
  const parts = highlight(cut, terms);
  if (start > 0) parts.unshift({ text: '… ', match: false });
  if (end < text.length) parts.push({ text: ' …', match: false });
  return parts;
}
