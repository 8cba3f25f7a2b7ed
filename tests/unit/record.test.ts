/**
 * What the archive asserts around the texts: what each file is (original or translation),
 * who is credited and where the credit leads, how a role is dated, and which aliases may
 * name someone else. Each rule on a small content folder laid over the real registries.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckedFile } from '../../lib/content/checked-file';
import { createKeyedCache } from '../../lib/caches/keyed-cache';
import { aliasAmbiguity } from '../../lib/content/aliases';
import { loadContent } from '../../lib/content/load';
import { provenanceOf } from '../../lib/views/provenance';
import { provenanceStatement } from '../../components/article-credits';
import { storiesCrediting } from '../../lib/views/story-lists';
import {
  articleText,
  BASE_EN,
  BASE_STORY_ID,
  BASE_VI,
  BASE_BODY_VI,
  fixturesRemovedAfterEach,
  positionOf,
  type Fields,
} from './helpers/content-fixture';

// A test may load several fixtures: each is removed when the test ends.
const contentFixture = fixturesRemovedAfterEach();

function loadWith(en: Fields, vi: Fields = BASE_VI) {
  return contentFixture({ base: { en: articleText(en), vi: articleText(vi, BASE_BODY_VI) } }).load();
}

const kinds = (problems: readonly { kind: string; field?: string }[]) =>
  problems.map((problem) => `${problem.kind} ${problem.field ?? ''}`.trim());

describe('original or translation', () => {
  it('should warn about a file that does not say what it is, and only about that file', () => {
    const { problems, archive } = loadWith({ ...BASE_EN, original: undefined });
    expect(kinds(problems)).toEqual(['UnstatedProvenance original']);
    expect(problems[0]?.file).toMatch(/en\.md$/);
    expect(archive.stories).toHaveLength(1);
  });

  it('should refuse a file that says it is both the original and a translation, or a translation from its own language', () => {
    expect(kinds(loadWith({ ...BASE_EN, translated_from: 'vi' }).problems)).toEqual(['InvalidField original']);
    expect(kinds(loadWith(BASE_EN, { ...BASE_VI, translated_from: 'vi' }).problems)).toEqual([
      'InvalidField translated_from',
    ]);
    expect(kinds(loadWith({ ...BASE_EN, translator: 'Song Anh' }).problems)).toEqual(['InvalidField translator']);
  });

  it("should tell the archive's translation of the original apart from a translation it does not hold the source of", () => {
    const { archive } = loadWith(BASE_EN);
    const [story] = archive.stories;
    if (!story) throw new Error('the base story did not load');
    expect(provenanceOf(story, 'en')).toEqual({ kind: 'original' });
    expect(provenanceOf(story, 'vi')).toEqual({
      kind: 'translation',
      from: 'en',
      translator: undefined,
      byArchive: true,
      basis: { kind: 'version', locale: 'en' },
    });
    const outside = loadWith({ ...BASE_EN, original: undefined, translated_from: 'fr', translator: 'song-anh' }).archive
      .stories[0];
    if (!outside) throw new Error('the story did not load');
    expect(provenanceOf(outside, 'en')).toMatchObject({
      kind: 'translation',
      from: 'fr',
      translator: 'Song Anh',
      byArchive: false,
      basis: { kind: 'unheld' },
    });
  });

  it("should say of the archive's translation of a translation who made that text, and from which language", () => {
    // The outlet's English was translated from its Vietnamese, which the archive does not hold; the archive's
    // Vietnamese is translated from that English: a back-translation, which the reader is told.
    // A translator the registries do not hold: the statement needs no built archive to name them.
    const { archive } = loadWith(
      { ...BASE_EN, original: undefined, translated_from: 'vi', translator: 'Trần Mai' },
      { ...BASE_VI, translated_from: 'en', translator: 'archive' },
    );
    const [story] = archive.stories;
    if (!story?.articles.en || !story.articles.vi) throw new Error('the story did not load');
    expect(provenanceStatement(story, story.articles.vi, 'vi')).toMatch(
      /^Bản dịch của kho lưu trữ, từ bản tiếng Anh.* \(bản tiếng Anh do Trần Mai dịch từ tiếng Việt\)\.$/,
    );
    const english = loadWith(BASE_EN).archive.stories[0];
    if (!english?.articles.vi) throw new Error('the base story did not load');
    // Translated from the original: nothing more to say.
    expect(provenanceStatement(english, english.articles.vi, 'vi')).not.toContain('(');
  });
});

describe('credits naming registry entries', () => {
  it('should show the entry’s name in each language and list the story on the entry’s page by role', () => {
    const { archive, problems } = loadWith(
      { ...BASE_EN, author: 'van-chien', source: { name: 'vietnam-news-agency' } },
      { ...BASE_VI, author: 'van-chien', source: { name: 'vietnam-news-agency' }, translator: 'mai-huong' },
    );
    expect(problems).toEqual([]);
    const [story] = archive.stories;
    expect(story?.articles.en?.author).toBe('Van Chien');
    expect(story?.articles.vi?.author).toBe('Văn Chiến');
    expect(story?.articles.vi?.source?.name).toBe('Thông tấn xã Việt Nam');
    expect(story?.articles.vi?.creditLinks).toEqual({
      author: { kind: 'people', id: 'van-chien' },
      translator: { kind: 'people', id: 'mai-huong' },
      source: { kind: 'organisations', id: 'vietnam-news-agency' },
    });
    expect(
      storiesCrediting(archive.stories, 'people', 'van-chien').map(({ story: each, roles }) => [each.id, roles]),
    ).toEqual([[BASE_STORY_ID, ['author']]]);
    expect(storiesCrediting(archive.stories, 'people', 'mai-huong').map(({ roles }) => roles)).toEqual([
      ['translator'],
    ]);
    expect(storiesCrediting(archive.stories, 'organisations', 'vietnam-news-agency').map(({ roles }) => roles)).toEqual(
      [['source']],
    );
    // A name that is no id stays text, and credits no page.
    expect(storiesCrediting(archive.stories, 'people', 'luong-cuong')).toEqual([]);
  });
});

describe('roles', () => {
  it('should refuse a start date without the source that states it', () => {
    const fixture = contentFixture();
    const people = `- id: someone-new\n  name: { en: "Someone New", vi: "Người Mới" }\n  roles:\n    - from: "2020"\n      title: { en: "Director", vi: "Giám đốc" }\n`;
    fixture.write('people.yaml', people);
    const problems = fixture.load().problems.filter((problem) => problem.file.endsWith('people.yaml'));
    expect(problems.map((problem) => [problem.kind, problem.field, problem.line, problem.message])).toEqual([
      [
        'InvalidField',
        'someone-new → roles.0.from',
        4,
        'a start date needs the source that states it: add source: { name: "…", url: "https://…" }',
      ],
    ]);
  });

  it('should warn about a role reported in a story that is not in the archive', () => {
    const fixture = contentFixture();
    fixture.write(
      'people.yaml',
      `- id: someone-new\n  name: { en: "Someone New", vi: "Người Mới" }\n  roles:\n    - reported_in: base-stroy\n      title: { en: "Director", vi: "Giám đốc" }\n`,
    );
    const problems = fixture.load().problems.filter((problem) => problem.file.endsWith('people.yaml'));
    expect(problems.map((problem) => [problem.kind, problem.field, problem.hint])).toEqual([
      ['MissingRoleStory', 'someone-new → roles.0.reported_in', 'Did you mean `base-story`?'],
    ]);
  });
});

describe('aliases that may name someone else', () => {
  it.each([
    ['CMC', true],
    ['UN', true],
    ['Gen. Dung', true],
    ['General Ramos', true],
    ['Tướng Dũng', true],
    ['Gen. Le Dung', false],
    ['BTL 86', false],
    ['Chủ tịch nước Lương Cường', false],
    ['Ministry of National Defense', false],
    // Two letters, one with two marks, typed decomposed: as short as the editor sees it.
    ['Bộ'.normalize('NFD'), true],
  ])('should judge "%s" ambiguous: %s', (alias, ambiguous) => {
    expect(aliasAmbiguity(alias) !== undefined).toBe(ambiguous);
  });

  it('should warn at the alias’s line unless it is marked unambiguous', () => {
    const fixture = contentFixture();
    fixture.write(
      'organisations.yaml',
      `- id: some-body\n  name: { en: "Some Body", vi: "Cơ quan" }\n  aliases: ["SB", { name: "SBX", unambiguous: true }, "Some Body Office"]\n`,
    );
    const problems = fixture.load().problems.filter((problem) => problem.file.endsWith('organisations.yaml'));
    expect(problems.map((problem) => [problem.kind, problem.field, problem.line])).toEqual([
      ['AmbiguousAlias', 'some-body → aliases.0', 3],
    ]);
  });
});

describe('aliases that name another entry', () => {
  /** The fixture's registries with this entry added to people.yaml, and the file as written. */
  function withPerson(entry: string) {
    const fixture = contentFixture();
    const people = `${readFileSync(fixture.path('people.yaml'), 'utf8')}\n${entry}`;
    fixture.write('people.yaml', people);
    return { fixture, people };
  }
  const shown = (fixture: { path: (relative: string) => string }, file: string) =>
    path.relative(process.cwd(), fixture.path(file));
  const clashes = (problems: readonly { kind: string; line?: number; column?: number; message: string }[]) =>
    problems
      .filter((problem) => problem.kind === 'AliasClash')
      .map(({ line, column, message }) => ({ line, column, message }));

  it("should refuse an alias that is another entry's name, in any registry, whatever its marks and capitals", () => {
    const { fixture, people } = withPerson(
      '- id: impostor\n  name: { en: "Im Postor", vi: "Im Postor" }\n  aliases: ["Command 86", "Vu Huu Hanh", "vũ hữu HẠNH"]\n',
    );
    const topics = readFileSync(fixture.path('topics.yaml'), 'utf8');
    const organisations = readFileSync(fixture.path('organisations.yaml'), 'utf8');
    const hanh = `the name of the person "vu-huu-hanh" (line ${positionOf(people, 'en: "Vu Huu Hanh"').line})`;
    const { problems } = fixture.load();
    expect(clashes(problems)).toEqual([
      {
        ...positionOf(people, '"Command 86", "Vu'),
        message: `the alias "Command 86" of "impostor" is also the name of the topic "command-86" (${shown(fixture, 'topics.yaml')}, line ${positionOf(topics, 'Command 86').line}) and the name of the organisation "command-86" (${shown(fixture, 'organisations.yaml')}, line ${positionOf(organisations, 'Command 86').line})`,
      },
      { ...positionOf(people, '"Vu Huu Hanh", "vũ'), message: `the alias "Vu Huu Hanh" of "impostor" is also ${hanh}` },
      { ...positionOf(people, '"vũ hữu HẠNH"'), message: `the alias "vũ hữu HẠNH" of "impostor" is also ${hanh}` },
    ]);
    expect(problems.find((problem) => problem.kind === 'AliasClash')?.field).toBe('impostor → aliases.0');
  });

  it('should refuse an alias two entries share, on each of them', () => {
    const fixture = contentFixture();
    const organisations = '- id: some-body\n  name: { en: "Some Body", vi: "Cơ quan" }\n  aliases: ["The Office"]\n';
    fixture.write('organisations.yaml', organisations);
    const people = '- id: someone-new\n  name: { en: "Someone New", vi: "Người Mới" }\n  aliases: ["the office"]\n';
    fixture.write('people.yaml', people);
    const problems = fixture.load().problems.filter((problem) => problem.kind === 'AliasClash');
    expect(problems.map((problem) => [path.basename(problem.file), problem.line, problem.message])).toEqual([
      [
        'organisations.yaml',
        3,
        `the alias "The Office" of "some-body" is also an alias of the person "someone-new" (${shown(fixture, 'people.yaml')}, line 3)`,
      ],
      [
        'people.yaml',
        3,
        `the alias "the office" of "someone-new" is also an alias of the organisation "some-body" (${shown(fixture, 'organisations.yaml')}, line 3)`,
      ],
    ]);
  });

  it("should accept an alias that is the entry's own name, or holds another's name among other words", () => {
    const { fixture } = withPerson(
      '- id: someone-new\n  name: { en: "Someone New", vi: "Người Mới" }\n  aliases: ["Nguoi Moi", "Deputy of Vu Huu Hanh"]\n',
    );
    expect(clashes(fixture.load().problems)).toEqual([]);
  });

  it('should accept aliases of namesakes whose names differ only in marks both write, in any script', () => {
    const { fixture } = withPerson(
      [
        '- id: nguyen-van-hung\n  name: { en: "Nguyen Van Hung", vi: "Nguyễn Văn Hùng" }\n  aliases: ["Thượng tướng Nguyễn Văn Hùng"]',
        '- id: nguyen-van-hung-2\n  name: { en: "Nguyen Van Hung", vi: "Nguyễn Văn Hưng" }\n  aliases: ["Thượng tướng Nguyễn Văn Hưng"]',
        '- id: sin-chan\n  name: { en: "Sin Chan", vi: "Sin Chan" }\n  aliases: ["ស៊ីន ចាន់"]',
        '- id: son-chan\n  name: { en: "Son Chan", vi: "Son Chan" }\n  aliases: ["សុន ចន់"]',
        '',
      ].join('\n'),
    );
    expect(clashes(fixture.load().problems)).toEqual([]);
  });

  it('should still refuse an alias written without the marks of a namesake it would name too', () => {
    const { fixture } = withPerson(
      [
        '- id: nguyen-van-hung\n  name: { en: "Nguyen Van Hung", vi: "Nguyễn Văn Hùng" }\n  aliases: ["Thượng tướng Nguyễn Văn Hùng"]',
        '- id: nguyen-van-hung-2\n  name: { en: "Nguyen Van Hung", vi: "Nguyễn Văn Hưng" }\n  aliases: ["Thuong tuong Nguyen Van Hung"]',
        '',
      ].join('\n'),
    );
    expect(clashes(fixture.load().problems).map((problem) => problem.message)).toEqual([
      expect.stringMatching(
        /^the alias "Thượng tướng Nguyễn Văn Hùng" of "nguyen-van-hung" is also an alias of the person/,
      ),
      expect.stringMatching(
        /^the alias "Thuong tuong Nguyen Van Hung" of "nguyen-van-hung-2" is also an alias of the person/,
      ),
    ]);
  });

  it('should accept an organisation alias that is a topic name: a topic and an organisation may be one subject', () => {
    const fixture = contentFixture();
    const topics = `${readFileSync(fixture.path('topics.yaml'), 'utf8')}\n- id: asean\n  name: { en: "ASEAN", vi: "ASEAN" }\n`;
    fixture.write('topics.yaml', topics);
    const organisations = `${readFileSync(fixture.path('organisations.yaml'), 'utf8')}\n- id: asean-body\n  name: { en: "Association of Southeast Asian Nations", vi: "Hiệp hội các quốc gia Đông Nam Á" }\n  aliases: [{ name: "ASEAN", unambiguous: true }]\n`;
    fixture.write('organisations.yaml', organisations);
    expect(clashes(fixture.load().problems)).toEqual([]);
  });

  it('should place the problem when the registries are read back from the check cache', () => {
    const { fixture, people } = withPerson(
      '- id: impostor\n  name: { en: "Im Postor", vi: "Im Postor" }\n  aliases: ["Vu Huu Hanh"]\n',
    );
    const caches = { checkCache: createKeyedCache<CheckedFile>('code') };
    const first = clashes(loadContent(fixture.dir, caches).problems);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject(positionOf(people, '"Vu Huu Hanh"]'));
    expect(clashes(loadContent(fixture.dir, caches).problems)).toEqual(first);
  });
});
