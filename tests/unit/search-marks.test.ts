/**
 * Words typed with their marks, over a few stories written for these tests: a namesake whose name differs only in its
 * marks, words a typed word only shares letters with, a word's longer forms, and two words a story writes as one.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../lib/site/i18n';
import type { Archive } from '../../lib/content/schema';
import { buildSearchFiles } from '../../lib/search/search-files';
import { createSearchClient, type SearchClient } from '../../lib/search/search-client';
import { searchStories, type SearchHit } from '../../lib/search/query';
import { storyOfNumber } from '../../lib/search/documents';
import { highlight, nameHolds, queryTerms, wordsInAnotherForm } from '../../lib/search/highlight';
import {
  articleText,
  BASE_EN,
  createContentFixture,
  type ContentFixture,
  type Fields,
} from './helpers/content-fixture';

/** Two people of the fixture's registry: the same letters, other marks, and one English name between them. */
const NAMESAKES = `
- id: test-pham-van-tam
  name: { en: "Pham Van Tam", vi: "Phạm Văn Tâm" }
  aliases: ["Phạm Văn Tâm"]

- id: test-pham-van-tam-lecturer
  name: { en: "Pham Van Tam", vi: "Phạm Văn Tám" }
  aliases: ["Phạm Văn Tám", "Giáo sư Phạm Văn Tám"]
`;

const story = (fields: Fields, body: string) =>
  articleText(
    {
      ...BASE_EN,
      topics: ['cybersecurity'],
      people: [],
      organisations: [],
      source: { name: 'Test Wire', url: 'https://example.org/test' },
      author: 'Test Desk',
      original: true,
      ...fields,
    },
    body,
  );

describe('words typed with their marks', () => {
  let fixture: ContentFixture;
  let archive: Archive;
  let client: SearchClient;

  beforeAll(async () => {
    fixture = createContentFixture({
      withoutBaseStory: true,
      stories: {
        'test-general': {
          vi: story(
            {
              title: 'Thiếu tướng Phạm Văn Tâm dự buổi thử nghiệm',
              summary: 'Buổi thử nghiệm.',
              people: ['test-pham-van-tam'],
            },
            'Thiếu tướng Phạm Văn Tâm phát biểu tại buổi thử nghiệm. Đại tá Lê Nghiệm tham dự.',
          ),
        },
        'test-lecturer': {
          vi: story(
            {
              title: 'Giáo sư Phạm Văn Tám giảng bài thử nghiệm',
              summary: 'Bài giảng thử nghiệm.',
              people: ['test-pham-van-tam-lecturer'],
            },
            'Giáo sư Phạm Văn Tám trình bày bài giảng mẫu.',
          ),
        },
        'test-order': {
          vi: story(
            { title: 'Mệnh lệnh thử nghiệm', summary: 'Mệnh lệnh thử nghiệm được ban hành.' },
            'Bản mệnh lệnh thử nghiệm số một.',
          ),
          en: story({ title: 'A test ruling', summary: 'A legal test.' }, 'The leading test ruling was legal.'),
        },
        'test-ceremony': {
          vi: story({ title: 'Buổi thử nghiệm', summary: 'Buổi thử nghiệm.' }, 'Lễ thử nghiệm diễn ra sáng nay.'),
        },
        'test-drill': {
          en: story({ title: 'A test exercise', summary: 'An exercise.' }, 'A drill was held in the morning.'),
        },
        'test-drills': {
          en: story(
            { title: 'Teams practise', summary: 'Teams practise.' },
            'The teams ran two drills in the evening.',
          ),
        },
        'test-city': {
          en: story({ title: 'Delegates meet', summary: 'Delegates meet.' }, 'The delegates met in Hanoi for a test.'),
        },
        'test-office': {
          en: story({ title: 'An office opens', summary: 'An office opens.' }, 'The test office opened in Hà Nội.'),
        },
      },
    });
    fixture.write('people.yaml', `${readFileSync(fixture.path('people.yaml'), 'utf8')}${NAMESAKES}`);
    archive = fixture.load().archive;
    const { files } = await buildSearchFiles(archive, { shardBytes: 2_000, wordsPerFile: 40 });
    client = createSearchClient(async (url) => files.get(url) ?? Promise.reject(new Error(url)));
  });
  afterAll(() => fixture.cleanup());

  /** The ids of the stories a query lists as results and in the "more" list, as the search page searches it. */
  const found = async (locale: Locale, query: string) => {
    const prepared = await client.prepare([locale], query);
    const results = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
    const ids = (hits: readonly SearchHit[]) => hits.map((hit) => storyOfNumber(archive, hit.story)?.id).sort();
    return { hits: ids(results.hits), apart: ids(results.apart), loose: results.loose };
  };

  it('should not take a namesake whose name has other marks for the name typed after other words', async () => {
    // The lecturer's story holds "Giáo sư" and, in its English tag, the name's letters: not the name as typed.
    expect(await found('vi', 'giáo sư Phạm Văn Tâm')).toEqual({
      hits: ['test-general'],
      apart: ['test-lecturer'],
      loose: false,
    });
    expect(await found('vi', 'Thiếu tướng Phạm Văn Tám')).toEqual({
      hits: ['test-lecturer'],
      apart: ['test-general'],
      loose: false,
    });
    // Typed without marks, the name is either of them.
    expect((await found('vi', 'giao su pham van tam')).hits).toEqual(['test-general', 'test-lecturer']);
  });

  it('should list no story that holds only a longer word with other marks than a last word typed with them', async () => {
    // "lệnh" is no form of "lê", nor "legal" and "leading" of "Lê" on the English page; "Lễ" is another form of it.
    const vietnamese = await found('vi', 'Lê');
    expect([...vietnamese.hits, ...vietnamese.apart]).not.toContain('test-order');
    expect(vietnamese).toMatchObject({ hits: ['test-general'], apart: ['test-ceremony'], loose: false });
    const english = await found('en', 'Lê');
    expect([...english.hits, ...english.apart]).not.toContain('test-order');
  });

  it("should list a lone English word's longer form that it starts as the word still being typed", async () => {
    expect(await found('en', 'drill')).toEqual({ hits: ['test-drill', 'test-drills'], apart: [], loose: false });
    // A shorter form is another form of the word typed.
    expect(await found('en', 'drills')).toEqual({ hits: ['test-drills'], apart: ['test-drill'], loose: false });
  });

  it('should list apart a story that writes as one word, without marks, two words typed with them', async () => {
    expect(await found('en', 'Hà Nội')).toEqual({ hits: ['test-office'], apart: ['test-city'], loose: false });
    expect((await found('en', 'Ha Noi')).hits).toContain('test-city');
  });
});

describe('the words a card names as held in another form', () => {
  const named = (text: string, query: string) =>
    wordsInAnotherForm([text], highlight(text, queryTerms(query), 'apart'), queryTerms(query));

  it('should name the letters of a word typed with marks, whole, never a longer word', () => {
    expect(named('Nam Sudan suốt mùa và sự kiện', 'sư')).toEqual(['sự']);
    expect(named('Bộ Tư lệnh và Lễ hội', 'Lê')).toEqual(['Lễ']);
    expect(named('Bộ Tư lệnh', 'Lê')).toEqual([]);
  });

  it('should name a word that writes as one, without marks, two words typed with them', () => {
    expect(named('The delegates met in Hanoi', 'Hà Nội')).toEqual(['Hanoi']);
    // A tag's name holds them so too: the card names the tag ("Việt Nam" listed apart by a tag's "Vietnam's").
    expect(nameHolds("Vietnam's Ministry of National Defence", queryTerms('viet nam'), 'apart')).toBe(true);
    expect(nameHolds('Ministry of National Defence', queryTerms('viet nam'), 'apart')).toBe(false);
  });

  it('should name the form a story holds whole though it holds a longer word the last word starts as typed', () => {
    // "hoàn" is "hoà" still being typed, as a mark shows it; the story is listed apart by "hóa".
    expect(named('Họ hoàn thành việc chuẩn hóa', 'Hoà')).toEqual(['hóa']);
    expect(named('Họ hoàn thành việc giữ hoà bình và chuẩn hóa', 'Hoà')).toEqual([]);
  });
});
