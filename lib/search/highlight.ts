/**
 * Marks what a query matched in a text, by the rules search matches by
 * (lib/search/syllables.ts), and cuts a snippet around the first match. Works on the
 * original text's words, so the reader sees the text as written, diacritics and all.
 */
import { foldedWords, foldText } from '../text/text-fold';
import { joinedSyllables } from './encoding';
import { typedWordForms, typedWordSpellings, typedWordVariants } from './inflections';
import {
  asSearched,
  joinedPair,
  POSSESSIVE,
  querySyllables,
  splitWordForms,
  syllable,
  syllableMatches,
  withoutMarks,
  WORD,
  type Syllable,
} from './syllables';
import { phraseEnds } from '../text/phrases';
import { otherDateWritings } from './written-otherwise';

export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * How a story matched: `together` when it holds the query's words together and in
 * order (only those runs are marked, each as one part), `apart` when it holds them only
 * apart (each word is marked where it stands).
 */
export type MatchKind = 'together' | 'apart';

/** The words of a query that highlighting looks for. */
export function queryTerms(query: string): Syllable[] {
  return querySyllables(asSearched(query));
}

interface Span {
  start: number;
  end: number;
}

/**
 * One letter among other words is too little to mark (the "s" of "People's" typed apart); a digit is not, nor a letter
 * typed alone, the start of a word still being typed, which is all a story found by it has to show; nor letters typed
 * with no word among them ("a a a"), the only words such a story was found by.
 */
const markable = (term: Syllable, terms: readonly Syllable[]) =>
  term.folded.length > 1 || /\d/.test(term.folded) || terms.every((each) => each.folded.length === 1);

/**
 * Whether a word of a text (folded) is the typed word in its other English spelling, the same word as search finds it:
 * the last, which the reader may still be typing, as a start ("centres" for "center").
 */
const isOtherSpelling = (term: Syllable, folded: string, last: boolean): boolean =>
  typedWordSpellings(term).some((spelt) => (last && !term.whole ? folded.startsWith(spelt) : folded === spelt));

interface TextWord extends Span {
  folded: string;
  /** Which of the text's phrases the word is in (lib/text/phrases.ts): a run of the query stays within one. */
  phrase: number;
  /** The word as search compares it, worked out only when its folded form could match. */
  word: Syllable;
  /** The "s" of an English possessive ("Vietnam's"), which search reads the query's words across. */
  possessive: boolean;
}

/**
 * The index after the text's words from `at` that hold the terms from `from` together, in order, or -1. A word holds
 * one term; or two typed without marks, written together ("Vietnam" for "viet nam"); or two words hold one so typed
 * ("People's" for "peoples"). A word holding the last term may be longer, as the reader may still be typing.
 */
function runEnd(words: readonly TextWord[], at: number, terms: readonly Syllable[], from: number): number {
  if (from === terms.length) return at;
  const text = words[at];
  if (!text || (from > 0 && text.phrase !== words[at - 1]?.phrase)) return -1;
  const term = terms[from] as Syllable;
  const next = words[at + 1];
  const joined = joinedPair(term, terms[from + 1]);
  // Each way as [text words, terms] held.
  const ways: [number, number][] = [];
  const open = from === terms.length - 1;
  if (syllableMatches(term, text.word, open) || isOtherSpelling(term, text.folded, open)) ways.push([1, 1]);
  if (joined && (from + 2 === terms.length ? text.folded.startsWith(joined.folded) : text.folded === joined.folded))
    ways.push([1, 2]);
  if (!term.marked && next?.phrase === text.phrase && text.folded + next.folded === term.folded) ways.push([2, 1]);
  if (from > 0 && text.possessive) ways.push([1, 0]);
  for (const [held, typed] of ways) {
    const end = runEnd(words, at + held, terms, from + typed);
    if (end >= 0) return end;
  }
  return -1;
}

/**
 * Words already folded: a story's words are mostly a few hundred repeated, Vietnamese syllables above all, and each
 * card folds its title, summary and body a few times over. Emptied when full, so a long visit keeps it small.
 */
const foldedWordsSeen = new Map<string, string>();
const FOLDED_WORDS_KEPT = 10_000;

function foldedWord(word: string): string {
  let folded = foldedWordsSeen.get(word);
  if (folded === undefined) {
    if (foldedWordsSeen.size >= FOLDED_WORDS_KEPT) foldedWordsSeen.clear();
    folded = foldText(word);
    foldedWordsSeen.set(word, folded);
  }
  return folded;
}

/** Where the text matches: runs of the whole query, or (apart, or one word typed) each word that matches a term. */
function matchedSpans(text: string, terms: readonly Syllable[], kind: MatchKind): Span[] {
  const last = terms.length - 1;
  // Folding is cheap; a word's spelling with diacritics is worked out only when its folded form could match.
  const unmatched: Syllable = { folded: '', written: '', marked: false };
  const joinedTerms = splitWordForms(terms).map(({ joined }) => joined.folded);
  // A story listed apart may hold a word in another English form ("convention" for "conventions"), as search finds it.
  const formTerms = new Set(kind === 'apart' ? terms.flatMap(typedWordForms) : []);
  // A day or quarter the other way is the query as typed, as search finds it ("October 23" for "23 October", "second
  // quarter" for "Q2").
  const runs = kind === 'together' ? [terms, ...otherDateWritings(terms)] : [terms];
  const ends = phraseEnds(text);
  let phrase = 0;
  const possessives = new Set([...text.matchAll(POSSESSIVE)].map((found) => found.index + 1));
  const words: TextWord[] = [...text.matchAll(WORD)].map((found) => {
    while (phrase < ends.length && (ends[phrase] as number) < found.index) phrase++;
    const folded = foldedWord(found[0]);
    const near = runs.some((run) =>
      run.some((term, index) => (index === run.length - 1 ? folded.startsWith(term.folded) : folded === term.folded)),
    );
    return {
      start: found.index,
      end: found.index + found[0].length,
      folded,
      phrase,
      word: near ? syllable(found[0]) : unmatched,
      possessive: possessives.has(found.index),
    };
  });
  const spans: Span[] = [];
  if (kind === 'together' && runs.some((run) => run.length > 1)) {
    for (let at = 0; at < words.length; at++) {
      const end = Math.max(...runs.map((run) => runEnd(words, at, run, 0)));
      if (end < 0) continue;
      spans.push({ start: (words[at] as TextWord).start, end: (words[end - 1] as TextWord).end });
      at = end - 1;
    }
    return spans;
  }
  for (let at = 0; at < words.length; at++) {
    const { start, end, word, folded, phrase } = words[at] as TextWord;
    const next = words[at + 1]?.phrase === phrase ? words[at + 1] : undefined;
    // A word typed without marks that is two words of the text written together ("hanoi" for "Hà Nội", "peoples" for
    // "People's"), as search finds it: before the first word alone, which may be another form of it ("People").
    if (next && terms.some((term) => !term.marked && `${folded}${next.folded}` === term.folded)) {
      spans.push({ start, end: next.end });
      at++;
    } else if (
      terms.some((term, index) => markable(term, terms) && syllableMatches(term, word, index === last)) ||
      // A word's other English spelling is that word ("Defense" for "defence").
      terms.some((term, index) => isOtherSpelling(term, folded, index === last)) ||
      joinedTerms.includes(folded) ||
      formTerms.has(folded)
    )
      spans.push({ start, end });
  }
  return spans;
}

/**
 * The typed words, the last taken whole where one of `texts` holds the query so (a run of it, or that word alone where
 * the words are apart): there the reader typed that word, and a card marks it, not the longer words it starts ("UN",
 * not "University" and "units"; "Hoà", not "hoàn"). Elsewhere it stays the start of a word still being typed.
 */
export function withLastWordWhereWhole(
  texts: readonly string[],
  terms: readonly Syllable[],
  kind: MatchKind,
): readonly Syllable[] {
  const last = terms.at(-1);
  if (!last) return terms;
  const closed = [...terms.slice(0, -1), { ...last, whole: true }];
  const held = kind === 'together' ? closed : closed.slice(-1);
  return texts.some((text) => matchedSpans(text, held, 'together').length > 0) ? closed : terms;
}

/** The text split into matched and unmatched parts. */
export function highlight(
  text: string,
  terms: readonly Syllable[],
  kind: MatchKind,
  others: readonly (readonly Syllable[])[] = [],
): TextPart[] {
  if (others.length === 0) return partsOf(text, matchedSpans(text, terms, kind));
  // Runs marked besides the terms' (the words a query has besides the name that found a story), in text order.
  const spans = [terms, ...others]
    .flatMap((run) => matchedSpans(text, run, kind))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return partsOf(text, merged);
}

function partsOf(text: string, spans: readonly Span[]): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const { start, end } of spans) {
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    last = end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/**
 * The typed words the marked parts do not show (one letter among others is never marked, so never missing), letters
 * only, so that words typed apart or together count where the text has them the other way, and a word's other English
 * forms where the story is listed apart.
 */
export function unshownTerms(parts: readonly TextPart[], terms: readonly Syllable[]): Syllable[] {
  const marked = parts
    .filter((part) => part.match)
    .map((part) => foldText(part.text).replace(/[^\p{L}\p{N}]/gu, ''))
    .join(' ');
  return terms.filter(
    (term) =>
      markable(term, terms) &&
      !marked.includes(term.folded) &&
      !typedWordVariants(term).some((form) => marked.includes(form)),
  );
}

/**
 * Whether a name (a tag's, a credit's) holds a typed word as search finds a story by the names it is tagged or credited
 * with: as one of its words (`open`, the query's last word, which the reader may still be typing, as the start of
 * one), in its other English spelling, in another English form where the story is listed apart, or typed without
 * marks as two of its words written as one ("hanoi" for "Hà Nội", "qdndvn" for "qdnd.vn").
 */
function nameHoldsWord(name: string, term: Syllable, open: boolean, kind: MatchKind): boolean {
  const forms = kind === 'apart' ? typedWordForms(term) : [];
  // Pairs have no marks, so only a word typed without them is one.
  const words = [...querySyllables(name), ...joinedSyllables(name).map(syllable)];
  return words.some(
    (word) =>
      syllableMatches(term, word, open) || isOtherSpelling(term, word.folded, open) || forms.includes(word.folded),
  );
}

/**
 * Whether a name holds every typed word, anywhere in it (nameHoldsWord), or every one with two typed apart written as
 * one ("cyber security" in "Cybersecurity"): why a story found by a tag or a credit whose name that is is there.
 */
export function nameHolds(name: string, terms: readonly Syllable[], kind: MatchKind): boolean {
  return [terms, ...splitWordForms(terms).map(({ words }) => words)].some((typed) =>
    typed.every((term, at) => nameHoldsWord(name, term, at === typed.length - 1, kind)),
  );
}

/**
 * Tags whose names hold, between them, the typed words a card does not show (unshownTerms), a tag for each word not
 * yet held, in the order typed: why a story found by words spread over its tags' names is there ("Van Chien": "Trịnh
 * Văn Quyết", "Bộ Tư lệnh Tác chiến không gian mạng"). The query's last word may be the start of a word of a name.
 */
export function tagsHoldingEachWord<Tag>(
  tags: readonly { tag: Tag; names: readonly string[] }[],
  unshown: readonly Syllable[],
  terms: readonly Syllable[],
  kind: MatchKind,
): Tag[] {
  const last = terms.at(-1);
  const named: Tag[] = [];
  // A word and the one beside it, typed apart, may be one word of a name ("Viet Nam": "Vietnam's Ministry of Defence").
  const forms = (term: Syllable): [Syllable, boolean][] => {
    const at = terms.indexOf(term);
    const before = at > 0 ? joinedPair(terms[at - 1] as Syllable, term) : undefined;
    const after = joinedPair(term, terms[at + 1]);
    return [
      [term, term === last],
      ...(before ? [[before, term === last] as [Syllable, boolean]] : []),
      ...(after ? [[after, terms[at + 1] === last] as [Syllable, boolean]] : []),
    ];
  };
  const holds = (names: readonly string[], term: Syllable) =>
    names.some((name) => forms(term).some(([form, open]) => nameHoldsWord(name, form, open, kind)));
  for (const term of unshown) {
    if (tags.some(({ tag, names }) => named.includes(tag) && holds(names, term))) continue;
    const holding = tags.find(({ names }) => holds(names, term));
    if (holding) named.push(holding.tag);
  }
  return named;
}

/**
 * The run of the typed words that is one of `names` whole, as the query named an entity by it (lib/search/query.ts):
 * what a card found by that tag marks where the query's other words are not with it ("hồi ký Lương Cường": "Lương
 * Cường"). At the query's end the run may be a name's start as the reader types it, two words or more ("gặp Lương
 * Cườ").
 */
export function namingRun(terms: readonly Syllable[], names: readonly string[]): Syllable[] | undefined {
  for (const name of names) {
    const words = querySyllables(name);
    for (let start = 0; words.length > 0 && start < terms.length; start++) {
      const run = terms.slice(start, start + words.length);
      const open = start + run.length === terms.length;
      if (run.length < Math.min(words.length, 2) || (run.length < words.length && !open)) continue;
      if (run.every((term, at) => syllableMatches(term, words[at] as Syllable, open && at === run.length - 1)))
        return run;
    }
  }
  return undefined;
}

/**
 * How many marked words are typed words whole, not words a typed word only starts ("UN", not "United"), two typed
 * apart counting as one written together ("UN" for "U.N."), and a word in its other English spelling as that word
 * ("defence" for "defense").
 */
export function wholeWordsShown(parts: readonly TextPart[], terms: readonly Syllable[]): number {
  const joined = terms.flatMap((term, at) => joinedPair(term, terms[at + 1])?.folded ?? []);
  const typed = new Set([...terms.flatMap((term) => [term.folded, ...typedWordSpellings(term)]), ...joined]);
  return parts
    .filter((part) => part.match)
    .flatMap((part) => foldedWords(part.text))
    .filter((word) => typed.has(word)).length;
}

/** Whether the marked parts show every typed word (unshownTerms): else a result card says more. */
export function showsEveryWord(parts: readonly TextPart[], terms: readonly Syllable[]): boolean {
  return unshownTerms(parts, terms).length === 0;
}

/**
 * For each word typed with marks that neither `texts` nor the marked parts hold whole as typed, the first word of
 * `texts` that has its letters with other marks ("Cường" for "Cương"), or those of it and the word beside it written as
 * one ("Hanoi" for "Hà Nội"), as written: how a story listed apart or as a looser match holds it. A card names these
 * words rather than marking them, as a mark would say they are what was typed. Only the letters whole: a longer word
 * with other marks is another word, even for a last word still being typed ("lệnh" is no form of "lê"). A longer word
 * that the last one starts with its marks is the word still being typed, and marked, but the story is listed by the
 * form it holds whole, which the card names too ("hóa" beside "hoàn" for "hoà").
 */
export function wordsInAnotherForm(
  texts: readonly string[],
  parts: readonly TextPart[],
  terms: readonly Syllable[],
): string[] {
  const found: string[] = [];
  const words = texts.flatMap((text) => text.match(WORD) ?? []).map((word) => ({ word, written: syllable(word) }));
  // The marked parts may show what the texts do not: a credit's name.
  const held = new Set([
    ...words.map(({ written }) => written.written),
    ...parts.filter((part) => part.match).flatMap((part) => querySyllables(part.text).map((word) => word.written)),
  ]);
  const bare = withoutMarks(terms);
  terms.forEach((term, at) => {
    if (!term.marked || held.has(term.written)) return;
    const letters = lettersBeside(bare, at);
    const word = words.find(
      ({ written }) => letters.includes(written.folded) && written.written !== term.written,
    )?.word;
    if (word && !found.some((each) => each.toLowerCase() === word.toLowerCase())) found.push(word);
  });
  return found;
}

/** The letters of the word at `at` of words typed without marks, alone and written as one with the word on each side. */
function lettersBeside(bare: readonly Syllable[], at: number): string[] {
  const word = bare[at] as Syllable;
  const before = bare[at - 1];
  return [word, before && joinedPair(before, word), joinedPair(word, bare[at + 1])].flatMap((each) =>
    each ? [each.folded] : [],
  );
}

/**
 * The query as the first of `texts` to hold its words together writes them, when that is with other marks than a word
 * typed with marks has ("Lương Cường" for "Lương Cương", "chuyển đổi" for "chuyên đổi"): what a reader whose words no
 * story holds as typed likely meant. Null when no word was typed with marks, or no text holds them together.
 */
export function writtenInText(texts: readonly string[], terms: readonly Syllable[]): string | null {
  if (!terms.some((term) => term.marked)) return null;
  const typed = terms.map((term) => term.written).join(' ');
  for (const text of texts) {
    const [span] = matchedSpans(text, withoutMarks(terms), 'together');
    if (!span) continue;
    const written = text.slice(span.start, span.end).replace(/\s+/g, ' ');
    if (
      queryTerms(written)
        .map((term) => term.written)
        .join(' ') !== typed
    )
      return written;
  }
  return null;
}

/** Spans looked at as a snippet's centre: a long text can match a short common word hundreds of times. */
const SNIPPET_CENTRES = 100;

/**
 * The match a snippet of `length` is cut around: the first of those whose snippet shows the most different words
 * matched, so that words typed apart show together where the text has them near ("Ministry of Defence" shown at
 * "Ministry of National Defence", not at the first "of"); of those, the first showing the most words as typed, whole,
 * rather than words the last one only starts ("UN" before "United").
 */
function snippetCentre(text: string, spans: readonly Span[], terms: readonly Syllable[], length: number) {
  const before = Math.floor(length / 3);
  const typed = new Set(terms.map((term) => term.folded));
  let best: { span: Span; words: number; whole: number } | undefined;
  for (const centre of spans.slice(0, SNIPPET_CENTRES)) {
    const shown = new Set(
      spans
        .filter((span) => span.start >= centre.start - before && span.end <= centre.start + length - before)
        .map((span) => foldText(text.slice(span.start, span.end))),
    );
    const words = shown.size;
    const whole = [...shown].filter((word) => typed.has(word)).length;
    if (!best || words > best.words || (words === best.words && whole > best.whole))
      best = { span: centre, words, whole };
  }
  return best?.span;
}

/** About `length` characters around a match (snippetCentre), cut at word boundaries, highlighted. */
export function snippet(
  text: string,
  terms: readonly Syllable[],
  kind: MatchKind,
  others: readonly (readonly Syllable[])[] = [],
  length = 220,
): TextPart[] | null {
  const first = snippetCentre(text, matchedSpans(text, terms, kind), terms, length);
  if (!first) return null;
  let start = Math.max(0, first.start - Math.floor(length / 3));
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, Math.max(start + length, first.end));
  if (end < text.length) end = text.lastIndexOf(' ', end) >= first.end ? text.lastIndexOf(' ', end) : end;
  const cut = text.slice(start, end).replace(/\s+/g, ' ');
  const parts = highlight(cut, terms, kind, others);
  if (start > 0) parts.unshift({ text: '… ', match: false });
  if (end < text.length) parts.push({ text: ' …', match: false });
  return parts;
}
