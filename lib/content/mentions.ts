/**
 * Finds the people and organisations an article's text names, so the check can warn
 * about those its frontmatter does not tag (a story missing from a person's page is
 * the commonest slip when adding stories).
 *
 * A name matches as a whole sequence of words within one phrase (lib/text/phrases.ts),
 * accent- and case-insensitively (lib/text-fold): "Le Dung" matches "Lê Dũng" and
 * "LE DUNG", never "Le Dungeon" nor "Tran Minh Le. Dung Hoang". A name the text writes
 * with marks is only the entry whose name has those marks: "Nguyễn Văn Bình" is not
 * "Nguyễn Văn Bính", though both are "Nguyen Van Binh" in English.
 * Only the text a reader sees counts: the Markdown is parsed, and link addresses, code
 * and raw HTML are left out. A name written in capitals only (an acronym such as
 * `FAR`, `UN` or `CMC`) must also be in capitals in the text, otherwise "as far as" or a
 * French "un" would name an organisation.
 */
import type { Node, Parent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { Registry } from '../views/entities';
import { parseMarkdown } from './markdown';
import { excerpt } from '../text/character-count';
import { foldText, markedText } from '../text/text-fold';
import { namedAlike } from './aliases';
import { phraseEnds } from '../text/phrases';
import type { ContentProblem } from './problems';
import { TEXT_LIMITS } from './schema';

/** The kinds of entity a text can name. Topics are themes, not names, so they are not looked for. */
type MentionKind = 'people' | 'organisations';

/** The first place a text names an entity. */
interface Mention {
  kind: MentionKind;
  id: string;
  /** The words as written in the text. */
  text: string;
  /** 1-based line and column in the file (the body's first line is `bodyLine`). */
  line: number;
  column: number;
}

interface Term {
  kind: MentionKind;
  id: string;
  words: string[];
  acronym: boolean;
  /** The entry's names of these words written with marks: a text that writes them with other marks names someone else. */
  marked: readonly string[];
}

interface Word {
  folded: string;
  raw: string;
  /** 1-based line within the body. */
  line: number;
  /** Where the word stands in its text node, to quote a name with its own punctuation. */
  node: Text;
  start: number;
  end: number;
  /** Which phrase of its block it is in (lib/text/phrases.ts): a name never spans two ("Trần Văn. Hùng biện"). */
  phrase: number;
}

/** Names and aliases of people and organisations, indexed by their first folded word. */
interface MentionIndex {
  readonly byFirstWord: ReadonlyMap<string, readonly Term[]>;
}

/** Letters with their combining marks, and digits: what a word is made of. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Blocks whose words run on from one inline node to the next (e.g. "Le **Dung**"). */
const PHRASING_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

function isAcronym(name: string): boolean {
  return /\p{L}/u.test(name) && !/\p{Ll}/u.test(name);
}

/** Builds the index once per content load: every name and alias, in both languages. */
export function buildMentionIndex(registry: Pick<Registry, MentionKind>): MentionIndex {
  const byFirstWord = new Map<string, Term[]>();
  for (const kind of ['people', 'organisations'] as const) {
    for (const entity of registry[kind].values()) {
      const names = [...new Set([entity.name.en, entity.name.vi, ...entity.aliases])].map((name) => ({
        name,
        words: (name.match(WORD) ?? []).map(foldText),
      }));
      for (const { name, words } of names) {
        const first = words[0];
        if (!first) continue;
        const key = words.join(' ');
        const marked = names
          .filter((other) => other.words.join(' ') === key && markedText(other.name) !== foldText(other.name))
          .map((other) => other.name);
        const terms = byFirstWord.get(first) ?? [];
        terms.push({ kind, id: entity.id, words, acronym: isAcronym(name), marked });
        byFirstWord.set(first, terms);
      }
    }
  }
  return { byFirstWord };
}

/** The words of each block a reader sees, in reading order; a name never spans two blocks. */
function blocksOfWords(tree: Root): Word[][] {
  const blocks: Word[][] = [];
  // A body repeats its words: each distinct word is folded once.
  const folds = new Map<string, string>();
  const fold = (word: string) => {
    let folded = folds.get(word);
    if (folded === undefined) {
      folded = foldText(word);
      folds.set(word, folded);
    }
    return folded;
  };
  visit(tree, (node: Node) => {
    if (!PHRASING_BLOCKS.has(node.type)) return;
    const words: Word[] = [];
    let phrase = 0;
    visit(node as Parent, 'text', (text: Text) => {
      // Lines are counted on from the previous word, not from the node's start for every word.
      let line = text.position?.start.line ?? 1;
      let counted = 0;
      const ends = phraseEnds(text.value);
      let passed = 0;
      for (const match of text.value.matchAll(WORD)) {
        for (; passed < ends.length && (ends[passed] as number) < match.index; passed++) phrase++;
        for (
          let at = text.value.indexOf('\n', counted);
          at !== -1 && at < match.index;
          at = text.value.indexOf('\n', at + 1)
        )
          line++;
        counted = match.index;
        words.push({
          folded: fold(match[0]),
          raw: match[0],
          line,
          node: text,
          start: match.index,
          end: match.index + match[0].length,
          phrase,
        });
      }
      phrase += ends.length - passed;
    });
    blocks.push(words);
    return SKIP;
  });
  return blocks;
}

function matchesAt(words: readonly Word[], start: number, term: Term): boolean {
  const found = term.words.every((folded, offset) => {
    const word = words[start + offset];
    return (
      word !== undefined &&
      word.folded === folded &&
      word.phrase === words[start]?.phrase &&
      (!term.acronym || !/\p{Ll}/u.test(word.raw))
    );
  });
  if (!found || term.marked.length === 0) return found;
  const written = words
    .slice(start, start + term.words.length)
    .map((word) => word.raw)
    .join(' ');
  return term.marked.some((name) => namedAlike(written, name));
}

/**
 * 1-based column of a word on its source line. The text node's own position gives it
 * exactly when the word is on the node's first line and nothing before it in the node was
 * an escape or entity (checked against the source); otherwise the first occurrence of
 * the word on the line is close enough to find it.
 */
function columnOf(word: Word, sourceLine: string): number {
  const before = word.node.value.slice(0, word.start);
  const nodeStart = word.node.position?.start;
  if (nodeStart && !before.includes('\n')) {
    const candidate = nodeStart.column - 1 + word.start;
    if (sourceLine.startsWith(word.raw, candidate)) return candidate + 1;
  }
  for (const match of sourceLine.matchAll(WORD)) {
    if (match[0] === word.raw) return match.index + 1;
  }
  return 1;
}

/** The words as written: with their punctuation when they stand in one text node ("Gen. Dung"). */
function quote(words: readonly Word[]): string {
  const first = words[0];
  const last = words.at(-1);
  if (first && last && first.node === last.node)
    return first.node.value.slice(first.start, last.end).replace(/\s+/g, ' ');
  return words.map((word) => word.raw).join(' ');
}

/**
 * The first mention of every person and organisation the body names, in reading order.
 * `bodyLine` is the file line the body starts on, so positions point into the file;
 * `tree` is the body's parseMarkdown tree, when the caller has parsed it already.
 */
export function findMentions(
  index: MentionIndex,
  body: string,
  bodyLine = 1,
  tree: Root = parseMarkdown(body),
): Mention[] {
  const found = new Map<string, Mention>();
  const sourceLines = body.split('\n');
  for (const words of blocksOfWords(tree)) {
    words.forEach((word, start) => {
      for (const term of index.byFirstWord.get(word.folded) ?? []) {
        const key = `${term.kind}/${term.id}`;
        if (found.has(key) || !matchesAt(words, start, term)) continue;
        const text = quote(words.slice(start, start + term.words.length));
        found.set(key, {
          kind: term.kind,
          id: term.id,
          text,
          line: word.line + bodyLine - 1,
          column: columnOf(word, sourceLines[word.line - 1] ?? ''),
        });
      }
    });
  }
  return [...found.values()];
}

const indexes = new WeakMap<Pick<Registry, MentionKind>, MentionIndex>();

/** The index of a registry, built on first use: one per content load, not one per article. */
function mentionIndexFor(registry: Pick<Registry, MentionKind>): MentionIndex {
  let index = indexes.get(registry);
  if (!index) {
    index = buildMentionIndex(registry);
    indexes.set(registry, index);
  }
  return index;
}

/**
 * One `UntaggedMention` warning for each person or organisation the body names but the
 * frontmatter does not list, at the line of the first mention, with the id to add. Words
 * that name a listed entry there too are that entry: a namesake it lists is who the text
 * means ("Nguyen Van Binh" of a story tagged with one of two people of that English name).
 */
export function untaggedMentionProblems(
  frontmatter: Readonly<Record<MentionKind, readonly string[]>>,
  body: string,
  bodyLine: number,
  file: string,
  registry: Pick<Registry, MentionKind>,
  tree?: Root,
): ContentProblem[] {
  const mentions = findMentions(mentionIndexFor(registry), body, bodyLine, tree);
  const listed = (mention: Mention) => frontmatter[mention.kind].includes(mention.id);
  const place = (mention: Mention) => `${mention.line}:${mention.column}:${mention.text}`;
  const listedPlaces = new Set(mentions.filter(listed).map(place));
  return mentions
    .filter((mention) => !listed(mention) && !listedPlaces.has(place(mention)))
    .map((mention) => ({
      kind: 'UntaggedMention',
      file,
      line: mention.line,
      column: mention.column,
      field: mention.kind,
      // Words of a name stand apart by any punctuation in the text, so a mention is quoted at most as long as a name may be.
      message: `the text names "${excerpt(mention.text, TEXT_LIMITS.name)}" but ${mention.kind} does not list \`${mention.id}\``,
      hint: `Add \`${mention.id}\` to ${mention.kind} in both language files (they must agree), or ignore this warning if the text means someone else.`,
    }));
}
