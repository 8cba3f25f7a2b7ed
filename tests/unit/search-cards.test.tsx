import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SearchResult } from '../../components/search-page';
import { entityKey, type SearchDoc, type SearchEntity } from '../../lib/search/documents';
import { queryTerms, type MatchKind } from '../../lib/search/highlight';
import type { Locale } from '../../lib/site/locales';

/** Invented entities: none of them is in the archive. */
const ENTITIES: SearchEntity[] = [
  { kind: 'topics', id: 'test-drills', name: { en: 'Test exercises', vi: 'Diễn tập thử' }, aliases: [] },
  {
    kind: 'people',
    id: 'tran-van-thu',
    name: { en: 'Tran Van Thu', vi: 'Trần Văn Thử' },
    aliases: ['Trần Văn Thử', 'Đại tá Trần Văn Thử'],
  },
  {
    kind: 'organisations',
    id: 'test-academy',
    name: { en: 'Le Quy Test University', vi: 'Học viện Kiểm thử' },
    aliases: ['Test Academy', 'Đại học Kiểm thử Lê Quý Tét'],
  },
  {
    kind: 'organisations',
    id: 'test-gazette',
    name: { en: 'Test Gazette', vi: 'Báo Kiểm thử' },
    aliases: ['dtk.vn'],
  },
  {
    kind: 'organisations',
    id: 'test-ministry',
    name: { en: 'Ministry of Trials', vi: 'Bộ Thử nghiệm' },
    aliases: ['Testland Ministry of Trials'],
  },
  {
    kind: 'topics',
    id: 'test-convention',
    name: { en: 'Testville Convention', vi: 'Công ước Thử Nghiệm' },
    aliases: [],
  },
];

const entityOf = (kind: SearchEntity['kind'], id: string) =>
  ENTITIES.find((entity) => entity.kind === kind && entity.id === id);

/** A card's story: words none of the queries below has, tagged and credited as a test asks. */
function doc(locale: Locale, fields: Partial<SearchDoc> = {}): SearchDoc {
  return {
    id: 'test-story',
    number: 0,
    locale,
    url: `/${locale}/articles/test-story/`,
    title: 'Officers meet',
    summary: 'Officers met.',
    date: '2025-01-01',
    topics: [],
    people: [],
    organisations: [],
    credits: {},
    text: 'Officers met at noon.',
    ...fields,
  };
}

/** The text of a card's lines of one kind ("tagged", "credit"), its marks in brackets. */
function cardLines(
  story: SearchDoc,
  query: string,
  { kind = 'together', tags = [] }: { kind?: MatchKind; tags?: string[] } = {},
): Record<'tagged' | 'credit', string[]> {
  const html = renderToStaticMarkup(
    <SearchResult
      doc={story}
      hit={{ story: story.number, locale: story.locale, score: 1, tags }}
      kind={kind}
      locale={story.locale}
      terms={queryTerms(query)}
      entityName={(entityKind, id) =>
        entityKind === 'year' ? id : (entityOf(entityKind, id)?.name[story.locale] ?? id)
      }
      entityOf={entityOf}
    />,
  );
  const lines = (line: string) =>
    [...html.matchAll(new RegExp(`<p class="search-result__${line}"[^>]*>(.*?)</p>`, 'g'))].map(([, inner]) =>
      (inner ?? '')
        .replace(/<mark>/g, '[')
        .replace(/<\/mark>/g, ']')
        .replace(/<[^>]+>/g, ''),
    );
  return { tagged: lines('tagged'), credit: lines('credit') };
}

describe('why a card is listed', () => {
  it('should name a tag whose name holds the word in its other English spelling, the last word as its start', () => {
    const story = doc('en', { topics: ['test-drills'] });
    expect(cardLines(story, 'exercize').tagged).toEqual(['Tagged: Test exercises']);
    expect(cardLines(story, 'exercise').tagged).toEqual(['Tagged: Test exercises']);
  });

  it('should name a credit by the alias that holds the typed word as two words, marked only where it is as typed', () => {
    const story = doc('vi', { credits: { source: { name: 'Báo Kiểm thử', entity: 'organisations:test-gazette' } } });
    // "dtk.vn" written as one word is "dtkvn"; typed with "đ", a story credited to it is listed apart, in another form.
    expect(cardLines(story, 'DTKVN').credit).toEqual(['Nguồn: Báo Kiểm thử ([dtk.vn])']);
    expect(cardLines(story, 'ĐTKVN', { kind: 'apart' }).credit).toEqual(['Nguồn: Báo Kiểm thử (dtk.vn)']);
  });

  it('should not repeat a credit by its own name where only another form of the word is in it', () => {
    const story = doc('vi', { credits: { source: { name: 'Báo Kiểm thử', entity: 'organisations:test-gazette' } } });
    expect(cardLines(story, 'thứ', { kind: 'apart' }).credit).toEqual(['Nguồn: Báo Kiểm thử']);
  });

  it('should name a tag the query names by the name that holds its words as typed, inside a longer name too', () => {
    const person = entityKey('people', 'tran-van-thu');
    const tagged = doc('en', { people: ['tran-van-thu'] });
    expect(cardLines(tagged, 'Thử', { tags: [person] }).tagged).toEqual(['Tagged: Tran Van Thu (Trần Văn Thử)']);
    expect(cardLines(tagged, 'Thu', { tags: [person] }).tagged).toEqual(['Tagged: Tran Van Thu']);
    const convention = entityKey('topics', 'test-convention');
    expect(cardLines(doc('en', { topics: ['test-convention'] }), 'Thử Nghiệm', { tags: [convention] }).tagged).toEqual([
      'Tagged: Testville Convention (Công ước Thử Nghiệm)',
    ]);
    const academy = entityKey('organisations', 'test-academy');
    expect(cardLines(doc('vi', { organisations: ['test-academy'] }), 'Lê Quý Tét', { tags: [academy] }).tagged).toEqual(
      ['Gắn thẻ: Học viện Kiểm thử (Đại học Kiểm thử Lê Quý Tét)'],
    );
  });

  it('should name a credit whose other name holds the words the text does not show, the rest being in the text', () => {
    const story = doc('en', {
      text: 'Officers of Testland met.',
      credits: { source: { name: 'Test Gazette', entity: 'organisations:test-gazette' } },
    });
    expect(cardLines(story, 'Báo Kiểm thử Testland', { kind: 'apart' }).credit).toEqual([
      'Source: Test Gazette ([Báo] [Kiểm] [thử])',
    ]);
  });

  it('should name a tag whose name holds two words typed apart written as one', () => {
    const story = doc('en', { organisations: ['test-ministry'] });
    expect(cardLines(story, 'Test Land', { kind: 'apart' }).tagged).toEqual([
      'Tagged: Ministry of Trials (Testland Ministry of Trials)',
    ]);
  });

  it('should name a tag on a Vietnamese page by a Vietnamese name that holds the words before the English one', () => {
    const story = doc('vi', { organisations: ['test-academy'], text: 'Cán bộ Văn phòng họp.' });
    expect(cardLines(story, 'Lê Văn', { kind: 'apart' }).tagged).toEqual([
      'Gắn thẻ: Học viện Kiểm thử (Đại học Kiểm thử Lê Quý Tét)',
    ]);
  });
});

/** The words a card marks, in its order. */
function cardMarks(story: SearchDoc, query: string, kind: MatchKind = 'together'): string[] {
  const html = renderToStaticMarkup(
    <SearchResult
      doc={story}
      hit={{ story: story.number, locale: story.locale, score: 1, tags: [] }}
      kind={kind}
      locale={story.locale}
      terms={queryTerms(query)}
      entityName={(_, id) => id}
      entityOf={entityOf}
    />,
  );
  return [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map(([, inner]) => inner ?? '');
}

describe('what a card marks of a last word', () => {
  const held = doc('en', {
    title: 'Officers of a test university meet',
    summary: 'Under the plan, officers met.',
    text: 'The UN and its units met the officers.',
  });

  it.each(['UN', 'U.N.', 'un'])(
    'should mark "%s" where the card has it whole, not the longer words it starts',
    (query) => {
      expect(cardMarks(held, query)).toEqual(['UN']);
    },
  );

  it('should mark the words a last word starts where the card has it nowhere whole', () => {
    expect(cardMarks(doc('en', { title: 'Officers of a test university meet' }), 'un')).toEqual(['university']);
    expect(cardMarks(held, 'univ')).toEqual(['university']);
  });

  it('should take a run of the query with its last word whole only where the card holds that run', () => {
    const story = doc('en', { title: 'Command 86 sends 8 units', summary: 'Command 86 met.' });
    expect(cardMarks(story, 'Command 8')).toEqual(['Command 86', 'Command 86']);
    expect(cardMarks(held, 'UN and')).toEqual(['UN and']);
  });

  it.each(['Hoà', 'hòa', 'Hoa\u0300'])(
    'should mark "%s", in either tone placement, where the card has it whole, not "hoàn"',
    (query) => {
      const story = doc('vi', {
        title: 'Học viên hoàn thành khoá học',
        summary: 'Giảng viên Trần Thị Hoà trình bày kết quả.',
      });
      expect(cardMarks(story, query)).toEqual(['Hoà']);
      expect(cardMarks(doc('vi', { title: 'Học viên hoàn thành khoá học' }), query)).toEqual(['hoàn']);
    },
  );
});

describe('a card of a story dated the day typed', () => {
  it.each([
    ['en', '23 October 2025', '23 October 2025'],
    ['en', 'October 23, 2025', '23 October 2025'],
    ['vi', '23/10/2025', 'ngày 23 tháng 10 năm 2025'],
  ] as const)('should mark on the %s card for "%s" its date: "%s"', (locale, query, shown) => {
    expect(cardMarks(doc(locale, { date: '2025-10-23' }), query)).toEqual([shown]);
  });

  it.each([
    ['en', '23 October 2025', 'On October 23, officers met.', ['23 October 2025', 'October 23']],
    ['vi', 'ngày 23 tháng 10 năm 2025', 'Ngày 23/10, cán bộ họp.', ['ngày 23 tháng 10 năm 2025', '23/10']],
    ['vi', '23/10/2025', 'Hôm 23 tháng 10, cán bộ họp.', ['ngày 23 tháng 10 năm 2025', '23 tháng 10']],
  ] as const)(
    'should mark on the %s card for "%s" the day its text names without the year',
    (locale, query, summary, marks) => {
      expect(cardMarks(doc(locale, { date: '2025-10-23', summary }), query)).toEqual(marks);
    },
  );

  it('should mark no date of another day', () => {
    expect(cardMarks(doc('en', { date: '2025-10-24' }), '23 October 2025')).toEqual([]);
  });
});

describe('a card of a story with the words typed before a date, dated then', () => {
  const rehearsal = (locale: Locale, date: string, summary: string) => doc(locale, { date, summary, text: summary });

  it.each([
    ['en', 'rehearsal 2025', 'The rehearsal was held.', ['23 October 2025', 'rehearsal']],
    ['en', 'rehearsal in October 2025', 'The rehearsal was held.', ['23 October 2025', 'rehearsal']],
    ['vi', 'tổng duyệt năm 2025', 'Buổi tổng duyệt diễn ra.', ['ngày 23 tháng 10 năm 2025', 'tổng duyệt']],
    ['vi', 'tổng duyệt 23/10/2025', 'Buổi tổng duyệt diễn ra.', ['ngày 23 tháng 10 năm 2025', 'tổng duyệt']],
  ] as const)('should mark on the %s card for "%s" the words and the date', (locale, query, summary, marks) => {
    expect(cardMarks(rehearsal(locale, '2025-10-23', summary), query)).toEqual(marks);
  });

  it('should mark no date of another year or month, nor the words as if they stood beside the date', () => {
    expect(cardMarks(rehearsal('en', '2024-10-23', 'The rehearsal was held.'), 'rehearsal 2025')).not.toContain(
      '23 October 2024',
    );
    expect(cardMarks(rehearsal('en', '2025-11-23', 'The rehearsal was held.'), 'rehearsal October 2025')).not.toContain(
      '23 November 2025',
    );
  });

  it('should mark on a card listed apart, dated otherwise, the words as one where it holds them so, and no date', () => {
    const earlier = rehearsal('en', '2024-10-23', 'The ceremony rehearsal was held.');
    expect(cardMarks(earlier, 'ceremony rehearsal 2025', 'apart')).toEqual(['ceremony rehearsal']);
    const vi = rehearsal('vi', '2024-10-23', 'Buổi tổng duyệt diễn ra.');
    expect(cardMarks(vi, 'tổng duyệt năm 2025', 'apart')).toEqual(['tổng duyệt']);
    // Held apart, the words are marked each where it stands.
    const apart = rehearsal('en', '2024-10-23', 'The rehearsal of the ceremony.');
    expect(cardMarks(apart, 'ceremony rehearsal 2025', 'apart')).toEqual(['rehearsal', 'ceremony']);
  });

  it('should mark the query as typed, not its date, where the story holds it together', () => {
    const decree = rehearsal('en', '2023-07-01', 'Decree 13/2023 on personal data protection takes effect.');
    expect(cardMarks(decree, 'Decree 13 2023')).toEqual(['Decree 13/2023']);
  });
});
