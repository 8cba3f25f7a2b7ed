import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchDoc, SearchEntity } from '../../lib/search/documents';
import { addNewerPostings } from '../../lib/caches/search-index-cache';
import { buildSearchIndex, indexPostings, SEARCH_FIELDS } from '../../lib/search/search-index';
import { shardJson, termJsonLength } from '../../lib/search/shards';

const ENTITIES: SearchEntity[] = [
  { kind: 'people', id: 'le-dung', name: { en: 'Le Dung', vi: 'Lê Dũng' }, aliases: [] },
  { kind: 'topics', id: 'training', name: { en: 'Training', vi: 'Huấn luyện' }, aliases: ['drills'] },
];
const WORDS = [
  'network',
  'security',
  'huấn',
  'luyện',
  'an',
  'ninh',
  'mạng',
  'Hà',
  'Nội',
  'data',
  'dữ',
  'liệu',
  'plan',
  'review',
];
const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((words) => words.join(' '));
const story = fc.record({ title: text(1, 6), summary: text(0, 12), text: text(1, 60), tagged: fc.boolean() });

function docs(stories: { title: string; summary: string; text: string; tagged: boolean }[]): SearchDoc[] {
  return stories.map((made, number) => ({
    id: `story-${number}`,
    number,
    locale: 'vi',
    url: `/vi/articles/story-${number}/`,
    title: made.title,
    summary: made.summary,
    date: '2025-01-01',
    topics: made.tagged ? ['training'] : [],
    people: made.tagged ? [] : ['le-dung'],
    organisations: [],
    credits: {},
    text: made.text,
  }));
}

const postingsOf = async (indexed: SearchDoc[]) => indexPostings(buildSearchIndex(indexed, ENTITIES));

describe("postings of newer stories added to an index's", () => {
  it('should be exactly the postings of indexing every story at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(story, { minLength: 1, maxLength: 12 }), fc.nat(), async (stories, cut) => {
        const all = docs(stories);
        const older = all.slice(0, cut % all.length);
        const merged = addNewerPostings(await postingsOf(older), await postingsOf(all.slice(older.length)));
        expect(merged).toEqual(await postingsOf(all));
      }),
      { numRuns: 60 },
    );
  });
});

describe("an index's postings", () => {
  it("should hold each term's story numbers alone, so that a term with diacritics is kept one byte a character", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(story, { minLength: 1, maxLength: 6 }), async (stories) => {
        const texts = [...(await postingsOf(docs(stories))).values()].flatMap((fields) => Object.values(fields));
        expect(texts.length).toBeGreaterThan(0);
        for (const text of texts) expect(text).toMatch(/^\[(null|\[[\d,]*\])(,(null|\[[\d,]*\]))*\]$/);
      }),
      { numRuns: 20 },
    );
  });
});

describe("the length of a term's shard text", () => {
  it('should be counted exactly as long as the text it stands for', () => {
    const postings = fc.dictionary(fc.constantFrom(...SEARCH_FIELDS), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), postings, (term, fields) => {
        const entry = [JSON.stringify(term), fields] as const;
        expect(termJsonLength(entry)).toBe(shardJson([entry]).length);
      }),
    );
  });
});

describe("a shard's text", () => {
  it("should be the JSON of each field's terms and slots, in field order, leaving out a field no term has", () => {
    const slots = fc.array(fc.option(fc.array(fc.nat(), { maxLength: 3 })), { minLength: 1, maxLength: 3 });
    const postings = fc.dictionary(
      fc.constantFrom(...SEARCH_FIELDS),
      slots.map((value) => JSON.stringify(value)),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.string(), postings), { selector: ([term]) => term }), (terms) => {
        const entries = terms.map(([term, fields]) => [JSON.stringify(term), fields] as const);
        const expected = Object.fromEntries(
          SEARCH_FIELDS.flatMap((field) => {
            const found = terms.flatMap(([term, fields]) => {
              const text = fields[field];
              return text === undefined ? [] : [[term, JSON.parse(text) as unknown]];
            });
            return found.length > 0 ? [[field, found]] : [];
          }),
        );
        const text = shardJson(entries);
        expect(JSON.parse(text)).toEqual(expected);
        expect(Object.keys(JSON.parse(text) as object)).toEqual(Object.keys(expected));
      }),
    );
  });
});
