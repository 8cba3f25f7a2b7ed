import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../lib/content/load';
import type { Locale } from '../../lib/i18n';
import { entityKey, searchDocuments, searchEntities, taggedStories, yearRanges, type SearchDoc, type SearchEntity } from '../../lib/search/documents';
import { highlight, queryTerms, snippet } from '../../lib/search/highlight';
import { createSearchClient, type SearchClient } from '../../lib/search/load';
import { applyFacets, facetCounts, matchEntities, searchStories, storyFacets, type SearchLanguage, type TaggedStories } from '../../lib/search/query';
import type { SearchManifest } from '../../lib/search/files';
import { buildSearchFiles } from '../../lib/search/search-files';
import { buildSearchIndex } from '../../lib/search/search-index';
import { exportedPostings } from '../../lib/search/postings';
import { queryLookupTerms, shardIndex, shardOf } from '../../lib/search/shards';
import { readSearchState, writeSearchState } from '../../lib/search/url-state';
import type { Archive } from '../../lib/schema';
import { searchCardUrl, searchManifestUrl } from '../../lib/urls';
import { foldedWords } from '../../lib/text-fold';

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

/** The story a search number names (numbers count from the oldest story). */
const storyAt = (number: number) => archive.stories[archive.stories.length - 1 - number];
const storyId = (number: number) => storyAt(number)?.id ?? `missing ${number}`;

/** Story ids of the hits, best first, over the whole in-memory index. */
function search(locales: Locale[], query: string): string[] {
  return searchStories(locales.map(language), entities, tagged, query).map((hit) => storyId(hit.story));
}

/** A client that reads the built files the way the browser fetches them. */
function filesClient(): SearchClient {
  return createSearchClient(async (url) => {
    fetched.push(url);
    const text = files.get(url);
    if (text === undefined) throw new Error(`${url}: 404`);
    return JSON.parse(text);
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
    languages[locale] = { locale, index: buildSearchIndex(searchDocuments(archive, locale), entities) };
  }
  // Small shards, so that the seed stories' index spans many files.
  files = (await buildSearchFiles(archive, { shardBytes: 2_000 })).files;
  fetched = [];
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
    text,
  }));
}

/** Ids of a synthetic search's hits, best first. */
function searchSynthetic(docs: readonly SearchDoc[][], query: string): string[] {
  const byNumber = (locale: Locale, number: number) => docs.flat().find((doc) => doc.locale === locale && doc.number === number)?.id;
  const loaded = docs.map((list) => ({ locale: list[0]?.locale ?? 'vi', index: buildSearchIndex(list, []) }));
  return searchStories(loaded, [], new Map(), query).map((hit) => byNumber(hit.locale, hit.story) ?? '?');
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
    const saysDuong = vi.filter((story) => foldedWords(`${story.articles.vi?.summary} ${story.articles.vi?.text}`).includes('duong')).map((story) => story.id);
    const saysOnlyTuong = vi.filter((story) => story.articles.vi?.text.includes('tướng') && !saysDuong.includes(story.id)).map((story) => story.id);
    expect(saysDuong.length).toBeGreaterThan(0);
    expect(saysOnlyTuong.length).toBeGreaterThan(0);
    expect(search(['vi'], 'duong').sort()).toEqual(saysDuong.sort());
    expect(search(['vi'], 'tuong')).toEqual(expect.arrayContaining(saysOnlyTuong));
    expect(searchSynthetic([syntheticDocs({ road: 'con đường mới', general: 'vị tướng già' })], 'duong')).toEqual(['road']);
  });

  it('should rank exact diacritics above folded matches when the reader typed them', () => {
    const synthetic = syntheticDocs({ grave: 'ông Hành đến', dot: 'ông Hạnh đến' });
    expect(searchSynthetic([synthetic], 'Hạnh')).toEqual(['dot', 'grave']);
    expect(searchSynthetic([synthetic], 'Hành')).toEqual(['grave', 'dot']);
  });

  it('should rank a name found as a phrase above its syllables scattered', () => {
    // The scattered one is the newer (higher number) and has both words earlier in its
    // text: only the phrase can put the other first.
    const synthetic = syntheticDocs({ phrase: 'Hôm qua tại thủ đô Hà Nội đã có ông Lê Dũng đến', scattered: 'Dũng và Lê đến Hà Nội' });
    expect(searchSynthetic([synthetic], 'le dung')).toEqual(['phrase', 'scattered']);
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
  ] as const)('should suggest the entity "%s" names and rank its stories first', (query, kind, id) => {
    const suggested = matchEntities(query, entities).map((entity) => `${entity.kind}:${entity.id}`);
    expect(suggested[0]).toBe(`${kind}:${id}`);
    const tagged = storiesTagged(kind, id);
    for (const locale of ['en', 'vi'] as const) {
      expect(search([locale], query).slice(0, tagged.length).sort()).toEqual([...tagged].sort());
    }
  });

  it('should suggest nothing for a word that names no entity', () => {
    expect(matchEntities('rehearsal', entities)).toEqual([]);
  });
});

describe('languages', () => {
  it('should list a story once when both languages are searched, in the first language', () => {
    const both = searchStories([language('vi'), language('en')], entities, tagged, 'Command 86');
    const numbers = both.map((hit) => hit.story);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(both.some((hit) => hit.locale === 'vi')).toBe(true);
    expect(both.every((hit) => hit.locale === 'vi' || !storyAt(hit.story)?.articles.vi)).toBe(true);
  });
});

describe('a story in one language only', () => {
  it('should appear, in its own language, once the reader adds that language', () => {
    const vi = syntheticDocs({ both: 'Công ước Hà Nội' });
    const en = syntheticDocs({ both: 'Hanoi Convention', 'english-only': 'Hanoi Convention signed' }, 'en');
    expect(searchSynthetic([vi], 'hanoi')).toEqual(['both']);
    const loaded = [vi, en].map((docs) => ({ locale: docs[0]?.locale ?? 'vi', index: buildSearchIndex(docs, []) }));
    const both = searchStories(loaded, [], new Map(), 'hanoi');
    expect(both.map((hit) => [hit.story, hit.locale]).sort()).toEqual([
      [0, 'vi'],
      [1, 'en'],
    ]);
  });
});

describe('facets', () => {
  it('should count each value over the hits and narrow the hits to a selected value', () => {
    const hits = searchStories([language('en')], entities, tagged, 'Command 86');
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
    expect(counts.topics.map(([, count]) => count)).toEqual([...counts.topics.map(([, count]) => count)].sort((a, b) => b - a));
  });
});

const QUERIES = ['trinh van quyet', 'Trịnh Văn Quyết', 'Bộ Quốc phòng', 'hano', 'Hanoi Convention', 'chuyen doi so', 'Cuba', 'Hạnh', 'BTL 86', 'le dung', 'digital transformation', 'd', 'ngu', 'Command 86 cyberspace'];

describe('the index in shards', () => {
  it('should find every term of the index in the shard its first term names', () => {
    const { starts, shards } = shardIndex(exportedPostings({ 'title.1.map': JSON.stringify([['a', [[0]]], ['b', [[1]]], ['c', [[2]]]]) }), 10);
    expect(starts).toEqual(['a', 'b', 'c']);
    expect(JSON.parse(shards[shardOf('b', starts)] ?? '{}')).toEqual({ title: [['b', [[1]]]] });
    expect(shardOf('bz', starts)).toBe(1);
    expect(shardOf('0', starts)).toBe(0);
    expect(() => exportedPostings({ 'title.1.ctx': '[]' })).toThrow('title.1.ctx');
  });

  it('should give the same results from the built files as from the whole index in memory', async () => {
    const client = filesClient();
    let found = 0;
    for (const locale of ['en', 'vi'] as const) {
      for (const query of QUERIES) {
        const prepared = await client.prepare([locale], query);
        const hits = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
        expect(hits, `${locale}: ${query}`).toEqual(searchStories([language(locale)], entities, tagged, query));
        if (hits.length > 0) found++;
      }
    }
    expect(found).toBeGreaterThanOrEqual(2 * QUERIES.length - 2);
    const both = await client.prepare(['vi', 'en'], 'Hanoi Convention');
    expect(searchStories(both.languages, both.entities, both.tagged, 'Hanoi Convention')).toEqual(searchStories([language('vi'), language('en')], entities, tagged, 'Hanoi Convention'));
    expect(searchStories([language('vi')], entities, tagged, 'trinh van quyet').length).toBeGreaterThan(0);
  });

  it('should fetch only the shards of the query\'s terms, each once', async () => {
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
    expect(prepared.tagged.get(entityKey('people', 'le-dung'))).toEqual(new Set(storiesTagged('people', 'le-dung').map((id) => archive.stories.length - 1 - archive.stories.findIndex((story) => story.id === id))));
    expect(fetched).toContain('/search/tagged/people/le-dung.json');
    expect(fetched).not.toContain('/search/tagged.json');
  });

  it('should answer a query naming an entity that no story is tagged with yet', async () => {
    const [person] = archive.people;
    if (!person) throw new Error('no people');
    const untagged = { ...person, id: 'nobody-yet', name: { en: 'Zebulon Quartz', vi: 'Zebulon Quartz' }, aliases: [] };
    const { files: withUntagged } = await buildSearchFiles({ ...archive, people: [...archive.people, untagged] });
    const client = createSearchClient(async (url) => {
      const text = withUntagged.get(url);
      if (text === undefined) throw new Error(`${url}: 404`);
      return JSON.parse(text);
    });
    const prepared = await client.prepare(['en'], 'Zebulon Quartz');
    expect(prepared.tagged.get(entityKey('people', 'nobody-yet'))).toEqual(new Set());
    expect(searchStories(prepared.languages, prepared.entities, prepared.tagged, 'Zebulon Quartz')).toEqual([]);
  });

  it('should give result cards and facet data for the hits', async () => {
    const client = filesClient();
    const prepared = await client.prepare(['en'], 'Cuba');
    const hits = searchStories(prepared.languages, prepared.entities, prepared.tagged, 'Cuba');
    const cards = await client.cards(hits);
    expect(cards.map((card) => card.id)).toEqual(hits.map((hit) => storyId(hit.story)));
    expect(cards.every((card) => card.locale === 'en' && card.text.length > 0)).toBe(true);
    const facets = await client.facets('en');
    expect(facetCounts(hits, storyFacets(facets))).toEqual(facetCounts(hits, storyFacets({ tagged, years: yearRanges(archive) })));
  });
});

describe('search files that do not have the shape the client expects', () => {
  /** A client over the built files, with one file replaced. */
  const clientWith = (url: string, data: unknown) => createSearchClient(async (wanted) => (wanted === url ? data : builtFile(wanted)));
  const builtFile = (url: string): unknown => JSON.parse(files.get(url) ?? 'null');

  it('should reject a result card with a malformed id, date or number, and accept it as built', async () => {
    const url = searchCardUrl('en', 0);
    const card = builtFile(url) as SearchDoc;
    const hit = { story: 0, locale: 'en', score: 1 } as const;
    await expect(clientWith(url, card).cards([hit])).resolves.toEqual([card]);
    for (const broken of [{ ...card, id: 'Not An Id' }, { ...card, date: '2025-13' }, { ...card, number: -1 }, { ...card, text: undefined }]) {
      await expect(clientWith(url, broken).cards([hit])).rejects.toThrow();
    }
  });

  it('should reject a manifest whose shard list or story count is malformed', async () => {
    const url = searchManifestUrl('en');
    const manifest = builtFile(url) as SearchManifest;
    for (const broken of [{ ...manifest, stories: 1.5 }, { ...manifest, shards: [1, 2] }, { ...manifest, years: [[2025, 0]] }]) {
      await expect(clientWith(url, broken).manifest('en')).rejects.toThrow();
    }
  });
});

describe('highlight and snippet', () => {
  it('should mark whole words of any term and the start of words for the last term', () => {
    const parts = highlight('Thiếu tướng Lê Dũng và lệnh', queryTerms('le dun'));
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['Lê', 'Dũng']);
  });

  it('should cut a snippet around the first match with ellipses where text was left out', () => {
    const text = `${'mở đầu '.repeat(60)}Công ước Hà Nội ${'kết thúc '.repeat(60)}`;
    const parts = snippet(text, queryTerms('ha noi')) ?? [];
    expect(parts[0]?.text).toBe('… ');
    expect(parts[parts.length - 1]?.text).toBe(' …');
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['Hà', 'Nội']);
    expect(snippet(text, queryTerms('cuba'))).toBeNull();
  });
});

describe('search state in the URL', () => {
  it('should read back what it wrote', () => {
    const state = { query: 'Lê Dũng & co', facets: { topics: 'command-86', year: '2022' }, allLanguages: true };
    expect(readSearchState(writeSearchState(state))).toEqual(state);
    expect(writeSearchState({ query: '', facets: {}, allLanguages: false })).toBe('');
  });
});
