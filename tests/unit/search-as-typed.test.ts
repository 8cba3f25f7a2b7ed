import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus';
import { loadContent } from '../../lib/content/load';
import { entityKey, searchDocuments, searchEntities, taggedStories } from '../../lib/search/documents';
import { joinedSyllables, joinedTriples } from '../../lib/search/encoding';
import { foldedWords } from '../../lib/text/text-fold';
import { matchEntities, searchStories, storiesAsTyped, type SearchHit } from '../../lib/search/query';
import {
  buildSearchIndex,
  entitiesByKey,
  searchField,
  taggedNames,
  type SearchField,
  type SearchIndex,
} from '../../lib/search/search-index';
import { querySyllables } from '../../lib/search/syllables';
import { LOCALES } from '../../lib/site/i18n';

const dir = mkdtempSync(path.join(os.tmpdir(), 'search-as-typed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const registry = writeCorpus(dir, 120);
const { archive } = loadContent(dir);
const entities = searchEntities(archive);
const tagged = new Map([...taggedStories(archive)].map(([key, stories]) => [key, new Set(stories)]));
/** Each language's index, built once: the tests only read it. */
const indexes = new Map<string, SearchIndex>(
  LOCALES.map((locale) => [locale, buildSearchIndex(searchDocuments(archive, locale), entities)]),
);
const indexOf = (locale: string): SearchIndex => {
  const index = indexes.get(locale);
  if (!index) throw new Error(`no index for ${locale}`);
  return index;
};

/**
 * The check done the plain way: each test's words searched over the whole index with
 * flexsearch, every field's stories together, the tests' stories intersected, and only
 * then cut to the candidates.
 */
function referenceAsTyped(index: SearchIndex, query: string, candidates: ReadonlySet<number>): number[] | undefined {
  const typed = querySyllables(query);
  const found = (words: string, fields: SearchField[]) =>
    new Set(
      index
        .search(words, { index: fields, limit: Number.MAX_SAFE_INTEGER })
        .flatMap(({ result }) => result.map(Number)),
    );
  const sets: Set<number>[] = [];
  const last = typed[typed.length - 1];
  const whole = typed.slice(0, -1).filter((word) => word.marked);
  if (whole.length > 0) sets.push(found(whole.map((word) => word.written).join(' '), ['exact']));
  if (last?.marked) sets.push(found(last.written, ['exact', 'marked']));
  const pairs = joinedSyllables(typed.map((word) => word.folded).join(' '));
  if (pairs.length > 0) sets.push(found(pairs.join(' '), ['joined', 'pairs']));
  // Two adjacent words typed with marks, joined with them; the last pair only when its last word is a whole word.
  const marked = typed.slice(1).flatMap((word, at) => {
    const before = typed[at];
    return before?.marked && word.marked ? [before.written + word.written] : [];
  });
  if (last?.marked && typed.at(-2)?.marked && found(last.written, ['exact']).size === 0) marked.pop();
  if (marked.length > 0) sets.push(found(marked.join(' '), ['markedPairs']));
  // Runs of three, the last only when its last word is a whole word of some story.
  const triples = joinedTriples(typed.map((word) => word.folded).join(' '));
  if (last && found(last.folded, ['words', 'body', 'pairs']).size === 0) triples.pop();
  if (triples.length > 0) sets.push(found(triples.join(' '), ['triples']));
  if (sets.length === 0) return undefined;
  return [...candidates].filter((story) => sets.every((set) => set.has(story))).sort((a, b) => a - b);
}

const names = [
  ...registry.people.filter((_, at) => at % 20 === 0).flatMap((person) => [person.name.en, person.name.vi]),
  ...registry.organisations
    .filter((_, at) => at % 15 === 0)
    .flatMap((organisation) => [organisation.name.en, organisation.name.vi, organisation.aliases[0] ?? '']),
  ...registry.topics.flatMap((topic) => [topic.name.en, topic.name.vi]),
];
const queries = [
  ...names,
  // The same names still being typed: the last word cut short.
  ...names.map((name) => name.slice(0, -2)),
  'Hội nghị',
  'hoi nghi',
  'Do Minh Yen',
  'Centre for Network Security 100',
  'an toan thong tin',
  'an toàn thông tin',
  'kế hoạch diễn tập',
  'dữ liệu cá nhân',
  'dữ liệu cá nhấn',
  'Hội nghi',
  'đổi',
  'training programme',
  'security security',
  'nothing holds these words',
];

describe('the as-typed check', () => {
  for (const locale of LOCALES) {
    const index = indexOf(locale);
    const every = new Set(searchDocuments(archive, locale).map((doc) => doc.number));
    const some = new Set([...every].filter((story) => story % 3 !== 0));

    it(`should find among the candidates exactly the stories a whole-index search finds (${locale})`, () => {
      let narrowed = 0;
      for (const query of queries) {
        for (const candidates of [every, some]) {
          const expected = referenceAsTyped(index, query, candidates);
          const found = storiesAsTyped(
            index,
            querySyllables(query),
            new Map([...candidates].map((story) => [story, 0])),
          );
          expect(found && [...found].sort((a, b) => a - b), `${locale} "${query}"`).toEqual(expected);
          if (expected && expected.length > 0 && expected.length < candidates.size) narrowed++;
        }
      }
      // The comparison means something only if the check keeps some stories and drops others. (A full name of three
      // words is held as typed by few untagged stories: its pairs alone were held by stories naming two other people.)
      expect(narrowed).toBeGreaterThan(queries.length / 3);
    });
  }
});

describe("a field's stories worked out over its postings", () => {
  const fields = ['names', 'joined', 'title', 'summary', 'body', 'exact', 'pairs'] as const;
  const wordings = [...queries, 'security', 'the', 'cyber security cyber', 'an ninh mạng'];

  for (const locale of LOCALES) {
    const index = indexOf(locale);

    it(`should be the stories flexsearch's search of the field gives, in its order, up to the limit (${locale})`, () => {
      let cut = 0;
      for (const field of fields)
        for (const words of wordings)
          for (const limit of [1000, 7]) {
            const expected = index.search(words, { index: [field], limit }).flatMap(({ result }) => result.map(Number));
            expect(searchField(index, field, words, limit), `${field} "${words}" ${limit}`).toEqual(expected);
            if (limit === 7 && expected.length === 7 && words.includes(' ')) cut++;
          }
      // Some searches of several words find more stories than the limit, so that where the search stops is compared too.
      expect(cut).toBeGreaterThan(10);
    });
  }
});

describe('the order of the hits', () => {
  const plainOrder = (a: SearchHit, b: SearchHit) => b.score - a.score || b.story - a.story;

  for (const locale of LOCALES) {
    const language = { locale, index: indexOf(locale) };

    it(`should be by score, the newer story first among equal scores, as a plain sort gives them (${locale})`, () => {
      let tied = 0;
      for (const query of queries) {
        const { hits, apart } = searchStories([language], entities, tagged, query);
        for (const list of [hits, apart]) {
          expect(list, `${locale} "${query}"`).toEqual([...list].sort(plainOrder));
          tied += list.filter((hit, at) => at > 0 && list[at - 1]?.score === hit.score).length;
        }
      }
      // Enough stories share a score for the order among them to be tested.
      expect(tied).toBeGreaterThan(10);
    });
  }
});

describe("a hit's tags", () => {
  for (const locale of LOCALES) {
    const language = { locale, index: indexOf(locale) };

    it(`should be the entities the query names that the story is tagged with, in the order they are named (${locale})`, () => {
      let tags = 0;
      for (const query of queries) {
        const named = matchEntities(query, entities).map((entity) => entityKey(entity.kind, entity.id));
        const { hits, apart } = searchStories([language], entities, tagged, query);
        for (const hit of [...hits, ...apart]) {
          expect(hit.tags, `${locale} "${query}" story ${hit.story}`).toEqual(
            named.filter((key) => tagged.get(key)?.has(hit.story)),
          );
          tags += hit.tags.length;
        }
      }
      expect(tags).toBeGreaterThan(0);
    });
  }
});

describe('a bare word that only starts two syllables written together', () => {
  const byKey = entitiesByKey(entities);

  for (const locale of LOCALES) {
    const docs = searchDocuments(archive, locale);
    const language = { locale, index: buildSearchIndex(docs, entities) };
    const byNumber = new Map(docs.map((doc) => [doc.number, doc]));

    /** Whether the story has the word as the start of a word of its short fields or names, a body word, or two syllables together. */
    const holds = (story: number, word: string) => {
      const doc = byNumber.get(story);
      if (!doc) return false;
      const short = foldedWords([doc.title, doc.summary, ...taggedNames(doc, byKey)].join(' '));
      const joined = [doc.title, doc.summary, doc.text, ...taggedNames(doc, byKey)].flatMap(joinedSyllables);
      return (
        short.some((each) => each.startsWith(word)) || foldedWords(doc.text).includes(word) || joined.includes(word)
      );
    };

    // "canh" starts "cá nhân" written together, "toan" "to an…", "than" "thành" and "tha nh…".
    it.each(['canh', 'toan', 'thanh', 'nhan', 'hanh', 'tri'])(
      `should list, for "%s" (${locale}), only stories that have it, not those where it starts a joined pair`,
      (word) => {
        const { hits, apart } = searchStories([language], entities, tagged, word);
        expect(
          [...hits, ...apart].filter((hit) => !holds(hit.story, word)).map((hit) => byNumber.get(hit.story)?.title),
        ).toEqual([]);
      },
    );
  }

  it('should still find a name by its syllables written together', () => {
    const vi = { locale: 'vi' as const, index: indexOf('vi') };
    const [key, stories] = [...tagged].find(([key]) => key.startsWith('people')) ?? [];
    const person = entities.find((entity) => entityKey(entity.kind, entity.id) === key);
    const together = foldedWords(person?.name.vi ?? '')
      .slice(0, 2)
      .join('');
    const found = searchStories([vi], entities, tagged, together).hits.map((hit) => hit.story);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining([...(stories ?? [])]));
  });
});

describe('a word the text writes as one, typed in two', () => {
  const byKey = entitiesByKey(entities);
  // English, whose long words readers split ("cyber space"); a Vietnamese word is mostly syllables already apart.
  const docs = searchDocuments(archive, 'en');
  const language = { locale: 'en' as const, index: buildSearchIndex(docs, entities) };
  const byNumber = new Map(docs.map((doc) => [doc.number, doc]));
  const wordsOf = (story: number) => {
    const doc = byNumber.get(story);
    return doc ? foldedWords([doc.title, doc.summary, doc.text, ...taggedNames(doc, byKey)].join(' ')) : [];
  };
  // Long words of the stories' titles, each cut in two as a reader may type it.
  const long = [...new Set(docs.flatMap((doc) => foldedWords(doc.title)).filter((word) => /^[a-z]{8,}$/.test(word)))];

  it('should list every story that has the word, and none that has neither it nor its halves together', () => {
    expect(long.length).toBeGreaterThan(5);
    for (const word of long.slice(0, 12)) {
      const query = `${word.slice(0, 4)} ${word.slice(4)}`;
      const { hits } = searchStories([language], entities, tagged, query);
      const listed = new Set(hits.map((hit) => hit.story));
      const having = docs.filter((doc) => wordsOf(doc.number).includes(word)).map((doc) => doc.number);
      expect(having.length, word).toBeGreaterThan(0);
      expect(
        having.filter((story) => !listed.has(story)),
        query,
      ).toEqual([]);
      for (const hit of hits.filter((each) => each.tags.length === 0)) {
        const text = ` ${wordsOf(hit.story).join(' ')} `;
        expect(text.includes(` ${word}`) || text.includes(` ${query}`), `${query}: story ${hit.story}`).toBe(true);
      }
    }
  });
});
