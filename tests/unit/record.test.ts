/**
 * What the archive asserts around the texts: what each file is (original or translation),
 * who is credited and where the credit leads, how a role is dated, and which aliases may
 * name someone else. Each rule on a small content folder laid over the real registries.
 */
import { describe, expect, it } from 'vitest';
import { aliasAmbiguity } from '../../lib/content/aliases';
import { provenanceOf } from '../../lib/views/provenance';
import { storiesCrediting } from '../../lib/views/story-lists';
import {
  articleText,
  BASE_EN,
  BASE_STORY_ID,
  BASE_VI,
  BASE_BODY_VI,
  fixturesRemovedAfterEach,
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
        '0.roles.0.from',
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
      ['MissingRoleStory', '0.roles.0.reported_in', 'Did you mean `base-story`?'],
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
      ['AmbiguousAlias', '0.aliases.0', 3],
    ]);
  });
});
