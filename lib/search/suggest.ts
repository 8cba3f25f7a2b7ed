/**
 * "Did you mean …?": a query that finds little, rewritten to the names and words of the
 * archive it is a typo or two away from. Words are compared folded (lib/text-fold), so a
 * missing diacritic is no edit, and the suggestion gives the properly marked form.
 *
 * Distances are Damerau-Levenshtein (a swap of two letters is one edit, lib/edit-distance).
 */
import { editDistance } from '../text/edit-distance';
import { LOCALES, otherLocale, type Locale } from '../site/locales';
import { foldText, markedText } from '../text/text-fold';
import { typedForms, writtenNames, type SearchEntity } from './documents';
import { isFormOf, mayBeVietnameseSyllable, otherForms, otherSpellings } from './inflections';
import { asSearched, querySyllables, startsAsTyped, type Syllable } from './syllables';
import type { SearchVocabulary } from './vocabulary';

/** The most edits any word may be off by; allowedEdits decides per word. */
const MAX_EDITS = 2;
const WORD = /[\p{L}\p{N}]+/gu;
/** Words with an apostrophe inside kept whole ("People's"), as a name is written. */
const WORD_WITH_APOSTROPHES = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const DIGIT = /\p{N}/u;
const LETTERS_THEN_NUMBER = /^(\p{L}+)(\p{N}+)$/u;

/**
 * Edits a typed word may be off by: none for one or two letters (any short word is one
 * edit from many others), one up to five letters, two from six. Numbers are taken as typed.
 */
export function allowedEdits(folded: string): number {
  if (DIGIT.test(folded) || folded.length <= 2) return 0;
  return folded.length <= 5 ? 1 : MAX_EDITS;
}

/** A registry name as a sequence of folded words, each also with its marks (`markedText`), and the form to suggest it in. */
interface KnownName {
  words: string[];
  marked: string[];
  text: string;
}

/** What suggestions are drawn from, built once from the registry and the vocabulary file. */
export interface Speller {
  /** For each known folded word: how to write it, and its rank (names first, then by frequency). */
  words: Map<string, { text: string; rank: number }>;
  /** Registry names and runs of their words (runsOf), longest first, so a query's words are matched to the longest name they spell. */
  names: KnownName[];
}

/** Whether a name's preference (createSpeller) comes before another's: by its first term that differs, the higher. */
const isPreferred = (preferred: readonly number[], other: readonly number[]): boolean => {
  const at = preferred.findIndex((term, index) => term !== other[index]);
  return at >= 0 && (preferred[at] as number) > (other[at] as number);
};

const markCount = (text: string) =>
  text.normalize('NFD').length - text.normalize('NFC').length + (text.match(/[đĐ]/g)?.length ?? 0);

/**
 * A name's words whole and each run of two or more of them, as a reader may type part of a name: "Le Quy Don" of "Le Quy
 * Don Technical University", "Lê Quý Đôn" of "Đại học Kỹ thuật Lê Quý Đôn". Each is suggested in one writing, the
 * name's, not in the typed letters with some of the name's marks ("Le Quy Đôn").
 */
function runsOf(words: readonly string[]): string[][] {
  const runs = words.length > 0 ? [[...words]] : [];
  for (let from = 0; from < words.length; from++)
    for (let to = from + 2; to <= words.length; to++) if (to - from < words.length) runs.push(words.slice(from, to));
  return runs;
}

/** `language`: the page's, whose words rank before the other language's (a reader on it most likely types its words). */
export function createSpeller(
  entities: readonly SearchEntity[],
  vocabulary: SearchVocabulary,
  language?: Locale,
): Speller {
  const names = new Map<string, KnownName & { preferred: number[] }>();
  for (const entity of entities)
    for (const written of writtenNames(entity)) {
      const inPageLanguage = language !== undefined && written === entity.name[language];
      // A whole name is offered as it is written, apostrophes and all, whichever form of it the reader typed.
      const whole = (written.normalize('NFC').match(WORD_WITH_APOSTROPHES) ?? []).join(' ');
      for (const name of typedForms(written)) {
        const words = name.normalize('NFC').match(WORD) ?? [];
        for (const run of runsOf(words)) {
          const key = run.map(foldText).join(' ');
          const text = run.length === words.length ? whole : run.join(' ');
          const known = names.get(key);
          // Of the names that fold alike ("Luong Cuong", "Lương Cường"), a name whole before part of one, then the
          // entity's name in the page's language, as its stories write it, then the one with diacritics.
          const preferred = [Number(run.length === words.length), Number(inPageLanguage), markCount(text)];
          if (!known || isPreferred(preferred, known.preferred))
            names.set(key, { words: key.split(' '), marked: run.map(markedText), text, preferred });
        }
      }
    }

  const words = new Map<string, { text: string; rank: number }>();
  const know = (text: string, rank: number) => {
    const folded = foldText(text);
    const known = words.get(folded);
    if (!known || rank < known.rank) words.set(folded, { text, rank });
  };
  // Words of the archive's text in their usual written form, the more frequent ranked higher.
  const [first, second] = language ? [language, otherLocale(language)] : LOCALES;
  const after = language ? vocabulary[first].length : 0;
  vocabulary[first].forEach((word, rank) => know(word, rank + 1));
  vocabulary[second].forEach((word, rank) => know(word, after + rank + 1));
  // Words of names only where the text does not have them: "cường" is written so in most texts.
  for (const name of names.values()) {
    for (const word of name.text.match(WORD) ?? []) if (!words.has(foldText(word))) know(word, 0);
  }
  return { words, names: [...names.values()].sort((a, b) => b.words.length - a.words.length) };
}

/**
 * Known words within a typed word's allowed edits, with their distance (0: the word is known). The query's last word
 * may be half typed (`open`), and search finds it as the start of a word: the known words it starts are no edit away.
 */
function nearWords(speller: Speller, folded: string, open: boolean): Map<string, number> {
  const started = open ? [...speller.words.keys()].filter((known) => known.startsWith(folded)) : [];
  if (started.length > 0) return new Map(started.map((known) => [known, 0]));
  const allowed = allowedEdits(folded);
  // The word in its other English spelling is the word itself: "defense" corrects nothing in "defence".
  const same = [folded, ...otherSpellings(folded)].filter((word) => speller.words.has(word));
  if (allowed === 0 || same.length > 0) return new Map(same.map((word) => [word, 0]));
  // Another form of a known word is nearer than a typo of one ("ceremonies": "ceremony", not "ceremonial").
  const forms = otherForms(folded).filter((form) => speller.words.has(form));
  if (forms.length > 0) return new Map(forms.map((form) => [form, 1]));
  const near = new Map<string, number>();
  for (const known of speller.words.keys()) {
    const distance = editDistance(folded, known, allowed);
    if (distance <= allowed) near.set(known, distance);
  }
  return near;
}

/**
 * The known words a half-typed last word starts, each one edit away, when search found no story with the query as typed.
 * Search completes such a word in bodies only when it is no whole word of any (lib/search/completion.ts), and only to its
 * most frequent completions: "hoàn th", or a "thà" some story has whole, still finds nothing though stories write "hoàn
 * thành". Only words that keep the marks typed ("thà": "thành", not "thái"); none when the word is known as typed.
 */
function completions(speller: Speller, typed: string, folded: string): Map<string, number> | undefined {
  const marked = markedText(typed);
  const keepsMarks = (text: string) => marked === folded || markedText(text).startsWith(marked);
  const known = speller.words.get(folded);
  if (known && (marked === folded || markedText(known.text) === marked)) return undefined;
  const started = [...speller.words]
    .filter(([word, { text }]) => word.startsWith(folded) && keepsMarks(text))
    .map(([word]) => word);
  // Or it was typed whole with other marks ("chuẩn hoà" for "chuẩn hóa"): that word is as near as a completion.
  const near = known ? [folded, ...started] : started;
  return near.length > 0 ? new Map(near.map((word) => [word, 1])) : undefined;
}

/**
 * Edits a typed word may be off by within a registry name whose other words, typed right, say which name it is (the
 * name as a whole MAX_EDITS off at most): two from four letters ("Tran Van Quyet": "Trịnh Văn Quyết"), one from two
 * ("Vu Hu Hanh": "Vũ Hữu Hạnh"). Alone, or beside no word typed right, a word keeps its own allowedEdits.
 */
const editsInName = (folded: string): number =>
  DIGIT.test(folded) ? 0 : folded.length >= 4 ? MAX_EDITS : folded.length >= 2 ? 1 : 0;

/**
 * The known words a typed word may be in a name (editsInName), with their distance: the word itself and its other
 * English spelling at none, and, for the last word (`open`), the words it starts, folded, at none.
 */
function wordsInNames(speller: Speller, folded: string, open: boolean): Map<string, number> {
  const allowed = editsInName(folded);
  const near = new Map<string, number>();
  for (const known of speller.words.keys()) {
    if (open && known.startsWith(folded)) near.set(known, 0);
    else if (allowed > 0) {
      const distance = editDistance(folded, known, allowed);
      if (distance <= allowed) near.set(known, distance);
    }
  }
  for (const same of [folded, ...otherSpellings(folded)]) if (speller.words.has(same)) near.set(same, 0);
  return near;
}

/**
 * The name the typed words from `start` on spell, longest first, then fewest edits: MAX_EDITS off at most, each word
 * within its allowedEdits, or within editsInName when another word of the name is typed right (wordsInNames). A word
 * the archive has as typed is changed only inside a name of several words another of which is typed right: "and" of
 * "plots and tricks" is no typo of "MND".
 */
function nameAt(
  speller: Speller,
  near: readonly Map<string, number>[],
  typed: readonly string[],
  folded: readonly string[],
  start: number,
): { name: KnownName; edits: number } | undefined {
  // Whether the archive has each typed word as typed (a word at no distance), asked once rather than for every name.
  const known = near.map((words) => [...words.values()].includes(0));
  const marks = typed.map(markedText);
  // A word typed with marks is the name's word only with its marks ("lễ" is not the "Lê" of "Lê Dũng"): with other marks
  // it is one edit off, as a word of the text would be (lib/search/syllables.ts). The last word may be on its way to the
  // name's, as search takes it ("Thắ" of "Thắng") or its tone still to come ("Thă"), but not with a tone or a letter's
  // mark the name's has not ("Hùng" is no start of "Hưng").
  const distance = (name: KnownName, offset: number): number => {
    const at = start + offset;
    const letters = near[at]?.get(name.words[offset] as string) ?? Infinity;
    const written = marks[at] as string;
    const wanted = name.marked[offset] as string;
    const onItsWay =
      at === typed.length - 1 && (startsAsTyped(wanted, written) || toneless(wanted).startsWith(written));
    const otherMarks = written !== folded[at] && written !== wanted && !onItsWay;
    return letters === 0 && otherMarks ? 1 : letters;
  };
  let found: { name: KnownName; edits: number } | undefined;
  for (const name of speller.names) {
    if (found && name.words.length < found.name.words.length) break;
    if (start + name.words.length > near.length) continue;
    const distances = name.words.map((_, offset) => distance(name, offset));
    const edits = distances.reduce((sum, distance) => sum + distance, 0);
    const stretched = name.words.length > 1 && distances.some((distance) => distance === 0);
    const within = distances.every((distance, offset) => {
      if (distance === 0 || stretched) return true;
      return distance <= allowedEdits(folded[start + offset] ?? '') && !known[start + offset];
    });
    if (edits <= MAX_EDITS && within && (!found || edits < found.edits)) found = { name, edits };
  }
  return found;
}

/** Vietnamese tones (grave, acute, tilde, hook above, dot below), the last mark typed on a syllable. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** A word in its one spelling (`markedText`) without its tone: what is typed of it before the tone. */
const toneless = (written: string): string => written.normalize('NFD').replace(TONES, '').normalize('NFC');

/** A typed word's capital stays: "Hà Nộii" becomes "Hà Nội" even when the text mostly writes "nội". */
function withCaseOf(typed: string, text: string): string {
  const first = typed.charAt(0);
  return first !== first.toLowerCase() ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * The query rewritten to what the reader likely meant, or null when every word is known
 * or nothing known is near enough. Runs of words that spell a registry name become that
 * name; any other unknown word becomes the nearest known word (fewest edits, then the
 * most frequent). `foundAsTyped`: whether search found stories with the query as typed; when it did not, a half-typed
 * last word is completed.
 */
export function suggestQuery(query: string, speller: Speller, foundAsTyped = true): string | null {
  return suggestQueries(query, speller, foundAsTyped, 1)[0] ?? null;
}

/**
 * Up to `count` rewritings of the query (suggestQuery's first), the next ones taking the next nearest words for the
 * last word rewritten: "chuẩn hoà" may be "chuẩn hoàn" on its way or "chuẩn hóa" with another tone, and only a search
 * tells which leads somewhere.
 */
export function suggestQueries(
  query: string,
  speller: Speller,
  foundAsTyped: boolean,
  count: number,
  held: ReadonlySet<string> = new Set(),
): string[] {
  const written = asSearched(query).normalize('NFC').match(WORD) ?? [];
  // A word of letters run into a number that no story has whole is likely the two words ("Comand86": "Comand 86").
  const typed = written.flatMap((word) => {
    const [, letters, number] = LETTERS_THEN_NUMBER.exec(word) ?? [];
    return letters && number && !held.has(markedText(word)) ? [letters, number] : [word];
  });
  const folded = typed.map(foldText);
  const last = folded.length - 1;
  // A word some story has whole (`held`, lib/search/query.ts `heldWords`) is known as typed, though the speller's words
  // are only the bodies' most frequent: "led" of a title is no typo of the name's "Lê".
  const isHeld = typed.map((word) => held.has(markedText(word)));
  const near = folded.map((word, at) =>
    isHeld[at]
      ? new Map([[word, 0]])
      : at === last
        ? ((foundAsTyped ? undefined : completions(speller, typed[at] as string, word)) ??
          nearWords(speller, word, true))
        : nearWords(speller, word, false),
  );
  const inNames = folded.map((word, at) => {
    const words = wordsInNames(speller, word, at === last);
    if (isHeld[at]) words.set(word, 0);
    return words;
  });
  const suggested: string[] = [];
  let changed = typed.length !== written.length;
  let others: { at: number; texts: string[] } | undefined;
  for (let at = 0; at < typed.length;) {
    const found = nameAt(speller, inNames, typed, folded, at);
    // A word some story has whole, typed with marks, is the name's only with those marks: "tướng" is no typo of the
    // "ương" of a name, nor "Bính" of "Bình". Typed bare, it may be a typo in a name ("Dong" of "Le Quy Don").
    const named = found?.name.marked.every((wanted, offset) => {
      const written = markedText(typed[at + offset] as string);
      return !isHeld[at + offset] || written === folded[at + offset] || written === wanted;
    })
      ? found
      : undefined;
    if (named) {
      const length = named.name.words.length;
      // A name whose last word the reader is still typing, its letters or its tone ("Văn Chiên" of "Văn Chiến"), is
      // completed when search found nothing as typed.
      const asTyped = typed.slice(at, at + length).map(markedText);
      const completed =
        !foundAsTyped &&
        named.name.words.some(
          (word, offset) => word !== asTyped[offset] && named.name.marked[offset] !== asTyped[offset],
        );
      const renamed = named.edits > 0 || completed;
      changed ||= renamed;
      suggested.push(...(renamed ? [named.name.text] : typed.slice(at, at + length)));
      at += length;
      continue;
    }
    const word = typed[at] as string;
    const candidates = [...(near[at] as Map<string, number>)];
    if (candidates.some(([, distance]) => distance === 0) || candidates.length === 0) suggested.push(word);
    else {
      const rank = (term: string) => speller.words.get(term)?.rank ?? Infinity;
      const texts = candidates
        .sort(([termA, a], [termB, b]) => a - b || rank(termA) - rank(termB))
        .slice(0, count)
        .map(([term]) => withCaseOf(word, speller.words.get(term)?.text ?? word));
      others = { at: suggested.length, texts };
      suggested.push(texts[0] as string);
      changed = true;
    }
    at++;
  }
  if (!changed) return [];
  if (!others) return [suggested.join(' ')];
  const { at: varied, texts } = others;
  return texts.map((text) => suggested.map((word, at) => (at === varied ? text : word)).join(' '));
}

/** Letters a word typed as the initials of a name's words may have: "TL" of "Tư lệnh", "BTL" of "Bộ Tư lệnh". */
const INITIALS = /^\p{L}{2,4}$/u;

/**
 * The query with a word typed as the initials of a run of a registry name's words written out, where a word typed
 * beside it is the name's word beside that run ("Bộ TL 86": "Bộ Tư lệnh 86"), the most such words first, those words
 * written as the name writes them. A word the archive knows is no initials.
 */
export function initialsWrittenOut(query: string, speller: Speller): string[] {
  const typed = asSearched(query).normalize('NFC').match(WORD) ?? [];
  const folded = typed.map(foldText);
  const found = new Map<string, number>();
  folded.forEach((word, at) => {
    if (!INITIALS.test(word) || speller.words.has(word)) return;
    for (const name of speller.names) {
      const written = name.text.match(WORD) ?? [];
      for (let from = 0; from + word.length <= name.words.length; from++) {
        const run = name.words.slice(from, from + word.length);
        if (run.map((each) => each.charAt(0)).join('') !== word) continue;
        let beside = 0;
        while (folded[at - beside - 1] !== undefined && folded[at - beside - 1] === name.words[from - beside - 1])
          beside++;
        let after = 0;
        const end = from + word.length;
        while (folded[at + after + 1] !== undefined && folded[at + after + 1] === name.words[end + after]) after++;
        if (beside + after === 0) continue;
        // The words beside it in the name's writing too, as a name is suggested ("Bo TL 86": "Bộ Tư lệnh 86").
        const rewriting = [
          ...typed.slice(0, at - beside),
          ...written.slice(from - beside, end + after),
          ...typed.slice(at + after + 1),
        ].join(' ');
        found.set(rewriting, Math.max(found.get(rewriting) ?? 0, beside + after));
      }
    }
  });
  return [...found].sort(([, a], [, b]) => b - a).map(([rewriting]) => rewriting);
}

/** What a search of a rewriting found: how many stories, and whether only with the words apart. */
export interface RewritingFound {
  hits: number;
  loose: boolean;
}

/** Fewer stories than this found as typed, and the page looks for a likelier spelling of the query. */
const FEW_RESULTS = 3;

/**
 * Whether a search found little, so that a likelier spelling of the query is looked for: few stories, or only stories
 * that hold its words apart or in another form, however many ("Phó Tư lệnh Lê Văn Hùng" where they write "Hưng").
 */
export const foundLittle = ({ hits, loose }: RewritingFound): boolean => loose || hits < FEW_RESULTS;

/** Rewritings of a query tried in turn, each by a search, until one leads to stories. */
const REWRITINGS_TRIED = 3;

/** What the search of the reader's query found, as "Did you mean" weighs it. */
export interface QueryFound extends RewritingFound {
  query: string;
  /** Whether the other language's stories were searched too. */
  allLanguages: boolean;
  /** The query's words some story has whole (lib/search/query.ts `heldWords`): none is rewritten. */
  held: ReadonlySet<string>;
  /**
   * Whether some story holds the query's words together as typed (lib/search/query.ts `holdsTogether`), not only is
   * tagged with an entity a part of it names ("Viettel" of "Viettel Cyber Secuirty").
   */
  together: boolean;
}

/**
 * A rewriting offered, and the languages to search it in: both where the reader searched both, or where only the other
 * language's stories lead anywhere with it.
 */
export interface Rewriting {
  query: string;
  allLanguages: boolean;
}

/**
 * "Did you mean" for a query that found little: its rewritings (suggestQueries), the one offered found by `search`
 * (offeredRewriting), which searches a rewriting in the reader's language, or in both when `allLanguages`, and offered
 * to be searched where it was found: none is offered that finds nothing where the link searches it. None where
 * the stories hold the query's words together as typed: they hold what the reader typed ("peace keeping" finds
 * "peacekeeping", and is no typo of "peace keep"). Where the stories hold only part of it, as a name they are tagged
 * with, a rewriting that finds the whole is offered ("Nguyen Vna Binh", of the stories tagged with the agency "VNA").
 */
export async function rewritingFor(
  found: QueryFound,
  speller: Speller,
  search: (rewriting: string, allLanguages: boolean) => Promise<RewritingFound>,
): Promise<Rewriting | null> {
  if (found.together) return null;
  // A query that finds stories with its words in another form is spelt right ("conventions", "visited"): the form the
  // stories have is no correction of it, and they are listed already.
  const rewritings = [
    ...initialsWrittenOut(found.query, speller).slice(0, REWRITINGS_TRIED),
    ...suggestQueries(found.query, speller, false, REWRITINGS_TRIED, found.held).filter(
      (rewriting) => found.hits === 0 || !inOtherForms(found.query, rewriting),
    ),
  ];
  const searched = (each: string) => search(each, found.allLanguages);
  const apartOffered = (rewriting: string) =>
    found.hits === 0 && !changesSyllable(found.query, rewriting) && !completesLastWord(found.query, rewriting);
  if (found.hits > 0 || found.allLanguages) {
    const offered = await offeredRewriting(rewritings, searched, apartOffered);
    return offered === null ? null : { query: offered, allLanguages: found.allLanguages };
  }
  // Where the query found nothing, the page offers the other language's stories. A rewriting found only there is
  // offered searched in both languages, where it leads to them ("Zanzibr" on the Vietnamese page, "Zanzibar" being in
  // an English story only), and one found as written anywhere before one found only apart. None where the other
  // language holds the query as typed: a word of its stories is no typo ("Điện Biên" on the English page is no "Điện
  // Biện", found only apart).
  const inBoth = await search(found.query, true);
  if (inBoth.hits > 0 && !inBoth.loose) return null;
  for (const orApart of [false, true]) {
    const apart = (rewriting: string) => orApart && apartOffered(rewriting);
    const here = await offeredRewriting(rewritings, searched, apart);
    if (here !== null) return { query: here, allLanguages: false };
    const there = await offeredRewriting(rewritings, (each) => search(each, true), apart);
    if (there !== null) return { query: there, allLanguages: true };
  }
  return null;
}

/**
 * Whether a rewriting only puts words of the query in another English form or spelling ("visit" for "visited"). A word
 * typed with marks is another word with other marks ("Hùng" is not "Hưng"); one typed without is every form of them.
 */
function inOtherForms(query: string, rewriting: string): boolean {
  const typed = querySyllables(query);
  const rewritten = querySyllables(rewriting);
  return (
    typed.length === rewritten.length &&
    typed.every((word, at) => {
      const other = rewritten[at] as Syllable;
      return isFormOf(word.folded, other.folded) && (!word.marked || word.written === other.written);
    })
  );
}

/**
 * Whether a rewriting changes a word that has the shape of a Vietnamese syllable into another word ("Giang" into
 * "Gian"): such a word is no misspelling on its face, and the reader may be asking for what the archive lacks (a person
 * it does not name), so only stories that hold the rewriting as written bear the change out, not its words apart.
 */
function changesSyllable(query: string, rewriting: string): boolean {
  const typed = querySyllables(query);
  const rewritten = querySyllables(rewriting);
  return (
    typed.length === rewritten.length &&
    typed.some((word, at) => word.folded !== rewritten[at]?.folded && mayBeVietnameseSyllable(word.folded))
  );
}

/**
 * Whether a rewriting only completes the query's last word ("Tran The" for "Tran Th"): the reader is still typing it, and
 * a completion whose words stand only apart is no better guess at the rest than the reader's own.
 */
function completesLastWord(query: string, rewriting: string): boolean {
  const typed = querySyllables(query);
  const rewritten = querySyllables(rewriting);
  const last = typed.length - 1;
  return (
    typed.length === rewritten.length &&
    typed.every((word, at) => {
      const other = rewritten[at]?.folded ?? '';
      return at === last ? other.startsWith(word.folded) : other === word.folded;
    })
  );
}

/**
 * The rewriting to offer, of `rewritings` searched in turn (each only when the ones before did not do): the first that
 * finds stories with its words as written; or, when none does, the first that finds any story and whose words apart
 * are a way forward (`apartOffered`: where the query found none). One that found nothing, or only looser matches where
 * the query had some, would be another dead end.
 */
export async function offeredRewriting(
  rewritings: readonly string[],
  search: (rewriting: string) => Promise<RewritingFound>,
  apartOffered: (rewriting: string) => boolean,
): Promise<string | null> {
  let apart: string | null = null;
  for (const rewriting of rewritings) {
    const found = await search(rewriting);
    if (found.hits > 0 && !found.loose) return rewriting;
    if (found.hits > 0 && apartOffered(rewriting)) apart ??= rewriting;
  }
  return apart;
}
