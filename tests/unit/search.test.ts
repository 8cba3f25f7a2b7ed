import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadContent } from '../../lib/content/load';
import { dictionary, type Locale } from '../../lib/site/i18n';
import {
  creditNames,
  entityKey,
  searchCredits,
  searchDocuments,
  searchEntities,
  storyOfNumber,
  taggedStories,
  yearRanges,
  type SearchDoc,
  type SearchEntity,
  type YearRange,
} from '../../lib/search/documents';
import {
  highlight,
  nameHolds,
  namingRun,
  queryTerms,
  showsEveryWord,
  snippet,
  tagsHoldingEachWord,
  wholeWordsShown,
  wordsInAnotherForm,
  writtenInText,
  type MatchKind,
} from '../../lib/search/highlight';
import { asSearched, hasWords, isWordless, querySyllables, type Syllable } from '../../lib/search/syllables';
import { otherForms, otherSpellings } from '../../lib/search/inflections';
import { createSearchClient, type SearchClient } from '../../lib/search/search-client';
import {
  applyFacets,
  facetCounts,
  matchEntities,
  RANKED_LIMIT,
  searchStories,
  storyFacets,
  type SearchHit,
  type SearchLanguage,
  type SearchResults,
  type TaggedStories,
} from '../../lib/search/query';
import { otherDateOrders } from '../../lib/search/written-otherwise';
import { dateWithoutYear, queryDateTerm, storyDateTerms, wordsWithDate } from '../../lib/search/date-terms';
import { readCardFile, SearchManifestSchema, SearchWordsFileSchema, type SearchManifest } from '../../lib/search/files';
import {
  completedQueries,
  completionsOf,
  openLastWord,
  runCompletions,
  runField,
  type OpenWord,
} from '../../lib/search/completion';
import { completing as completingFromFiles } from './helpers/completing';
import { articleText, BASE_EN, createContentFixture } from './helpers/content-fixture';
import { buildSearchFiles } from '../../lib/search/search-files';
import {
  buildSearchIndex,
  entitiesByKey,
  fieldPostings,
  hasEveryTerm,
  postingsOfExport,
  type Posting,
} from '../../lib/search/search-index';
import { queryLookupTerms, shardIndex, shardOf, startedTermFiles } from '../../lib/search/shards';
import { readSearchState, writeSearchState } from '../../lib/search/url-state';
import type { Archive, Story } from '../../lib/content/schema';
import {
  searchCardUrl,
  searchManifestUrl,
  searchShardUrl,
  searchVocabularyUrl,
  searchWordsUrl,
} from '../../lib/site/urls';
import { foldedWords, foldText, markedText } from '../../lib/text/text-fold';

let archive: Archive;
let entities: SearchEntity[];
let tagged: TaggedStories;
/** Each language's whole index, built in memory: the reference the sharded files must match. */
const languages: Partial<Record<Locale, SearchLanguage>> = {};
/** Files written by the build, by URL, and which of them a client fetched. */
let files: Map<string, string>;
let fetched: string[];

function language(locale: Locale): SearchLanguage {
  const loaded = languages[locale];
  if (!loaded) throw new Error(`not loaded: ${locale}`);
  return loaded;
}

/** The whole language, with what the query's last word may be completed to when it is open, as the client gives it. */
const completing = (locale: Locale, query: string): SearchLanguage =>
  completingFromFiles(files, language(locale), query);

/** The story a search number names (numbers count from the oldest story). */
const storyAt = (number: number) => storyOfNumber(archive, number);
const storyId = (number: number) => storyAt(number)?.id ?? `missing ${number}`;

/** Story ids of the hits, best first, over the whole in-memory index. */
function search(locales: Locale[], query: string): string[] {
  const completed = locales.map((locale) => completing(locale, query));
  return searchStories(completed, entities, tagged, query).hits.map((hit) => storyId(hit.story));
}

/** Story ids of the stories with the query's words only apart or in another form. */
function searchApart(locales: Locale[], query: string): string[] {
  const completed = locales.map((locale) => completing(locale, query));
  return searchStories(completed, entities, tagged, query).apart.map((hit) => storyId(hit.story));
}

/** A client that reads the built files the way the browser fetches them. */
function filesClient(): SearchClient {
  return createSearchClient(async (url) => {
    fetched.push(url);
    const text = files.get(url);
    if (text === undefined) throw new Error(`${url}: 404`);
    return text;
  });
}

function storiesTagged(kind: 'people' | 'organisations' | 'topics', id: string): string[] {
  return archive.stories.filter((story) => story[kind].includes(id)).map((story) => story.id);
}

beforeAll(async () => {
  const loaded = loadContent(path.resolve('content'));
  archive = loaded.archive;
  entities = searchEntities(archive);
  tagged = new Map([...taggedStories(archive)].map(([key, stories]) => [key, new Set(stories)]));
  for (const locale of ['en', 'vi'] as const) {
    languages[locale] = {
      locale,
      index: buildSearchIndex(searchDocuments(archive, locale), entities),
      years: yearRanges(archive),
    };
  }
  // Small shards and word files, so that the seed stories' index and words span many files.
  files = (await buildSearchFiles(archive, { shardBytes: 2_000, wordsPerFile: 40 })).files;
  fetched = [];
});

/** A person of the registry, for synthetic stories to be tagged with. */
const syntheticPerson = (id: string, en: string, vi: string): SearchEntity => ({
  kind: 'people',
  id,
  name: { en, vi },
  aliases: [],
});

/** A tiny language built from given texts, for rules the seed stories have no example of. */
function syntheticDocs(texts: Record<string, string>, locale: Locale = 'vi'): SearchDoc[] {
  return Object.entries(texts).map(([id, text], number) => ({
    id,
    number,
    locale,
    url: `/${locale}/articles/${id}/`,
    title: text,
    summary: text,
    date: '2025-01-01',
    topics: [],
    people: [],
    organisations: [],
    credits: {},
    text,
  }));
}

/** Ids of a synthetic search's hits and of the stories with the words only apart, best first. */
function syntheticResults(
  docs: readonly SearchDoc[][],
  query: string,
): { hits: string[]; apart: string[]; loose: boolean } {
  const byNumber = (locale: Locale, number: number) =>
    docs.flat().find((doc) => doc.locale === locale && doc.number === number)?.id;
  const loaded = docs.map((list) => ({ locale: list[0]?.locale ?? 'vi', index: buildSearchIndex(list, []) }));
  const results = searchStories(loaded, [], new Map(), query);
  const ids = (hits: readonly SearchHit[]) => hits.map((hit) => byNumber(hit.locale, hit.story) ?? '?');
  return { hits: ids(results.hits), apart: ids(results.apart), loose: results.loose };
}

/** A synthetic search's results with its hits and its stories apart each in sorted order, where their order is not the test's. */
const sorted = ({ hits, apart, loose }: ReturnType<typeof syntheticResults>) => ({
  hits: [...hits].sort(),
  apart: [...apart].sort(),
  loose,
});

/** Expects each query to list, as typed, the same stories (in any order) and the same stories apart. */
function expectEachToList(
  docs: readonly SearchDoc[][],
  queries: readonly string[],
  hits: string[],
  apart: string[] = [],
) {
  for (const query of queries)
    expect(sorted(syntheticResults(docs, query)), query).toEqual({
      hits: hits.sort(),
      apart: apart.sort(),
      loose: false,
    });
}

/** Ids of a synthetic search's hits, best first. */
function searchSynthetic(docs: readonly SearchDoc[][], query: string): string[] {
  return syntheticResults(docs, query).hits;
}

/** The texts a search marks in a text, for a query. */
function marked(text: string, query: string, kind: MatchKind): string[] {
  return highlight(text, queryTerms(query), kind)
    .filter((part) => part.match)
    .map((part) => part.text);
}

/** Stories whose body in `locale` has a word (lowercase, with its marks in one spelling) that `wanted`. */
function storiesWithBodyWord(locale: Locale, wanted: (word: string) => boolean): string[] {
  const words = (text: string) => markedText(text).split(/[^\p{L}\p{M}\p{N}]+/u);
  return archive.stories
    .filter((story) => words(story.articles[locale]?.text ?? '').some(wanted))
    .map((story) => story.id);
}

/** Stories whose Vietnamese title, summary or body has the words, as written. */
function storiesSaying(words: string): string[] {
  return archive.stories
    .filter((story) =>
      [story.articles.vi?.title, story.articles.vi?.summary, story.articles.vi?.text].some((text) =>
        text?.includes(words),
      ),
    )
    .map((story) => story.id);
}

describe('matching with and without diacritics', () => {
  it('should find the same stories for a name typed with diacritics, without, and in capitals', () => {
    const expected = search(['vi'], 'Trịnh Văn Quyết');
    expect(expected[0]).toBe(storiesTagged('people', 'trinh-van-quyet')[0]);
    expect(search(['vi'], 'trinh van quyet')).toEqual(expected);
    expect(search(['vi'], 'TRINH VAN QUYET')).toEqual(expected);
  });

  it('should match đ and Đ with d and D', () => {
    const withD = search(['vi'], 'Dang uy Bo Tu lenh 86');
    expect(withD[0]).toBe('command-86-party-committee-q2-2025');
    expect(search(['vi'], 'Đảng ủy Bộ Tư lệnh 86')[0]).toBe('command-86-party-committee-q2-2025');
  });

  it('should find a word from its first letters as the reader types', () => {
    expect(search(['en'], 'hano')).toContain('hanoi-convention-rehearsal');
    expect(search(['en'], 'rehears')).toEqual(['hanoi-convention-rehearsal']);
  });

  it('should not fold phonetically: "duong" finds "đường" and never "tướng"', () => {
    // Seed stories say "tướng" often and "dương" (in "biểu dương") once.
    const vi = archive.stories.filter((story) => story.articles.vi);
    const saysDuong = vi
      .filter((story) => foldedWords(`${story.articles.vi?.summary} ${story.articles.vi?.text}`).includes('duong'))
      .map((story) => story.id);
    const saysOnlyTuong = vi
      .filter((story) => story.articles.vi?.text.includes('tướng') && !saysDuong.includes(story.id))
      .map((story) => story.id);
    expect(saysDuong.length).toBeGreaterThan(0);
    expect(saysOnlyTuong.length).toBeGreaterThan(0);
    expect(search(['vi'], 'duong').sort()).toEqual(saysDuong.sort());
    expect(search(['vi'], 'tuong')).toEqual(expect.arrayContaining(saysOnlyTuong));
    expect(searchSynthetic([syntheticDocs({ road: 'con đường mới', general: 'vị tướng già' })], 'duong')).toEqual([
      'road',
    ]);
  });
});

describe('diacritics mean what they say', () => {
  it.each([
    ['Lê', 'ông Lê đến', 'lễ hội lớn'],
    ['Dũng', 'anh Dũng nói', 'xây dựng nhà'],
    ['dụng', 'sử dụng mạng', 'anh Dũng nói'],
    ['Hạnh', 'ông Hạnh đến', 'thi hành lệnh'],
    ['Hành', 'thi hành lệnh', 'ông Hạnh đến'],
    ['đội', 'quân đội mạnh', 'chuyển đổi số'],
  ])('should match "%s" typed with its marks only where it is written so', (query, same, other) => {
    const synthetic = syntheticDocs({ same, other });
    expect(syntheticResults([synthetic], query)).toEqual({ hits: ['same'], apart: ['other'], loose: false });
  });

  it.each([
    // A word typed bare beside one typed with marks: the marked one is held with its marks at that place, not anywhere.
    ['bui van đội', 'Thượng tá Bùi Văn Đội chỉ huy', 'Bùi Văn Đổi phát biểu, quân đội mạnh'],
    ['bui van đổi', 'Bùi Văn Đổi phát biểu', 'Thượng tá Bùi Văn Đội trao đổi thông tin'],
    ['pham thi hành', 'Phạm Thị Hành dự họp', 'Phạm Thị Hạnh đi công tác, hành quân'],
    ['do huu lê', 'Đỗ Hữu Lê đến', 'Đỗ Hữu Lễ gặp ông Lê Dũng'],
    // A word typed with marks beside one typed bare, as the issue's own "Lê dung".
    ['Lê dung', 'ông Lê Dũng nói', 'lễ dựng nhà, ông Lê đến'],
    ['Hữu le', 'ông Hữu Lê đến', 'ông Hựu Lê và bà Hữu đến'],
  ])(
    'should hold "%s", a word typed bare beside one with marks, only where the marked word stands so beside it',
    (query, same, other) => {
      const synthetic = syntheticDocs({ same, other });
      expect(syntheticResults([synthetic], query)).toEqual({ hits: ['same'], apart: ['other'], loose: false });
    },
  );

  it.each([
    ['Bùi Văn Đội', 'Thượng tá Bùi Văn Đội chỉ huy', 'Cùng dự có Thượng tá Bùi Văn. Đội ngũ kỹ sư báo cáo'],
    ['Bui Van Doi', 'Colonel Bui Van Doi led the drill', 'Colonel Bui Van. Doi Can, an official, spoke'],
    ['Le Dung', 'Major General Le Dung spoke', 'The last to speak was Tran Minh Le; Dung Hoang closed'],
    ['hanoi convention', 'the Hanoi Convention was signed', 'It was held in Hanoi.\n\nConvention delegates came'],
    ['Hùng Bộ Tư lệnh', 'ông Hùng Bộ Tư lệnh 86 phát biểu', 'Thượng tá Trần Văn Hùng (Bộ Tư lệnh 86) phát biểu'],
  ])('should not hold "%s" across the end of a sentence, a clause or a block', (query, same, other) => {
    const synthetic = syntheticDocs({ same, other });
    expect(syntheticResults([synthetic], query)).toEqual({ hits: ['same'], apart: ['other'], loose: false });
    expect(marked(other, query, 'together')).toEqual([]);
  });

  it.each([
    ['Le Huy Vinh', 'Sr. Lt. Gen. Le Huy Vinh attended'],
    ['Gen Le Huy Vinh', 'Sr. Lt. Gen. Le Huy Vinh attended'],
    ['UN Security Council', 'the U.N. Security Council met'],
    ['Hồ Chí Minh', 'tại TP. Hồ Chí Minh'],
    ['thành phố Hồ Chí Minh', 'tại thành phố Hồ Chí Minh, ngày 5'],
  ])('should hold "%s" past the full stop of an initial or an abbreviation', (query, text) => {
    const synthetic = syntheticDocs({ text, other: 'nothing of it' });
    expect(syntheticResults([synthetic], query).hits).toEqual(['text']);
  });

  it.each(['le', 'dung', 'hanh', 'doi'])('should match "%s" typed bare in every form', (query) => {
    const synthetic = syntheticDocs({
      a: 'ông Lê Dũng hành quân cùng đội',
      b: 'lễ dựng hạnh đổi',
      c: 'le dung hanh doi',
    });
    const results = syntheticResults([synthetic], query);
    expect(results.hits.sort()).toEqual(['a', 'b', 'c']);
    expect(results.apart).toEqual([]);
  });

  it('should keep đ apart from d when it is typed with its bar, and match both when typed bare', () => {
    const synthetic = syntheticDocs({ bar: 'Đảng viên', plain: 'dang dở' });
    expect(syntheticResults([synthetic], 'Đảng').hits).toEqual(['bar']);
    expect(syntheticResults([synthetic], 'dang').hits.sort()).toEqual(['bar', 'plain']);
  });

  it('should mix the two in one query: "Lê dung" is lê exactly and dung in any form', () => {
    const synthetic = syntheticDocs({ exact: 'ông Lê Dũng', other: 'ông Lê Dựng', wrong: 'ông Lễ Dũng' });
    const results = syntheticResults([synthetic], 'Lê dung');
    expect(results.hits.sort()).toEqual(['exact', 'other']);
    expect(results.apart).toEqual(['wrong']);
  });

  it('should match the last word typed with its marks by its start, keeping the marks', () => {
    const synthetic = syntheticDocs({ tilde: 'ông Dũng', dot: 'ông Dụng' });
    expect(syntheticResults([synthetic], 'ông Dũ').hits).toEqual(['tilde']);
    expect(syntheticResults([synthetic], 'ông Dụ').hits).toEqual(['dot']);
    expect(syntheticResults([synthetic], 'ông Du').hits.sort()).toEqual(['dot', 'tilde']);
  });

  it.each([
    ['hòa', 'hoà'],
    ['thủy', 'thuỷ'],
    ['Đảng ủy', 'Đảng uỷ'],
    ['khỏe', 'khoẻ'],
    ['Quỳnh tùy', 'Quỳnh tuỳ'],
  ])('should read "%s" and "%s" (older and newer tone placement) as the same text', (older, newer) => {
    expect(markedText(older)).toBe(markedText(newer));
    const synthetic = syntheticDocs({
      older: `bài ${older} ở đây`,
      newer: `bài ${newer} ở đây`,
      neither: 'bài khác ở đây',
    });
    for (const query of [older, newer])
      expect(syntheticResults([synthetic], query).hits.sort()).toEqual(['newer', 'older']);
  });

  it('should find a word typed as one that a body writes as two, and only a word typed without marks', () => {
    const docs = syntheticDocs({
      'apart-in-body': 'Các đơn vị cyber warfare và phòng thủ tại Hà Nội',
      'one-word': 'Bài về cyberwarfare',
      neither: 'Các đơn vị phòng thủ mạng',
    }).map((doc) => ({ ...doc, title: 'Tin', summary: 'Tóm tắt' }));
    expect(syntheticResults([docs], 'cyberwarfare').hits.sort()).toEqual(['apart-in-body', 'one-word']);
    expect(syntheticResults([docs], 'hanoi').hits).toEqual(['apart-in-body']);
    // With marks, each word is typed as written: "Hànội" is no word of these stories.
    expect(syntheticResults([docs], 'Hànội').hits).toEqual([]);
  });

  it('should read text and queries decomposed (NFD) as the same as composed (NFC)', () => {
    const synthetic = syntheticDocs({
      composed: 'ông Lê Dũng',
      decomposed: 'ông Lê Dũng'.normalize('NFD'),
      other: 'ông Lễ Dựng',
    });
    for (const query of ['Lê Dũng', 'Lê Dũng'.normalize('NFD')])
      expect(syntheticResults([synthetic], query).hits.sort()).toEqual(['composed', 'decomposed']);
    expect(search(['vi'], 'Vũ Hữu Hạnh'.normalize('NFD'))).toEqual(search(['vi'], 'Vũ Hữu Hạnh'));
    // So is a query typed on a full-width keyboard.
    expect(search(['vi'], 'ＬＥ ＤＵＮＧ')).toEqual(search(['vi'], 'LE DUNG'));
  });

  it('should name an entity by its name in the other English spelling', () => {
    const centre = {
      kind: 'organisations' as const,
      id: 'security-centre',
      name: { en: 'Cyber Security Operations Centre', vi: 'Trung tâm An ninh mạng' },
      aliases: [],
    };
    const named = (query: string) => matchEntities(query, [centre]).map((entity) => entity.id);
    expect(named('Cyber Security Operations Center')).toEqual(['security-centre']);
    expect(named('cyber security operations centre')).toEqual(['security-centre']);
    expect(named('Cyber Security Operations Centers')).toEqual([]);
  });

  it("should name an entity whose name the query's last words start, unless the query holds a name or a longer start", () => {
    const organisation = (id: string, en: string, vi: string): SearchEntity => ({
      ...syntheticPerson(id, en, vi),
      kind: 'organisations',
    });
    const ministry = organisation('mps', 'Ministry of Public Security', 'Bộ Công an');
    const newspaper = organisation('cand', 'Public Security Newspaper', 'Công an nhân dân');
    const named = (query: string) => matchEntities(query, [ministry, newspaper]).map((entity) => entity.id);
    expect(named('gặp Công an nh')).toEqual(['cand']);
    expect(named('with Public Securi')).toEqual(['cand']);
    expect(named('gặp Bộ Công a')).toEqual(['mps']);
    expect(named('Bộ Công an')).toEqual(['mps']);
    expect(named('the Ministry of Public Security')).toEqual(['mps']);
    // One word after others starts too many names to name one; marks typed are marks meant.
    expect(named('gặp Công')).toEqual([]);
    expect(named('gặp Cống an')).toEqual([]);
  });

  it('should name no entity whose name differs in the marks typed', () => {
    const named = (query: string) => matchEntities(query, entities).map((entity) => entity.id);
    expect(named('Lê Dũng')).toContain('le-dung');
    expect(named('Lê dung')).toContain('le-dung');
    expect(named('Lễ Dũng')).not.toContain('le-dung');
    expect(named('Lê Dựng')).not.toContain('le-dung');
  });
});

describe('a query with nothing to search for', () => {
  it.each(['', '   ', '!!!', '"" - …', '\u0301'])('should find nothing for %j, as for an empty query', (query) => {
    expect(hasWords(query)).toBe(false);
    expect(searchStories([language('en'), language('vi')], entities, tagged, query).hits).toEqual([]);
  });

  it('should take a letter or a digit in any script as something to search for', () => {
    for (const query of ['86', 'đ', '"Lê"', 'x-']) expect(hasWords(query), query).toBe(true);
  });

  it.each(['!!!', '—', '🙂', '"" - …'])('should tell %j, typed with no word, from an empty box', (query) => {
    expect(isWordless(query)).toBe(true);
  });

  it.each(['', '   ', 'a', '🙂 86'])('should not take %j for a query typed with no word', (query) => {
    expect(isWordless(query)).toBe(false);
  });

  it('should say so in both languages, with the query', () => {
    expect(dictionary('en').noWords('🙂')).toBe('“🙂” has no letters or numbers to search for.');
    expect(dictionary('vi').noWords('!!!')).toBe('“!!!” không có chữ hay số nào để tìm.');
  });
});

describe('initials written with full stops', () => {
  it.each([
    ['M.N.D.', 'MND'],
    ['V.N.A', 'VNA'],
    ['the U.N. said.', 'the UN said.'],
    ['T.T.X.V.N. đưa tin', 'TTXVN đưa tin'],
    ['Q.Đ.N.D.', 'QĐND'],
  ])('should read "%s" as "%s"', (query, read) => {
    expect(asSearched(query)).toBe(read);
  });

  it.each(['met in Hanoi.', 'Plan B.', 'Lt. Gen. Le Huy Vinh', 'TP. Hồ Chí Minh', 'qdnd.vn', 'U. N.', '1.2.3'])(
    'should leave "%s" as typed: no initials there',
    (query) => {
      expect(asSearched(query)).toBe(query);
    },
  );

  it.each([
    ['en', 'M.N.D.', 'MND', 'ministry-of-national-defence'],
    ['en', 'V.N.A.', 'VNA', 'vietnam-news-agency'],
    ['en', 'U.N.', 'UN', 'united-nations'],
    ['vi', 'B.Q.P.', 'BQP', 'ministry-of-national-defence'],
    ['vi', 'T.T.X.V.N.', 'TTXVN', 'vietnam-news-agency'],
  ] as const)(
    'should find in %s for "%s" what "%s" finds, and name the same entity',
    (locale, dotted, joined, entity) => {
      const found = search([locale], dotted);
      expect(found.length).toBeGreaterThan(0);
      expect(found).toEqual(search([locale], joined));
      expect(matchEntities(dotted, entities).map(({ id }) => id)).toContain(entity);
    },
  );

  it('should find them beside other words, and leave a word ending a sentence as typed', () => {
    expect(search(['en'], 'M.N.D. Command 86')).toEqual(search(['en'], 'MND Command 86'));
    expect(search(['en'], 'Hanoi Convention.')).toEqual(search(['en'], 'Hanoi Convention'));
    expect(search(['en'], 'Hanoi Convention.').length).toBeGreaterThan(0);
  });

  it('should mark the initials where a text writes them as one word', () => {
    expect(marked('Delegates of the MND and the VNA met.', 'M.N.D.', 'together')).toEqual(['MND']);
    expect(marked('Delegates of the MND and VNA met.', 'M.N.D. and V.N.A.', 'together')).toEqual(['MND and VNA']);
  });

  it('should fetch the shards of the initials as one word', async () => {
    const client = filesClient();
    const prepared = await client.prepare(['en'], 'M.N.D.');
    const results = searchStories(prepared.languages, prepared.entities, prepared.tagged, 'M.N.D.');
    expect(results.hits.length).toBeGreaterThan(0);
    expect(results).toEqual(searchStories([completing('en', 'MND')], entities, tagged, 'MND'));
    expect(queryLookupTerms('M.N.D.')).toContain('mnd');
  });
});

describe('a day of the month typed as the cards write it', () => {
  const otherOrder = (query: string) =>
    otherDateOrders(querySyllables(query)).map((words) => words.map((word) => word.folded).join(' '));

  it.each([
    ['23 October', 'october 23'],
    ['October 23', '23 october'],
    ['on 1 May in Hanoi', 'on may 1 in hanoi'],
    ['ngày 23 tháng 10', 'ngay 23 10'],
    ['23 thang 10 nam 2025', '23 10 2025'],
    ['ngày 23 tháng 10 năm 2025', 'ngay 23 10 2025'],
    ['23/10', '23 thang 10'],
    ['ngày 23/10/2025', 'ngay 23 thang 10 nam 2025'],
    ['23 tháng 10 2025', '23 10 2025'],
  ])('should write "%s" the other way, as "%s"', (query, other) => {
    expect(otherOrder(query)).toEqual([other]);
  });

  it.each([
    'Command 86',
    '32 October',
    '2025 October',
    '23 tháng 13',
    '23 thắng 10',
    'tháng 10',
    'October',
    '86 10',
    '23/13',
  ])('should find no day of the month in "%s"', (query) => {
    expect(otherOrder(query)).toEqual([]);
  });

  it('should find the stories that write the day the other way as holding it together', () => {
    const english = searchStories([language('en')], entities, tagged, '23 October');
    expect(english.loose).toBe(false);
    expect(english.hits.length).toBeGreaterThan(0);
    expect(search(['en'], '23 October')).toEqual(search(['en'], 'October 23'));
    expect(search(['vi'], 'ngày 23 tháng 10').length).toBeGreaterThan(0);
    expect(search(['vi'], 'ngày 23 tháng 10')).toEqual(search(['vi'], 'ngày 23/10'));
    expect(queryLookupTerms('23 October')).toContain('october23');
  });

  it('should list a story with the day and the month apart as holding them apart', () => {
    const docs = syntheticDocs(
      { together: 'The rehearsal was held on October 23.', apart: 'The 23 delegates met in October.' },
      'en',
    );
    expect(syntheticResults([docs], '23 October')).toEqual({ hits: ['together'], apart: ['apart'], loose: false });
  });

  it.each(['23/10', '23/10/2025', 'ngày 23 tháng 10', '23 tháng 10 năm 2025', 'ngay 23 thang 10 nam 2025'])(
    'should find a Vietnamese day written with "tháng" or as numbers, with its year or without, by "%s"',
    (query) => {
      const docs = syntheticDocs(
        {
          words: 'Ngày 23 tháng 10 năm 2025, Bộ Tư lệnh 86 tổ chức hội nghị.',
          numbers: 'Ngày 23/10/2025, đoàn công tác đến thăm đơn vị.',
          apart: 'Trong ngày hội năm 2025, 23 đơn vị gửi 10 đoàn công tác trong tháng.',
        },
        'vi',
      );
      const found = syntheticResults([docs], query);
      expect(found.hits.sort()).toEqual(['numbers', 'words']);
      expect(found.apart).toEqual(['apart']);
    },
  );

  it('should mark the day the text writes the other way as the words together', () => {
    expect(marked('State President Luong Cuong on October 23 inspected', '23 October', 'together')).toEqual([
      'October 23',
    ]);
    expect(marked('Ngày 23/10, Chủ tịch nước Lương Cường', 'ngày 23 tháng 10', 'together')).toEqual(['Ngày 23/10']);
    expect(marked('Ngày 23 tháng 10 năm 2025, Bộ Tư lệnh', '23/10/2025', 'together')).toEqual(['23 tháng 10 năm 2025']);
  });
});

describe('the day or month a story is dated, typed as its card writes it', () => {
  it.each([
    ['23 October 2025', '23october2025'],
    ['23 Oct 2025', '23october2025'],
    ['Oct. 23, 2025', '23october2025'],
    ['October 23rd, 2025', '23october2025'],
    ['1st December 2025', '01december2025'],
    ['October 23, 2025', '23october2025'],
    ['on 23 Oct 2025', undefined],
    ['5 May 2025', '05may2025'],
    ['23/10/2025', '23102025'],
    ['ngày 23/10/2025', '23102025'],
    ['ngày 23 tháng 10 năm 2025', '23102025'],
    ['ngay 23 thang 10 nam 2025', '23102025'],
    ['1/12/2025', '01122025'],
    ['11/2/2025', '11022025'],
    ['23 October', undefined],
    ['32/10/2025', undefined],
    ['23/13/2025', undefined],
    ['Command 86 23 October 2025', undefined],
    ['ngày 23 thắng 10 năm 2025', undefined],
    ['October 2025', 'october2025'],
    ['Oct. 2025', 'october2025'],
    ['Sept 2025', 'september2025'],
    ['10/2025', '102025'],
    ['3/2025', '032025'],
    ['tháng 10/2025', '102025'],
    ['tháng 10 năm 2025', '102025'],
    ['thang 10 nam 2025', '102025'],
    ['13/2025', undefined],
    ['October', undefined],
    ['tháng 10', undefined],
    ['năm 2025', undefined],
    ['Q2 2025', undefined],
    ['in October 2025', undefined],
  ])('should read "%s" as the day or month %s, in NFC or NFD', (query, term) => {
    expect(queryDateTerm(querySyllables(query))).toBe(term);
    expect(queryDateTerm(querySyllables(query.normalize('NFD')))).toBe(term);
  });

  it.each([
    ['23 October 2025', '23 october'],
    ['October 23, 2025', 'october 23'],
    ['ngày 23 tháng 10 năm 2025', '23 thang 10'],
    ['23/10/2025', '23 10'],
    ['October 2025', 'october'],
    ['Oct. 25th, 2025', 'october 25'],
    ['tháng 10/2025', 'thang 10'],
    // A month's number alone is any such number in a text.
    ['10/2025', undefined],
  ])('should take "%s" without its year as "%s"', (query, day) => {
    expect(
      dateWithoutYear(querySyllables(query))
        ?.map((word) => word.folded)
        .join(' '),
    ).toBe(day);
  });

  it('should keep a story under its day and its month, each with the month named and as numbers', () => {
    expect(storyDateTerms('2025-10-23')).toEqual(['23october2025', '23102025', 'october2025', '102025']);
    expect(storyDateTerms('2025-03-05')).toEqual(['05march2025', '05032025', 'march2025', '032025']);
    expect(storyDateTerms('2023-10')).toEqual(['october2023', '102023']);
    expect(storyDateTerms('2023')).toEqual([]);
  });

  it('should find the stories dated the day, as typed, in either language whichever way it is typed', () => {
    const dated = archive.stories.find((story) => story.date === '2025-10-23');
    expect(dated).toBeDefined();
    for (const [locale, query] of [
      ['en', '23 October 2025'],
      ['en', 'October 23, 2025'],
      ['vi', 'ngày 23 tháng 10 năm 2025'],
      ['vi', '23/10/2025'],
      ['en', '23/10/2025'],
    ] as const) {
      const found = searchStories([completing(locale, query)], entities, tagged, query);
      expect(found.loose, query).toBe(false);
      expect(
        found.hits.map((hit) => storyId(hit.story)),
        query,
      ).toContain(dated?.id);
    }
    expect(search(['en'], '24 October 2025')).not.toContain(dated?.id);
  });

  it('should find the stories dated a month, as typed, in either language whichever way it is typed', () => {
    const dated = archive.stories.filter((story) => story.date.startsWith('2025-10')).map((story) => story.id);
    expect(dated.length).toBeGreaterThan(0);
    for (const [locale, query] of [
      ['en', 'October 2025'],
      ['en', 'Oct 2025'],
      ['vi', 'tháng 10/2025'],
      ['vi', 'tháng 10 năm 2025'],
      ['vi', '10/2025'],
    ] as const) {
      const found = searchStories([completing(locale, query)], entities, tagged, query);
      expect(found.loose, query).toBe(false);
      expect(found.hits.map((hit) => storyId(hit.story)).sort(), query).toEqual([...dated].sort());
    }
    expect(search(['en'], 'November 2025')).toEqual([]);
  });

  it('should find the stories of the year a date names that name it without the year, and mark it', () => {
    const dates = ['2024-10-01', '2025-10-23', '2025-11-02'];
    const docs = syntheticDocs(
      {
        earlier: 'The ceremony is held on October 25 in the capital.',
        later: 'On October 25 the delegates met.',
        undated: 'Officers met at the command.',
      },
      'en',
    ).map((doc, at) => ({ ...doc, title: 'A meeting', summary: 'A meeting.', date: dates[at] as string }));
    const language = {
      locale: 'en' as const,
      index: buildSearchIndex(docs, []),
      years: [
        [2024, 0, 0],
        [2025, 1, 2],
      ] as YearRange[],
    };
    const found = (query: string, languages: SearchLanguage[] = [language]) => {
      const { hits, loose } = searchStories(languages, [], new Map(), query);
      return { hits: hits.map((hit) => docs[hit.story]?.id), loose };
    };
    for (const query of ['25 October 2025', 'October 25, 2025', '25 Oct 2025', 'October 25th, 2025'])
      expect(found(query), query).toEqual({ hits: ['later'], loose: false });
    expect(found('25 October 2024')).toEqual({ hits: ['earlier'], loose: false });
    expect(found('25 October 2023').hits).toEqual([]);
    // A month of the year: the stories dated then, and those of the year that name it.
    expect(found('October 2025').hits.sort()).toEqual(['later']);
    expect(found('November 2025').hits.sort()).toEqual(['undated']);
    // Without the years, a story writes the date whole or is dated that day.
    expect(found('25 October 2025', [{ locale: 'en', index: language.index }]).hits).toEqual([]);
    const vietnamese = syntheticDocs({ later: 'Ngày 25/10, các đại biểu họp.' }).map((doc) => ({
      ...doc,
      date: '2025-10-23',
    }));
    const vi = { locale: 'vi' as const, index: buildSearchIndex(vietnamese, []), years: [[2025, 0, 0]] as YearRange[] };
    for (const query of ['25/10/2025', 'ngày 25 tháng 10 năm 2025'])
      expect(
        searchStories([vi], [], new Map(), query).hits.map((hit) => hit.story),
        query,
      ).toEqual([0]);
    expect(marked('On October 25 the delegates met.', '25 October', 'together')).toEqual(['October 25']);
  });

  it('should find a story by its day though its text does not name it', () => {
    const [story] = syntheticDocs({ undated: 'Officers met at the command.' }, 'en');
    const docs = [{ ...(story as SearchDoc), date: '2024-02-11' }];
    expect(syntheticResults([docs], '11 February 2024').hits).toEqual(['undated']);
    expect(syntheticResults([docs], '11/2/2024').hits).toEqual(['undated']);
    expect(syntheticResults([docs], '2/11/2024').hits).toEqual([]);
    for (const query of ['February 2024', 'Feb. 2024', '2/2024', 'tháng 2 năm 2024'])
      expect(syntheticResults([docs], query).hits, query).toEqual(['undated']);
    expect(syntheticResults([docs], '11/2024').hits).toEqual([]);
  });
});

describe('words with a date after them', () => {
  /** The words before the date, folded, and the date as a year and a day's or month's term. */
  const read = (query: string) => {
    const found = wordsWithDate(querySyllables(query));
    return found && { words: found.words.map((word) => word.folded).join(' '), year: found.year, term: found.term };
  };

  it('should read a year, a month or a day after other words, and leave out a word that leads into it', () => {
    expect(read('rehearsal 2025')).toEqual({ words: 'rehearsal', year: 2025, term: undefined });
    expect(read('Rehearsal in 2025')).toEqual({ words: 'rehearsal', year: 2025, term: undefined });
    expect(read('Hanoi Convention October 2025')).toEqual({
      words: 'hanoi convention',
      year: 2025,
      term: 'october2025',
    });
    expect(read('Hanoi Convention on 23 October 2025')).toEqual({
      words: 'hanoi convention',
      year: 2025,
      term: '23october2025',
    });
    expect(read('Command 86 Oct. 2023')).toEqual({ words: 'command 86', year: 2023, term: 'october2023' });
    expect(read('tổng duyệt năm 2025')).toEqual({ words: 'tong duyet', year: 2025, term: undefined });
    expect(read('tổng duyệt trong tháng 10/2025')).toEqual({ words: 'tong duyet', year: 2025, term: '102025' });
    expect(read('tổng duyệt vào ngày 23/10/2025')).toEqual({ words: 'tong duyet', year: 2025, term: '23102025' });
  });

  it('should read no words with a date from a date alone, words alone, or a year before other words', () => {
    for (const query of [
      '2025',
      'October 2025',
      '23 October 2025',
      'ngày 23 tháng 10 năm 2025',
      'in 2025',
      'năm 2025',
      'Command 86',
      'rehearsal 25',
      'rehearsal 2025 Hanoi',
    ])
      expect(read(query), query).toBeUndefined();
  });

  it("should read no words with a date from a quarter of a year, its year being the quarter's", () => {
    for (const query of ['Q2 2025', 'second quarter of 2025', 'growth in Q2 2025', 'quý 2/2025', 'quý II năm 2025'])
      expect(read(query), query).toBeUndefined();
  });

  it('should list the stories dated then that the words find, together before apart, and those dated otherwise apart', () => {
    const dates = ['2024-10-01', '2025-10-23', '2025-11-02', '2025-11-05'];
    const docs = syntheticDocs(
      {
        earlier: 'The ceremony rehearsal was held.',
        october: 'The ceremony rehearsal was held again.',
        november: 'A ceremony rehearsal in the capital.',
        apart: 'The rehearsal of the ceremony.',
      },
      'en',
    ).map((doc, at) => ({ ...doc, date: dates[at] as string }));
    const language = {
      locale: 'en' as const,
      index: buildSearchIndex(docs, []),
      years: [
        [2024, 0, 0],
        [2025, 1, 3],
      ] as YearRange[],
    };
    const found = (query: string) => {
      const { hits, apart, loose } = searchStories([language], [], new Map(), query);
      const ids = (list: SearchHit[]) => list.map((hit) => docs[hit.story]?.id).sort();
      return { hits: ids(hits), apart: ids(apart), loose };
    };
    for (const query of ['ceremony rehearsal 2025', 'ceremony rehearsal in 2025', 'Ceremony Rehearsal 2025'])
      expect(found(query), query).toEqual({ hits: ['november', 'october'], apart: ['apart', 'earlier'], loose: false });
    expect(found('ceremony rehearsal 2024')).toEqual({
      hits: ['earlier'],
      apart: ['apart', 'november', 'october'],
      loose: false,
    });
    expect(found('ceremony rehearsal November 2025')).toEqual({
      hits: ['november'],
      apart: ['apart', 'earlier', 'october'],
      loose: false,
    });
    expect(found('ceremony rehearsal 23 October 2025')).toEqual({
      hits: ['october'],
      apart: ['apart', 'earlier', 'november'],
      loose: false,
    });
    // No story dated then: the stories with the words at other dates, as looser matches.
    expect(found('ceremony rehearsal 2023')).toEqual({
      hits: ['apart', 'earlier', 'november', 'october'],
      apart: [],
      loose: true,
    });
    // Words that no story has together: the stories dated then that have them apart first, as looser matches.
    const { hits } = searchStories([language], [], new Map(), 'rehearsal ceremony 2025');
    expect(
      hits
        .slice(0, 3)
        .map((hit) => docs[hit.story]?.id)
        .sort(),
    ).toEqual(['apart', 'november', 'october']);
    expect(found('rehearsal ceremony 2025')).toEqual({
      hits: ['apart', 'earlier', 'november', 'october'],
      apart: [],
      loose: true,
    });
  });

  it('should list in the archive the stories with the words dated then, and those tagged with a name dated otherwise apart', () => {
    const dated = (year: string, holds: (story: Story) => boolean) =>
      archive.stories.filter((story) => story.date.startsWith(year) && holds(story)).map((story) => story.id);
    const says = (locale: Locale, words: string) => (story: Story) =>
      [story.articles[locale]?.title, story.articles[locale]?.summary, story.articles[locale]?.text].some((text) =>
        text?.toLowerCase().includes(words),
      );
    const rehearsals = dated('2025', says('en', 'rehearsal'));
    expect(rehearsals.length).toBeGreaterThan(0);
    expect(search(['en'], 'rehearsal 2025').sort()).toEqual(rehearsals.sort());
    expect(search(['vi'], 'tổng duyệt năm 2025').sort()).toEqual(dated('2025', says('vi', 'tổng duyệt')).sort());
    // No story of 2024 says "rehearsal": those of other years are the looser matches.
    expect(dated('2024', says('en', 'rehearsal'))).toEqual([]);
    expect(search(['en'], 'rehearsal 2024').sort()).toEqual(
      archive.stories
        .filter(says('en', 'rehearsal'))
        .map((story) => story.id)
        .sort(),
    );
    // "Command 86" names an entity: its stories of 2023 are the results, the others it tags are listed apart.
    const tagged86 = storiesTagged('organisations', 'command-86');
    const of2023 = dated('2023', (story) => tagged86.includes(story.id) || says('en', 'command 86')(story));
    expect(of2023.length).toBeGreaterThan(0);
    expect(search(['en'], 'Command 86 2023').sort()).toEqual(of2023.sort());
    const otherYears = tagged86.filter((id) => !of2023.includes(id));
    expect(otherYears.length).toBeGreaterThan(0);
    expect(searchApart(['en'], 'Command 86 2023')).toEqual(expect.arrayContaining(otherYears));
  });
});

describe('words together before words apart', () => {
  it('should list only the stories tagged with "Lê Dũng" or saying "Lê Dũng", and report the others', () => {
    const expected = [...new Set([...storiesTagged('people', 'le-dung'), ...storiesSaying('Lê Dũng')])].sort();
    expect(expected.length).toBeGreaterThan(0);
    for (const query of ['Lê Dũng', 'le dung', 'LÊ DŨNG']) {
      expect(search(['vi'], query).sort()).toEqual(expected);
    }
    // "Lê Huy Vịnh" and "Lễ mở ký ... xây dựng" have the syllables, apart or in other forms.
    expect(searchApart(['vi'], 'le dung')).toEqual(
      expect.arrayContaining(['digital-transformation-working-session-2023']),
    );
  });

  it('should list the stories with "Vũ Hữu Hạnh" and "Bộ Quốc phòng" together, not those with the syllables elsewhere', () => {
    const hanh = [...new Set([...storiesTagged('people', 'vu-huu-hanh'), ...storiesSaying('Vũ Hữu Hạnh')])].sort();
    expect(search(['vi'], 'Vũ Hữu Hạnh').sort()).toEqual(hanh);
    const ministry = [
      ...new Set([
        ...storiesTagged('organisations', 'ministry-of-national-defence'),
        ...storiesSaying('Bộ Quốc phòng'),
      ]),
    ].sort();
    expect(search(['vi'], 'Bộ Quốc phòng').sort()).toEqual(ministry);
  });

  it('should hold a word typed with its marks, or still being typed, in a tagged or credited name as in the title', () => {
    const person = syntheticPerson('vu-huu-hanh', 'Vu Huu Hanh', 'Vũ Hữu Hạnh');
    const [tagged, limits] = syntheticDocs({ tagged: 'Thiếu tướng dự hội nghị', limits: 'Khắc phục hạn chế' });
    const index = buildSearchIndex([{ ...(tagged as SearchDoc), people: [person.id] }, limits as SearchDoc], [person]);
    const found = (query: string) => {
      const { hits, apart, loose } = searchStories([{ locale: 'vi', index }], [person], new Map(), query);
      return { hits: hits.map((hit) => hit.story).sort(), apart: apart.map((hit) => hit.story), loose };
    };
    expect(found('hạn')).toEqual({ hits: [0, 1], apart: [], loose: false });
    expect(found('Hạnh')).toEqual({ hits: [0], apart: [], loose: false });
    expect(found('Vũ Hữu Hạ')).toEqual({ hits: [0], apart: [], loose: false });
    // Other marks are still other words: the name is a looser match.
    expect(found('hành')).toEqual({ hits: [0], apart: [], loose: true });
  });

  it('should hold two words typed with their marks together only where they stand so, each word elsewhere or not', () => {
    const person = syntheticPerson('vu-huu-hanh', 'Vu Huu Hanh', 'Vũ Hữu Hạnh');
    const [tagged, body, limits] = syntheticDocs({
      tagged: 'Thiếu tướng dự hội nghị cải cách hành chính',
      body: 'Ông Vũ Hữu Hạnh phát biểu',
      limits: 'Khắc phục hạn chế',
    });
    const index = buildSearchIndex(
      [{ ...(tagged as SearchDoc), people: [person.id] }, body as SearchDoc, limits as SearchDoc],
      [person],
    );
    const found = (query: string) => {
      const { hits, apart, loose } = searchStories([{ locale: 'vi', index }], [person], new Map(), query);
      return { hits: hits.map((hit) => hit.story).sort(), apart: apart.map((hit) => hit.story), loose };
    };
    expect(found('Vũ Hữu Hạnh')).toEqual({ hits: [0, 1], apart: [], loose: false });
    // "Hành" stands in the tagged story, "Hữu" in its tag: apart, and neither story holds "Hữu Hành".
    expect(found('Vũ Hữu Hành')).toEqual({ hits: [0, 1], apart: [], loose: true });
    expect(found('Hữu Hành')).toEqual({ hits: [0, 1], apart: [], loose: true });
    // A bare word still matches every form, and a whole word ("hạn") may be the start of the name still being typed.
    expect(found('Vũ Hữu hanh')).toEqual({ hits: [0, 1], apart: [], loose: false });
    expect(found('Hữu Hạn')).toEqual({ hits: [0, 1], apart: [], loose: false });
    // Three words, the last still being typed, in a tagged name (and in the other story's title).
    expect(found('Vũ Hữu Hạn')).toEqual({ hits: [0, 1], apart: [], loose: false });
    expect(found('vu huu han')).toEqual({ hits: [0, 1], apart: [], loose: false });
  });

  it('should hold a name typed key by key in a title together at every step, with no tag and nothing completed', () => {
    const synthetic = syntheticDocs({
      title: 'Chủ tịch nước Lương Cường thăm Bộ Tư lệnh',
      apart: 'Lương thực và tăng cường hợp tác',
    });
    for (const name of ['Lương Cường', 'Luong Cuong']) {
      for (let length = 'Lương C'.length; length <= name.length; length++) {
        const query = name.slice(0, length);
        expect(syntheticResults([synthetic], query), query).toEqual({
          hits: ['title'],
          apart: ['apart'],
          loose: false,
        });
      }
    }
  });

  it('should hold three words of a title together while the last is typed, where its start is a word of its own', () => {
    const english = syntheticDocs(
      { title: 'Party Committee issues conclusions', other: 'An issue was raised at the committee' },
      'en',
    );
    expect(syntheticResults([english], 'Party Committee issue')).toEqual({ hits: ['title'], apart: [], loose: false });
    const vietnamese = syntheticDocs({ title: 'Thiếu tướng Vũ Hữu Hạnh dự họp', other: 'Khắc phục hạn chế' });
    expect(syntheticResults([vietnamese], 'tướng Vũ Hữu Hạn')).toEqual({ hits: ['title'], apart: [], loose: false });
  });

  it('should hold three or more words together only where they stand in one run, not each pair in another place', () => {
    const synthetic = syntheticDocs({
      run: 'Thủ trưởng Bộ Tư lệnh 86 dự hội nghị',
      pairs: 'Thứ trưởng Bộ Quốc phòng thăm Bộ Tư lệnh 86',
      justice: 'Lãnh đạo Bộ Tư pháp gặp Tư lệnh quân khu',
    });
    expect(sorted(syntheticResults([synthetic], 'trưởng Bộ Tư lệnh'))).toEqual({
      hits: ['run'],
      apart: ['pairs'],
      loose: false,
    });
    expect(sorted(syntheticResults([synthetic], 'bo tu lenh'))).toEqual({
      hits: ['pairs', 'run'],
      apart: ['justice'],
      loose: false,
    });
    // "Thứ trưởng Bộ" and "Bộ Tư lệnh" apart, and "Thủ trưởng Bộ Tư lệnh" with other marks: looser matches both.
    expect(sorted(syntheticResults([synthetic], 'Thứ trưởng Bộ Tư lệnh'))).toEqual({
      hits: ['pairs', 'run'],
      apart: [],
      loose: true,
    });
  });

  it('should put a phrase in the results and the same words scattered in the "apart" list', () => {
    const synthetic = syntheticDocs({
      phrase: 'Hôm qua tại thủ đô Hà Nội đã có ông Lê Dũng đến',
      scattered: 'Dũng và Lê đến Hà Nội',
    });
    expect(syntheticResults([synthetic], 'le dung')).toEqual({ hits: ['phrase'], apart: ['scattered'], loose: false });
    expect(syntheticResults([synthetic], 'Lê Dũng')).toEqual({ hits: ['phrase'], apart: ['scattered'], loose: false });
  });

  it('should work the same way in English', () => {
    const synthetic = syntheticDocs(
      { together: 'Cyber security drills were held', apart: 'Security of the cyber domain' },
      'en',
    );
    expect(syntheticResults([synthetic], 'cyber security')).toEqual({
      hits: ['together'],
      apart: ['apart'],
      loose: false,
    });
  });

  it('should find a word the text writes as one when the reader splits it, and not a word typed with marks so', () => {
    const english = syntheticDocs(
      {
        joined: 'Vietnam hosts a cyberspace drill',
        spaced: 'Viet Nam hosts a cyber space drill',
        scattered: 'Space for a cyber drill in Nam Viet',
      },
      'en',
    );
    for (const query of ['Viet Nam', 'viet nam', 'cyber space', 'cyber spa', 'Viet Nam hosts'])
      expect(syntheticResults([english], query), query).toEqual({
        hits: expect.arrayContaining(['joined', 'spaced']),
        apart: query.startsWith('cyber') ? ['scattered'] : expect.any(Array),
        loose: false,
      });
    expect(searchSynthetic([english], 'cyber space').sort()).toEqual(['joined', 'spaced']);
    const vietnamese = syntheticDocs({ cuba: 'Đoàn đại biểu Cuba thăm Hà Nội', old: 'cụ bà ở Hà Nội' });
    expect(searchSynthetic([vietnamese], 'cu ba').sort()).toEqual(['cuba', 'old']);
    // A syllable typed with marks is that syllable: "Cụ bà" is no spelling of "Cuba".
    expect(searchSynthetic([vietnamese], 'Cụ bà')).toEqual(['old']);
  });

  it('should list a story with a word only in another English form apart, or as the looser results', () => {
    const english = syntheticDocs(
      {
        singular: 'Rehearsal for the Hanoi Convention signing ceremony',
        plural: 'Two conventions were signed after rehearsals',
        visits: 'The chief visits Command 86',
        unrelated: 'A conversation about the convent',
      },
      'en',
    );
    expect(syntheticResults([english], 'Hanoi Conventions')).toEqual({ hits: ['singular'], apart: [], loose: true });
    expect(syntheticResults([english], 'conventions')).toEqual({
      hits: ['plural'],
      apart: ['singular'],
      loose: false,
    });
    // "conventions were signed": both words in another form.
    expect(syntheticResults([english], 'convention signing')).toEqual({
      hits: ['singular'],
      apart: ['plural'],
      loose: false,
    });
    expect(syntheticResults([english], 'visited Command')).toEqual({ hits: ['visits'], apart: [], loose: true });
    expect(syntheticResults([english], 'rehearsals')).toEqual({ hits: ['plural'], apart: ['singular'], loose: false });
    // "convent" and "conversation" share letters with "conventions" but are no form of it.
    expect(syntheticResults([english], 'conventions').apart).not.toContain('unrelated');
  });

  it('should find a word in its other English spelling as typed, together with the words around it', () => {
    const spelt = syntheticDocs(
      {
        british: 'The Ministry of National Defence met',
        american: 'Defense leaders met at the organization',
        plural: 'Cyber defences organisations of the region',
      },
      'en',
    );
    // Either spelling finds both as typed (and, the last word being perhaps half typed, the words it starts).
    expectEachToList([spelt], ['Defense', 'defence'], ['american', 'british', 'plural']);
    expect(syntheticResults([spelt], 'defence leaders')).toEqual({ hits: ['american'], apart: [], loose: false });
    // Another form in the other spelling is another form ("defences" for "defense", not as the last word), and the
    // other spelling apart from the other words is apart.
    expect(sorted(syntheticResults([spelt], 'defense of the'))).toEqual({
      hits: ['british', 'plural'],
      apart: [],
      loose: true,
    });
    expect(syntheticResults([spelt], 'ministry of national defense')).toEqual({
      hits: ['british'],
      apart: [],
      loose: false,
    });
    // Every word in the other spelling at once.
    expect(syntheticResults([spelt], 'defenses organizations')).toEqual({ hits: ['plural'], apart: [], loose: false });
    expect(syntheticResults([spelt], 'defensive')).toEqual({ hits: [], apart: [], loose: false });
  });

  it('should find a rank written short as the rank written out, and the other way round, as typed', () => {
    const ranks = syntheticDocs(
      {
        short: 'Sr. Lt. Gen. Nguyen Van Hien attended the meeting',
        long: 'Senior Lieutenant General Tran Quang Phuong spoke',
        major: 'Maj. Gen. Le Duc Thai and Lieutenant General Hoang visited',
        other: 'The general assembly of the department met',
      },
      'en',
    );
    expectEachToList([ranks], ['Senior Lieutenant General', 'Sr Lt Gen', 'sr. lt. gen.'], ['long', 'short']);
    expect(sorted(syntheticResults([ranks], 'Lt. Gen.'))).toEqual({
      hits: ['long', 'major', 'short'],
      apart: [],
      loose: false,
    });
    expect(syntheticResults([ranks], 'Major General Le Duc Thai')).toEqual({
      hits: ['major'],
      apart: [],
      loose: false,
    });
    expect(syntheticResults([ranks], 'lieutenant general tran')).toEqual({ hits: ['long'], apart: [], loose: false });
    // A short form is one word's: "gen" is no start of "generation", "Dept" no other word than "department".
    expect(syntheticResults([ranks], 'general assembly')).toEqual({ hits: ['other'], apart: [], loose: false });
    expect(otherSpellings('lt')).toEqual(['lieutenant']);
    expect(otherSpellings('colonel')).toEqual(['col']);
    expect(otherSpellings('st')).toEqual([]);
    // A day of the month and its ordinal are one word; a number past 31 has no such other spelling.
    expect(['1', '2nd', '3', '11', '12th', '21', '22', '31st', '32', '11st'].map(otherSpellings)).toEqual([
      ['1st'],
      ['2'],
      ['3rd'],
      ['11th'],
      ['12'],
      ['21st'],
      ['22nd'],
      ['31'],
      [],
      [],
    ]);
    expect(marked('On October 25 the delegates met', 'October 25th', 'together')).toEqual(['October 25']);
    expect(marked('On October 25 the delegates met', '25th October', 'together')).toEqual(['October 25']);
    expect(
      marked('Sr. Lt. Gen. Nguyen Van Hien met Lieutenant General Le', 'Senior Lieutenant General', 'together'),
    ).toEqual(['Sr. Lt. Gen']);
    expect(marked('Maj. Gen. Le Duc Thai and Major General Hoang', 'maj gen', 'together')).toEqual([
      'Maj. Gen',
      'Major General',
    ]);
  });

  it('should find a quarter of the year written either way, with its year, as typed', () => {
    const english = syntheticDocs(
      {
        written: 'The committee identified key tasks for the second quarter of 2025',
        short: 'Results of Q2 2025 were reviewed',
        first: 'Tasks of the first quarter of 2024',
        titled: 'Party Committee sets its second-quarter 2025 tasks',
      },
      'en',
    );
    expectEachToList(
      [english],
      ['Q2 2025', 'second quarter of 2025', 'second quarter 2025'],
      ['short', 'titled', 'written'],
    );
    expect(syntheticResults([english], 'Q1 2024')).toEqual({ hits: ['first'], apart: [], loose: false });
    expect(syntheticResults([english], 'Q2 2024')).toMatchObject({ hits: [] });
    const vietnamese = syntheticDocs({
      roman: 'Đảng ủy xác định nhiệm vụ trọng tâm quý II năm 2025',
      slash: 'Kết quả quý 2/2025 được đánh giá',
      first: 'Nhiệm vụ quý I năm 2025',
    });
    expectEachToList(
      [vietnamese],
      ['quý II năm 2025', 'quý 2 năm 2025', 'quý II/2025', 'quy 2/2025'],
      ['roman', 'slash'],
    );
    expect(syntheticResults([vietnamese], 'quý 1 năm 2025')).toEqual({ hits: ['first'], apart: [], loose: false });
    const text = 'tasks for the second quarter of 2025; nhiệm vụ quý II năm 2025 và quý 2/2025';
    expect(marked(text, 'Q2 2025', 'together')).toEqual(['second quarter of 2025']);
    expect(marked('Its second-quarter 2025 tasks', 'Q2 2025', 'together')).toEqual(['second-quarter 2025']);
    expect(marked(text, 'quý 2 năm 2025', 'together')).toEqual(['quý II năm 2025', 'quý 2/2025']);
  });

  it('should read an English possessive as the word it is said of, typed or not, and mark the words across it', () => {
    const english = syntheticDocs(
      {
        owned: "The rehearsal raised Vietnam's image as a partner",
        curly: 'Delegates praised Vietnam’s image abroad',
        plain: 'Vietnam image campaigns were reviewed',
        apart: 'An image of the delegation in Vietnam',
        cuba: 'The delegation from Cuba was received',
        numbered: "Command 86's leaders met the delegation",
      },
      'en',
    );
    expectEachToList(
      [english],
      ["Vietnam's image", 'Vietnam’s image', 'Vietnam image'],
      ['curly', 'owned', 'plain'],
      ['apart'],
    );
    expect(syntheticResults([english], "Vietnam's image as a partner")).toMatchObject({
      hits: ['owned'],
      loose: false,
    });
    expect(syntheticResults([english], "Cuba's")).toEqual({ hits: ['cuba'], apart: [], loose: false });
    expect(syntheticResults([english], 'Command 86 leaders')).toEqual({ hits: ['numbered'], apart: [], loose: false });
    expect(asSearched("Cuba's delegation and the Forces' units")).toBe("Cuba delegation and the Forces' units");
    expect(asSearched("Côte d'Ivoire, it’s Command 86's")).toBe("Côte d'Ivoire, it Command 86");
    const text = "The rehearsal raised Vietnam's image as a partner of Cuba's";
    expect(marked(text, 'Vietnam image', 'together')).toEqual(["Vietnam's image"]);
    expect(marked(text, "Vietnam's image as", 'together')).toEqual(["Vietnam's image as"]);
    expect(marked(text, "Cuba's", 'together')).toEqual(['Cuba']);
  });

  it('should give an English word its regular forms, and a word that can be a Vietnamese syllable none', () => {
    expect(otherForms('conventions')).toContain('convention');
    expect(otherForms('convention')).toContain('conventions');
    expect(otherForms('visited')).toEqual(expect.arrayContaining(['visit', 'visits', 'visiting']));
    expect(otherForms('ministries')).toContain('ministry');
    expect(otherForms('issues')).toEqual(expect.arrayContaining(['issue', 'issued', 'issuing']));
    expect(otherForms('planned')).toEqual(expect.arrayContaining(['plan', 'plans', 'planning']));
    expect(otherForms('news')).not.toContain('new');
    // British and American spellings, in every form; the same form in the other spelling is the word itself.
    expect(otherSpellings('defenses')).toEqual(['defences']);
    expect(otherSpellings('organising')).toEqual(['organizing']);
    expect(otherSpellings('centres')).toEqual(['centers']);
    expect(otherSpellings('programme')).toEqual(['program']);
    expect(otherSpellings('convention')).toEqual([]);
    expect(otherSpellings('nguyen')).toEqual([]);
    expect(otherForms('defense')).toContain('defence');
    expect(otherForms('organizations')).toContain('organisations');
    expect(otherForms('centre')).toContain('center');
    expect(otherForms('programme')).toContain('program');
    for (const syllable of ['truong', 'nguyen', 'nghieng', 'khach', 'thuong']) expect(otherForms(syllable)).toEqual([]);
  });

  it('should give the looser matches as the results, and say so, when nothing matches as typed', () => {
    const synthetic = syntheticDocs({ scattered: 'Dũng và Lê đến Hà Nội', other: 'ông Lễ Dũng' });
    expect(syntheticResults([synthetic], 'Lê Dũng')).toEqual({ hits: ['scattered', 'other'], apart: [], loose: true });
    expect(syntheticResults([synthetic], 'Lê Dũng Huế')).toEqual({ hits: [], apart: [], loose: false });
  });
});

describe('a word more stories have than a search ranks', () => {
  const many = (count: number) =>
    syntheticDocs(
      Object.fromEntries(Array.from({ length: count }, (_, at) => [`story-${at}`, `Diễn tập an ninh mạng số ${at}`])),
      'vi',
    );
  const results = (count: number, query: string) =>
    searchStories([{ locale: 'vi', index: buildSearchIndex(many(count), []) }], [], new Map(), query);

  it('should say that the list is the best of them, and only then', () => {
    const over = results(RANKED_LIMIT + 20, 'an ninh');
    expect(over.capped).toBe(true);
    expect(over.hits.length).toBeGreaterThanOrEqual(RANKED_LIMIT);
    expect(over.hits.length).toBeLessThan(RANKED_LIMIT + 20);
    const under = results(RANKED_LIMIT - 20, 'an ninh');
    expect(under.capped).toBe(false);
    expect(under.hits).toHaveLength(RANKED_LIMIT - 20);
    expect(results(RANKED_LIMIT + 20, 'số 7').capped).toBe(false);
  });

  it('should say so too when the query with its last word completed has more stories than a search ranks', () => {
    // "an ni" is on its way to "an ninh", which the bodies alone hold: the query as typed finds nothing.
    const inBodies = (count: number) =>
      many(count).map((doc, at) => ({ ...doc, title: `Tin ${at}`, summary: 'Tin vắn', text: doc.title }));
    const found = (count: number) => {
      const index = buildSearchIndex(inBodies(count), []);
      const open = openLastWord(index, querySyllables('an ni')) as OpenWord;
      const completions = runCompletions(fieldPostings(index, runField(open)).map, open);
      expect(completions).toContain('ninh');
      return searchStories([{ locale: 'vi', index, completions }], [], new Map(), 'an ni');
    };
    const over = found(RANKED_LIMIT + 20);
    expect(over.loose).toBe(false);
    expect(over.capped).toBe(true);
    expect(over.hits.length).toBeGreaterThanOrEqual(RANKED_LIMIT);
    expect(found(RANKED_LIMIT - 20).capped).toBe(false);
  });

  it('should list at most as many stories holding the words spread over their fields, the newest, and say so', () => {
    // Each story has "diễn tập" in its title and "an ninh" in its text only.
    const spread = (count: number) =>
      many(count).map((doc, at) => ({ ...doc, title: `Diễn tập ${at}`, summary: 'Tin vắn', text: `An ninh ${at}` }));
    const found = (count: number) =>
      searchStories([{ locale: 'vi', index: buildSearchIndex(spread(count), []) }], [], new Map(), 'diễn tập an ninh');
    const over = found(RANKED_LIMIT + 20);
    expect(over.loose).toBe(true);
    expect(over.capped).toBe(true);
    expect(over.hits).toHaveLength(RANKED_LIMIT);
    expect(Math.min(...over.hits.map((hit) => hit.story))).toBe(20);
    const under = found(30);
    expect(under.capped).toBe(false);
    expect(under.hits).toHaveLength(30);
  });

  it('should say "at least" in both languages', () => {
    expect(dictionary('en').resultCount(1000, true)).toBe('At least 1000 results');
    expect(dictionary('vi').resultCount(1000, true)).toBe('Ít nhất 1000 kết quả');
    expect(dictionary('en').resultsShown(10, 1000, true)).toBe('Showing 10 of at least 1000');
    expect(dictionary('vi').resultsShown(10, 1000, true)).toBe('Đang hiển thị 10 trên ít nhất 1000');
    expect(dictionary('en').resultCount(1000)).toBe('1000 results');
  });
});

describe('the words of a query spread over the fields of a story', () => {
  const cuba = 'cuba-political-directorate-visits-command-86';
  const results = (locale: Locale, query: string) =>
    searchStories([completing(locale, query)], entities, tagged, query);

  it('should list a story whose summary has some of the words and its body the others, as holding them apart', () => {
    // "during" is in its summary only, "escalating" in its body only.
    const found = results('en', 'during escalating');
    expect(found.loose).toBe(true);
    expect(found.hits.map((hit) => storyId(hit.story))).toContain(cuba);
  });

  it('should list it with the results when it is tagged with an entity the query names', () => {
    const query = 'Chief of Cuban Revolutionary Armed Forces Political Directorate visits Command 86 Le Dung';
    const found = results('en', query);
    expect(found.loose).toBe(false);
    const hit = found.hits.find((each) => storyId(each.story) === cuba);
    expect(hit?.tags).toContain(entityKey('people', 'le-dung'));
  });
});

describe('a word typed before the last', () => {
  /** Every word of a story in one language, folded: its title, summary, text and the names of its tags. */
  const wordsOf = (locale: Locale, number: number) => {
    const story = storyAt(number);
    const article = story?.articles[locale];
    const tags = entities.filter((entity) => story?.[entity.kind].includes(entity.id));
    const names = tags.flatMap((entity) => [entity.name.en, entity.name.vi, ...(entity.aliases ?? [])]);
    const credited = story ? creditNames(searchCredits(story, locale), entitiesByKey(entities)) : [];
    return new Set(foldedWords([article?.title, article?.summary, article?.text, ...names, ...credited].join(' ')));
  };

  it.each([
    ['en', 'Nguyen Min Thang'],
    ['vi', 'an nin mạng'],
    ['vi', 'Nguyễn Min Thắng'],
    ['en', 'Comman 86'],
    ['en', 'Van Chien'],
    // A last word of two letters is completed to the bodies' words ("the"): the word before stays whole.
    ['en', 'Tran Th'],
    ['en', 'Digi tr'],
    ['vi', 'Chuyể đổ'],
  ] as const)(
    'should list for %s "%s" only stories that have it as a word, not only the start of one',
    (locale, query) => {
      const typed = querySyllables(query);
      const found = searchStories([completing(locale, query)], entities, tagged, query);
      for (const hit of [...found.hits, ...found.apart].filter((each) => each.tags.length === 0)) {
        const words = wordsOf(locale, hit.story);
        for (const word of typed.slice(0, -1))
          expect(words.has(word.folded), `${storyId(hit.story)}: ${word.folded}`).toBe(true);
      }
    },
  );
});

describe('a last word still being typed', () => {
  const storiesWriting = (locale: Locale, words: string) =>
    archive.stories
      .filter((story) => story.articles[locale]?.text.toLowerCase().includes(words))
      .map((story) => story.id);

  /** Each query, typed in its language, lists every story that writes the words (lower case) as a result, not looser. */
  const expectListedAsTyped = (cases: readonly (readonly [Locale, string, string])[]) => {
    for (const [locale, query, written] of cases) {
      const stories = storiesWriting(locale, written);
      expect(stories.length, written).toBeGreaterThan(0);
      const found = searchStories([completing(locale, query)], entities, tagged, query);
      expect(found.loose, query).toBe(false);
      expect(
        found.hits.map((hit) => storyId(hit.story)),
        query,
      ).toEqual(expect.arrayContaining(stories));
    }
  };

  it('should find it as the start of a word of the body, where no title or summary has it', () => {
    const writing = storiesWriting('vi', 'hoàn thành');
    expect(writing.length).toBeGreaterThan(0);
    expect(search(['vi'], 'hoàn thành').sort()).toEqual(writing.sort());
    expect(search(['vi'], 'hoàn thà').sort()).toEqual(writing.sort());
    expect(search(['vi'], 'hoan tha')).toEqual(expect.arrayContaining(writing));
    const authorities = storiesWriting('en', 'authorit');
    expect(authorities.length).toBeGreaterThan(0);
    expect(search(['en'], 'authorit').sort()).toEqual(authorities.sort());
  });

  it('should complete it only to words with the marks typed', () => {
    const index = language('vi').index;
    const typed = querySyllables('hoàn thà');
    const completions = completing('vi', 'hoàn thà').completions ?? [];
    expect(completions).toContain('thanh');
    expect(completedQueries(index, typed, completions)).toContain('hoàn thành');
    for (const query of completedQueries(index, typed, completions)) expect(query).toMatch(/^hoàn thà/);
    // "thá" starts no word that follows "hoàn" in a story: those with "hoàn thành" are no story with the words as typed.
    const results = searchStories([completing('vi', 'hoàn thá')], entities, tagged, 'hoàn thá');
    const asTyped = results.loose ? [] : results.hits.map((hit) => storyId(hit.story));
    for (const id of storiesWriting('vi', 'hoàn thành')) expect(asTyped).not.toContain(id);
  });

  it("should complete a start of two letters no body has whole to the bodies' words it starts, keeping its marks", () => {
    for (const [locale, query, word] of [
      ['en', 'me', 'measures'],
      ['en', 'ce', 'ceremony'],
      ['vi', 'Dũ', 'dũng'],
    ] as const) {
      const completions = completing(locale, query).completions ?? [];
      expect(completions, query).toContain(foldText(word));
      for (const completed of completions) expect(completed.startsWith(foldText(query)), completed).toBe(true);
      // The stories whose bodies have one of the first completions, written with the marks typed, are results.
      const typed = markedText(query);
      const expected = storiesWithBodyWord(
        locale,
        (written) => completions.slice(0, 3).includes(foldText(written)) && written.startsWith(typed),
      );
      expect(expected.length, query).toBeGreaterThan(0);
      const found = searchStories([completing(locale, query)], entities, tagged, query);
      expect(found.hits.map((hit) => storyId(hit.story))).toEqual(expect.arrayContaining(expected));
    }
  });

  it('should leave a whole word of some body, a single letter and a number on their own or after a letter as typed', () => {
    for (const [locale, query] of [
      ['en', 'Command'],
      ['en', 'rehearsal'],
      // A whole word of a summary only, not of a body: the word the reader typed, no start of "units".
      ['en', 'UN'],
      ['vi', 'd'],
      ['en', 't'],
      ['en', 'U.N.'],
      ['en', '86'],
    ] as const) {
      expect(openLastWord(language(locale).index, querySyllables(query)), query).toBeUndefined();
      expect(completing(locale, query).completions, query).toBeUndefined();
    }
    expect(openLastWord(language('en').index, querySyllables('authorit'))?.word.folded).toBe('authorit');
    // After another word, a whole word is completed only from the pairs that start with both: "Hà Nội" only from
    // "Hà Nội Convention" read as "Hà" and "Nộiconvention", which finds nothing more.
    const hanoi = completing('vi', 'Hà Nội');
    for (const word of hanoi.completions ?? [])
      expect(hasEveryTerm(hanoi.index, 'pairs', `ha${word}`), word).toBe(true);
    const ids = (found: SearchResults) => found.hits.map((hit) => hit.story).sort();
    expect(ids(searchStories([hanoi], entities, tagged, 'Hà Nội'))).toEqual(
      ids(searchStories([language('vi')], entities, tagged, 'Hà Nội')),
    );
  });

  it('should complete a last word, whole or not, to the words that end a run begun by the words before it', () => {
    expectListedAsTyped([
      // Typing "Thiếu tướng Vũ Hữu Hạnh", which a body holds, passes "Hạn", a word of its own in other stories.
      ['vi', 'tướng Vũ Hữu Hạn', 'tướng vũ hữu hạnh'],
      ['vi', 'Thiếu tướng Vũ Hữu Hạn', 'thiếu tướng vũ hữu hạnh'],
      ['vi', 'thieu tuong vu huu han', 'thiếu tướng vũ hữu hạnh'],
      // After two words, the runs of three: the pairs of "the" would offer its most frequent words only.
      ['en', 'Through the c', 'through the content'],
      ['en', 'Through the con', 'through the content'],
      // The words that follow "Standing", not the most frequent words "com" starts.
      ['en', 'the Standing Com', 'the standing committee'],
      // A number still being typed.
      ['vi', 'quyết số 1', 'quyết số 1360'],
      ['vi', 'quyết số 136', 'quyết số 1360'],
      // A word of one letter with diacritics before the last.
      ['vi', 'có ý k', 'có ý kiến'],
      // The older tone placement as it is typed: the tone on the "u" of "uy" or the "o" of "oa" before the next vowel.
      ['vi', 'Đảng ủ', 'đảng ủy'],
      ['vi', 'Chính ủ', 'chính ủy'],
      ['vi', 'chuẩn hó', 'chuẩn hóa'],
    ]);
    // Typed with its marks, the whole word is completed only to words with them: "Hữu Hạn" never finds "Hữu Hàn".
    const typed = querySyllables('Vũ Hữu Hạn');
    for (const query of completedQueries(language('vi').index, typed, completing('vi', 'Vũ Hữu Hạn').completions ?? []))
      expect(query).toMatch(/^vũ hữu hạn/i);
  });

  it('should complete a start of one or two letters after another word to the words that follow that word', () => {
    // As the reader types "hoàn thành" key by key, every step finds the stories that write it.
    const writing = storiesWriting('vi', 'hoàn thành');
    expect(writing.length).toBeGreaterThan(0);
    for (const query of ['hoàn t', 'hoàn th', 'hoàn thà', 'hoàn thàn', 'hoàn thành', 'hoan t', 'hoan th'])
      expect(search(['vi'], query), query).toEqual(expect.arrayContaining(writing));
    expectListedAsTyped([
      ['vi', 'trí tuệ nhân t', 'trí tuệ nhân tạo'],
      ['vi', 'dữ liệu l', 'dữ liệu lớn'],
      ['vi', 'tri tue nhan t', 'trí tuệ nhân tạo'],
      ['en', 'artificial i', 'artificial intelligence'],
      // A start that is a word of its own is still on its way to a longer one.
      ['en', 'artificial in', 'artificial intelligence'],
      ['vi', 'an to', 'an toàn'],
      ['en', 'cloud c', 'cloud computing'],
    ]);
  });

  it('should complete a short start from the pairs only to words that follow the word before, keeping the marks', () => {
    const index = language('vi').index;
    const pairs = fieldPostings(index, 'pairs').map;
    const open = (query: string) => openLastWord(index, querySyllables(query)) as OpenWord;
    const completions = runCompletions(pairs, open('hoàn t'));
    expect(completions).toContain('thanh');
    for (const word of completions) expect(hasEveryTerm(index, 'pairs', `hoan${word}`), word).toBe(true);
    // Typed with marks, the completed queries keep them: "tà" is never "thành".
    const typed = querySyllables('hoàn tà');
    for (const query of completedQueries(index, typed, runCompletions(pairs, open('hoàn tà'))))
      expect(query).toMatch(/^hoàn tà/);
  });

  it("should take its completions from the language's vocabulary, most frequent first", () => {
    const vocabulary = ['thành', 'thì', 'tháng', 'thái', 'cường'];
    const completions = (word: string) => completionsOf(querySyllables(word)[0] as Syllable, vocabulary);
    expect(completions('tha')).toEqual(['thanh', 'thang', 'thai']);
    expect(completions('thá')).toEqual(['thang', 'thai', 'thanh']);
    expect(completions('cườ')).toEqual(['cuong']);
  });

  it('should fetch the words it may start and the shards of the completed words only for a word still being typed', async () => {
    fetched = [];
    const client = filesClient();
    await client.prepare(['en'], 'rehearsal');
    expect(fetched.filter((url) => url.startsWith('/search/en/words/'))).toEqual([]);
    const prepared = await client.prepare(['en'], 'authorit');
    expect(fetched.filter((url) => url.startsWith('/search/en/words/')).length).toBeGreaterThan(0);
    expect(fetched).not.toContain(searchVocabularyUrl());
    expect(prepared.languages[0]?.completions).toEqual(expect.arrayContaining(['authorities', 'authority']));
    // A start of a letter or two after another word is completed from the shards holding the pairs it may start.
    fetched = [];
    const short = await client.prepare(['vi'], 'hoàn t');
    expect(short.languages[0]?.completions).toContain('thanh');
    expect(fetched.filter((url) => url.startsWith('/search/vi/words/'))).toEqual([]);
  });

  const storiesHaving = (posting: Posting) => posting.flatMap((slot) => (slot ?? []).map(Number));

  it('should complete a word only one story has, however few words the vocabulary keeps', async () => {
    const few = (await buildSearchFiles(archive, { shardBytes: 2_000, vocabularyWords: 5, wordsPerFile: 40 })).files;
    const client = createSearchClient(async (url) => few.get(url) ?? Promise.reject(new Error(url)));
    let tried = 0;
    for (const locale of ['en', 'vi'] as const) {
      const { map } = fieldPostings(language(locale).index, 'body');
      const bodyTerms = [...map.keys()];
      // Words of one story whose start, two letters short, is no word of any body and begins no other.
      const rare = [...map].filter(([term, posting]) => {
        const start = term.slice(0, -2);
        return (
          term.length >= 6 &&
          !/\d/.test(term) &&
          storiesHaving(posting).length === 1 &&
          !map.has(start) &&
          bodyTerms.filter((other) => other.startsWith(start)).length === 1
        );
      });
      for (const [term, posting] of rare.slice(0, 5)) {
        const start = term.slice(0, -2);
        const prepared = await client.prepare([locale], start);
        const { hits } = searchStories(prepared.languages, prepared.entities, prepared.tagged, start);
        expect(
          hits.map((hit) => hit.story),
          `${locale} "${start}" (${term})`,
        ).toContain(storiesHaving(posting)[0]);
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(8);
  });

  it('should keep every word of the bodies in the file its start leads to', () => {
    let words = 0;
    for (const locale of ['en', 'vi'] as const) {
      const { words: starts } = SearchManifestSchema.parse(JSON.parse(files.get(searchManifestUrl(locale)) ?? '{}'));
      expect(starts.length).toBeGreaterThan(2);
      starts.forEach((_, file) => {
        for (const [word] of SearchWordsFileSchema.parse(JSON.parse(files.get(searchWordsUrl(locale, file)) ?? '[]'))) {
          const folded = foldText(word);
          for (const length of [1, 3, folded.length])
            expect(startedTermFiles(folded.slice(0, length), starts), `${locale} ${word}`).toContain(file);
          words++;
        }
      });
    }
    expect(words).toBeGreaterThan(200);
  });

  it("should not search again the word typed, found as a completion of its other spelling ('programme' of 'program')", () => {
    const index = language('en').index;
    const typed = querySyllables('training programme');
    expect(completedQueries(index, typed, ['programme', 'programmes'])).toEqual(['training programmes']);
  });

  it("should complete it in its other English spelling too, which is the same word ('data center': 'data centres')", async () => {
    const story = (words: string) =>
      articleText({ ...BASE_EN, title: 'Test teams meet', summary: `Test teams kept the ${words} running.` }, 'Test.');
    const fixture = createContentFixture({
      stories: { british: { en: story('data centres'), vi: null }, american: { en: story('data centers'), vi: null } },
      withoutBaseStory: true,
    });
    try {
      const { files: built } = await buildSearchFiles(fixture.load().archive, {});
      const client = createSearchClient(async (url) => built.get(url) ?? '');
      for (const query of ['data center', 'data centre']) {
        const prepared = await client.prepare(['en'], query);
        const found = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
        expect({ hits: found.hits.length, apart: found.apart.length, loose: found.loose }, query).toEqual({
          hits: 2,
          apart: 0,
          loose: false,
        });
      }
    } finally {
      fixture.cleanup();
    }
  });
});

describe('why a result is there', () => {
  it("should name the tag of a story found by an entity's alias it does not contain", () => {
    const { hits } = searchStories([language('en')], entities, tagged, 'MND');
    const ministry = entityKey('organisations', 'ministry-of-national-defence');
    expect(hits.map((hit) => storyId(hit.story)).sort()).toEqual(
      storiesTagged('organisations', 'ministry-of-national-defence').sort(),
    );
    expect(hits.every((hit) => hit.tags.includes(ministry))).toBe(true);
    expect(
      searchStories([language('en')], entities, tagged, 'rehearsal').hits.every((hit) => hit.tags.length === 0),
    ).toBe(true);
  });

  it('should name the tags that hold between them the words a card does not show, a tag a word', () => {
    const tags = [
      { tag: 'people', names: ['Trịnh Văn Quyết', 'Trinh Van Quyet'] },
      { tag: 'organisation', names: ['Bộ Tư lệnh Tác chiến không gian mạng', 'Command 86'] },
      { tag: 'topic', names: ['Chiến lược', 'Strategy'] },
    ];
    const held = (query: string) => {
      const terms = queryTerms(query);
      return tagsHoldingEachWord(tags, terms, terms, 'together');
    };
    expect(held('Van Chien')).toEqual(['people', 'organisation']);
    // The last word may be the start of a word of a name; a word before it may not.
    expect(held('Va Chi')).toEqual(['organisation']);
    expect(held('Hạnh')).toEqual([]);
  });
});

describe('credits', () => {
  /** Each credit of each version of the seed stories: the story, the version's language and the credit. */
  const credits = () =>
    archive.stories.flatMap((story) =>
      (['en', 'vi'] as const).flatMap((locale) =>
        Object.values(searchCredits(story, locale)).map((credit) => ({ story, locale, credit })),
      ),
    );

  it('should list a story by the name of whoever published, reported or translated it, with and without marks', () => {
    const all = credits();
    expect(all.some(({ credit }) => credit.entity?.startsWith('people:'))).toBe(true);
    for (const { story, locale, credit } of all) {
      for (const query of [credit.name, foldText(credit.name), credit.name.toUpperCase()])
        expect(search([locale], query), `${locale}: ${query}`).toContain(story.id);
    }
  });

  it('should list it by every name of the registry entry a credit names, in either language', () => {
    const linked = credits().filter(({ credit }) => credit.entity !== undefined);
    expect(linked.length).toBeGreaterThan(0);
    for (const { story, locale, credit } of linked) {
      const entity = entities.find((each) => entityKey(each.kind, each.id) === credit.entity);
      for (const name of [entity?.name.en, entity?.name.vi, ...(entity?.aliases ?? [])])
        expect(search([locale], name ?? ''), `${locale}: ${name}`).toContain(story.id);
    }
  });

  it("should list it, as typed, by a credit's registry name with a word of its title", () => {
    const linked = credits().filter(({ credit }) => credit.entity !== undefined);
    let checked = 0;
    for (const { story, locale, credit } of linked) {
      const title = story.articles[locale]?.title ?? '';
      // The title's longest word: no word of the credit's name, and not the title's run with the name.
      const word = [...(title.match(/[\p{L}\p{N}]+/gu) ?? [])].sort((a, b) => b.length - a.length)[0] ?? '';
      const entity = entities.find((each) => entityKey(each.kind, each.id) === credit.entity);
      for (const name of [entity?.name[locale] ?? credit.name, credit.name]) {
        const query = `${name} ${word}`;
        const found = searchStories([language(locale)], entities, tagged, query);
        expect(found.loose, `${locale}: ${query}`).toBe(false);
        expect(
          found.hits.map((hit) => storyAt(hit.story)?.id),
          `${locale}: ${query}`,
        ).toContain(story.id);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('should not list a version that credits no one by the name, nor by a name typed with other marks', () => {
    // A person credited in one language only (a translator): the other version is not theirs.
    const translated = credits().filter(
      ({ story, locale, credit }) =>
        credit.entity?.startsWith('people:') &&
        (['en', 'vi'] as const).some((other) => {
          const credited = Object.values(searchCredits(story, other));
          return other !== locale && story.articles[other] && !credited.some((each) => each.entity === credit.entity);
        }),
    );
    expect(translated.length).toBeGreaterThan(0);
    for (const { story, locale, credit } of translated) {
      const other = locale === 'en' ? 'vi' : 'en';
      expect(search([other], credit.name), `${other}: ${credit.name}`).not.toContain(story.id);
    }
    // "Văn Chiến" with the marks of another word is not the reporter: at most a looser match.
    const reporter = credits().find(({ credit }) => credit.name === 'Văn Chiến');
    expect(search(['vi'], 'Văn Chiến')).toContain(reporter?.story.id);
    const otherMarks = searchStories([language('vi')], entities, tagged, 'Vân Chiến');
    expect(otherMarks.loose).toBe(true);
  });
});

describe('names across languages', () => {
  it('should find "Hà Nội" stories by "hanoi" and "Công ước Hà Nội" by "Hanoi Convention"', () => {
    expect(search(['vi'], 'hanoi')[0]).toBe('hanoi-convention-rehearsal');
    expect(search(['vi'], 'Hanoi Convention')[0]).toBe('hanoi-convention-rehearsal');
    expect(search(['en'], 'Công ước Hà Nội')[0]).toBe('hanoi-convention-rehearsal');
  });
});

describe('entities', () => {
  it.each([
    ['Lê Dũng', 'people', 'le-dung'],
    ['le dung', 'people', 'le-dung'],
    ['BTL 86', 'organisations', 'command-86'],
    ['Bộ Quốc phòng', 'organisations', 'ministry-of-national-defence'],
    ['MND', 'organisations', 'ministry-of-national-defence'],
    ['Cuba', 'organisations', 'cuban-revolutionary-armed-forces'],
    ['Vietnam Peoples Army', 'organisations', 'vietnam-peoples-army'],
    ['Vietnam People Army', 'organisations', 'vietnam-peoples-army'],
    ['Peoples Army Newspaper', 'organisations', 'peoples-army-newspaper'],
  ] as const)('should suggest the entity "%s" names and rank its stories first', (query, kind, id) => {
    const suggested = matchEntities(query, entities).map((entity) => `${entity.kind}:${entity.id}`);
    expect(suggested[0]).toBe(`${kind}:${id}`);
    const tagged = storiesTagged(kind, id);
    for (const locale of ['en', 'vi'] as const) {
      expect(search([locale], query).slice(0, tagged.length).sort()).toEqual([...tagged].sort());
    }
  });

  it("should list the stories tagged with an entity the query names, though no story has the query's other words", async () => {
    const extra = { en: 'memoirs', vi: 'hồi ký' } as const;
    // The other words are in no story, or the results could hold them as typed.
    const texts = archive.stories.flatMap((story) => Object.values(story.articles));
    for (const words of Object.values(extra))
      expect(
        texts.some((text) => foldText(`${text.title} ${text.summary} ${text.text}`).includes(foldText(words))),
      ).toBe(false);
    const client = filesClient();
    let checked = 0;
    for (const entity of entities) {
      const stories = storiesTagged(entity.kind, entity.id);
      for (const locale of ['en', 'vi'] as const) {
        const inLanguage = stories.filter((id) => archive.stories.find((story) => story.id === id)?.articles[locale]);
        if (inLanguage.length === 0) continue;
        for (const name of [entity.name[locale], ...entity.aliases].flatMap(nameAsTyped)) {
          // Before the name, so that they are whole words, not the start of one still being typed.
          const query = `${extra[locale]} ${name}`;
          const prepared = await client.prepare([locale], query);
          const { hits } = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
          const key = entityKey(entity.kind, entity.id);
          // And suggested, as the name alone is.
          expect(matchEntities(query, entities), `${locale}: ${query}`).toContain(entity);
          expect(hits.map((hit) => storyId(hit.story)).sort(), `${locale}: ${query}`).toEqual(
            expect.arrayContaining(inLanguage),
          );
          // Each is there for a tag the query names, in the language searched.
          expect(
            hits.every((hit) => hit.tags.length > 0 && hit.locale === locale),
            `${locale}: ${query}`,
          ).toBe(true);
          expect(hits.filter((hit) => hit.tags.includes(key)).length, `${locale}: ${query}`).toBe(inLanguage.length);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it("should list a story tagged with a name the query holds after every story with the query's words", () => {
    const person = syntheticPerson('le-dung', 'Le Dung', 'Lê Dũng');
    const docs = syntheticDocs({
      'tagged-with-words': 'Lê Dũng thăm hữu nghị Bộ Tư lệnh 86',
      'untagged-with-words': 'Đoàn của Lê Dũng thăm hữu nghị Hà Nội',
      'tagged-alone': 'Tướng Cuba hội đàm',
      'untagged-alone': 'Hội nghị an ninh mạng',
    }).map((doc) => (doc.id.startsWith('tagged') ? { ...doc, people: ['le-dung'] } : doc));
    const index = buildSearchIndex(docs, [person]);
    const key = entityKey('people', 'le-dung');
    const taggedNumbers = new Map([
      [key, new Set(docs.filter((doc) => doc.people.length > 0).map((doc) => doc.number))],
    ]);
    const { hits, loose } = searchStories([{ locale: 'vi', index }], [person], taggedNumbers, 'Lê Dũng thăm hữu nghị');
    const ids = hits.map((hit) => docs.find((doc) => doc.number === hit.story)?.id);
    expect(loose).toBe(false);
    expect(ids).toEqual(['tagged-with-words', 'untagged-with-words', 'tagged-alone']);
  });

  it('should suggest nothing for a word that names no entity', () => {
    expect(matchEntities('rehearsal', entities)).toEqual([]);
  });
});

describe('languages', () => {
  it('should list a story once when both languages are searched, in the first language', () => {
    const both = searchStories([language('vi'), language('en')], entities, tagged, 'Command 86').hits;
    const numbers = both.map((hit) => hit.story);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(both.some((hit) => hit.locale === 'vi')).toBe(true);
    expect(both.every((hit) => hit.locale === 'vi' || !storyAt(hit.story)?.articles.vi)).toBe(true);
  });

  it('should list a story in a later language when only that one holds the words as typed', () => {
    const en = syntheticDocs({ general: 'General Le Dung visited', scattered: 'Dung and Le visited' }, 'en');
    const vi = syntheticDocs({ general: 'Tướng Lê Dũng đến thăm', scattered: 'Dũng và Lê đến thăm' }, 'vi');
    const languages = [en, vi].map((docs) => ({ locale: docs[0]?.locale ?? 'en', index: buildSearchIndex(docs, []) }));
    const found = searchStories(languages, [], new Map(), 'Lê Dũng');
    // Held as typed only in Vietnamese: listed so. Held apart in both: listed apart in the first language.
    expect(found.hits.map((hit) => [hit.story, hit.locale])).toEqual([[0, 'vi']]);
    expect(found.apart.map((hit) => [hit.story, hit.locale])).toEqual([[1, 'en']]);
  });
});

describe('a story in one language only', () => {
  it('should appear, in its own language, once the reader adds that language', () => {
    const vi = syntheticDocs({ both: 'Công ước Hà Nội' });
    const en = syntheticDocs({ both: 'Hanoi Convention', 'english-only': 'Hanoi Convention signed' }, 'en');
    expect(searchSynthetic([vi], 'hanoi')).toEqual(['both']);
    const loaded = [vi, en].map((docs) => ({ locale: docs[0]?.locale ?? 'vi', index: buildSearchIndex(docs, []) }));
    const both = searchStories(loaded, [], new Map(), 'hanoi').hits;
    expect(both.map((hit) => [hit.story, hit.locale]).sort()).toEqual([
      [0, 'vi'],
      [1, 'en'],
    ]);
  });
});

describe('facets', () => {
  it('should count each value over the hits and narrow the hits to a selected value', () => {
    const { hits } = searchStories([language('en')], entities, tagged, 'Command 86');
    const facetsOf = storyFacets({ tagged, years: yearRanges(archive) });
    const counts = facetCounts(hits, facetsOf);
    expect(counts.topics.length).toBeGreaterThan(0);
    for (const [topic, count] of counts.topics) {
      expect(hits.filter((hit) => storyAt(hit.story)?.topics.includes(topic)).length).toBe(count);
      expect(applyFacets(hits, { topics: topic }, facetsOf).length).toBe(count);
    }
    const [year, yearCount] = counts.year[0] ?? ['', 0];
    expect(applyFacets(hits, { year }, facetsOf).every((hit) => storyAt(hit.story)?.date.startsWith(year))).toBe(true);
    expect(applyFacets(hits, { year }, facetsOf).length).toBe(yearCount);
    expect(counts.topics.map(([, count]) => count)).toEqual(
      [...counts.topics.map(([, count]) => count)].sort((a, b) => b - a),
    );
  });
});

const QUERIES = [
  'trinh van quyet',
  'Trịnh Văn Quyết',
  'Bộ Quốc phòng',
  'hano',
  'Hanoi Convention',
  'chuyen doi so',
  'Cuba',
  'Hạnh',
  'BTL 86',
  'le dung',
  'digital transformation',
  'd',
  'ngu',
  'Command 86 cyberspace',
  'Viet Nam',
  'cyber space',
  'cu ba',
  'Viet Nam News Agency',
  'the cyber space command',
  '23 October 2025',
  'ngày 23/10/2025',
];
/** Queries with words in another English form than the stories': the Vietnamese stories have none of them. */
const ENGLISH_FORM_QUERIES = [
  'Hanoi Conventions',
  'visited Command 86',
  'rehearsals for Hanoi Convention',
  'Defence leader',
  'Ministry of National Defense',
];

describe('the index in shards', () => {
  it('should find every term of the index in the shard its first term names', () => {
    const { starts, shards } = shardIndex(
      postingsOfExport({
        'title.1.map': JSON.stringify([
          ['a', [[0]]],
          ['b', [[1]]],
          ['c', [[2]]],
        ]),
      }),
      10,
    );
    expect(starts).toEqual(['a', 'b', 'c']);
    expect(JSON.parse(shards[shardOf('b', starts)] ?? '{}')).toEqual({ title: [['b', [[1]]]] });
    expect(shardOf('bz', starts)).toBe(1);
    expect(shardOf('0', starts)).toBe(0);
    expect(() => postingsOfExport({ 'title.1.ctx': '[]' })).toThrow('title.1.ctx');
  });

  it("should keep a Vietnamese word's marked forms in the shard of its bare form or the next one", async () => {
    const { files } = await buildSearchFiles(archive, { shardBytes: 2_000 });
    const { shards: starts } = SearchManifestSchema.parse(JSON.parse(String(files.get(searchManifestUrl('vi')))));
    const terms = starts.flatMap((_, shard) => {
      const held = JSON.parse(String(files.get(searchShardUrl('vi', shard)))) as Record<string, [string][]>;
      return Object.values(held).flatMap((postings) => postings.map(([term]) => ({ term, shard })));
    });
    const marked = terms.filter(({ term }) => foldText(term) !== term);
    expect(marked.length).toBeGreaterThan(100);
    for (const { term, shard } of marked) {
      expect(shardOf(term, starts), term).toBe(shard);
      expect(shard - shardOf(foldText(term), starts), term).toBeGreaterThanOrEqual(0);
      expect(shard - shardOf(foldText(term), starts), term).toBeLessThanOrEqual(1);
    }
  });

  it('should give the same results from the built files as from the whole index in memory', async () => {
    const client = filesClient();
    let found = 0;
    for (const locale of ['en', 'vi'] as const) {
      for (const query of QUERIES) {
        const prepared = await client.prepare([locale], query);
        const results = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
        expect(results, `${locale}: ${query}`).toEqual(
          searchStories([completing(locale, query)], entities, tagged, query),
        );
        if (results.hits.length > 0) found++;
      }
    }
    expect(found).toBeGreaterThanOrEqual(2 * QUERIES.length - 2);
    for (const query of ENGLISH_FORM_QUERIES) {
      const prepared = await client.prepare(['en'], query);
      const results = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
      expect(results, query).toEqual(searchStories([completing('en', query)], entities, tagged, query));
      expect(results.hits.length, query).toBeGreaterThan(0);
    }
    // A month or day after other words is looked up by its own term, which only the shard that holds it has.
    expect(queryLookupTerms('Hanoi Convention October 2025')).toContain('october2025');
    expect(queryLookupTerms('tổng duyệt ngày 23/10/2025')).toContain('23102025');
    for (const [locale, query] of [
      ['en', 'Hanoi Convention October 2025'],
      ['en', 'rehearsal on 23 October 2025'],
      ['vi', 'tổng duyệt tháng 10/2025'],
    ] as const) {
      const prepared = await client.prepare([locale], query);
      const results = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
      expect(results, query).toEqual(searchStories([completing(locale, query)], entities, tagged, query));
      expect(results.hits.length, query).toBeGreaterThan(0);
    }
    const both = await client.prepare(['vi', 'en'], 'Hanoi Convention');
    expect(searchStories(both.languages, both.entities, both.tagged, 'Hanoi Convention')).toEqual(
      searchStories(
        [completing('vi', 'Hanoi Convention'), completing('en', 'Hanoi Convention')],
        entities,
        tagged,
        'Hanoi Convention',
      ),
    );
    expect(searchStories([language('vi')], entities, tagged, 'trinh van quyet').hits.length).toBeGreaterThan(0);
  });

  it('should fetch the words with their marks of a completed query, as the whole index has them', async () => {
    // A pair of words with diacritics sorts beside its bare pair, but may fall in the next shard: "công tá" completed
    // to "công tác" needs the pair "côngtác" too, which the bare words of the completion do not lead to.
    const { shards: starts } = SearchManifestSchema.parse(JSON.parse(files.get(searchManifestUrl('vi')) ?? 'null'));
    const queries = new Set<string>();
    for (const story of archive.stories) {
      const words = (story.articles.vi?.text.match(/[\p{L}\p{M}]+/gu) ?? []).map(markedText);
      for (const [at, first] of words.entries()) {
        const second = words[at + 1] ?? '';
        const pair = `${first}${second}`;
        if (foldText(first) === first || second.length < 3 || foldText(second.slice(0, -1)) === second.slice(0, -1))
          continue;
        if (shardOf(pair, starts) !== shardOf(foldText(pair), starts)) queries.add(`${first} ${second.slice(0, -1)}`);
      }
    }
    expect(queries.size).toBeGreaterThan(0);
    for (const query of queries) {
      // A client that has fetched nothing else.
      const prepared = await filesClient().prepare(['vi'], query);
      const results = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
      expect(results, query).toEqual(searchStories([completing('vi', query)], entities, tagged, query));
    }
  });

  it("should look up a word's other English forms, and a Vietnamese syllable's none", () => {
    expect(queryLookupTerms('Hanoi Conventions')).toEqual(expect.arrayContaining(['convention', 'hanoi']));
    expect(queryLookupTerms('visited')).toEqual(expect.arrayContaining(['visit', 'visits', 'visiting']));
    expect(queryLookupTerms('truong')).toEqual(['truong']);
  });

  it("should fetch only the shards of the query's terms, each once", async () => {
    fetched = [];
    const client = filesClient();
    await client.prepare(['en'], 'rehearsal');
    const shardFiles = fetched.filter((url) => url.startsWith('/search/en/terms/'));
    const allShards = [...files.keys()].filter((url) => url.startsWith('/search/en/terms/'));
    expect(allShards.length).toBeGreaterThan(10);
    expect(shardFiles.length).toBeGreaterThan(0);
    expect(shardFiles.length).toBeLessThanOrEqual(queryLookupTerms('rehearsal').length);
    expect(fetched.some((url) => url.startsWith('/search/vi/'))).toBe(false);
    await client.prepare(['en'], 'rehearsal');
    expect(fetched.filter((url) => url.startsWith('/search/en/terms/'))).toEqual(shardFiles);
  });

  it('should fetch the tag lists of the entities a query names, or all of them for many', async () => {
    fetched = [];
    const client = filesClient();
    const prepared = await client.prepare(['vi'], 'Lê Dũng');
    const tagged = [...(prepared.tagged.get(entityKey('people', 'le-dung')) ?? [])];
    expect(new Set(tagged.map((number) => storyOfNumber(archive, number)?.id))).toEqual(
      new Set(storiesTagged('people', 'le-dung')),
    );
    expect(fetched).toContain('/search/tagged/people/le-dung.json');
    expect(fetched).not.toContain('/search/tagged.json');
  });

  it("should ask for the language's manifest before the registry, which the shards do not wait for", async () => {
    fetched = [];
    await filesClient().prepare(['en'], 'rehearsal');
    expect(fetched.indexOf(searchManifestUrl('en'))).toBeGreaterThanOrEqual(0);
    expect(fetched.indexOf(searchManifestUrl('en'))).toBeLessThan(fetched.indexOf('/search/entities.json'));
  });

  it('should ask for the tag lists of the named entities without waiting for the shards', async () => {
    const asked: string[] = [];
    let answerShards: () => void = () => {};
    const shardsHeld = new Promise<void>((resolve) => (answerShards = resolve));
    const client = createSearchClient(async (url) => {
      asked.push(url);
      if (url.startsWith('/search/vi/terms/')) await shardsHeld;
      const text = files.get(url);
      if (text === undefined) throw new Error(`${url}: 404`);
      return text;
    });
    const prepared = client.prepare(['vi'], 'Lê Dũng');
    await vi.waitFor(() => expect(asked).toContain('/search/tagged/people/le-dung.json'));
    expect(asked.some((url) => url.startsWith('/search/vi/terms/'))).toBe(true);
    answerShards();
    expect((await prepared).tagged.has(entityKey('people', 'le-dung'))).toBe(true);
  });

  it('should complete an open word again once a file it needs arrives after failing', async () => {
    const failed: string[] = [];
    const client = createSearchClient(async (url) => {
      if (url.includes('/words/') && failed.length === 0) {
        failed.push(url);
        throw new Error(`${url}: 503`);
      }
      const text = files.get(url);
      if (text === undefined) throw new Error(`${url}: 404`);
      return text;
    });
    await expect(client.prepare(['en'], 'cyberspa')).rejects.toThrow('503');
    expect(failed).toHaveLength(1);
    const [language] = (await client.prepare(['en'], 'cyberspa')).languages;
    expect(language?.completions).toEqual(completing('en', 'cyberspa').completions);
    expect(language?.completions).toContain('cyberspace');
  });

  it('should answer a query naming an entity that no story is tagged with yet', async () => {
    const [person] = archive.people;
    if (!person) throw new Error('no people');
    const untagged = { ...person, id: 'nobody-yet', name: { en: 'Zebulon Quartz', vi: 'Zebulon Quartz' }, aliases: [] };
    const { files: withUntagged } = await buildSearchFiles({ ...archive, people: [...archive.people, untagged] });
    const client = createSearchClient(async (url) => {
      const text = withUntagged.get(url);
      if (text === undefined) throw new Error(`${url}: 404`);
      return text;
    });
    const prepared = await client.prepare(['en'], 'Zebulon Quartz');
    expect(prepared.tagged.get(entityKey('people', 'nobody-yet'))).toEqual(new Set());
    expect(searchStories(prepared.languages, prepared.entities, prepared.tagged, 'Zebulon Quartz').hits).toEqual([]);
  });

  it('should give result cards and facet data for the hits', async () => {
    const client = filesClient();
    const prepared = await client.prepare(['en'], 'Cuba');
    const { hits } = searchStories(prepared.languages, prepared.entities, prepared.tagged, 'Cuba');
    const cards = await client.cards(hits);
    expect(cards.map((card) => card.id)).toEqual(hits.map((hit) => storyId(hit.story)));
    expect(cards.every((card) => card.locale === 'en' && card.text.length > 0)).toBe(true);
    const facets = await client.facets('en');
    expect(facetCounts(hits, storyFacets(facets))).toEqual(
      facetCounts(hits, storyFacets({ tagged, years: yearRanges(archive) })),
    );
  });
});

describe('search files that do not have the shape the client expects', () => {
  /** A client over the built files, with one file's text replaced. */
  const clientWith = (url: string, text: string) =>
    createSearchClient(async (wanted) => (wanted === url ? text : builtFile(wanted)));
  const builtFile = (url: string): string => files.get(url) ?? 'null';
  const cardOf = ({ text, ...fields }: Record<string, unknown>) => `${JSON.stringify(fields)}\n${String(text)}`;

  it('should read a result card as its fields and its text, with the text exactly as the story has it', async () => {
    const url = searchCardUrl('en', 0);
    const card = readCardFile(builtFile(url)) as SearchDoc;
    const hit: SearchHit = { story: 0, locale: 'en', score: 1, tags: [] };
    expect(card.text).toBe(searchDocuments(archive, 'en').find((doc) => doc.number === 0)?.text);
    await expect(clientWith(url, builtFile(url)).cards([hit])).resolves.toEqual([card]);
    // Line breaks, quotes, backslashes and markup in the text are text: only the first line break ends the fields.
    const awkward = 'Line one.\n\n"Quoted" \\ {"id":"x"}\n</script><script>alert(1)</script>\u2028';
    await expect(clientWith(url, cardOf({ ...card, text: awkward })).cards([hit])).resolves.toEqual([
      { ...card, text: awkward },
    ]);
  });

  it('should reject a result card with a malformed id, date or number, or without its text, and say so', async () => {
    const url = searchCardUrl('en', 0);
    const card = readCardFile(builtFile(url)) as SearchDoc;
    const hit: SearchHit = { story: 0, locale: 'en', score: 1, tags: [] };
    for (const broken of [
      cardOf({ ...card, id: 'Not An Id' }),
      cardOf({ ...card, date: '2025-13' }),
      cardOf({ ...card, number: -1 }),
      JSON.stringify(card),
      `null\n${card.text}`,
      `[1,2]\n${card.text}`,
      `{"id":\n${card.text}`,
    ]) {
      await expect(clientWith(url, broken).cards([hit])).rejects.toThrow();
    }
  });

  it('should reject a manifest whose shard list or story count is malformed', async () => {
    const url = searchManifestUrl('en');
    const manifest = JSON.parse(builtFile(url)) as SearchManifest;
    for (const broken of [
      { ...manifest, stories: 1.5 },
      { ...manifest, shards: [1, 2] },
      { ...manifest, years: [[2025, 0]] },
    ]) {
      await expect(clientWith(url, JSON.stringify(broken)).manifest('en')).rejects.toThrow();
    }
  });
});

/**
 * A name whole and, when it has two words or more, as it is typed after its first word: its second word's first letter,
 * and all but its last letter.
 */
function nameAsTyped(name: string): string[] {
  const second = name.indexOf(' ') + 2;
  return second < 2 || second >= name.length ? [name] : [...new Set([name, name.slice(0, second), name.slice(0, -1)])];
}

describe('highlight and snippet', () => {
  it("should find the run of a query's words that is a name whole, with its marks as typed", () => {
    const names = ['Lương Cường', 'Luong Cuong'];
    const words = (run: Syllable[] | undefined) => run?.map((word) => word.written).join(' ');
    expect(words(namingRun(queryTerms('hồi ký Lương Cường'), names))).toBe('lương cường');
    expect(words(namingRun(queryTerms('luong cuong memoirs'), names))).toBe('luong cuong');
    // The last word may be the start of the name's last; a word before it may not.
    expect(words(namingRun(queryTerms('hồi ký Lương Cườ'), names))).toBe('lương cườ');
    expect(namingRun(queryTerms('Lương Cườ ký'), names)).toBeUndefined();
    // Marks typed are marks meant: "Lượng" names no one here.
    expect(namingRun(queryTerms('Lượng Cường'), names)).toBeUndefined();
    expect(namingRun(queryTerms('Cường'), names)).toBeUndefined();
    // At the query's end, two words or more of a longer name as the reader types it; elsewhere the name whole.
    const command = ['Bộ Tư lệnh 86'];
    expect(words(namingRun(queryTerms('gặp Bộ Tư l'), command))).toBe('bộ tư l');
    expect(words(namingRun(queryTerms('gặp Bộ Tư'), command))).toBe('bộ tư');
    expect(namingRun(queryTerms('gặp Bộ'), command)).toBeUndefined();
    expect(namingRun(queryTerms('Bộ Tư lệnh gặp'), command)).toBeUndefined();
  });

  it("should mark the runs besides a name where the text holds each, and the name's words once", () => {
    const text = 'President Luong Cuong inspects the rehearsal of the signing ceremony';
    const shown = (query: string, name: string) => {
      const terms = queryTerms(query);
      const named = namingRun(terms, [name]) ?? [];
      const at = terms.indexOf(named[0] as Syllable);
      const besides = [terms.slice(0, at), terms.slice(at + named.length)].filter((run) => run.length > 0);
      return highlight(text, named, 'together', besides)
        .filter((part) => part.match)
        .map((part) => part.text);
    };
    expect(shown('Luong Cuong rehearsal', 'Luong Cuong')).toEqual(['Luong Cuong', 'rehearsal']);
    expect(shown('signing ceremony Luong Cuong', 'Luong Cuong')).toEqual(['Luong Cuong', 'signing ceremony']);
    // A run the text holds only apart is not marked as one.
    expect(shown('Luong Cuong ceremony signing', 'Luong Cuong')).toEqual(['Luong Cuong']);
    expect(shown('President Luong Cuong', 'Luong Cuong')).toEqual(['President', 'Luong Cuong']);
  });

  it('should mark whole words of any term and the start of words for the last term when the words are apart', () => {
    expect(marked('Dũng và lễ của Lê', 'le dun', 'apart')).toEqual(['Dũng', 'lễ', 'Lê']);
    expect(marked('Dũng và lễ của Lê', 'Lê dun', 'apart')).toEqual(['Dũng', 'Lê']);
  });

  it('should mark a phrase that matched together as one part, and not its words elsewhere', () => {
    const text = 'Bộ Tư lệnh 86 báo cáo Bộ Quốc phòng; Thiếu tướng Lê Dũng và lễ xây dựng';
    expect(marked(text, 'Bộ Quốc phòng', 'together')).toEqual(['Bộ Quốc phòng']);
    expect(marked(text, 'le dung', 'together')).toEqual(['Lê Dũng']);
    expect(marked(text, 'le dun', 'together')).toEqual(['Lê Dũng']);
  });

  it('should count the marked words that are typed words whole, not words a typed word only starts', () => {
    const terms = queryTerms('UN');
    expect(wholeWordsShown(highlight('The UN Convention of the United Nations', terms, 'together'), terms)).toBe(1);
    expect(wholeWordsShown(highlight('The United Nations', terms, 'together'), terms)).toBe(0);
    // Typed apart, as an abbreviation is written with its stops.
    for (const query of ['U.N.', 'U N']) {
      const apart = queryTerms(query);
      expect(wholeWordsShown(highlight('The UN Convention', apart, 'together'), apart), query).toBe(1);
      expect(wholeWordsShown(highlight('The United Nations', apart, 'together'), apart), query).toBe(0);
    }
  });

  it('should cut the snippet around the word as typed rather than a word it only starts', () => {
    const text = `Delegates of the United Nations met. ${'Other business took the morning. '.repeat(12)}The UN Convention was signed.`;
    const parts = snippet(text, queryTerms('UN'), 'together') ?? [];
    expect(parts.filter((part) => part.match).map((part) => part.text)).toContain('UN');
  });

  it('should never mark a word that only shares its letters with a word typed with marks', () => {
    expect(marked('Thiếu tướng Lê Dũng chỉ đạo xây dựng lực lượng', 'Dũng', 'together')).toEqual(['Dũng']);
    expect(marked('Vũ Hữu Hạnh thi hành nhiệm vụ', 'Vũ Hữu Hạnh', 'apart')).toEqual(['Vũ', 'Hữu', 'Hạnh']);
    expect(marked('hòa bình và hoà hợp', 'hoà', 'together')).toEqual(['hòa', 'hoà']);
  });

  it('should mark a word in its other English spelling as the word typed, together with the words around it', () => {
    const text = 'The Defense leader met the Ministry of National Defence and its organisation.';
    expect(marked(text, 'defence leader', 'together')).toEqual(['Defense leader']);
    expect(marked(text, 'national defense', 'together')).toEqual(['National Defence']);
    expect(marked(text, 'defense', 'together')).toEqual(['Defense', 'Defence']);
    // Another form is marked only where the story is listed apart.
    expect(marked(text, 'organizations', 'together')).toEqual([]);
    expect(marked(text, 'organizations', 'apart')).toEqual(['organisation']);
  });

  it('should name, unmarked, the words a story holds only with other marks than typed', () => {
    const named = (text: string, query: string) =>
      wordsInAnotherForm([text], highlight(text, queryTerms(query), 'apart'), queryTerms(query));
    const text = 'Lực lượng vũ trang tăng cường hợp tác với Lương Cường';
    // "Lương" is marked as typed, so only "Cương" is named, as the text first writes it.
    expect(named(text, 'Lương Cương')).toEqual(['cường']);
    expect(named('Lực lượng vũ trang tăng cường hợp tác', 'Lương Cương')).toEqual(['lượng', 'cường']);
    // A word typed without marks is marked in every form; a word no text holds in any form is not named.
    expect(named(text, 'luong cuong')).toEqual([]);
    expect(named(text, 'Lương Thịnh')).toEqual([]);
    // The last word may still be being typed, but a longer word with other marks is no form of it: another word.
    expect(named('tổng duyệt', 'tổng duyê')).toEqual([]);
    // A word the story also holds as typed, where the card does not show it, is not named.
    const shownPart = 'Muôn vạn vật';
    const parts = highlight(shownPart, queryTerms('Trịnh Văn'), 'apart');
    expect(wordsInAnotherForm([shownPart, 'Ông Trịnh ký văn bản'], parts, queryTerms('Trịnh Văn'))).toEqual([]);
    expect(wordsInAnotherForm([shownPart, 'Ông Trịnh ký'], parts, queryTerms('Trịnh Văn'))).toEqual(['vạn']);
  });

  it('should write a query as the text holds it together when its marks differ from what was typed', () => {
    const written = (texts: string[], query: string) => writtenInText(texts, queryTerms(query));
    expect(written(['Bộ Tư lệnh 86 và Lực lượng', 'thăm Lương Cường'], 'Lương Cương')).toBe('Lương Cường');
    expect(written(['thúc đẩy chuyển\nđổi số'], 'chuyên đổi số')).toBe('chuyển đổi số');
    expect(written(['Convention in Hanoi'], 'Hà Nôi')).toBe('Hanoi');
    // Nothing to offer: the words as typed, words typed without marks, or words the texts hold only apart.
    expect(written(['Lương Cường'], 'Lương Cường')).toBeNull();
    expect(written(['Lương Cường'], 'luong cuong')).toBeNull();
    expect(written(['Lương và Cường'], 'Lương Cương')).toBeNull();
  });

  it("should offer the seed stories' own spelling of a name typed with wrong marks", () => {
    const texts = archive.stories.flatMap((story) => {
      const article = story.articles.vi;
      return article ? [article.title, article.summary, article.text] : [];
    });
    const person = archive.people.find((entity) => entity.id === 'luong-cuong');
    expect(person?.name.vi).toBe('Lương Cường');
    expect(writtenInText(texts, queryTerms('Lương Cương'))).toBe('Lương Cường');
    expect(writtenInText(texts, queryTerms('hà nôi'))).toBe('Hà Nội');
  });

  it('should mark two syllables written together by a word typed without marks, as search finds them', () => {
    const text = 'Chủ tịch nước Lương Cường thăm Hà Nội và dữ liệu cá nhân';
    expect(marked(text, 'luongcuong', 'together')).toEqual(['Lương Cường']);
    expect(marked(text, 'hanoi', 'apart')).toEqual(['Hà Nội']);
    // A word that only starts two syllables written together is not one of them.
    expect(marked(text, 'canh', 'together')).toEqual([]);
    expect(marked(text, 'hànội', 'together')).toEqual([]);
  });

  it('should mark a word of the text that holds two words typed apart without marks', () => {
    const text = 'Vietnam and Cuba held a cyberspace drill; Viet Nam News and cụ bà reported it';
    expect(marked(text, 'viet nam', 'together')).toEqual(['Vietnam', 'Viet Nam']);
    expect(marked(text, 'cyber spa', 'together')).toEqual(['cyberspace']);
    expect(marked(text, 'viet nam news', 'together')).toEqual(['Viet Nam News']);
    expect(marked(text, 'cu ba', 'together')).toEqual(['Cuba', 'cụ bà']);
    expect(marked(text, 'cyber space', 'apart')).toEqual(['cyberspace']);
    // With marks typed, only those syllables.
    expect(marked(text, 'Cụ bà', 'together')).toEqual(['cụ bà']);
  });

  it('should mark the words a letter typed alone starts, and never one letter among other words', () => {
    const text = "Defense leaders of the People's Army discuss digital security";
    expect(marked(text, 'd', 'together')).toEqual(['Defense', 'discuss', 'digital']);
    expect(marked(text, 'people s', 'apart')).toEqual(['People']);
    expect(showsEveryWord(highlight(text, queryTerms('d'), 'together'), queryTerms('d'))).toBe(true);
    // Letters alone, with no word among them, are what a story was found by: marked, the last as a start.
    expect(marked('A plan and a map', 'a a a', 'apart')).toEqual(['A', 'and', 'a']);
  });

  it("should mark a last word's other English spelling as the start of a word, as search finds it", () => {
    const text = 'The teams defended the data centres of the command.';
    expect(marked(text, 'data center', 'together')).toEqual(['data centres']);
    expect(marked(text, 'center', 'together')).toEqual(['centres']);
    // Before the last word, the other spelling is that word whole.
    expect(marked(text, 'data center of', 'together')).toEqual([]);
  });

  it('should count a word marked in its other English spelling as a typed word whole', () => {
    const terms = queryTerms('cyber defense');
    expect(wholeWordsShown(highlight('They rehearsed the cyber defence.', terms, 'together'), terms)).toBe(2);
  });

  it("should mark a word's other English forms only in a story listed apart", () => {
    const text = 'The conventions were signed at the Hanoi Convention ceremony';
    expect(marked(text, 'Hanoi Conventions', 'apart')).toEqual(['conventions', 'Hanoi', 'Convention']);
    expect(marked(text, 'convention', 'together')).toEqual(['conventions', 'Convention']);
    expect(marked(text, 'signing ceremonies', 'apart')).toEqual(['signed', 'ceremony']);
    expect(marked(text, 'signing ceremonies', 'together')).toEqual([]);
  });

  it('should mark the two words of an apostrophe\'s "s" typed as one word', () => {
    const text = "The Vietnam People's Army and the people of Cuba";
    expect(marked(text, 'vietnam peoples army', 'together')).toEqual(["Vietnam People's Army"]);
    expect(marked(text, 'peoples', 'together')).toEqual(["People's"]);
    // Listed apart, a story shows the word's other English forms too: "people" is one of "peoples".
    expect(marked(text, 'peoples', 'apart')).toEqual(["People's", 'people']);
  });

  it('should cut a snippet where the most of the words typed apart are near one another', () => {
    const text = `The head of the unit spoke. ${'Drills went on. '.repeat(20)}The Ministry of National Defence met.`;
    const shown = (snippet(text, queryTerms('Ministry of Defence'), 'apart') ?? []).filter((part) => part.match);
    expect(shown.map((part) => part.text)).toEqual(['Ministry', 'of', 'Defence']);
  });

  it('should tell whether the marks show every typed word, however they are spaced', () => {
    const text = "The Ministry of National Defense and the Vietnam People's Army met in Hà Nội";
    const shows = (query: string, kind: MatchKind) =>
      showsEveryWord(highlight(text, queryTerms(query), kind), queryTerms(query));
    expect(shows('Ministry of Finance', 'apart')).toBe(false);
    expect(shows('Ministry of Defence', 'together')).toBe(false);
    expect(shows('Ministry of', 'apart')).toBe(true);
    expect(shows('viet nam peoples army', 'together')).toBe(true);
    expect(shows('hanoi', 'apart')).toBe(true);
    // Listed apart, a word's other English form shows it ("Defense" for "defenses"); found as typed, it does not.
    expect(shows('defenses', 'apart')).toBe(true);
    expect(shows('defenses', 'together')).toBe(false);
  });

  it('should tell whether a name holds the typed words, anywhere in it, as search finds a story by its names', () => {
    const holds = (name: string, query: string, kind: MatchKind = 'together') =>
      nameHolds(name, queryTerms(query), kind);
    expect(holds('Ministry of National Defence', 'Ministry of Defence')).toBe(true);
    expect(holds('Bộ Quốc phòng', 'quoc bo')).toBe(true);
    expect(holds('Bộ Quốc phòng', 'Bổ')).toBe(false);
    expect(holds('Le Van Hung', 'Hưng')).toBe(false);
    // In its other English spelling, the last word as a start; two words typed as one, or one typed as two.
    expect(holds('Ministry of National Defence', 'Ministry of Defense')).toBe(true);
    expect(holds('Test exercises', 'exercize')).toBe(true);
    expect(holds('Công ước Hà Nội', 'hanoi')).toBe(true);
    expect(holds('tpx.vn', 'tpxvn')).toBe(true);
    expect(holds('tpx.vn', 'tpxvn nam')).toBe(false);
    expect(holds('Cybersecurity', 'cyber security')).toBe(true);
    // Another English form, only where the story is listed apart.
    expect(holds('Test exercises', 'exercising')).toBe(false);
    expect(holds('Test exercises', 'exercising', 'apart')).toBe(true);
  });

  it('should cut a snippet around the first match with ellipses where text was left out', () => {
    const text = `${'mở đầu '.repeat(60)}Công ước Hà Nội ${'kết thúc '.repeat(60)}`;
    const parts = snippet(text, queryTerms('ha noi'), 'together') ?? [];
    expect(parts[0]?.text).toBe('… ');
    expect(parts[parts.length - 1]?.text).toBe(' …');
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['Hà Nội']);
    expect(snippet(text, queryTerms('cuba'), 'together')).toBeNull();
  });
});

describe('search state in the URL', () => {
  it('should read back what it wrote', () => {
    const state = {
      query: 'Lê Dũng & co',
      facets: { topics: 'command-86', year: '2022' },
      allLanguages: true,
      apart: true,
    };
    expect(readSearchState(writeSearchState(state))).toEqual(state);
    expect(writeSearchState({ query: '', facets: {}, allLanguages: false, apart: false })).toBe('');
  });

  it('should keep the list of stories holding the words apart open in the URL, and closed without it', () => {
    const closed = { query: 'Lê dung', facets: {}, allLanguages: false, apart: false };
    expect(writeSearchState({ ...closed, apart: true })).toBe('?q=L%C3%AA+dung&apart=1');
    expect(writeSearchState(closed)).toBe('?q=L%C3%AA+dung');
    expect(readSearchState('?q=L%C3%AA+dung&apart=1').apart).toBe(true);
    expect(readSearchState('?q=L%C3%AA+dung').apart).toBe(false);
  });
});
