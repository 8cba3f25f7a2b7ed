import { existsSync, readFileSync, renameSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasErrors, loadContent, type LoadedContent } from '../../lib/content/load';
import { MAX_BODY_BYTES } from '../../lib/content/articles';
import { formatProblem, PROBLEM_KINDS, type ContentProblem } from '../../lib/content/problems';
import { storiesIn, storyListing } from '../../lib/views/story-lists';
import {
  articleText,
  BASE_EN,
  BASE_STORY_ID,
  BASE_VI,
  type ContentFixture,
  type Fields,
  fixturesRemovedAfterEach,
  positionOf,
  raw,
  REAL_CONTENT_DIR,
} from './helpers/content-fixture';

const EN = `articles/${BASE_STORY_ID}/en.md`;
const VI = `articles/${BASE_STORY_ID}/vi.md`;
/** Where a problem about a missing field points: the first line inside the frontmatter. */
const FRONTMATTER_START = { line: 2, column: 1 };

const fixtureWith = fixturesRemovedAfterEach();

/** Loads a fixture whose base story's English file is `text`. */
function loadWithEnglish(text: string): { fixture: ContentFixture; result: LoadedContent } {
  const fixture = fixtureWith({ base: { en: text } });
  return { fixture, result: fixture.load() };
}

/** That an English file with this title has one problem: its title is over the 200 characters allowed. */
function expectTitleTooLong(title: string): void {
  const text = articleText({ ...BASE_EN, title });
  const { fixture, result } = loadWithEnglish(text);
  expect(result.problems).toEqual([
    expected(fixture, EN, {
      kind: 'InvalidField',
      ...valuePosition(text, 'title'),
      field: 'title',
      message: 'expected at most 200 characters',
    }),
  ]);
}

/** The expected problem, with `file` matched as the end of the displayed path. */
function expected(fixture: ContentFixture, relative: string, rest: Omit<ContentProblem, 'file'>) {
  return { ...rest, file: expect.stringMatching(fixture.file(relative)) };
}

/** Where the value of `key` starts on its `key: value` line. */
function valuePosition(text: string, key: string): { line: number; column: number } {
  const position = positionOf(text, `\n${key}: `);
  return { line: position.line + 1, column: key.length + 3 };
}

describe('loadContent', () => {
  describe('the valid base', () => {
    it('should load the real content folder without errors', () => {
      const { problems, archive } = loadContent(REAL_CONTENT_DIR);
      expect(problems.filter((problem) => PROBLEM_KINDS[problem.kind].severity === 'error')).toEqual([]);
      expect(archive.stories.length).toBeGreaterThan(0);
    });

    it('should load the fixture base story in both languages with no problems', () => {
      const { archive, problems, drafts } = fixtureWith().load();
      expect(problems).toEqual([]);
      expect(drafts).toBe(0);
      expect(archive.stories.map((story) => [story.id, story.date, Object.keys(story.articles).sort()])).toEqual([
        [BASE_STORY_ID, '2025-10-23', ['en', 'vi']],
      ]);
      expect(archive.stories[0]?.articles.vi?.title).toBe(BASE_VI.title);
    });
  });

  describe('required fields', () => {
    it.each([
      ['title', 'required field is missing (expected a title (text))'],
      ['summary', 'required field is missing (expected a summary (text))'],
      ['date', 'required field is missing (expected a date as YYYY-MM-DD or YYYY-MM)'],
      ['topics', 'required field is missing (expected a list of topic ids)'],
    ])('should report a missing %s', (field, message) => {
      const { fixture, result } = loadWithEnglish(articleText({ ...BASE_EN, [field]: undefined }));
      expect(result.problems).toEqual([
        expected(fixture, EN, { kind: 'InvalidField', ...FRONTMATTER_START, field, message }),
      ]);
      expect(result.archive.stories).toEqual([]);
    });
  });

  describe('field types and sizes', () => {
    it.each<[string, Fields[string], string]>([
      ['title', 42, 'expected a title (text)'],
      ['title', '   ', 'expected a title, got an empty text'],
      ['summary', ['a', 'list'], 'expected a summary (text)'],
      ['topics', 'command-86', 'expected a list of topic ids'],
      ['people', 'luong-cuong', 'expected a list of person ids'],
      ['draft', 'yes', 'expected true or false'],
      ['draft', raw('yes'), 'expected true or false'],
      ['date', raw('2025'), 'expected a date as YYYY-MM-DD or YYYY-MM'],
      ['source', 'Vietnam News Agency', 'expected a source as { name: "…", url: "https://…", language: en }'],
      ['author', 7, 'expected the reporter (text)'],
    ])('should report %s written as %j', (field, value, message) => {
      const text = articleText({ ...BASE_EN, [field]: value });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, { kind: 'InvalidField', ...valuePosition(text, field), field, message }),
      ]);
    });

    it('should report a title over 200 characters', () => {
      expectTitleTooLong('x'.repeat(201));
    });

    it('should report a list of more than 100 ids, naming the list', () => {
      const ids = Array.from({ length: 101 }, (_, at) => `person-${String(at).padStart(3, '0')}`);
      const { result } = loadWithEnglish(articleText({ ...BASE_EN, people: ids }));
      expect(result.problems).toContainEqual(
        expect.objectContaining({ kind: 'InvalidField', field: 'people', message: 'expected at most 100 person ids' }),
      );
    });

    it('should accept a title of exactly 200 characters', () => {
      const { result } = loadWithEnglish(articleText({ ...BASE_EN, title: 'x'.repeat(200) }));
      expect(result.problems).toEqual([]);
      expect(result.archive.stories[0]?.articles.en?.title).toBe('x'.repeat(200));
    });

    it('should report a summary over 400 characters', () => {
      const text = articleText({ ...BASE_EN, summary: 'x'.repeat(401) });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidField',
          ...valuePosition(text, 'summary'),
          field: 'summary',
          message: 'expected at most 400 characters',
        }),
      ]);
    });

    it('should accept a summary of exactly 400 characters with a LongSummary warning only', () => {
      const text = articleText({ ...BASE_EN, summary: 'x'.repeat(400) });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'LongSummary',
          ...valuePosition(text, 'summary'),
          field: 'summary',
          message: 'the summary has 400 characters; under 300 reads best',
        }),
      ]);
      expect(hasErrors(result.problems)).toBe(false);
      expect(result.archive.stories).toHaveLength(1);
    });

    describe('lengths counted as the editor sees the text', () => {
      /** A Vietnamese text of exactly `length` characters in composed form, where many letters carry one or two marks. */
      const vietnamese = (length: number) =>
        `${'Thượng tướng Nguyễn Trọng Nghĩa dự lễ kỷ niệm. '.repeat(20).slice(0, length - 1)}ệ`;

      it('should accept a title of 200 characters typed decomposed, though it is more than 200 characters as stored', () => {
        const title = vietnamese(200).normalize('NFD');
        expect(title.length).toBeGreaterThan(250);
        const { result } = loadWithEnglish(articleText({ ...BASE_EN, title }));
        expect(result.problems).toEqual([]);
        expect(result.archive.stories[0]?.articles.en?.title).toBe(title.trim());
      });

      it('should refuse a title of 201 characters typed decomposed', () => {
        expectTitleTooLong(vietnamese(201).normalize('NFD'));
      });

      it('should count an emoji as one character, not as the two units JavaScript stores it in', () => {
        const title = `${'x'.repeat(190)}${'📰'.repeat(10)}`;
        expect(title.length).toBeGreaterThan(200);
        const { result } = loadWithEnglish(articleText({ ...BASE_EN, title }));
        expect(result.problems).toEqual([]);
      });

      it('should count a decomposed summary composed for its LongSummary warning', () => {
        const summary = vietnamese(290).normalize('NFD');
        const { result } = loadWithEnglish(articleText({ ...BASE_EN, summary }));
        expect(result.problems).toEqual([]);
        const longer = loadWithEnglish(articleText({ ...BASE_EN, summary: vietnamese(310).normalize('NFD') }));
        expect(longer.result.problems.map((problem) => problem.message)).toEqual([
          'the summary has 310 characters; under 300 reads best',
        ]);
      });
    });

    describe('the longest one-line texts', () => {
      /** A word of `length` letters: what search would keep every start of. */
      const word = (length: number) => 'n'.repeat(length);

      it.each<[string, number, (value: string) => Fields]>([
        ['author', 300, (value) => ({ author: value })],
        ['translator', 300, (value) => ({ original: undefined, translated_from: 'vi', translator: value })],
        ['source.name', 300, (value) => ({ source: { name: value } })],
        ['image.credit', 300, (value) => ({ image: { src: 'photo.jpg', alt: 'Delegates', credit: value } })],
        ['image.caption', 1000, (value) => ({ image: { src: 'photo.jpg', alt: 'Delegates', caption: value } })],
        ['image.alt', 1000, (value) => ({ image: { src: 'photo.jpg', alt: value } })],
        ['corrections.0.text', 1000, (value) => ({ corrections: [{ date: '2025-10-24', text: value }] })],
      ])('should refuse %s over %d characters, and accept it at the limit', (field, limit, set) => {
        const ofField = (result: LoadedContent) => result.problems.filter((problem) => problem.field === field);
        const text = articleText({ ...BASE_EN, ...set(word(40_000)) });
        const { fixture, result } = loadWithEnglish(text);
        expect(ofField(result)).toEqual([
          expected(fixture, EN, {
            kind: 'InvalidField',
            ...positionOf(text, `"${word(40_000)}"`),
            field,
            message: `expected at most ${limit} characters`,
          }),
        ]);
        expect(ofField(loadWithEnglish(articleText({ ...BASE_EN, ...set(word(limit)) })).result)).toEqual([]);
      });

      /** The fixture's registry with one more entry, whose `field` is `value`; the problems of that entry. */
      function loadRegistryEntry(registry: string, entry: string, value: string) {
        const fixture = fixtureWith();
        const original = readFileSync(fixture.path(registry), 'utf8');
        const text = `${original}\n${entry.replace('VALUE', JSON.stringify(value))}\n`;
        fixture.write(registry, text);
        const problems = fixture.load().problems.filter((problem) => problem.field?.startsWith('long-one → '));
        return { fixture, text, problems };
      }

      const PERSON = (fields: string) => `- id: long-one\n  name: { en: "Long One", vi: "Người Dài" }\n${fields}`;
      it.each<[string, string, string, string, number]>([
        ['people.yaml', 'an alias', 'aliases.0', PERSON('  aliases: [VALUE]'), 300],
        ['people.yaml', 'a description', 'description.en', PERSON('  description: { en: VALUE, vi: "Mô tả" }'), 1000],
        [
          'people.yaml',
          'a role title',
          'roles.0.title.vi',
          PERSON('  roles:\n    - { title: { en: "Director", vi: VALUE }, reported_in: base-story }'),
          300,
        ],
        [
          'people.yaml',
          'the name of a cited document',
          'roles.0.source.name',
          PERSON(
            '  roles:\n    - { title: { en: "Director", vi: "Giám đốc" }, from: "2020", source: { name: VALUE } }',
          ),
          1000,
        ],
        ['organisations.yaml', 'a name', 'name.en', '- id: long-one\n  name: { en: VALUE, vi: "Tổ chức" }', 300],
        ['topics.yaml', 'a name', 'name.vi', '- id: long-one\n  name: { en: "Topic", vi: VALUE }', 300],
      ])('should refuse in %s %s over its limit, and accept it at the limit', (registry, _, field, entry, limit) => {
        const refused = loadRegistryEntry(registry, entry, word(40_000));
        expect(refused.problems).toEqual([
          expected(refused.fixture, registry, {
            kind: 'InvalidField',
            ...positionOf(refused.text, `"${word(40_000)}"`),
            field: `long-one → ${field}`,
            message: `expected at most ${limit} characters`,
          }),
        ]);
        expect(loadRegistryEntry(registry, entry, word(limit)).problems).toEqual([]);
      });

      it('should print an alias too long to accept in no more than a line of each message', () => {
        const { problems } = loadRegistryEntry('people.yaml', PERSON('  aliases: [VALUE]'), `Gen. ${word(40_000)}`);
        expect(problems.map((problem) => problem.kind)).toEqual(['InvalidField']);
        expect(problems.map(formatProblem).filter((printed) => printed.length > 500)).toEqual([]);
      });

      it('should quote no more than a line of a long value in any message', () => {
        const long = word(40_000);
        const body = [
          `See [the page](/en/articles/${long}/), [the entry](/en/people/${long}/) and [a call](tel:${long}).`,
          `![${long}](${long}.jpg) ![A photo](/${long}.jpg) ![A photo](https://example.com/${long}.jpg) ![A photo](${long}.gif)`,
          `<div>${long}</div>`,
          '',
        ].join('\n\n');
        const fixture = fixtureWith({
          base: {
            en: articleText(
              { ...BASE_EN, date: `2025-${long}`, updated: long, [`k${word(1_000)}`]: 'x', aliases: [] },
              body,
            ),
            vi: articleText({ ...BASE_VI, aliases: Array.from({ length: 100 }, (_, index) => `old-id-${index}`) }),
          },
          stories: {
            'long-number': {
              en: articleText(BASE_EN, `The budget is ${'9'.repeat(40_000)} dong.\n`),
              vi: articleText(BASE_VI, 'Ngân sách.\n'),
            },
          },
        });
        const people = readFileSync(fixture.path('people.yaml'), 'utf8');
        fixture.write(
          'people.yaml',
          `${people}\n- id: long-one\n  name: { en: "Long One", vi: "Người Dài" }\n  "${word(1_000)}": 1\n  roles:\n    - { title: { en: "Director", vi: "Giám đốc" }, from: "${long}", source: { name: "A decree" } }\n`,
        );
        const { problems } = fixture.load();
        expect(new Set(problems.map((problem) => problem.kind))).toEqual(
          new Set([
            'InvalidField',
            'UnknownField',
            'NumbersDiffer',
            'BrokenLink',
            'DroppedLink',
            'MissingImage',
            'ImagePath',
            'RemoteImage',
            'RemovedHtmlText',
            'TranslationMismatch',
          ]),
        );
        expect(
          problems.filter((problem) => problem.message.length + (problem.field?.length ?? 0) > 400).map(formatProblem),
        ).toEqual([]);
      });
    });

    it('should report an empty topics list', () => {
      const text = articleText({ ...BASE_EN, topics: [] });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidField',
          ...valuePosition(text, 'topics'),
          field: 'topics',
          message: 'expected at least one topic id',
        }),
      ]);
    });

    it('should report an id listed twice at its second place', () => {
      const text = articleText({ ...BASE_EN, topics: ['cybersecurity', 'hanoi-convention', 'cybersecurity'] });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidField',
          ...positionOf(text, '"cybersecurity"]'),
          field: 'topics.2',
          message: '"cybersecurity" is listed twice',
        }),
      ]);
    });

    it('should report a malformed id in a list at its own position', () => {
      const text = articleText({ ...BASE_EN, topics: ['cybersecurity', 'Not A Topic'] });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidField',
          ...positionOf(text, '"Not A Topic"'),
          field: 'topics.1',
          message: 'expected an id of 3 to 100 characters: lowercase a-z, 0-9 and "-"',
        }),
      ]);
    });
  });

  describe('dates', () => {
    it.each([
      ['2025-02-30', 'day 30 does not exist in 2025-02 ("2025-02-30")'],
      ['2023-02-29', 'day 29 does not exist in 2023-02 ("2023-02-29")'],
      ['2025-13', 'month 13 does not exist in "2025-13"'],
      ['2025-00', 'month 00 does not exist in "2025-00"'],
      ['25-10-23', 'expected a date as YYYY-MM-DD or YYYY-MM, got "25-10-23"'],
    ])('should report the impossible date %s', (date, message) => {
      const text = articleText({ ...BASE_EN, date });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, { kind: 'InvalidField', ...valuePosition(text, 'date'), field: 'date', message }),
      ]);
    });

    it('should report an impossible unquoted date the same way', () => {
      const text = articleText({ ...BASE_EN, date: raw('2025-02-30') });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidField',
          ...valuePosition(text, 'date'),
          field: 'date',
          message: 'day 30 does not exist in 2025-02 ("2025-02-30")',
        }),
      ]);
    });

    it.each(['2025-10-23', '2025-10', '2024-02-29'])(
      'should keep the unquoted date %s as the same text in both languages',
      (date) => {
        const fixture = fixtureWith({
          base: { en: articleText({ ...BASE_EN, date: raw(date) }), vi: articleText({ ...BASE_VI, date: raw(date) }) },
        });
        const { archive, problems } = fixture.load();
        expect(problems).toEqual([]);
        expect(archive.stories[0]?.date).toBe(date);
        expect(archive.stories[0]?.articles.en?.date).toBe(date);
      },
    );

    it('should treat a quoted and an unquoted copy of one date as the same date across translations', () => {
      const fixture = fixtureWith({ base: { vi: articleText({ ...BASE_VI, date: raw('2025-10-23') }) } });
      expect(fixture.load().problems).toEqual([]);
    });

    describe('years a date may fall in', () => {
      /** The day the tests run the check on: dates are accepted up to the end of the next year, 2026. */
      const TODAY = new Date('2025-06-01T12:00:00Z');
      const loadOn = (fixture: ContentFixture) => loadContent(fixture.dir, { today: TODAY });

      it.each([
        ['0000-01', '0000'],
        ['0099-12-31', '0099'],
        ['1944-12-31', '1944'],
        ['2027-01-01', '2027'],
        ['9999-12-31', '9999'],
      ])('should refuse the story date %s, naming the accepted years', (date, year) => {
        const text = articleText({ ...BASE_EN, date });
        const fixture = fixtureWith({ base: { en: text, vi: articleText({ ...BASE_VI, date }) } });
        const { problems, archive } = loadOn(fixture);
        expect(problems.filter((problem) => problem.file.endsWith('en.md'))).toEqual([
          expected(fixture, EN, {
            kind: 'InvalidField',
            ...valuePosition(text, 'date'),
            field: 'date',
            message: `expected a year from 1945 to 2026, got ${year} ("${date}")`,
            hint: "Check the year: the archive's dates fall from 1945, when the oldest of its outlets first reported, to the end of next year.",
          }),
        ]);
        expect(archive.stories).toEqual([]);
      });

      it.each(['1945-01-01', '1945-01', '2026-12-31'])('should accept the story date %s', (date) => {
        const fixture = fixtureWith({
          base: { en: articleText({ ...BASE_EN, date }), vi: articleText({ ...BASE_VI, date }) },
        });
        const { problems, archive } = loadOn(fixture);
        expect(problems).toEqual([]);
        expect(archive.stories[0]?.date).toBe(date);
      });

      it('should refuse an update and a correction outside the years, and not call them early as well', () => {
        const text = articleText({
          ...BASE_EN,
          updated: '9999-12-31',
          corrections: [{ date: '0099-12-31', text: 'A name was misspelt.' }],
        });
        const { fixture } = loadWithEnglish(text);
        expect(loadOn(fixture).problems.map(({ kind, field, message }) => ({ kind, field, message }))).toEqual([
          {
            kind: 'InvalidField',
            field: 'updated',
            message: 'expected a year from 1945 to 2026, got 9999 ("9999-12-31")',
          },
          {
            kind: 'InvalidField',
            field: 'corrections.0.date',
            message: 'expected a year from 1945 to 2026, got 0099 ("0099-12-31")',
          },
        ]);
      });

      it('should report a registry that is not YAML once, not every id of its kind in the stories', () => {
        const fixture = fixtureWith({ base: { en: articleText({ ...BASE_EN, topics: ['no-such-topic'] }) } });
        const unknown = () =>
          fixture
            .load()
            .problems.filter((problem) => problem.kind === 'UnknownReference')
            .map((problem) => problem.field);
        expect(unknown()).toEqual(['topics.0']);
        // One line indented a space too far, as an editor's slip makes it.
        const slip = (text: string) => text.replace(/\n(\s+)name:/, '\n$1 name:');
        const people = readFileSync(fixture.path('people.yaml'), 'utf8');
        fixture.write('people.yaml', slip(people));
        expect(unknown()).toEqual(['topics.0']);
        const topics = readFileSync(fixture.path('topics.yaml'), 'utf8');
        fixture.write('topics.yaml', slip(topics));
        expect(unknown()).toEqual([]);
        const { problems } = fixture.load();
        expect(problems.some((problem) => problem.file.endsWith('topics.yaml'))).toBe(true);
      });

      it.each(['0000', '1900-05', '2030'])("should refuse a role's start %s outside the years, at its line", (from) => {
        const fixture = fixtureWith();
        const original = readFileSync(fixture.path('people.yaml'), 'utf8');
        const text = `${original}\n- id: new-person\n  name: { en: "New Person", vi: "Người Mới" }\n  roles:\n    - from: "${from}"\n      title: { en: "Director", vi: "Giám đốc" }\n      source: { name: "A decree" }\n`;
        fixture.write('people.yaml', text);
        expect(loadOn(fixture).problems).toEqual([
          expected(fixture, 'people.yaml', {
            kind: 'InvalidField',
            ...positionOf(text, `"${from}"`),
            field: 'new-person → roles.0.from',
            message: `expected a year from 1945 to 2026, got ${from.slice(0, 4)} ("${from}")`,
            hint: "Check the year: the archive's dates fall from 1945, when the oldest of its outlets first reported, to the end of next year.",
          }),
        ]);
      });
    });
  });

  describe('references to the registries', () => {
    it('should report an unknown topic id with the closest id as a hint', () => {
      const text = articleText({ ...BASE_EN, topics: ['hanoi-convention', 'comand-86'] });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'UnknownReference',
          ...positionOf(text, '"comand-86"'),
          field: 'topics.1',
          message: 'unknown topic id "comand-86"',
          hint: 'Did you mean `command-86`? Ids are listed in topics.yaml.',
        }),
      ]);
      expect(result.archive.stories).toEqual([]);
    });

    it('should report an unknown person id, suggesting to add it when no id is close', () => {
      const text = articleText({ ...BASE_EN, people: ['luong-cuong', 'nobody-at-all'] });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'UnknownReference',
          ...positionOf(text, '"nobody-at-all"'),
          field: 'people.1',
          message: 'unknown person id "nobody-at-all"',
          hint: 'Add "nobody-at-all" to people.yaml, or use an id listed there.',
        }),
      ]);
    });

    it('should report an unknown organisation id with the closest id as a hint', () => {
      const text = articleText({ ...BASE_EN, organisations: ['united-natons'] });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'UnknownReference',
          ...positionOf(text, '"united-natons"'),
          field: 'organisations.0',
          message: 'unknown organisation id "united-natons"',
          hint: 'Did you mean `united-nations`? Ids are listed in organisations.yaml.',
        }),
      ]);
    });

    it.each(['topics.yaml', 'people.yaml', 'organisations.yaml'])(
      'should report a duplicate id in %s at the second entry',
      (registry) => {
        const fixture = fixtureWith();
        const original = readFileSync(fixture.path(registry), 'utf8');
        const firstId = /^- id: (\S+)$/m.exec(original)?.[1];
        if (!firstId) throw new Error(`no entry in ${registry}`);
        const appended = `\n- id: ${firstId}\n  name: { en: "Copy", vi: "Bản sao" }\n`;
        const text = original + appended;
        fixture.write(registry, text);

        const duplicateAt = positionOf(text.slice(original.length), `id: ${firstId}`);
        const line = original.split('\n').length - 1 + duplicateAt.line;
        expect(fixture.load().problems).toEqual([
          expected(fixture, registry, {
            kind: 'DuplicateId',
            line,
            column: duplicateAt.column + 'id: '.length,
            field: `${firstId} → id`,
            message: `the id "${firstId}" is already used on line ${positionOf(original, `- id: ${firstId}`).line}`,
          }),
        ]);
      },
    );

    it('should report a registry entry without its Vietnamese name, and an unknown registry field', () => {
      const fixture = fixtureWith();
      const original = readFileSync(fixture.path('people.yaml'), 'utf8');
      const text = `${original}\n- id: new-person\n  name: { en: "New Person" }\n  alias: ["NP"]\n`;
      fixture.write('people.yaml', text);
      expect(fixture.load().problems).toEqual([
        expected(fixture, 'people.yaml', {
          kind: 'InvalidField',
          ...positionOf(text, '{ en: "New Person" }'),
          field: 'new-person → name.vi',
          message: 'required field is missing (expected the Vietnamese name (text))',
        }),
        expected(fixture, 'people.yaml', {
          kind: 'UnknownField',
          ...positionOf(text, '["NP"]'),
          field: 'new-person → alias',
          message: 'unknown field "alias"',
        }),
      ]);
    });

    it('should name a registry entry by its id, or by its place when it has no valid id', () => {
      const fixture = fixtureWith();
      const original = readFileSync(fixture.path('people.yaml'), 'utf8');
      const entries = original.match(/^- id: /gm)?.length ?? 0;
      const text = `${original}\n- id: new-person\n  name: { en: "New Person", vi: "Người Mới" }\n  roles:\n    - from: "2020"\n      title: { en: "Director", vi: "Giám đốc" }\n      source: { name: "A decree", url: "ftp://example.org/decree" }\n\n- id: "New Person"\n  name: { en: "New Person", vi: "Người Mới" }\n`;
      fixture.write('people.yaml', text);
      expect(fixture.load().problems.map(({ line, field }) => ({ line, field }))).toEqual([
        { line: positionOf(text, 'ftp://').line, field: 'new-person → roles.0.source.url' },
        { line: positionOf(text, '"New Person"\n').line, field: `${entries + 1}.id` },
      ]);
    });

    it('should name a field written twice in a registry by its entry and both lines', () => {
      const fixture = fixtureWith();
      const original = readFileSync(fixture.path('topics.yaml'), 'utf8');
      const text = `${original}\n- id: new-topic\n  name: { en: "New", vi: "Mới" }\n  name: { en: "Newer", vi: "Mới hơn" }\n`;
      fixture.write('topics.yaml', text);
      // A registry that cannot be read leaves every topic of the stories unknown too.
      expect(fixture.load().problems.filter((problem) => problem.kind === 'InvalidYaml')).toEqual([
        expected(fixture, 'topics.yaml', {
          kind: 'InvalidYaml',
          ...positionOf(text, 'name: { en: "Newer"'),
          field: 'new-topic → name',
          message: `the field "name" is written twice, on lines ${positionOf(text, 'name: { en: "New",').line} and ${positionOf(text, 'name: { en: "Newer"').line}`,
          hint: 'Keep one of the two: a field holds one value, and which one would be kept is not for the reader to guess.',
        }),
      ]);
    });

    it('should report a registry that is not a list', () => {
      const fixture = fixtureWith({ withoutBaseStory: true });
      fixture.write('topics.yaml', 'id: command-86\n');
      expect(fixture.load().problems).toEqual([
        expected(fixture, 'topics.yaml', {
          kind: 'InvalidField',
          line: 1,
          column: 1,
          message: 'expected a list of topics (lines starting with "- id: …")',
        }),
      ]);
    });

    it('should report a missing registry file', () => {
      const fixture = fixtureWith();
      fixture.remove('people.yaml');
      const { problems } = fixture.load();
      expect(problems).toContainEqual(
        expected(fixture, 'people.yaml', { kind: 'MissingRegistry', message: 'the people registry is missing' }),
      );
      expect(hasErrors(problems)).toBe(true);
    });
  });

  describe('translations', () => {
    it.each<[string, Fields[string], string]>([
      ['date', '2025-10-24', '"2025-10-24" here, "2025-10-23" there'],
      ['topics', ['hanoi-convention'], '["hanoi-convention"] here, ["hanoi-convention","cybersecurity"] there'],
      ['people', [], '[] here, ["luong-cuong"] there'],
      [
        'organisations',
        ['united-nations', 'vietnam-news-agency', 'vietnam-peoples-army'],
        '["united-nations","vietnam-news-agency","vietnam-peoples-army"] here, ["united-nations","vietnam-news-agency"] there',
      ],
      ['aliases', ['old-story-id'], '["old-story-id"] here, [] there'],
    ])('should report translations that disagree on %s', (field, value, difference) => {
      const viText = articleText({ ...BASE_VI, [field]: value });
      const fixture = fixtureWith({ base: { vi: viText } });
      const { problems } = fixture.load();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toEqual(
        expected(fixture, VI, {
          kind: 'TranslationMismatch',
          ...valuePosition(viText, field),
          field,
          message: expect.stringMatching(/^differs from /),
        }),
      );
      // The message names the other file, then this file's value and the other's.
      const [, otherFile, values] = /^differs from (.+?): (.*)$/.exec(problems[0]?.message ?? '') ?? [];
      expect(otherFile).toMatch(fixture.file(EN));
      expect(values).toBe(difference);
      expect(hasErrors(problems)).toBe(true);
    });

    it('should report a disagreement and an early correction beside a failing field, in the same run', () => {
      // The English file has no title: its correction dated before its story, and the other date of the Vietnamese
      // file, are still found.
      const untitled = Object.fromEntries(Object.entries(BASE_EN).filter(([field]) => field !== 'title'));
      const enText = articleText({ ...untitled, corrections: [{ date: '2025-10-01', text: 'A name was misspelt.' }] });
      const fixture = fixtureWith({ base: { en: enText, vi: articleText({ ...BASE_VI, date: '2025-11-06' }) } });
      const kinds = fixture.load().problems.map((problem) => [problem.kind, problem.field]);
      expect(kinds).toEqual(
        expect.arrayContaining([
          ['InvalidField', 'title'],
          ['TranslationMismatch', 'date'],
          ['DateBeforeStory', 'corrections.0.date'],
        ]),
      );
    });

    it('should not report a field with a problem of its own again as a disagreement', () => {
      const fixture = fixtureWith({ base: { en: articleText({ ...BASE_EN, topics: ['hanoi-convention', 'cyber'] }) } });
      const kinds = fixture.load().problems.map((problem) => problem.kind);
      expect(kinds).toContain('UnknownReference');
      expect(kinds).not.toContain('TranslationMismatch');
    });

    it('should accept the same sets written in a different order', () => {
      const fixture = fixtureWith({
        base: {
          vi: articleText({
            ...BASE_VI,
            topics: ['cybersecurity', 'hanoi-convention'],
            organisations: ['vietnam-news-agency', 'united-nations'],
          }),
        },
      });
      expect(fixture.load().problems).toEqual([]);
    });
  });

  describe('unknown fields', () => {
    it('should report an unknown field by name', () => {
      const text = articleText({ ...BASE_EN, category: 'news' });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'UnknownField',
          line: valuePosition(text, 'category').line,
          column: valuePosition(text, 'category').column,
          field: 'category',
          message: 'unknown field "category"',
        }),
      ]);
      expect(result.archive.stories).toEqual([]);
    });

    it('should report a misspelt optional field instead of ignoring it', () => {
      const text = articleText({ ...BASE_EN, organizations: ['united-nations'] });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'UnknownField',
          ...valuePosition(text, 'organizations'),
          field: 'organizations',
          message: 'unknown field "organizations"',
          hint: 'Did you mean `organisations`? The fields are listed in docs/editing.md.',
        }),
      ]);
    });

    it.each([
      ['translater', 'translator'],
      ['Title', 'title'],
      ['date-estimated', 'date_estimated'],
    ])('should name the field a misspelt %s is a slip of', (written, meant) => {
      const { title, ...rest } = BASE_EN;
      const fields =
        written === 'Title'
          ? { ...rest, Title: title }
          : { ...BASE_EN, [written]: written === 'translater' ? 'archive' : true };
      const { result } = loadWithEnglish(articleText(fields));
      expect(result.problems.find((problem) => problem.kind === 'UnknownField')?.hint).toBe(
        `Did you mean \`${meant}\`? The fields are listed in docs/editing.md.`,
      );
    });

    it('should report an unknown field inside source', () => {
      const text = articleText({ ...BASE_EN, source: { name: 'VNA', link: 'https://vietnamplus.vn/' } });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'UnknownField',
          ...positionOf(text, '"https://vietnamplus.vn/"'),
          field: 'source.link',
          message: 'unknown field "link"',
        }),
      ]);
    });
  });

  describe('source', () => {
    it.each([
      'javascript:alert(1)',
      'ftp://example.com/file',
      'data:text/html,<script>alert(1)</script>',
      'vietnamplus.vn/article',
    ])('should report the source URL %s as not http(s)', (url) => {
      const text = articleText({ ...BASE_EN, source: { name: 'VNA', url } });
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidField',
          ...positionOf(text, JSON.stringify(url)),
          field: 'source.url',
          message: 'expected an http(s) URL',
        }),
      ]);
    });

    it('should accept a source with a name only, and an http URL', () => {
      const fixture = fixtureWith({
        base: {
          en: articleText({ ...BASE_EN, source: { name: 'VNA' } }),
          vi: articleText({ ...BASE_VI, source: { name: 'TTXVN', url: 'http://vietnamplus.vn/' } }),
        },
      });
      expect(fixture.load().problems).toEqual([]);
    });
  });

  describe('frontmatter', () => {
    it('should refuse ---js frontmatter without running it', () => {
      const fixture = fixtureWith();
      const marker = fixture.path('pwned');
      const global = globalThis as { __pwned?: boolean };
      fixture.writeArticle(
        BASE_STORY_ID,
        'en',
        `---js\n{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), globalThis.__pwned = true, 'x') }\n---\nBody.\n`,
      );
      const { problems } = fixture.load();
      expect(problems).toEqual([
        expected(fixture, EN, {
          kind: 'ForeignFrontmatter',
          line: 1,
          column: 4,
          message: 'front matter in "js" is not accepted (it is never run); expected YAML',
        }),
      ]);
      expect(existsSync(marker)).toBe(false);
      expect(global.__pwned).toBeUndefined();
    });

    it.each(['----', '-----'])('should say a first line %j must be exactly "---", not name a language', (line) => {
      const { fixture, result } = loadWithEnglish(`${line}\ntitle: "x"\n---\nBody.\n`);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'MissingFrontmatter',
          line: 1,
          column: 1,
          message: `the first line is "${line}": expected exactly "---" to open the frontmatter`,
        }),
      ]);
    });

    it.each([
      ['---coffee\ntitle: "x"\n---\nBody.\n', 'coffee'],
      ['---javascript\n{ title: "x" }\n---\nBody.\n', 'javascript'],
      ['--- js\n{ title: "x" }\n---\nBody.\n', 'js'],
      ['---json\n{ "title": "x" }\n---\nBody.\n', 'json'],
      ['---toml\ntitle = "x"\n---\nBody.\n', 'toml'],
    ])('should refuse the foreign frontmatter %j', (text, language) => {
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'ForeignFrontmatter',
          line: 1,
          column: 4,
          message: `front matter in "${language}" is not accepted (it is never run); expected YAML`,
        }),
      ]);
    });

    it('should report invalid YAML at its line and column', () => {
      const text = '---\ntitle: a: b\n---\nBody.\n';
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidYaml',
          ...positionOf(text, 'a: b'),
          field: 'title',
          message: 'Nested mappings are not allowed in compact mappings',
          hint: 'Put the value in quotes: title: "…", as a colon followed by a space starts a field in YAML.',
        }),
      ]);
    });

    it('should name a field written twice, with the lines of both', () => {
      const text = articleText(BASE_EN).replace('---\n', '---\ntitle: "First"\n');
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidYaml',
          line: 3,
          column: 1,
          field: 'title',
          message: 'the field "title" is written twice, on lines 2 and 3',
          hint: 'Keep one of the two: a field holds one value, and which one would be kept is not for the reader to guess.',
        }),
      ]);
    });

    it('should name a field written twice when the first has no value', () => {
      const text = articleText(BASE_EN).replace('---\n', '---\ntitle:\n');
      const { result } = loadWithEnglish(text);
      expect(result.problems.map(({ kind, line, field, message }) => ({ kind, line, field, message }))).toEqual([
        {
          kind: 'InvalidYaml',
          line: 3,
          field: 'title',
          message: 'the field "title" is written twice, on lines 2 and 3',
        },
      ]);
    });

    it('should name a nested field written twice, and one written twice on one line', () => {
      const text = articleText({ ...BASE_EN, source: raw('{ name: "A", name: "B" }') }).replace(
        'author:',
        'image:\n  src: photo.jpg\n  alt: "One"\n  alt: "Two"\nauthor:',
      );
      const { result } = loadWithEnglish(text);
      expect(
        result.problems
          .filter((problem) => problem.kind === 'InvalidYaml')
          .map(({ line, field, message }) => ({ line, field, message })),
      ).toEqual([
        {
          line: positionOf(text, 'name: "B"').line,
          field: 'source.name',
          message: `the field "name" is written twice, on line ${positionOf(text, 'name: "B"').line}`,
        },
        {
          line: positionOf(text, 'alt: "Two"').line,
          field: 'image.alt',
          message: `the field "alt" is written twice, on lines ${positionOf(text, 'alt: "One"').line} and ${positionOf(text, 'alt: "Two"').line}`,
        },
      ]);
    });

    it('should report an empty file', () => {
      const { fixture, result } = loadWithEnglish('');
      expect(result.problems).toEqual([
        expected(fixture, EN, { kind: 'MissingFrontmatter', line: 1, column: 1, message: 'the file is empty' }),
      ]);
    });

    it('should report a file without frontmatter', () => {
      const { fixture, result } = loadWithEnglish('Just a body.\n');
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'MissingFrontmatter',
          line: 1,
          column: 1,
          message: 'expected frontmatter starting with "---" on the first line',
        }),
      ]);
    });

    it('should report frontmatter that is never closed', () => {
      const { fixture, result } = loadWithEnglish('---\ntitle: "x"\nBody.\n');
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'MissingFrontmatter',
          line: 1,
          column: 1,
          message: 'the frontmatter is not closed: expected a second "---" line',
        }),
      ]);
    });

    it('should report an empty frontmatter block', () => {
      const { fixture, result } = loadWithEnglish('---\n---\nBody.\n');
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidField',
          line: 2,
          column: 1,
          message: 'the frontmatter is empty: expected title, summary, date and topics',
        }),
      ]);
    });

    it('should report a file with only frontmatter and no body', () => {
      const text = articleText(BASE_EN, '');
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'EmptyBody',
          line: positionOf(text, '\n---\n').line + 2,
          column: 1,
          message: 'the article has no text after its frontmatter',
        }),
      ]);
      expect(result.archive.stories).toEqual([]);
    });

    it('should refuse a body over the size limit', () => {
      const text = articleText(BASE_EN, 'x'.repeat(MAX_BODY_BYTES + 1));
      const { fixture, result } = loadWithEnglish(text);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toEqual(
        expected(fixture, EN, {
          kind: 'BodyTooLarge',
          line: positionOf(text, '\n---\n').line + 2,
          column: 1,
          message: expect.stringMatching(/^the body is \d+ bytes; the limit is 1000000 bytes$/),
        }),
      );
      const size = Number(/the body is (\d+) bytes/.exec(result.problems[0]?.message ?? '')?.[1]);
      expect(size).toBeGreaterThan(MAX_BODY_BYTES);
    });

    it('should report a body of blank lines only as empty', () => {
      const { fixture, result } = loadWithEnglish(articleText(BASE_EN, '\n   \n\t\n'));
      expect(result.problems.map((problem) => problem.kind)).toEqual(['EmptyBody']);
      expect(result.problems[0]?.file).toMatch(fixture.file(EN));
    });
  });

  describe('encoding and line endings', () => {
    it('should accept a UTF-8 byte order mark', () => {
      const { result } = loadWithEnglish(`\uFEFF${articleText(BASE_EN)}`);
      expect(result.problems).toEqual([]);
      expect(result.archive.stories[0]?.articles.en?.title).toBe(BASE_EN.title);
    });

    it('should keep line and column right after a byte order mark', () => {
      const text = articleText({ ...BASE_EN, title: 42 });
      const { fixture, result } = loadWithEnglish(`\uFEFF${text}`);
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidField',
          ...valuePosition(text, 'title'),
          field: 'title',
          message: 'expected a title (text)',
        }),
      ]);
    });

    it('should accept CRLF line endings, keeping none of the carriage returns', () => {
      const { result } = loadWithEnglish(articleText(BASE_EN).replace(/\n/g, '\r\n'));
      expect(result.problems).toEqual([]);
      const article = result.archive.stories[0]?.articles.en;
      expect(article?.title).toBe(BASE_EN.title);
      expect(article?.html).not.toContain('\r');
      expect(article?.headings.map((heading) => heading.text)).toEqual(['Preparations']);
    });

    it('should keep line numbers right with CRLF line endings', () => {
      const text = articleText({ ...BASE_EN, draft: 'yes' });
      const { fixture, result } = loadWithEnglish(text.replace(/\n/g, '\r\n'));
      expect(result.problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidField',
          ...valuePosition(text, 'draft'),
          field: 'draft',
          message: 'expected true or false',
        }),
      ]);
    });

    it('should report bytes that are not UTF-8 with their line and offset', () => {
      const fixture = fixtureWith();
      const text = articleText(BASE_EN);
      fixture.writeArticle(
        BASE_STORY_ID,
        'en',
        Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0x61, 0xff, 0x0a])]),
      );
      expect(fixture.load().problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidEncoding',
          line: text.split('\n').length,
          message: `the file is not valid UTF-8 (byte ${Buffer.byteLength(text) + 1} cannot be decoded)`,
        }),
      ]);
    });

    it('should report a file saved as Latin-1 at the first accented letter', () => {
      const fixture = fixtureWith();
      const text = articleText({ ...BASE_EN, title: 'Rehearsal in H\u00e0 N\u1ed9i' }).replace('N\u1ed9i', 'Noi');
      fixture.writeArticle(BASE_STORY_ID, 'en', Buffer.from(text, 'latin1'));
      expect(fixture.load().problems).toEqual([
        expected(fixture, EN, {
          kind: 'InvalidEncoding',
          line: 2,
          message: `the file is not valid UTF-8 (byte ${text.indexOf('\u00e0')} cannot be decoded)`,
        }),
      ]);
    });
  });

  describe('story folders and file names', () => {
    it('should report a file other than en.md and vi.md', () => {
      const fixture = fixtureWith();
      fixture.writeArticle(BASE_STORY_ID, 'fr', articleText(BASE_EN));
      const { problems } = fixture.load();
      expect(problems).toEqual([
        expected(fixture, `articles/${BASE_STORY_ID}/fr.md`, {
          kind: 'UnexpectedFile',
          message: 'unexpected file "fr.md": expected en.md or vi.md',
        }),
      ]);
      expect(hasErrors(problems)).toBe(true);
    });

    it('should report an upper-case EN.md with a hint to rename it', () => {
      const fixture = fixtureWith();
      renameSync(fixture.path(EN), fixture.path(`articles/${BASE_STORY_ID}/EN.md`));
      const { problems } = fixture.load();
      expect(problems).toContainEqual(
        expected(fixture, `articles/${BASE_STORY_ID}/EN.md`, {
          kind: 'UnexpectedFile',
          message: 'unexpected file "EN.md": expected en.md or vi.md',
          hint: 'Rename it to en.md: file names are lowercase.',
        }),
      );
      expect(hasErrors(problems)).toBe(true);
    });

    it.each(['Base-Story', 'base story', 'ab', 'base_story'])('should report the story id %j', (id) => {
      const fixture = fixtureWith({
        withoutBaseStory: true,
        stories: { [id]: { en: articleText(BASE_EN), vi: articleText(BASE_VI) } },
      });
      const { problems, archive } = fixture.load();
      expect(problems).toEqual([
        expected(fixture, `articles/${id}`, {
          kind: 'InvalidStoryId',
          message: `the story id "${id}" is not allowed: expected 3 to 100 characters of lowercase a-z, 0-9 and "-"`,
        }),
      ]);
      expect(archive.stories).toEqual([]);
    });

    it('should report an empty story folder', () => {
      const fixture = fixtureWith();
      fixture.mkdir('articles/empty-story');
      const { problems, archive } = fixture.load();
      expect(problems).toEqual([
        expected(fixture, 'articles/empty-story', {
          kind: 'EmptyStory',
          message: 'the story folder has no en.md or vi.md',
        }),
      ]);
      expect(archive.stories.map((story) => story.id)).toEqual([BASE_STORY_ID]);
    });

    // Skipping it would drop an article silently.
    it('should report a Markdown file placed directly in articles/', () => {
      const fixture = fixtureWith();
      fixture.write('articles/stray-story.md', articleText(BASE_EN));
      const { problems } = fixture.load();
      expect(problems).toEqual([
        expected(fixture, 'articles/stray-story.md', {
          kind: 'UnexpectedFile',
          message: 'unexpected file "stray-story.md" in articles/: every story is a folder',
          hint: 'Move it to articles/<story-id>/en.md or vi.md.',
        }),
      ]);
      expect(hasErrors(problems)).toBe(true);
    });
  });

  describe('drafts and missing translations', () => {
    it('should validate a draft story but never publish it', () => {
      const fixture = fixtureWith({
        base: { en: articleText({ ...BASE_EN, draft: true }), vi: articleText({ ...BASE_VI, draft: true }) },
      });
      const { archive, problems, drafts } = fixture.load();
      expect(problems).toEqual([]);
      expect(drafts).toBe(2);
      expect(archive.stories).toEqual([]);
    });

    it('should report the errors of a draft', () => {
      const text = articleText({ ...BASE_EN, draft: true, topics: ['comand-86'] });
      const fixture = fixtureWith({ base: { en: text, vi: articleText({ ...BASE_VI, draft: true }) } });
      expect(fixture.load().problems).toEqual([
        expected(fixture, EN, {
          kind: 'UnknownReference',
          ...positionOf(text, '"comand-86"'),
          field: 'topics.0',
          message: 'unknown topic id "comand-86"',
          hint: 'Did you mean `command-86`? Ids are listed in topics.yaml.',
        }),
      ]);
    });

    it('should publish and list a story with only en.md, with a MissingTranslation warning', () => {
      const fixture = fixtureWith({ base: { vi: null } });
      const { archive, problems } = fixture.load();
      expect(problems).toEqual([
        expected(fixture, `articles/${BASE_STORY_ID}`, {
          kind: 'MissingTranslation',
          message: 'the story has no vi.md yet',
        }),
      ]);
      expect(hasErrors(problems)).toBe(false);
      const story = archive.stories[0];
      if (!story) throw new Error('the story was not published');
      expect(Object.keys(story.articles)).toEqual(['en']);
      expect(storiesIn(archive.stories, 'vi')).toEqual([]);
      const listing = storyListing(story, 'vi');
      expect(listing.inReaderLanguage).toBe(false);
      expect(listing.article.title).toBe(BASE_EN.title);
    });
  });

  describe('reporting', () => {
    it('should report every broken file in one run', () => {
      const fixture = fixtureWith({
        base: { en: articleText({ ...BASE_EN, title: 42 }) },
        stories: {
          'second-story': { en: articleText({ ...BASE_EN, topics: ['comand-86'] }), vi: '' },
          'third-story': { en: articleText({ ...BASE_EN, date: '2025-02-30' }), vi: articleText(BASE_VI) },
        },
      });
      fixture.write(
        'topics.yaml',
        `${readFileSync(fixture.path('topics.yaml'), 'utf8')}\n- id: cybersecurity\n  name: { en: "Copy", vi: "Bản sao" }\n`,
      );
      const { problems } = fixture.load();
      const summary = (problem: ContentProblem) => ({ kind: problem.kind, file: problem.file, field: problem.field });
      expect(problems.map(summary)).toEqual([
        { kind: 'InvalidField', file: expect.stringMatching(fixture.file(EN)), field: 'title' },
        {
          kind: 'UnknownReference',
          file: expect.stringMatching(fixture.file('articles/second-story/en.md')),
          field: 'topics.0',
        },
        {
          kind: 'MissingFrontmatter',
          file: expect.stringMatching(fixture.file('articles/second-story/vi.md')),
          field: undefined,
        },
        {
          kind: 'InvalidField',
          file: expect.stringMatching(fixture.file('articles/third-story/en.md')),
          field: 'date',
        },
        {
          kind: 'DuplicateId',
          file: expect.stringMatching(fixture.file('topics.yaml')),
          field: 'cybersecurity → id',
        },
      ]);
    });

    it('should format a problem as path:line:col: field: message [Kind] with a hint line', () => {
      const text = articleText({ ...BASE_EN, topics: ['hanoi-convention', 'comand-86'] });
      const { result } = loadWithEnglish(text);
      const [problem] = result.problems;
      if (!problem) throw new Error('no problem reported');
      const { line, column } = positionOf(text, '"comand-86"');
      expect(formatProblem(problem)).toBe(
        `${problem.file}:${line}:${column}: topics.1: unknown topic id "comand-86" [UnknownReference]\n    hint: Did you mean \`command-86\`? Ids are listed in topics.yaml.`,
      );
    });

    it("should format a problem without a line or field with the kind's general hint", () => {
      const problem: ContentProblem = {
        kind: 'EmptyStory',
        file: 'content/articles/empty-story',
        message: 'the story folder has no en.md or vi.md',
      };
      expect(formatProblem(problem)).toBe(
        `content/articles/empty-story: the story folder has no en.md or vi.md [EmptyStory]\n    hint: ${PROBLEM_KINDS.EmptyStory.hint}`,
      );
    });

    it('should mark a warning as such', () => {
      const problem: ContentProblem = {
        kind: 'MissingTranslation',
        file: 'content/articles/x-story',
        message: 'the story has no vi.md yet',
      };
      expect(formatProblem(problem)).toBe(
        `content/articles/x-story: warning: the story has no vi.md yet [MissingTranslation]\n    hint: ${PROBLEM_KINDS.MissingTranslation.hint}`,
      );
    });
  });
});
