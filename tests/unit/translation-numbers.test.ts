/** The numbers of a story's two language files: the same figures written each language's way agree, a figure in one file only is named. */
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../lib/site/i18n';
import type { RenderedBody } from '../../lib/caches/content-caches';
import type { CheckedFile } from '../../lib/content/checked-file';
import { createKeyedCache } from '../../lib/caches/keyed-cache';
import { loadContent, type LoadedContent } from '../../lib/content/load';
import {
  numberDriftProblems,
  numbersAsWords,
  numbersFromStore,
  numbersIn,
  storedNumbers,
  type NumberedFile,
} from '../../lib/content/translation-numbers';
import {
  articleText,
  BASE_EN,
  BASE_STORY_ID,
  BASE_VI,
  fixturesRemovedAfterEach,
  positionOf,
} from './helpers/content-fixture';

const values = (text: string, locale: Locale) => numbersIn(text, locale).map((number) => number.values);

/** A file whose numbers are those of `text`, all on line 1 at their column. */
function file(locale: Locale, text: string): NumberedFile {
  return {
    file: `articles/story/${locale}.md`,
    locale,
    words: numbersAsWords(text),
    numbers: numbersIn(text, locale).map(({ written, values: read, index }) => ({
      written,
      values: read,
      line: 1,
      column: index + 1,
    })),
  };
}

const messages = (en: string, vi: string) =>
  numberDriftProblems(file('en', en), file('vi', vi)).map((problem) => `${problem.file}: ${problem.message}`);

describe('numbersIn', () => {
  it('should read thousands and decimals as each language writes them, and the other way as a second reading', () => {
    expect(values('1,000 people and 3.5 percent', 'en')).toEqual([['1000', '1'], ['3.5']]);
    expect(values('1.000 người và 3,5 phần trăm', 'vi')).toEqual([['1000', '1'], ['3.5']]);
    expect(values('12,345,678', 'en')).toEqual([['12345678']]);
  });

  it('should count the parts of a date or version one by one', () => {
    expect(numbersIn('ngày 23.10.2025, bản 1.2.3', 'vi').map((number) => number.written)).toEqual([
      '23',
      '10',
      '2025',
      '1',
      '2',
      '3',
    ]);
    expect(values('25/10/2025 and 2025-10-25', 'en')).toEqual([['25'], ['10'], ['2025'], ['2025'], ['10'], ['25']]);
  });

  it('should read English month names as their numbers, and May only beside a number', () => {
    expect(values('On October 25 and in Sept. 2024', 'en')).toEqual([['10'], ['25'], ['9'], ['2024']]);
    expect(values('They may meet on 3 May', 'en')).toEqual([['3'], ['5']]);
  });

  it('should add the value a multiplier word gives', () => {
    expect(values('1.5 million users', 'en')).toEqual([['1.5', '1500000']]);
    expect(values('100 nghìn người', 'vi')).toEqual([['100', '100000']]);
  });
});

describe('numberDriftProblems', () => {
  it('should not report the same numbers written each language’s way', () => {
    expect(
      messages(
        'On October 25-26, 2025, 1,000 delegates; 86% agreed; 1.5 million users',
        'Ngày 25 và 26/10/2025, 1.000 đại biểu; 86% đồng ý; 1,5 triệu người dùng',
      ),
    ).toEqual([]);
    expect(messages('100,000 soldiers', '100 nghìn chiến sĩ')).toEqual([]);
    expect(messages('two days', 'hai ngày, 2 ngày')).toEqual([]);
  });

  it('should name the numbers only one file holds, in each file', () => {
    expect(
      messages('Command 86 trained 1,360 officers in 2025', 'Bộ Tư lệnh 86 đào tạo 1.630 cán bộ trong năm 2024'),
    ).toEqual([
      'articles/story/en.md: the numbers 1,360 (line 1) and 2025 (line 1) are not in vi.md',
      'articles/story/vi.md: the numbers 1.630 (line 1) and 2024 (line 1) are not in en.md',
    ]);
    expect(messages('86 and 12', 'Bộ Tư lệnh 86')).toEqual([
      'articles/story/en.md: the number 12 (line 1) is not in vi.md',
    ]);
  });

  it('should list at most eight numbers and count the rest', () => {
    expect(messages('11 12 13 14 15 16 17 18 19 20', '')).toEqual([
      'articles/story/en.md: the numbers 11 (line 1), 12 (line 1), 13 (line 1), 14 (line 1), 15 (line 1), 16 (line 1), 17 (line 1), 18 (line 1) and 2 more are not in vi.md',
    ]);
  });
});

describe('storedNumbers', () => {
  it('should give back the numbers and number words it keeps, a field only where one was named', () => {
    const { numbers, words } = file('en', 'Two units, 1,360 officers, 25 October.');
    const kept = {
      numbers: numbers.map((number, index) => (index === 0 ? { ...number, field: 'title' } : number)),
      words,
    };
    expect(kept.numbers).toHaveLength(3);
    expect(numbersFromStore(storedNumbers(kept.numbers, kept.words))).toStrictEqual(kept);
  });
});

describe('loading a story whose files disagree in their numbers', () => {
  const fixtureWith = fixturesRemovedAfterEach();

  it('should warn at the first differing number of each file, naming the field or line', () => {
    const en = articleText(
      { ...BASE_EN, title: 'Command 86 trains 1,360 officers' },
      'The ceremony is on 25 October.\n\nIt lasts 3 hours.\n',
    );
    const vi = articleText(
      { ...BASE_VI, title: 'Bộ Tư lệnh 86 đào tạo 1.360 cán bộ' },
      'Buổi lễ diễn ra ngày 25/11.\n',
    );
    const fixture = fixtureWith({ base: { en, vi } });
    const { problems } = fixture.load();
    expect(
      problems
        .filter((problem) => problem.kind === 'NumbersDiffer')
        .map(({ file, ...rest }) => ({ ...rest, file: file.slice(file.indexOf('articles/')) })),
    ).toEqual([
      {
        kind: 'NumbersDiffer',
        file: `articles/${BASE_STORY_ID}/en.md`,
        ...positionOf(en, 'October.'),
        message: `the numbers October (line ${positionOf(en, 'October').line}) and 3 (line ${positionOf(en, '3 hours').line}) are not in vi.md`,
      },
      {
        kind: 'NumbersDiffer',
        file: `articles/${BASE_STORY_ID}/vi.md`,
        ...positionOf(vi, '11.'),
        message: `the number 11 (line ${positionOf(vi, '11.').line}) is not in en.md`,
      },
    ]);
  });

  it('should match a number one file writes as a word to the other’s digits, also when the files are taken from the check cache', () => {
    const en = articleText(BASE_EN, 'Two ministries and 3 agencies signed it.\n');
    const drift = (viBody: string) => {
      const fixture = fixtureWith({ base: { en, vi: articleText(BASE_VI, viBody) } });
      const caches = {
        renderCache: createKeyedCache<RenderedBody>(''),
        checkCache: createKeyedCache<CheckedFile>(''),
      };
      const messagesOf = ({ problems }: LoadedContent) =>
        problems.filter((problem) => problem.kind === 'NumbersDiffer').map((problem) => problem.message);
      const cold = messagesOf(loadContent(fixture.dir, caches));
      caches.checkCache.hits = 0;
      const warm = messagesOf(loadContent(fixture.dir, caches));
      expect(caches.checkCache.hits).toBeGreaterThan(0);
      expect(warm).toEqual(cold);
      return cold;
    };
    expect(drift('Có 2 bộ và ba ngành ký.\n')).toEqual([]);
    expect(drift('Có 2 bộ và bốn ngành ký.\n')).toEqual([
      `the number 3 (line ${positionOf(en, '3 agencies').line}) is not in vi.md`,
    ]);
  });
});
