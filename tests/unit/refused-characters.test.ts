/**
 * Characters content may not carry (control characters, lone surrogates, bidirectional
 * overrides and isolates, noncharacters, tag and interlinear annotation characters, and
 * line separators in one-line texts) and texts that show nothing: the rules on their
 * own, then as the loader reports them in every text field of an article and a registry,
 * and in bodies, each at its file, line and field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, PROBLEM_KINDS, type ContentProblem } from '../../lib/content/problems';
import { hasVisibleCharacter, refusedCharacters } from '../../lib/content/refused-characters';
import {
  articleText,
  BASE_EN,
  BASE_STORY_ID,
  type Fields,
  fixturesRemovedAfterEach,
  positionOf,
} from './helpers/content-fixture';

const EN = `articles/${BASE_STORY_ID}/en.md`;

/** A refused character in the middle of a text, by the kind the loader reports it as. */
const REFUSED = [
  ['a bell (C0 control)', '\u0007', 'ControlCharacter'],
  ['a NUL', '\u0000', 'ControlCharacter'],
  ['an escape', '\u001B', 'ControlCharacter'],
  ['DEL', '\u007F', 'ControlCharacter'],
  ['a C1 control (NEL)', '\u0085', 'ControlCharacter'],
  ['a C1 control (CSI)', '\u009B', 'ControlCharacter'],
  ['a tab', '\t', 'ControlCharacter'],
  ['a line break', '\n', 'ControlCharacter'],
  ['a lone high surrogate', '\uD800', 'LoneSurrogate'],
  ['a lone low surrogate', '\uDC00', 'LoneSurrogate'],
  ['a right-to-left override', '\u202E', 'BidiControl'],
  ['a left-to-right embedding', '\u202A', 'BidiControl'],
  ['a first-strong isolate', '\u2068', 'BidiControl'],
  ['a pop directional isolate', '\u2069', 'BidiControl'],
  ['the noncharacter U+FFFF', '\uFFFF', 'Noncharacter'],
  ['a line separator', '\u2028', 'ControlCharacter'],
  ['a paragraph separator', '\u2029', 'ControlCharacter'],
  ['a tag character', '\u{E0041}', 'HidingCharacter'],
  ['the cancel tag', '\u{E007F}', 'HidingCharacter'],
  ['the language tag', '\u{E0001}', 'HidingCharacter'],
  ['an interlinear annotation anchor', '\uFFF9', 'HidingCharacter'],
  ['an interlinear annotation terminator', '\uFFFB', 'HidingCharacter'],
] as const;

/** Texts that show nothing, though they are not empty. */
const INVISIBLE = [
  ['zero-width space and joiners', '\u200B\u200C\u200D'],
  ['a word joiner, a byte order mark and a soft hyphen', '\u2060\uFEFF\u00AD'],
  ['zero-width spaces between spaces', ' \u200B \u200B '],
  ['a zero-width space between a no-break space and an ideographic space', '\u00A0\u200B\u3000'],
  ['a combining mark alone', '\u0301'],
  ['a Hangul filler', '\u3164'],
  ['a left-to-right mark', '\u200E'],
] as const;

/** Texts that must pass: what editors of this archive write. */
const ACCEPTED = [
  ['Vietnamese', 'Bộ Tư lệnh 86 ký kết Công ước Hà Nội'],
  ['emoji, with a skin tone and a flag', 'Ký kết 🇻🇳 👍🏽'],
  ['an emoji joined by zero-width joiners', 'Kỹ sư 👩‍💻 của Bộ Tư lệnh 86'],
  ['the flags of England, Scotland and Wales, made with tag characters', 'Đội tuyển 🏴󠁧󠁢󠁥󠁮󠁧󠁿 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🏴󠁧󠁢󠁷󠁬󠁳󠁿'],
  ['markup characters', 'A <b>bold</b> & "quoted" ]]> title'],
  ['a soft hyphen inside a word', 'cyber\u00ADsecurity'],
  ['Arabic with a right-to-left mark', 'اتفاقية هانوي\u200F'],
] as const;

describe('refusedCharacters', () => {
  it.each(REFUSED)('should find %s, with its index, line and column', (_, character, kind) => {
    const found = refusedCharacters(`ab${character}c`, { allowTabsAndLineBreaks: false });
    expect(found).toEqual([expect.objectContaining({ kind, index: 2, line: 1, column: 3 })]);
  });

  it('should accept tabs and line breaks in a body, and count lines by them', () => {
    const body = 'first\tline\nsecond\r\nthird \u202E here\n';
    expect(refusedCharacters(body, { allowTabsAndLineBreaks: true })).toEqual([
      { kind: 'BidiControl', index: body.indexOf('\u202E'), line: 3, column: 7, code: 'U+202E' },
    ]);
  });

  it('should accept a surrogate pair, but not its halves on their own or in the wrong order', () => {
    expect(refusedCharacters('🇻🇳👍🏽', { allowTabsAndLineBreaks: false })).toEqual([]);
    expect(refusedCharacters('\uDC00\uD800', { allowTabsAndLineBreaks: false }).map((found) => found.kind)).toEqual([
      'LoneSurrogate',
      'LoneSurrogate',
    ]);
  });

  it.each(ACCEPTED)('should accept %s', (_, text) => {
    expect(refusedCharacters(text, { allowTabsAndLineBreaks: false })).toEqual([]);
  });
});

describe('hasVisibleCharacter', () => {
  it.each(INVISIBLE)('should find nothing visible in %s', (_, text) => {
    expect(hasVisibleCharacter(text)).toBe(false);
  });

  it.each(ACCEPTED)('should see %s', (_, text) => {
    expect(hasVisibleCharacter(text)).toBe(true);
  });
});

const fixtureWith = fixturesRemovedAfterEach();

/** The problems of the kinds these rules add. */
const characterProblems = (problems: readonly ContentProblem[]) =>
  problems.filter((problem) =>
    ['ControlCharacter', 'LoneSurrogate', 'BidiControl', 'Noncharacter', 'HidingCharacter', 'InvisibleText'].includes(
      problem.kind,
    ),
  );

/** Every one-line text field of an article, and how to give it a value. */
const ARTICLE_FIELDS = [
  ['title', (value: string) => ({ title: value })],
  ['summary', (value: string) => ({ summary: value })],
  ['author', (value: string) => ({ author: value })],
  ['translator', (value: string) => ({ translator: value })],
  ['source.name', (value: string) => ({ source: { name: value } })],
] as const;

describe('the loader, on article frontmatter', () => {
  /** Loads the base story with its English fields changed; returns the problems these rules add. */
  function loadEnglish(fields: Fields) {
    const text = articleText({ ...BASE_EN, ...fields });
    const fixture = fixtureWith({ base: { en: text } });
    const { problems, archive } = fixture.load();
    return { text, fixture, archive, problems: characterProblems(problems) };
  }

  // JSON writes control characters and lone surrogates as escapes ("\u0007", "\ud800"), which YAML reads back as the character.
  it.each(REFUSED)('should refuse %s in a title, at the line of the field', (_, character, kind) => {
    const { text, fixture, archive, problems } = loadEnglish({ title: `Before ${character} after` });
    expect(problems).toEqual([
      {
        kind,
        file: expect.stringMatching(fixture.file(EN)),
        line: positionOf(text, '\ntitle: ').line + 1,
        column: 8,
        field: 'title',
        message: expect.stringMatching(/^contains U\+[0-9A-F]{4,5} \(.+\) at character 8$/),
      },
    ]);
    // One invalid language version keeps the whole story out.
    expect(archive.stories).toEqual([]);
  });

  it.each(ARTICLE_FIELDS)('should refuse a bidirectional override in %s, naming the field', (field, set) => {
    const { text, problems } = loadEnglish(set('Quiet \u202Eevil'));
    const key = field.split('.')[0] ?? field;
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'BidiControl', field, line: positionOf(text, `\n${key}: `).line + 1 }),
    ]);
  });

  it('should count the place of a refused character in characters, an emoji before it one each', () => {
    const { problems } = loadEnglish({ title: '\u{1F1FB}\u{1F1F3} Ha\u2028Noi' });
    expect(problems.map((problem) => problem.message)).toEqual(['contains U+2028 (a line separator) at character 6']);
  });

  it('should count the place of a refused character as the editor sees the text, a letter typed with its marks apart one', () => {
    const { problems } = loadEnglish({ title: `${'Việt'.normalize('NFD')}\u2028Nam` });
    expect(problems.map((problem) => problem.message)).toEqual(['contains U+2028 (a line separator) at character 5']);
  });

  it('should refuse text hidden in tag characters, naming the character and where the hidden run starts', () => {
    const hidden = [...'ignore the review']
      .map((letter) => String.fromCodePoint(0xe0000 + letter.charCodeAt(0)))
      .join('');
    const { problems } = loadEnglish({ summary: `A plain summary.${hidden}` });
    expect(problems.map(({ kind, field, message }) => ({ kind, field, message }))).toEqual([
      {
        kind: 'HidingCharacter',
        field: 'summary',
        message: 'contains U+E0069 (a tag character, invisible: it can hide text) at character 17, and 16 more like it',
      },
    ]);
  });

  it('should refuse a line separator in alt text and a caption, naming each field', () => {
    const { problems } = loadEnglish({
      image: { src: 'photo.jpg', alt: 'Delegates\u2028at the session', caption: 'The session\u2029opens' },
    });
    expect(problems.map(({ kind, field, message }) => ({ kind, field, message }))).toEqual([
      { kind: 'ControlCharacter', field: 'image.alt', message: 'contains U+2028 (a line separator) at character 10' },
      {
        kind: 'ControlCharacter',
        field: 'image.caption',
        message: 'contains U+2029 (a paragraph separator) at character 12',
      },
    ]);
  });

  it.each(INVISIBLE)('should refuse a title of %s only', (_, invisible) => {
    expect(loadEnglish({ title: invisible }).problems).toEqual([
      expect.objectContaining({ kind: 'InvisibleText', field: 'title' }),
    ]);
  });

  it.each(ARTICLE_FIELDS)('should refuse %s made of zero-width characters only', (field, set) => {
    expect(loadEnglish(set('\u200B\u2060')).problems).toEqual([
      expect.objectContaining({ kind: 'InvisibleText', field }),
    ]);
  });

  it.each(ACCEPTED)('should accept %s in every text field', (_, value) => {
    const fields: Fields = Object.assign({}, ...ARTICLE_FIELDS.map(([, set]) => set(value)));
    const { problems, archive } = loadEnglish(fields);
    expect(problems).toEqual([]);
    expect(archive.stories[0]?.articles.en?.title).toBe(value);
  });

  it('should say where, what and how to fix it, in the form every problem has', () => {
    const text = articleText({ ...BASE_EN, title: 'Quiet \u202Eevil title' });
    const fixture = fixtureWith({ base: { en: text } });
    const [problem] = characterProblems(fixture.load().problems);
    if (!problem) throw new Error('no problem reported');
    expect(formatProblem(problem)).toBe(
      `${problem.file}:${positionOf(text, '\ntitle: ').line + 1}:8: title: contains U+202E (a bidirectional override or isolate) at character 7 [BidiControl]\n    hint: ${PROBLEM_KINDS.BidiControl.hint}`,
    );
  });

  it.each([
    ['a NUL', '\u0000', 'ControlCharacter', 'U+0000 (a control character)'],
    ['an escape', '\u001B', 'ControlCharacter', 'U+001B (a control character)'],
    ['a bell', '\u0007', 'ControlCharacter', 'U+0007 (a control character)'],
    ['a right-to-left override', '\u202E', 'BidiControl', 'U+202E (a bidirectional override or isolate)'],
  ])('should refuse %s in the source URL, naming the character and its place', (_, character, kind, described) => {
    const url = `https://example.com/${character}decree`;
    const { text, problems } = loadEnglish({ source: { name: 'VNA', url } });
    expect(problems).toEqual([
      {
        kind,
        file: expect.stringMatching(/en\.md$/),
        line: positionOf(text, '\nsource: ').line + 1,
        column: positionOf(text, '"https://').column,
        field: 'source.url',
        message: `contains ${described} at character 21`,
      },
    ]);
  });

  it('should report every kind found in one field once, counting the rest', () => {
    const fixture = fixtureWith({ base: { en: articleText({ ...BASE_EN, title: 'a\u0007b\u0007c\u202Ed' }) } });
    expect(characterProblems(fixture.load().problems).map((problem) => [problem.kind, problem.message])).toEqual([
      ['ControlCharacter', 'contains U+0007 (a control character) at character 2, and 1 more like it'],
      ['BidiControl', 'contains U+202E (a bidirectional override or isolate) at character 6'],
    ]);
  });
});

describe('the loader, on the registries', () => {
  /** A registry file with one more entry, written as given. */
  function withEntry(registry: string, entry: string) {
    const fixture = fixtureWith({});
    const before = readFileSync(fixture.path(registry), 'utf8');
    fixture.write(registry, `${before.trimEnd()}\n${entry}`);
    return {
      fixture,
      lastLineBefore: before.trimEnd().split('\n').length,
      problems: characterProblems(fixture.load().problems),
    };
  }

  // The last number is the line of the refused value within the entry.
  it.each([
    [
      'topics.yaml',
      'name.en',
      '- id: new-topic\n  name:\n    en: "Bad \\u202E name"\n    vi: "Tên"\n',
      'BidiControl',
      3,
    ],
    [
      'topics.yaml',
      'description.vi',
      '- id: new-topic\n  name: { en: "Name", vi: "Tên" }\n  description:\n    en: "Fine."\n    vi: "Có \\u0007 chuông"\n',
      'ControlCharacter',
      5,
    ],
    [
      'people.yaml',
      'aliases.1',
      '- id: new-person\n  name: { en: "Name", vi: "Tên" }\n  aliases:\n    - "Fine"\n    - "Half \\ud800 of it"\n',
      'LoneSurrogate',
      5,
    ],
    [
      'people.yaml',
      'roles.0.title.en',
      '- id: new-person\n  name: { en: "Name", vi: "Tên" }\n  roles:\n    - from: "2020"\n      title:\n        en: "Head \\u2066 of"\n        vi: "Trưởng"\n',
      'BidiControl',
      6,
    ],
    [
      'organisations.yaml',
      'name.vi',
      '- id: new-organisation\n  name:\n    en: "Name"\n    vi: "\\u200B\\u200D"\n',
      'InvisibleText',
      4,
    ],
    [
      'organisations.yaml',
      'aliases.0',
      '- id: new-organisation\n  name: { en: "Name", vi: "Tên" }\n  aliases: ["Tab\\tin it"]\n',
      'ControlCharacter',
      3,
    ],
    [
      'people.yaml',
      'aliases.0',
      '- id: new-person\n  name: { en: "Name", vi: "Tên" }\n  aliases: ["Le Dung\\U000E0041\\U000E0042"]\n',
      'HidingCharacter',
      3,
    ],
    [
      'organisations.yaml',
      'name.en',
      '- id: new-organisation\n  name:\n    en: "Two\\Llines"\n    vi: "Tên"\n',
      'ControlCharacter',
      3,
    ],
    [
      'people.yaml',
      'roles.0.source.url',
      '- id: new-person\n  name: { en: "Name", vi: "Tên" }\n  roles:\n    - from: "2020"\n      title: { en: "Head", vi: "Trưởng" }\n      source:\n        name: "A decree"\n        url: "https://example.com/\\u001B[31mdecree"\n',
      'ControlCharacter',
      8,
    ],
    [
      'topics.yaml',
      'description.en',
      '- id: new-topic\n  name: { en: "Name", vi: "Tên" }\n  description:\n    en: "Annotated \\uFFF9text\\uFFFAhidden\\uFFFB."\n    vi: "Có."\n',
      'HidingCharacter',
      4,
    ],
  ])('should refuse in %s the field %s, at its line', (registry, field, entry, kind, lineInEntry) => {
    const { fixture, lastLineBefore, problems } = withEntry(registry, entry);
    // The entry is named by its id.
    const id = /^- id: (\S+)/.exec(entry)?.[1];
    expect(problems).toEqual([
      expect.objectContaining({
        kind,
        file: expect.stringMatching(fixture.file(registry)),
        field: `${id} → ${field}`,
        line: lastLineBefore + lineInEntry,
      }),
    ]);
  });

  it('should accept names and aliases in Vietnamese and with emoji', () => {
    const { problems } = withEntry(
      'people.yaml',
      '- id: new-person\n  name: { en: "Lê Dũng 👍🏽", vi: "Lê Dũng" }\n  aliases: ["Thượng tướng Lê Dũng", "🇻🇳 Lê Dũng"]\n',
    );
    expect(problems).toEqual([]);
  });
});

describe('the loader, on bodies', () => {
  it('should refuse control characters, bidirectional controls and noncharacters, one problem per line at its line and column', () => {
    const body =
      'A clean first line.\n\nA bell \u0007 and another \u0007 here.\n\nTabs\tare fine, and so is 🇻🇳.\n\nHidden \u202Eorder and \u2066isolate.\n\nNot a character: \uFFFF.\n';
    const text = articleText(BASE_EN, body);
    const fixture = fixtureWith({ base: { en: text } });
    const { problems, archive } = fixture.load();
    const file = expect.stringMatching(fixture.file(EN));
    expect(characterProblems(problems)).toEqual([
      {
        kind: 'ControlCharacter',
        file,
        ...positionOf(text, '\u0007'),
        message: 'the text contains U+0007 (a control character)',
      },
      {
        kind: 'BidiControl',
        file,
        ...positionOf(text, '\u202E'),
        message: 'the text contains U+202E (a bidirectional override or isolate)',
      },
      {
        kind: 'Noncharacter',
        file,
        ...positionOf(text, '\uFFFF'),
        message: 'the text contains U+FFFF (a noncharacter)',
      },
    ]);
    expect(archive.stories).toEqual([]);
  });

  it('should refuse tag and interlinear annotation characters in a body, and accept line separators there', () => {
    const body =
      'A first line\u2028with a line separator.\n\nA hidden \u{E0041}\u{E0042} run.\n\nAn \uFFF9annotation\uFFFA.\n';
    const text = articleText(BASE_EN, body);
    const fixture = fixtureWith({ base: { en: text } });
    const { problems } = fixture.load();
    expect(
      characterProblems(problems).map(({ kind, line, column, message }) => ({ kind, line, column, message })),
    ).toEqual([
      {
        kind: 'HidingCharacter',
        ...positionOf(text, '\u{E0041}'),
        message: 'the text contains U+E0041 (a tag character, invisible: it can hide text)',
      },
      {
        kind: 'HidingCharacter',
        ...positionOf(text, '\uFFF9'),
        message: 'the text contains U+FFF9 (an interlinear annotation character: it can hide text)',
      },
    ]);
  });

  it('should report the body and the frontmatter together', () => {
    const fixture = fixtureWith({
      base: { en: articleText({ ...BASE_EN, title: 'Bell \u0007' }, 'Bell \u0007 in the text.\n') },
    });
    expect(
      characterProblems(fixture.load().problems).map((problem) => [problem.kind, problem.field ?? 'text']),
    ).toEqual([
      ['ControlCharacter', 'title'],
      ['ControlCharacter', 'text'],
    ]);
  });

  it('should report the first lines of a body full of refused characters one by one, and count the rest', () => {
    const body = Array.from({ length: 30 }, (_, index) => `Line ${index} \u0007.`).join('\n');
    const fixture = fixtureWith({ base: { en: articleText(BASE_EN, body) } });
    const problems = characterProblems(fixture.load().problems);
    expect(problems).toHaveLength(11);
    expect(problems.at(-1)?.message).toBe(
      'the text contains U+0007 (a control character), and refused characters on 19 more lines',
    );
    expect(new Set(problems.map((problem) => problem.line)).size).toBe(11);
  });

  it('should accept tabs, line breaks, Vietnamese, emoji and zero-width joiners in a body', () => {
    const fixture = fixtureWith({
      base: { en: articleText(BASE_EN, 'Bộ Tư lệnh 86\tký kết 🇻🇳.\r\n\r\nKỹ sư 👩‍💻 làm việc.\n') },
    });
    const { problems, archive } = fixture.load();
    expect(characterProblems(problems)).toEqual([]);
    expect(archive.stories[0]?.articles.en).toBeDefined();
  });
});
