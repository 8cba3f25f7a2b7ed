import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasErrors, loadContent } from '../../lib/content/load';
import { editDistance } from '../../lib/text/edit-distance';
import { markedText } from '../../lib/text/text-fold';
import type { Archive } from '../../lib/content/schema';
import { searchEntities, type SearchDoc } from '../../lib/search/documents';
import { SearchVocabularyFileSchema } from '../../lib/search/files';
import { buildSearchFiles } from '../../lib/search/search-files';
import {
  allowedEdits,
  createSpeller,
  foundLittle,
  initialsWrittenOut,
  offeredRewriting,
  rewritingFor,
  type QueryFound,
  suggestQueries,
  suggestQuery,
  type RewritingFound,
  type Speller,
} from '../../lib/search/suggest';
import { bodyWords, storiesIn, type SearchVocabulary } from '../../lib/search/vocabulary';
import { buildSearchIndex, indexPostings, type PostingTable } from '../../lib/search/search-index';
import { searchVocabularyUrl } from '../../lib/site/urls';
import { otherLocale, type Locale } from '../../lib/site/locales';
import { createSearchClient, type SearchClient } from '../../lib/search/search-client';
import { heldWords, holdsTogether, searchStories } from '../../lib/search/query';
import {
  articleText,
  BASE_EN,
  createContentFixture,
  type ContentFixture,
  type Fields,
} from './helpers/content-fixture';

/** What the search page offers for a query on a page in `locale`, searched by `client` as the page searches it. */
async function offeredBy(client: SearchClient, locale: Locale, query: string) {
  const search = async (text: string, inBoth: boolean) => {
    const prepared = await client.prepare(inBoth ? [locale, otherLocale(locale)] : [locale], text);
    const { hits, loose } = searchStories(prepared.languages, prepared.entities, prepared.tagged, text);
    return { hits: hits.length, loose, held: heldWords(prepared.languages, text), languages: prepared.languages };
  };
  const { hits, loose, held, languages } = await search(query, false);
  const together = hits > 0 && !loose && holdsTogether(languages, query);
  const speller = createSpeller(await client.entities(), await client.vocabulary(), locale);
  return rewritingFor({ query, allLanguages: false, hits, loose, held, together }, speller, search);
}

describe('editDistance', () => {
  it.each([
    ['command', 'command', 0],
    ['comand', 'command', 1],
    ['commmand', 'command', 1],
    ['commadn', 'command', 1],
    ['cuong', 'coung', 1],
    ['hanoi', 'hannoi', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['ca', 'abc', 3],
  ])('should count the edits from "%s" to "%s" as %i, a swap of neighbours as one', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('should stop at the limit and say only that the distance is beyond it', () => {
    expect(editDistance('zzzqqq', 'command', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('comand', 'command', 2)).toBe(1);
  });
});

/** The postings of a tiny index of one story per text. */
async function postingsOf(texts: string[]) {
  const docs: SearchDoc[] = texts.map((text, number) => ({
    id: `story-${number}`,
    number,
    locale: 'vi',
    url: `/vi/articles/story-${number}/`,
    title: '',
    summary: '',
    date: '2025-01-01',
    topics: [],
    people: [],
    organisations: [],
    credits: {},
    text,
  }));
  return indexPostings(buildSearchIndex(docs, []));
}

describe("the bodies' words", () => {
  const frequentWords = (postings: PostingTable, limit: number) =>
    bodyWords(postings)
      .slice(0, limit)
      .map(([word]) => word);

  it('should rank words by the stories that have them, folded, in the form written most often, without numbers', async () => {
    const postings = await postingsOf(['Hà Nội và Hà Nội', 'hà nội 86', 'Hà Nội, ha noi', 'mạng lưới', 'mạng']);
    const words = frequentWords(postings, 10);
    expect(words.slice(0, 2)).toEqual(['hà', 'nội']);
    expect(words.slice(2)).toEqual(expect.arrayContaining(['mạng', 'lưới', 'và']));
    expect(words.indexOf('mạng')).toBeLessThan(words.indexOf('lưới'));
    expect(words).not.toContain('86');
    expect(words).not.toContain('ha');
  });

  it("should count the story numbers of a term's slots as parsing them would", () => {
    const slot = fc.option(fc.array(fc.nat({ max: 99_999 }), { maxLength: 30 }), { nil: null });
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 12 }), (slots) => {
        expect(storiesIn(JSON.stringify(slots))).toBe(slots.flat().filter((story) => story !== null).length);
      }),
    );
  });

  it('should keep only the most frequent words, the same on every run', async () => {
    const postings = await postingsOf(['beta alpha', 'beta gamma alpha', 'beta delta']);
    expect(frequentWords(postings, 2)).toEqual(['beta', 'alpha']);
    expect(frequentWords(postings, 4)).toEqual(['beta', 'alpha', 'delta', 'gamma']);
  });
});

describe('the rewriting offered', () => {
  /** A search of each rewriting by a table of what it finds, recording which were searched. */
  const searchOf = (found: Record<string, RewritingFound>) => {
    const searched: string[] = [];
    const search = async (rewriting: string) => {
      searched.push(rewriting);
      return found[rewriting] ?? { hits: 0, loose: false };
    };
    return { search, searched };
  };

  it('should offer the first rewriting that finds the words as written, searching no further', async () => {
    const { search, searched } = searchOf({
      'a b': { hits: 0, loose: false },
      'a c': { hits: 2, loose: true },
      'a d': { hits: 1, loose: false },
      'a e': { hits: 3, loose: false },
    });
    expect(await offeredRewriting(['a b', 'a c', 'a d', 'a e'], search, () => true)).toBe('a d');
    expect(searched).toEqual(['a b', 'a c', 'a d']);
  });

  it('should offer a rewriting that finds the words only apart when the query found nothing and none finds more', async () => {
    const found = {
      'a b': { hits: 0, loose: false },
      'a c': { hits: 2, loose: true },
      'a d': { hits: 1, loose: true },
    };
    expect(await offeredRewriting(['a b', 'a c', 'a d'], searchOf(found).search, () => true)).toBe('a c');
    // Where the query found stories, looser matches are no way forward.
    expect(await offeredRewriting(['a b', 'a c', 'a d'], searchOf(found).search, () => false)).toBeNull();
    // Nor is one whose change the words apart do not bear out.
    expect(await offeredRewriting(['a b', 'a c', 'a d'], searchOf(found).search, (each) => each === 'a d')).toBe('a d');
    expect(await offeredRewriting([], searchOf(found).search, () => true)).toBeNull();
  });
});

describe('query suggestions on the seed archive', () => {
  let archive: Archive;
  let speller: Speller;
  let vocabulary: SearchVocabulary;
  let files: Map<string, string>;

  beforeAll(async () => {
    archive = loadContent(path.resolve('content')).archive;
    files = (await buildSearchFiles(archive)).files;
    vocabulary = SearchVocabularyFileSchema.parse(JSON.parse(files.get(searchVocabularyUrl()) ?? 'null'));
    speller = createSpeller(searchEntities(archive), vocabulary);
  });
  const seedClient = () => createSearchClient(async (url) => files.get(url) ?? Promise.reject(new Error(url)));

  it.each([
    ['comand 86', 'Command 86'],
    ['Hannoi', 'Hanoi'],
    ['Luong Coung', 'Lương Cường'],
    // A name with an apostrophe is offered as written, however the reader typed it.
    ["Peopel's Army Newspapr", "People's Army Newspaper"],
    ['Peoples Army Newspapr', "People's Army Newspaper"],
    ['Vietnam Peple Army', "Vietnam People's Army"],
  ])('should suggest the example "%s" → "%s"', (query, expected) => {
    expect(suggestQuery(query, speller)).toBe(expected);
  });

  it.each([
    ['en', 'Phan Van Giang'],
    ['vi', 'Đại tướng Phan Văn Giang'],
  ] as const)(
    'should offer no other name for a name the archive lacks, its words found only apart (%s "%s")',
    async (locale, query) => {
      // "gian" is a word of the stories ("không gian mạng"): "Phan Van Gian" finds them, but only apart, and names no one.
      expect(await offeredBy(seedClient(), locale, query)).toBeNull();
    },
  );

  it('should offer no completion of the last word whose words stand only apart', async () => {
    // "Th" starts "the", which a Vietnamese story has apart from "Tran": the reader is still typing a name.
    expect(await offeredBy(seedClient(), 'en', 'Tran Th')).toBeNull();
  });

  it('should still offer a misspelt word found only apart from the others when the query found nothing', async () => {
    expect(await offeredBy(seedClient(), 'en', 'cybercrme convention')).toEqual({
      query: 'cybercrime convention',
      allLanguages: false,
    });
  });

  it('should take a word of letters run into a number for the two words, and correct them', () => {
    expect(suggestQuery('Comand86', speller)).toBe('Command 86');
    expect(suggestQuery('comand86 Cuba', speller)).toBe('Command 86 Cuba');
    expect(suggestQuery('Bộ Tư lệnh86', speller)).toBe('Bộ Tư lệnh 86');
    // A word some story has whole is the word typed.
    expect(suggestQueries('BTL86', speller, true, 1, new Set(['btl86']))).toEqual([]);
  });

  it('should keep a word some story has whole, with its marks, where a run of a name would replace it', () => {
    const vi = createSpeller(searchEntities(archive), vocabulary, 'vi');
    // "Trung tướng" is held as typed; "Trung ương", a run of a name, is two edits from it.
    const held = new Set(['trung', 'tướng', 'trịnh', 'văn']);
    expect(suggestQueries('Trung tướng Trịnh Văn Quyệt', vi, false, 3, held)).toEqual(['Trung tướng Trịnh Văn Quyết']);
    // A name's word typed with other marks that a story has whole is no typo of it.
    expect(suggestQueries('Trung tướng Trịnh Văn Quyệt', vi, false, 3, new Set([...held, 'quyệt']))).toEqual([]);
  });

  it.each([
    ['en', 'Le Dnug', 'Le Dung'],
    ['vi', 'Le Dnug', 'Lê Dũng'],
    ['en', 'Luong Coung', 'Luong Cuong'],
    ['vi', 'Luong Coung', 'Lương Cường'],
  ] as const)(
    'should suggest a name on the %s page as its stories write it: "%s" → "%s"',
    (locale, query, expected) => {
      expect(suggestQuery(query, createSpeller(searchEntities(archive), vocabulary, locale))).toBe(expected);
    },
  );

  it.each([
    ['swapped letters in a name', 'Le Dnug', 'Lê Dũng'],
    ['swapped letters in an English word', 'conventoin', 'convention'],
    ['a missing letter', 'digitl transformation', 'Digital transformation'],
    ['a missing letter in an English word', 'transformaton', 'transformation'],
    ['an extra letter', 'Cybersecurrity', 'Cybersecurity'],
    ['a Vietnamese name without diacritics, one letter missing', 'Nguyen Minh Thng', 'Nguyễn Minh Thắng'],
    ['a Vietnamese word with a doubled letter', 'Hà Nộii', 'Hà Nội'],
    ['a Vietnamese phrase without diacritics, letters swapped', 'an ninh mnag', 'An ninh mạng'],
    ['a typo inside a longer name', 'hanoi convetion', 'Hanoi Convention'],
    ['a name whose last word, a known word, is one letter off', 'Nguyen Minh Tang', 'Nguyễn Minh Thắng'],
    ['a name whose first word, a known word, is two edits off', 'Tran Van Quyet', 'Trịnh Văn Quyết'],
    ['a name with a word of two letters one letter short', 'Vu Hu Hanh', 'Vũ Hữu Hạnh'],
  ])('should correct %s: "%s"', (_case, query, expected) => {
    expect(suggestQuery(query, speller)).toBe(expected);
  });

  it.each(['plots and tricks', 'safety and security', 'science and technology', 'Party and political work'])(
    'should take no word the archive has for a one-word name it is an edit from: "%s"',
    (query) => {
      // "and" is one letter from the alias MND.
      expect(speller.names.some((name) => name.text === 'MND')).toBe(true);
      expect(suggestQuery(query, speller)).toBeNull();
      expect(suggestQuery(query, speller, false)).toBeNull();
    },
  );

  it.each(['zzzqqq', 'cyber security', 'le dung', 'Nguyen Minh Thang', 'chuyen doi so', 'Bộ Tư lệnh 86', 'qx'])(
    'should suggest nothing for "%s": every word is known or nothing is near',
    (query) => {
      expect(suggestQuery(query, speller)).toBeNull();
    },
  );

  it.each(['Nguyễn Minh Thắ', 'nguyen minh th', 'Hanoi Conven', 'Lương Cư', 'cybersec'])(
    'should take the last word of "%s" as the start of a word the reader is still typing, as search does',
    (query) => {
      expect(suggestQuery(query, speller)).toBeNull();
    },
  );

  it.each([
    ['hoàn thà', 'hoàn thành'],
    ['tổng duy', 'tổng duyệt'],
    ['hoà', 'hoàn'],
  ])(
    'should complete the half-typed last word of "%s" when no story has the query as typed, keeping its marks',
    (query, expected) => {
      expect(suggestQuery(query, speller, false)).toBe(expected);
      // Found as typed, the same query is left as it is.
      expect(suggestQuery(query, speller, true)).toBeNull();
    },
  );

  it("should complete a bare half-typed word to the page's language first", () => {
    const entities = searchEntities(archive);
    const vocabulary = SearchVocabularyFileSchema.parse(JSON.parse(files.get(searchVocabularyUrl()) ?? 'null'));
    expect(suggestQuery('hoan tha', createSpeller(entities, vocabulary, 'vi'), false)).toBe('hoan thành');
    expect(suggestQuery('hoan tha', createSpeller(entities, vocabulary, 'en'), false)).toBe('hoan that');
    // A typo is corrected whatever the page's language.
    expect(suggestQuery('Hannoi', createSpeller(entities, vocabulary, 'vi'))).toBe('Hanoi');
  });

  it('should complete a half-typed name when no story has the query as typed, its tone still to come', () => {
    // Typing "Thắng", the tone comes last: "Thă" is on the way to it.
    expect(suggestQuery('Nguyễn Minh Thă', speller, false)).toBe('Nguyễn Minh Thắng');
    expect(suggestQuery('Nguyễn Minh Thă', speller, true)).toBeNull();
    // Typed whole but for its tone, the name's last word is completed too: no story writes "Chiên" or "Thăng".
    expect(suggestQuery('Văn Chiên', speller, false)).toBe('Văn Chiến');
    expect(suggestQuery('Văn Chiên'.normalize('NFD'), speller, false)).toBe('Văn Chiến');
    expect(suggestQuery('Nguyễn Minh Thăng', speller, false)).toBe('Nguyễn Minh Thắng');
    expect(suggestQuery('Văn Chiên', speller, true)).toBeNull();
    // A word typed bare is every form already: nothing to complete.
    expect(suggestQuery('Van Chien', speller, false)).toBeNull();
  });

  it("should write out a word typed as the initials of a name's words beside the name's other words", () => {
    const vi = createSpeller(searchEntities(archive), vocabulary, 'vi');
    expect(initialsWrittenOut('Bộ TL 86', vi)[0]).toBe('Bộ Tư lệnh 86');
    expect(initialsWrittenOut('Bo TL 86', vi)[0]).toBe('Bộ Tư lệnh 86');
    expect(initialsWrittenOut('lãnh đạo Bộ QP', vi)[0]).toBe('lãnh đạo Bộ Quốc phòng');
    expect(initialsWrittenOut('Bộ TL 86'.normalize('NFD'), vi)[0]).toBe('Bộ Tư lệnh 86');
    // Alone, initials could be any name's; a word the archive knows is no initials.
    expect(initialsWrittenOut('TL', vi)).toEqual([]);
    expect(initialsWrittenOut('Bộ to 86', vi)).toEqual([]);
  });

  it('should not take a name more than two edits off for it', () => {
    expect(suggestQuery('Tran Vn Quyet', speller)).not.toBe('Trịnh Văn Quyết');
  });

  it('should not take a known word two edits from an abbreviation for it, with no other word to say so', () => {
    // "tịch" and "quân" are two edits from the aliases "TCCT" and "QUTW".
    expect(suggestQuery('Chủ tịch', speller)).toBeNull();
    expect(suggestQuery('Quân ủy', speller)).toBeNull();
  });

  it('should not complete a last word the archive knows as typed, nor to a word with other marks', () => {
    expect(suggestQuery('Hà Nội', speller, false)).toBeNull();
    expect(suggestQuery('hoàn', speller, false)).toBeNull();
    // "hoàn thành" is the completion of "hoàn thà", not of "hoàn thá".
    const completed = suggestQuery('hoàn thá', speller, false) ?? 'hoàn thá';
    expect(completed).not.toBe('hoàn thành');
    expect(markedText(completed.split(' ')[1] ?? '').startsWith('thá')).toBe(true);
  });

  it('should still correct a word before the last, the half-typed last word kept or, in a name, completed', () => {
    expect(suggestQuery('Nguyen Mihn Th', speller)).toBe('Nguyễn Minh Thắng');
    expect(suggestQuery('Hannoi Conven', speller)).toBe('Hanoi Convention');
    expect(suggestQuery('Hannoi cybersec', speller)).toBe('Hanoi cybersec');
  });

  it('should take a word in its other English spelling as known, in a name too', () => {
    // The stories write "Defense leader" and the registry "Ministry of National Defence".
    expect(suggestQuery('defence leader', speller)).toBeNull();
    expect(suggestQuery('Ministry of National Defense', speller)).toBeNull();
    expect(suggestQuery('Ministry of Natonal Defence', speller)).toBe('Ministry of National Defence');
  });

  it("should suggest a known word's form before a word fewer letters away", () => {
    expect(suggestQuery('signing ceremonies', speller)).toBe('signing ceremony');
    expect(suggestQuery('Hanoi Conventions', speller)).toBe('Hanoi Convention');
    expect(suggestQuery('rehearsals', speller)).toBe('rehearsal');
  });

  it('should let short words be off by one edit and long ones by two, and numbers by none', () => {
    expect([
      allowedEdits('ha'),
      allowedEdits('noi'),
      allowedEdits('cuong'),
      allowedEdits('hannoi'),
      allowedEdits('86'),
    ]).toEqual([0, 1, 1, 2, 0]);
    expect(suggestQuery('Hannoii', speller)).toBe('Hanoi');
    expect(suggestQuery('Hnoii', speller)).toBeNull();
  });

  it('should write the vocabulary file with the build, capped, in both languages', async () => {
    const vocabulary = SearchVocabularyFileSchema.parse(JSON.parse(files.get(searchVocabularyUrl()) ?? 'null'));
    expect(vocabulary.en).toContain('command');
    expect(vocabulary.vi).toContain('lệnh');
    const capped = SearchVocabularyFileSchema.parse(
      JSON.parse((await buildSearchFiles(archive, { vocabularyWords: 5 })).files.get(searchVocabularyUrl()) ?? 'null'),
    );
    expect(capped.vi).toEqual(vocabulary.vi.slice(0, 5));
  });
});

describe('"Did you mean" over stories with the words it must leave alone', () => {
  const story = (fields: Fields, body: string) =>
    articleText({ ...BASE_EN, topics: ['command-86'], people: [], organisations: [], original: true, ...fields }, body);
  let fixture: ContentFixture;
  let files: Map<string, string>;
  let client: SearchClient;

  beforeAll(async () => {
    fixture = createContentFixture({
      stories: {
        'summing-up': {
          vi: story(
            {
              title: 'Bộ Tư lệnh 86 tổ chức hội nghị năm 2024',
              summary: 'Hội nghị của Bộ Tư lệnh 86.',
              people: ['le-dung'],
            },
            'Ngày 20/12, Bộ Tư lệnh 86 tổ chức lễ tổng kết công tác năm 2024. Các đại biểu gặp gỡ cán bộ, chiến sĩ.',
          ),
          en: story(
            {
              title: 'Command 86 holds its 2024 review conference',
              summary: 'A delegation led by Major General Le Dung attended the review.',
              people: ['le-dung'],
            },
            'On December 20, Command 86 held a conference to review its work in 2024. Delegates met officers during the visit.',
          ),
        },
        peacekeeping: {
          en: story(
            { title: 'Officers trained for missions abroad', summary: 'Officers of the army train for missions.' },
            'The officers complete a course in peacekeeping before their missions.',
          ),
        },
        'island-visit': {
          en: story(
            { title: 'Delegation visits an island partner', summary: 'A delegation visited a partner abroad.' },
            'The delegation visited Zanzibar to discuss cooperation. They vowed to let peace keep its hold on the islands.',
          ),
        },
      },
    });
    const { archive } = fixture.load();
    expect(archive.stories.map((each) => each.id)).toEqual(
      expect.arrayContaining(['summing-up', 'peacekeeping', 'island-visit']),
    );
    files = (await buildSearchFiles(archive)).files;
    client = createSearchClient(async (url) => files.get(url) ?? Promise.reject(new Error(url)));
  });
  afterAll(() => fixture.cleanup());

  /** What the search page's search of a query found, as "Did you mean" weighs it. */
  const searchFound = async (locale: Locale, query: string, allLanguages = false): Promise<QueryFound> => {
    const prepared = await client.prepare(allLanguages ? [locale, otherLocale(locale)] : [locale], query);
    const { hits, loose } = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
    const held = heldWords(prepared.languages, query);
    const together = hits.length > 0 && !loose && holdsTogether(prepared.languages, query);
    return { query, allLanguages, loose, hits: hits.length, held, together };
  };

  /** What the search page offers for a query on a page in `locale`, searched as the page searches it. */
  const offered = async (locale: Locale, query: string, allLanguages = false) => {
    const search = async (text: string, inBoth: boolean) => {
      const prepared = await client.prepare(inBoth ? [locale, otherLocale(locale)] : [locale], text);
      return searchStories(prepared.languages, prepared.entities, prepared.tagged, text);
    };
    const found = await searchFound(locale, query, allLanguages);
    const speller = createSpeller(await client.entities(), await client.vocabulary(), locale);
    return rewritingFor(found, speller, async (text, inBoth) => {
      const { hits, loose } = await search(text, inBoth);
      return { hits: hits.length, loose };
    });
  };

  it('should take no word typed with other marks than a word of a name for that word', async () => {
    const speller = createSpeller(await client.entities(), await client.vocabulary(), 'vi');
    // "lễ" is not the "Lê" of "Lê Dũng", so "tổng", a word of the stories, is no typo of "Dũng" beside it.
    for (const query of ['lễ tổng', 'lễ tổng kết'])
      expect(suggestQueries(query, speller, false, 3).join(' | '), query).not.toContain('Lê Dũng');
    // A name typed with its letters and other marks is still that name.
    expect(suggestQuery('Lễ Dũng', speller, false)).toBe('Lê Dũng');
  });

  it.each([
    ['vi', 'lễ tổng'],
    ['vi', 'lễ tổng kết'],
    ['en', 'peace keeping'],
  ] as const)('should leave a query the stories hold together as typed as it is (%s "%s")', async (locale, query) => {
    const prepared = await client.prepare([locale], query);
    const found = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
    expect(found.hits.length).toBeGreaterThan(0);
    expect(found.loose).toBe(false);
    expect(await offered(locale, query)).toBeNull();
  });

  it("should rewrite no word some story has, though the bodies' frequent words the speller knows leave it out", async () => {
    // "led" is in a summary only, "during" in a body: the stories hold them apart.
    const found = await searchFound('en', 'led during');
    expect(found).toMatchObject({ loose: true, hits: 1 });
    const speller = createSpeller(await client.entities(), await client.vocabulary(), 'en');
    // Whatever a rewriting would find, none is offered.
    expect(await rewritingFor(found, speller, async () => ({ hits: 3, loose: false }))).toBeNull();
    expect(suggestQueries('led', speller, false, 3, found.held)).toEqual([]);
  });

  it.each([
    ['reviewed', 'review'],
    ['conferences', 'conference'],
    ['review conferences', 'review conference'],
  ])(
    'should not rewrite "%s", spelt right in another form than the stories\' "%s", which finds them already',
    async (query, form) => {
      const found = await searchFound('en', query);
      expect(found.hits).toBeGreaterThan(0);
      expect(found.loose).toBe(true);
      const speller = createSpeller(await client.entities(), await client.vocabulary(), 'en');
      // The speller takes the form the stories have for the nearest word; found, it leads to them as written.
      expect(suggestQuery(query, speller)).toBe(form);
      expect(await searchFound('en', form)).toMatchObject({ loose: false });
      expect(await offered('en', query)).toBeNull();
    },
  );

  it('should still offer a rewriting of a typo, and of a form where the query finds nothing', async () => {
    expect(await offered('en', 'reviw')).toEqual({ query: 'review', allLanguages: false });
    expect(await offered('en', 'reviwed conferences')).toEqual({ query: 'review conference', allLanguages: false });
  });

  it("should offer a word of the other language's stories where the query finds nothing, searched where they are", async () => {
    // "Zanzibar" is in an English story only: searched on the Vietnamese page alone, it would find nothing.
    expect(await offered('en', 'Zanzibr')).toEqual({ query: 'Zanzibar', allLanguages: false });
    expect(await offered('vi', 'Zanzibr')).toEqual({ query: 'Zanzibar', allLanguages: true });
    expect(await offered('vi', 'Zanzibr', true)).toEqual({ query: 'Zanzibar', allLanguages: true });
  });
});

describe('"Did you mean" for names, and for queries the stories hold only in part', () => {
  const story = (fields: Fields, body: string) =>
    articleText({ ...BASE_EN, topics: ['command-86'], people: [], organisations: [], original: true, ...fields }, body);
  // Test entries: two people, an academy whose English name holds a name ("Tet Quy Don") written whole in a Vietnamese
  // alias, and a group whose alias "Testtel" is the start of another alias.
  const people = `
- id: test-tet-van-hung
  name: { en: "Tet Van Hung", vi: "Tét Văn Hưng" }
  aliases: ["Đại tá Tét Văn Hưng"]

- id: test-tet-van-binh
  name: { en: "Tet Van Binh", vi: "Tét Văn Bình" }
`;
  const organisations = `
- id: test-academy
  name: { en: "Tet Quy Don Test University", vi: "Học viện Thử nghiệm" }
  aliases: ["Đại học Thử nghiệm Tét Quý Đôn"]

- id: test-telecom
  name: { en: "Testtel Group", vi: "Tập đoàn Testtel" }
  aliases: ["Testtel", "Testtel Cyber Security"]
`;
  let fixture: ContentFixture;
  let client: SearchClient;

  beforeAll(async () => {
    fixture = createContentFixture({
      stories: {
        'test-academy-course': {
          en: story(
            { title: 'Cadets finish a course', summary: 'A test course.', organisations: ['test-academy'] },
            'Cadets of the Tet Quy Don Test University finished a course.',
          ),
          vi: story(
            { title: 'Học viên hoàn thành khoá học', summary: 'Khoá học thử.', organisations: ['test-academy'] },
            'Các đồng chí học viên hoàn thành khoá học. Các biện pháp bảo đảm điện được kiểm tra.',
          ),
        },
        'test-telecom-drill': {
          en: story(
            { title: 'Engineers run a drill', summary: 'A test drill.', organisations: ['test-telecom'] },
            'Engineers of Testtel ran a drill.',
          ),
          vi: story(
            { title: 'Kỹ sư diễn tập', summary: 'Diễn tập thử.', organisations: ['test-telecom'] },
            'Các đồng chí kỹ sư diễn tập. Các biện pháp được nêu.',
          ),
        },
        'test-hung-drill': {
          en: story(
            { title: 'A deputy commander attends', summary: 'A test visit.', people: ['test-tet-van-hung'] },
            'Senior Colonel Tet Van Hung attended the drill.',
          ),
          vi: story(
            { title: 'Phó Tư lệnh dự diễn tập', summary: 'Chuyến thăm thử.', people: ['test-tet-van-hung'] },
            'Đại tá Tét Văn Hưng, Phó Tư lệnh, dự buổi diễn tập.',
          ),
        },
        'test-binh-visit': {
          en: story(
            { title: 'A visit to the unit', summary: 'A test visit.', people: ['test-tet-van-binh'] },
            'Tet Van Binh visited the unit.',
          ),
          vi: story(
            { title: 'Thăm đơn vị', summary: 'Chuyến thăm thử.', people: ['test-tet-van-binh'] },
            'Tét Văn Bình thăm đơn vị.',
          ),
        },
        'test-bien-seminar': {
          vi: story(
            { title: 'Hội thảo thử', summary: 'Hội thảo thử nghiệm.' },
            'Hội thảo quân sự diễn ra tại Điện Biên.',
          ),
        },
      },
    });
    const append = (file: string, entries: string) =>
      fixture.write(file, `${readFileSync(fixture.path(file), 'utf8')}${entries}`);
    append('people.yaml', people);
    append('organisations.yaml', organisations);
    const { archive, problems } = fixture.load();
    expect(hasErrors(problems)).toBe(false);
    expect(archive.stories.map((each) => each.id)).toContain('test-bien-seminar');
    const files = (await buildSearchFiles(archive)).files;
    client = createSearchClient(async (url) => files.get(url) ?? Promise.reject(new Error(url)));
  });
  afterAll(() => fixture.cleanup());

  const offered = (locale: Locale, query: string) => offeredBy(client, locale, query);

  it.each([
    ['en', 'Tet Quy Dong', 'Tet Quy Don'],
    ['vi', 'Tet Quy Dong', 'Tét Quý Đôn'],
    ['en', 'Tet Quy Donn', 'Tet Quy Don'],
    ['vi', 'Tet Quy Donn', 'Tét Quý Đôn'],
    ['en', 'Tet Qyu Don', 'Tet Quy Don'],
  ] as const)(
    'should offer, on the %s page, part of a name a query is a typo of, written as one name writes it: "%s" → "%s"',
    async (locale, query, meant) => {
      expect(await offered(locale, query)).toEqual({ query: meant, allLanguages: false });
    },
  );

  it('should take a last word typed whole with another tone than a name has for one edit off it', async () => {
    // The stories write "Tét Văn Hưng": they hold "Tét Văn Hùng" only in another form, as looser matches.
    const found = await client.prepare(['vi'], 'Đại tá Tét Văn Hùng');
    expect(searchStories(found.languages, found.entities, found.tagged, 'Đại tá Tét Văn Hùng').loose).toBe(true);
    expect(await offered('vi', 'Đại tá Tét Văn Hùng')).toEqual({ query: 'Đại tá Tét Văn Hưng', allLanguages: false });
    expect(await offered('vi', 'Tét Văn Hùng')).toEqual({ query: 'Tét Văn Hưng', allLanguages: false });
  });

  it('should look for a likelier spelling of a query that found few stories, or only looser matches however many', () => {
    expect(foundLittle({ hits: 2, loose: false })).toBe(true);
    expect(foundLittle({ hits: 3, loose: true })).toBe(true);
    expect(foundLittle({ hits: 40, loose: true })).toBe(true);
    expect(foundLittle({ hits: 3, loose: false })).toBe(false);
  });

  it.each([
    // "Testtel" names the group, whose stories hold no "Secuirty".
    ['en', 'Testtel Cyber Secuirty', 'Testtel Cyber Security'],
    ['en', 'Testtel Cyber Securty', 'Testtel Cyber Security'],
    // "Vna" is the agency VNA, which the base story is tagged with.
    ['en', 'Tet Vna Binh', 'Tet Van Binh'],
    ['vi', 'Tet Vna Binh', 'Tét Văn Bình'],
  ] as const)(
    'should rewrite, on the %s page, a query found only as a name a part of it is: "%s" → "%s"',
    async (locale, query, meant) => {
      const prepared = await client.prepare([locale], query);
      const found = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
      expect(found.hits.length).toBeGreaterThan(0);
      expect(found.loose).toBe(false);
      expect(holdsTogether(prepared.languages, query)).toBe(false);
      expect(await offered(locale, query)).toEqual({ query: meant, allLanguages: false });
    },
  );

  it('should still leave alone a query the stories hold together, as a name they are tagged with', async () => {
    for (const query of ['Testtel Cyber Security', 'Tét Văn Hưng', 'Tet Quy Don']) {
      const prepared = await client.prepare(['en'], query);
      expect(holdsTogether(prepared.languages, query), query).toBe(true);
      expect(await offered('en', query), query).toBeNull();
    }
  });

  it("should not rewrite a word of the other language's stories into a word found only apart", async () => {
    // "Điện Biên" is in a Vietnamese story only; the vocabulary writes the letters "bien" as "biện" ("biện pháp"),
    // which no story holds after "Điện", and no English story holds at all.
    expect(await offered('en', 'Điện Biên')).toBeNull();
  });
});
