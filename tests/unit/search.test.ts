import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../lib/content/load';
import type { Locale } from '../../lib/i18n';
import { searchDocuments, searchEntities, type SearchDoc, type SearchEntity } from '../../lib/search/documents';
import { highlight, queryTerms, snippet } from '../../lib/search/highlight';
import { applyFacets, facetCounts, matchEntities, searchStories, type LoadedLanguage } from '../../lib/search/query';
import { buildSearchIndex, exportSearchIndex, importSearchIndex } from '../../lib/search/search-index';
import { readSearchState, writeSearchState } from '../../lib/search/url-state';
import type { Archive } from '../../lib/schema';
import { foldedWords } from '../../lib/text-fold';

let archive: Archive;
let entities: SearchEntity[];
const languages: Partial<Record<Locale, LoadedLanguage>> = {};

function language(locale: Locale): LoadedLanguage {
  const loaded = languages[locale];
  if (!loaded) throw new Error(`not loaded: ${locale}`);
  return loaded;
}

/** Story ids of the hits, best first. */
function search(locales: Locale[], query: string): string[] {
  return searchStories(locales.map(language), entities, query).map((hit) => hit.doc.id);
}

function storiesTagged(kind: 'people' | 'organisations' | 'topics', id: string): string[] {
  return archive.stories.filter((story) => story[kind].includes(id)).map((story) => story.id);
}

beforeAll(() => {
  const loaded = loadContent(path.resolve('content'));
  archive = loaded.archive;
  entities = searchEntities(archive);
  for (const locale of ['en', 'vi'] as const) {
    const docs = searchDocuments(archive, locale);
    languages[locale] = { index: buildSearchIndex(docs, entities), docs };
  }
});

/** A tiny language built from given texts, for rules the seed stories have no example of. */
function syntheticLanguage(texts: Record<string, string>): LoadedLanguage {
  const docs: SearchDoc[] = Object.entries(texts).map(([id, text]) => ({
    id,
    locale: 'vi',
    url: `/vi/articles/${id}/`,
    title: text,
    summary: text,
    date: '2025-01-01',
    topics: [],
    people: [],
    organisations: [],
    text,
  }));
  return { index: buildSearchIndex(docs, []), docs };
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
    const synthetic = syntheticLanguage({ road: 'con đường mới', general: 'vị tướng già' });
    expect(searchStories([synthetic], [], 'duong').map((hit) => hit.doc.id)).toEqual(['road']);
  });

  it('should rank exact diacritics above folded matches when the reader typed them', () => {
    const synthetic = syntheticLanguage({ grave: 'ông Hành đến', dot: 'ông Hạnh đến' });
    expect(searchStories([synthetic], [], 'Hạnh').map((hit) => hit.doc.id)).toEqual(['dot', 'grave']);
    expect(searchStories([synthetic], [], 'Hành').map((hit) => hit.doc.id)).toEqual(['grave', 'dot']);
  });

  it('should rank a name found as a phrase above its syllables scattered', () => {
    const synthetic = syntheticLanguage({ scattered: 'Dũng đến gặp ông Lê ở Hà Nội', phrase: 'ông Lê Dũng đến Hà Nội' });
    expect(searchStories([synthetic], [], 'le dung').map((hit) => hit.doc.id)).toEqual(['phrase', 'scattered']);
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
    const both = searchStories([language('vi'), language('en')], entities, 'Command 86');
    const ids = both.map((hit) => hit.doc.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(both.every((hit) => hit.doc.locale === 'vi' || !language('vi').docs.some((doc) => doc.id === hit.doc.id))).toBe(true);
  });
});

describe('a story in one language only', () => {
  it('should appear, in its own language, once the reader adds that language', () => {
    const vi = syntheticLanguage({ both: 'Công ước Hà Nội' });
    const enDocs: SearchDoc[] = [
      { ...(vi.docs[0] as SearchDoc), locale: 'en', url: '/en/articles/both/', title: 'Hanoi Convention', summary: 'Hanoi Convention', text: 'Hanoi Convention' },
      { ...(vi.docs[0] as SearchDoc), id: 'english-only', locale: 'en', url: '/en/articles/english-only/', title: 'Hanoi Convention signed', summary: 'Hanoi Convention', text: 'Hanoi Convention' },
    ];
    const en: LoadedLanguage = { index: buildSearchIndex(enDocs, []), docs: enDocs };
    expect(searchStories([vi], [], 'hanoi').map((hit) => hit.doc.id)).toEqual(['both']);
    const both = searchStories([vi, en], [], 'hanoi');
    expect(both.map((hit) => [hit.doc.id, hit.doc.locale]).sort()).toEqual([
      ['both', 'vi'],
      ['english-only', 'en'],
    ]);
  });
});

describe('facets', () => {
  it('should count each value over the hits and narrow the hits to a selected value', () => {
    const hits = searchStories([language('en')], entities, 'Command 86');
    const counts = facetCounts(hits);
    for (const [topic, count] of counts.topics) {
      expect(hits.filter((hit) => hit.doc.topics.includes(topic)).length).toBe(count);
      expect(applyFacets(hits, { topics: topic }).length).toBe(count);
    }
    const [year, yearCount] = counts.year[0] ?? ['', 0];
    expect(applyFacets(hits, { year }).every((hit) => hit.doc.date.startsWith(year))).toBe(true);
    expect(applyFacets(hits, { year }).length).toBe(yearCount);
    expect(counts.topics.map(([, count]) => count)).toEqual([...counts.topics.map(([, count]) => count)].sort((a, b) => b - a));
  });
});

describe('the exported index', () => {
  it('should give the same results after export and import into a fresh index', async () => {
    const parts = await exportSearchIndex(language('vi').index);
    const fresh: LoadedLanguage = { index: importSearchIndex(JSON.parse(JSON.stringify(parts))), docs: language('vi').docs };
    for (const query of ['trinh van quyet', 'Bộ Quốc phòng', 'hano', 'chuyen doi so', 'Cuba', 'Hạnh']) {
      expect(searchStories([fresh], entities, query)).toEqual(searchStories([language('vi')], entities, query));
      expect(searchStories([fresh], entities, query).length).toBeGreaterThan(0);
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
