import { describe, expect, it } from 'vitest';
import { buildMentionIndex, findMentions, untaggedMentionProblems } from '../../lib/content/mentions';
import { hasErrors } from '../../lib/content/load';
import { buildRegistry } from '../../lib/views/entities';
import { parseMarkdown, renderMarkdown } from '../../lib/content/markdown';
import type { Organisation, Person } from '../../lib/content/schema';
import {
  articleText,
  BASE_EN,
  BASE_STORY_ID,
  BASE_VI,
  fixturesRemovedAfterEach,
  positionOf,
} from './helpers/content-fixture';

const person = (id: string, en: string, vi: string, aliases: string[] = []): Person => ({
  id,
  name: { en, vi },
  aliases,
  roles: [],
});
const organisation = (id: string, en: string, vi: string, aliases: string[] = []): Organisation => ({
  id,
  name: { en, vi },
  aliases,
});

const index = buildMentionIndex(
  buildRegistry({
    topics: [],
    people: [
      person('le-dung', 'Le Dung', 'Lê Dũng', ['Gen. Dung']),
      person('luong-cuong', 'Luong Cuong', 'Lương Cường'),
    ],
    organisations: [
      organisation('command-86', 'Command 86', 'Bộ Tư lệnh 86', ['BTL 86']),
      organisation(
        'cuban-revolutionary-armed-forces',
        'Revolutionary Armed Forces of Cuba',
        'Lực lượng vũ trang cách mạng Cuba',
        ['FAR'],
      ),
      organisation('united-nations', 'United Nations', 'Liên hợp quốc', ['UN']),
    ],
  }),
);

/** The ids the text names, in the order it first names them. */
const named = (markdown: string) => findMentions(index, markdown).map((mention) => mention.id);

describe('findMentions', () => {
  it('should find a name in either language, whatever its accents and case', () => {
    expect(named('Major General Lê Dũng spoke.')).toEqual(['le-dung']);
    expect(named('MAJOR GENERAL LE DUNG SPOKE.')).toEqual(['le-dung']);
    expect(named('Thiếu tướng Le Dung phát biểu.')).toEqual(['le-dung']);
    expect(named('Đại diện bo tu lenh 86 dự họp.')).toEqual(['command-86']);
  });

  it('should find an alias, including its punctuation', () => {
    const [mention] = findMentions(index, 'Then Gen. Dung left.');
    expect(mention).toMatchObject({ id: 'le-dung', text: 'Gen. Dung' });
  });

  it('should match whole words only, never a name inside a longer word', () => {
    expect(named('The Le Dungeon and the Lê Dũngs were closed.')).toEqual([]);
    expect(named('Command 861 is not Command 86a either.')).toEqual([]);
  });

  it('should not join the end of one paragraph to the start of the next', () => {
    expect(named('He met Le\n\nDung later.')).toEqual([]);
  });

  it('should not take for a name words on either side of a sentence end, a colon or a bracket', () => {
    expect(named('The last to speak was Tran Minh Le. Dung Hoang then closed the session.')).toEqual([]);
    expect(named('Đồng chí Trần Minh Lê; Dũng khí được đề cao.')).toEqual([]);
    expect(named('Speaking for Luong: Cuong Ha agreed.')).toEqual([]);
    expect(named('Tran Van Le (Dung Hoang attended)')).toEqual([]);
    // An alias's own full stop is no sentence end.
    expect(named('Then Gen. Dung left.')).toEqual(['le-dung']);
  });

  it('should find a name broken by inline formatting or a soft line break', () => {
    expect(named('Major General Le **Dung** spoke.')).toEqual(['le-dung']);
    expect(named('Major General Le\nDung spoke.')).toEqual(['le-dung']);
  });

  it('should look only at the text a reader sees, not at link addresses or code', () => {
    expect(named('[the report](https://example.com/le-dung) and `Luong Cuong` in code')).toEqual([]);
    expect(named('[Luong Cuong](https://example.com/x)')).toEqual(['luong-cuong']);
  });

  it('should find names in headings, lists, quotes and table cells', () => {
    expect(named('## Luong Cuong\n')).toEqual(['luong-cuong']);
    expect(named('- Le Dung\n')).toEqual(['le-dung']);
    expect(named('> United Nations\n')).toEqual(['united-nations']);
    expect(named('| who |\n|---|\n| Command 86 |\n')).toEqual(['command-86']);
  });

  it('should match an acronym only when it is written in capitals', () => {
    expect(named('As far as the UN knows, FAR delegates came.')).toEqual([
      'united-nations',
      'cuban-revolutionary-armed-forces',
    ]);
    expect(named('It went far; un jour.')).toEqual([]);
  });

  it('should report each entity once, at its first mention', () => {
    const mentions = findMentions(index, 'Intro.\n\nLuong Cuong came.\n\nLuong Cuong left.');
    expect(mentions.map(({ id, line, column }) => ({ id, line, column }))).toEqual([
      { id: 'luong-cuong', line: 3, column: 1 },
    ]);
  });

  it('should give the line and column in the file when told where the body starts', () => {
    const body = 'First line.\n\nThe guests of *Command 86*: Lê Dũng and Liên hợp quốc.\n';
    const mentions = findMentions(index, body, 10);
    const columnOf = (needle: string) => positionOf(body, needle).column;
    expect(mentions.map(({ id, line, column }) => ({ id, line, column }))).toEqual([
      { id: 'command-86', line: 12, column: columnOf('Command 86') },
      { id: 'le-dung', line: 12, column: columnOf('Lê Dũng') },
      { id: 'united-nations', line: 12, column: columnOf('Liên hợp quốc') },
    ]);
  });

  it('should give the line of a name further down a paragraph that spans several lines', () => {
    const body = 'Intro.\n\nThe guests came\nfrom far away,\nand Luong Cuong\nwelcomed Lê\nDũng.\n';
    expect(findMentions(index, body).map(({ id, line, column }) => ({ id, line, column }))).toEqual([
      { id: 'luong-cuong', line: 5, column: 5 },
      { id: 'le-dung', line: 6, column: 10 },
    ]);
  });

  it('should leave the tree it reads as the renderer needs it, so one parse serves both', () => {
    const body = '# Luong Cuong\n\n*Lê Dũng at Command 86.*\n\n| who |\n|---|\n| UN |\n';
    const tree = parseMarkdown(body);
    expect(findMentions(index, body, 1, tree)).toEqual(findMentions(index, body));
    expect(renderMarkdown(body, tree)).toEqual(renderMarkdown(body));
  });

  it('should take a name written with marks only for the entry whose name has those marks', () => {
    // Two test people whose English names are the same and whose Vietnamese names differ in a tone.
    const namesakes = buildMentionIndex(
      buildRegistry({
        topics: [],
        people: [
          person('test-binh-grave', 'Test Van Binh', 'Tét Văn Bình'),
          person('test-binh-acute', 'Test Van Binh', 'Tét Văn Bính', ['Giáo sư Tét Văn Bính']),
        ],
        organisations: [],
      }),
    );
    const namedIn = (markdown: string) => findMentions(namesakes, markdown).map((mention) => mention.id);
    expect(namedIn('Đồng chí Tét Văn Bình phát biểu.')).toEqual(['test-binh-grave']);
    expect(namedIn('Giáo sư Tét Văn Bính phát biểu.')).toEqual(['test-binh-acute']);
    // Without marks, or with only some, the text may name either.
    expect(namedIn('Test Van Binh spoke.')).toEqual(['test-binh-grave', 'test-binh-acute']);
    expect(namedIn('Tét Văn Binh phát biểu.')).toEqual(['test-binh-grave', 'test-binh-acute']);
  });

  it('should not warn about a namesake of a tagged person the text names by their shared name', () => {
    const registry = buildRegistry({
      topics: [],
      people: [
        person('test-binh-grave', 'Test Van Binh', 'Tét Văn Bình'),
        person('test-binh-acute', 'Test Van Binh', 'Tét Văn Bính'),
      ],
      organisations: [],
    });
    const warned = (people: string[], body: string) =>
      untaggedMentionProblems({ people, organisations: [] }, body, 1, 'en.md', registry).map(
        (problem) => problem.message,
      );
    expect(warned(['test-binh-grave'], 'Test Van Binh spoke.\n')).toEqual([]);
    expect(warned(['test-binh-acute'], 'Test Van Binh spoke.\n')).toEqual([]);
    // Tagged with neither, the text may mean either.
    expect(warned([], 'Test Van Binh spoke.\n')).toHaveLength(2);
    // Named with marks elsewhere, the other is still named.
    expect(warned(['test-binh-grave'], 'Tét Văn Bình met Tét Văn Bính.\n')).toEqual([
      'the text names "Tét Văn Bính" but people does not list `test-binh-acute`',
    ]);
  });

  it('should give the right column for a repeated first word', () => {
    const body = 'Bộ Tư lệnh 86 và Bộ Quốc phòng.';
    const withMinistry = buildMentionIndex(
      buildRegistry({
        topics: [],
        people: [],
        organisations: [
          organisation('command-86', 'Command 86', 'Bộ Tư lệnh 86'),
          organisation('mnd', 'MND', 'Bộ Quốc phòng'),
        ],
      }),
    );
    expect(findMentions(withMinistry, body).map(({ id, column }) => ({ id, column }))).toEqual([
      { id: 'command-86', column: 1 },
      { id: 'mnd', column: body.indexOf('Bộ Quốc') + 1 },
    ]);
  });
});

describe('UntaggedMention warnings from loadContent', () => {
  const fixtureWith = fixturesRemovedAfterEach();

  it('should warn, with the id to add, about a person the text names but the frontmatter does not tag', () => {
    const body = 'State President Luong Cuong inspected the rehearsal.\n\nThe commander, Lê Dũng, attended.\n';
    const text = articleText(BASE_EN, body);
    const fixture = fixtureWith({ base: { en: text, vi: articleText(BASE_VI, 'Chủ tịch nước kiểm tra.\n') } });
    const { problems, archive } = fixture.load();
    expect(problems).toEqual([
      {
        kind: 'UntaggedMention',
        file: expect.stringMatching(fixture.file(`articles/${BASE_STORY_ID}/en.md`)),
        ...positionOf(text, 'Lê Dũng'),
        field: 'people',
        message: 'the text names "Lê Dũng" but people does not list `le-dung`',
        hint: 'Add `le-dung` to people in both language files (they must agree), or ignore this warning if the text means someone else.',
      },
    ]);
    expect(hasErrors(problems)).toBe(false);
    expect(archive.stories).toHaveLength(1);
  });

  it('should not warn about a person the text names whose id the frontmatter lists mistyped', () => {
    const body = 'The commander, Lê Dũng, attended.\n';
    const fixture = fixtureWith({
      base: {
        en: articleText({ ...BASE_EN, people: ['le-dungg'] }, body),
        vi: articleText({ ...BASE_VI, people: ['le-dungg'] }, 'Tư lệnh tham dự.\n'),
      },
    });
    const problems = fixture.load().problems;
    expect(problems.map((problem) => [problem.kind, problem.field])).toEqual([
      ['UnknownReference', 'people.0'],
      ['UnknownReference', 'people.0'],
    ]);
    expect(problems[0]?.hint).toContain('`le-dung`');
  });

  it('should warn about an organisation named by its alias', () => {
    const text = articleText(BASE_EN, 'Officers of BTL 86 attended.\n');
    // The Vietnamese file holds the command's number too, without naming it: only the English file names it.
    const fixture = fixtureWith({
      base: { en: text, vi: articleText(BASE_VI, 'Cán bộ của đơn vị 86 tham dự.\n') },
    });
    const problems = fixture.load().problems;
    expect(problems.map((problem) => [problem.kind, problem.field, problem.message])).toEqual([
      ['UntaggedMention', 'organisations', 'the text names "BTL 86" but organisations does not list `command-86`'],
    ]);
  });

  it('should not warn when every name in the text is tagged', () => {
    const text = articleText(
      { ...BASE_EN, people: ['luong-cuong', 'le-dung'] },
      'Luong Cuong and Le Dung met at the United Nations.\n',
    );
    const fixture = fixtureWith({
      base: {
        en: text,
        vi: articleText(
          { ...BASE_VI, people: ['luong-cuong', 'le-dung'] },
          'Lương Cường và Lê Dũng gặp nhau tại Liên hợp quốc.\n',
        ),
      },
    });
    expect(fixture.load().problems).toEqual([]);
  });
});
