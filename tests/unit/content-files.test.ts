/**
 * Whatever stands in the content folder, the loader answers with problems naming the
 * file: links, folders where files belong, files too large or unreadable, hostile YAML.
 * It never throws, and never reads outside the content folder.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentRoot, MAX_FILE_BYTES, readContentFile, realPathProblem } from '../../lib/content/content-files';
import type { ContentProblem } from '../../lib/content/problems';
import {
  articleText,
  BASE_EN,
  BASE_STORY_ID,
  type ContentFixture,
  fixturesRemovedAfterEach,
  frontmatterLines,
} from './helpers/content-fixture';

const fixtureWith = fixturesRemovedAfterEach();
const outsides: string[] = [];
afterEach(() => {
  for (const dir of outsides.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder outside every content folder, holding a valid story whose text is easy to spot. */
const SECRET = 'text from outside the content folder';
function outsideStory(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'outside-content-'));
  outsides.push(dir);
  writeFileSync(path.join(dir, 'en.md'), articleText(BASE_EN, `${SECRET}\n`));
  return dir;
}

function problemAt(
  problems: readonly ContentProblem[],
  fixture: ContentFixture,
  relative: string,
): ContentProblem | undefined {
  return problems.find((problem) => fixture.file(relative).test(problem.file));
}

const EN = `articles/${BASE_STORY_ID}/en.md`;

describe('symbolic links in the content folder', () => {
  it('should refuse a story folder that links outside the content folder, and publish nothing from it', () => {
    const fixture = fixtureWith();
    symlinkSync(outsideStory(), fixture.path('articles/linked-story'));
    const { problems, archive } = fixture.load();
    expect(problemAt(problems, fixture, 'articles/linked-story')).toMatchObject({
      kind: 'SymbolicLink',
      message: 'is a symbolic link to a place outside the content folder',
    });
    expect(archive.stories.map((story) => story.id)).toEqual([BASE_STORY_ID]);
    expect(JSON.stringify(archive)).not.toContain(SECRET);
  });

  it('should refuse an article file that links outside the content folder', () => {
    const fixture = fixtureWith();
    fixture.remove(EN);
    symlinkSync(path.join(outsideStory(), 'en.md'), fixture.path(EN));
    const { problems, archive } = fixture.load();
    expect(problemAt(problems, fixture, EN)).toMatchObject({
      kind: 'SymbolicLink',
      message: 'is a symbolic link to a place outside the content folder',
    });
    expect(JSON.stringify(archive)).not.toContain(SECRET);
  });

  // A folder swapped for a link after the folder of stories was listed is found by the real path.
  it('should refuse a file reached through a folder that links outside, unless its folder was checked instead', () => {
    const fixture = fixtureWith();
    symlinkSync(outsideStory(), fixture.path('articles/swapped'));
    const root = contentRoot(fixture.dir, (absolute) => absolute);
    const outside = { kind: 'SymbolicLink', message: 'leads outside the content folder through a symbolic link' };
    expect(readContentFile(fixture.path('articles/swapped/en.md'), root)).toMatchObject(outside);
    expect(realPathProblem(fixture.path('articles/swapped'), root)).toMatchObject(outside);
    expect(realPathProblem(fixture.path(`articles/${BASE_STORY_ID}`), root)).toBeUndefined();
    expect(readContentFile(fixture.path(EN), root, true)).toBeInstanceOf(Buffer);
  });

  it('should refuse a link in the file’s own place even when its folder was checked', () => {
    const fixture = fixtureWith();
    fixture.remove(EN);
    symlinkSync(path.join(outsideStory(), 'en.md'), fixture.path(EN));
    expect(
      readContentFile(
        fixture.path(EN),
        contentRoot(fixture.dir, (absolute) => absolute),
        true,
      ),
    ).toMatchObject({
      kind: 'SymbolicLink',
      message: 'is a symbolic link to a place outside the content folder',
    });
  });

  it('should refuse a registry that links outside the content folder', () => {
    const fixture = fixtureWith();
    fixture.remove('topics.yaml');
    symlinkSync(path.join(outsideStory(), 'en.md'), fixture.path('topics.yaml'));
    expect(problemAt(fixture.load().problems, fixture, 'topics.yaml')).toMatchObject({ kind: 'SymbolicLink' });
  });

  it('should refuse a link that stays inside the content folder too', () => {
    const fixture = fixtureWith();
    symlinkSync(fixture.path(`articles/${BASE_STORY_ID}`), fixture.path('articles/same-story'));
    const { problems, archive } = fixture.load();
    expect(problemAt(problems, fixture, 'articles/same-story')).toMatchObject({
      kind: 'SymbolicLink',
      message: 'is a symbolic link; content is read from real files only',
    });
    expect(archive.stories.map((story) => story.id)).toEqual([BASE_STORY_ID]);
  });

  it('should report a dangling link and a looping link by name', () => {
    const fixture = fixtureWith();
    symlinkSync(fixture.path('articles/nowhere'), fixture.path('articles/dangling'));
    symlinkSync(fixture.path('articles/loop-b'), fixture.path('articles/loop-a'));
    symlinkSync(fixture.path('articles/loop-a'), fixture.path('articles/loop-b'));
    const { problems } = fixture.load();
    expect(problemAt(problems, fixture, 'articles/dangling')).toMatchObject({
      kind: 'SymbolicLink',
      message: 'is a symbolic link to something that does not exist',
    });
    expect(problemAt(problems, fixture, 'articles/loop-a')).toMatchObject({
      kind: 'SymbolicLink',
      message: 'is a symbolic link that loops back on itself',
    });
  });
});

describe('entries of the wrong type', () => {
  it.each([EN, 'topics.yaml', 'people.yaml', 'organisations.yaml'])(
    'should report a folder named %s as not a file',
    (relative) => {
      const fixture = fixtureWith();
      fixture.remove(relative);
      fixture.mkdir(relative);
      expect(problemAt(fixture.load().problems, fixture, relative)).toMatchObject({
        kind: 'NotAFile',
        message: 'expected a file, found a folder',
      });
    },
  );

  // A socket cannot even be opened as a file.
  it.skipIf(process.platform === 'win32')('should report a socket as en.md without reading it', async () => {
    const fixture = fixtureWith();
    fixture.remove(EN);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(fixture.path(EN), resolve));
    try {
      expect(problemAt(fixture.load().problems, fixture, EN)).toMatchObject({
        kind: 'NotAFile',
        message: 'expected a file, found a special file (a pipe, socket or device)',
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  // Reading a pipe would wait for a writer forever.
  it.skipIf(process.platform === 'win32')('should report a named pipe as en.md without reading it', () => {
    const fixture = fixtureWith();
    fixture.remove(EN);
    execFileSync('mkfifo', [fixture.path(EN)]);
    expect(problemAt(fixture.load().problems, fixture, EN)).toMatchObject({
      kind: 'NotAFile',
      message: 'expected a file, found a special file (a pipe, socket or device)',
    });
  });

  it('should report an articles file where the folder of stories belongs', () => {
    const fixture = fixtureWith();
    fixture.remove('articles');
    fixture.write('articles', 'not a folder');
    expect(problemAt(fixture.load().problems, fixture, 'articles')).toMatchObject({ kind: 'UnexpectedFile' });
  });

  it('should refuse a registry over the file size limit without reading it', () => {
    const fixture = fixtureWith();
    fixture.write('people.yaml', `# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    expect(problemAt(fixture.load().problems, fixture, 'people.yaml')).toMatchObject({
      kind: 'FileTooLarge',
      message: `the file is ${MAX_FILE_BYTES + 3} bytes; the limit is ${MAX_FILE_BYTES} bytes`,
    });
  });

  // Permissions do not stop the superuser, so the case cannot be made as root.
  it.skipIf(process.getuid?.() === 0)('should report a file without read permission as unreadable', () => {
    const fixture = fixtureWith();
    chmodSync(fixture.path(EN), 0o000);
    expect(problemAt(fixture.load().problems, fixture, EN)).toMatchObject({
      kind: 'UnreadableFile',
      message: 'cannot be read (permission denied)',
    });
  });
});

describe('hostile YAML', () => {
  const ALIAS_BOMB = [
    'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  ];

  function loadEnglishFrontmatter(lines: string[]): ContentProblem[] {
    const fixture = fixtureWith();
    fixture.writeArticle(BASE_STORY_ID, 'en', ['---', ...lines, '---', '', 'Text.', ''].join('\n'));
    return fixture.load().problems.filter((problem) => fixture.file(EN).test(problem.file));
  }

  it('should refuse an alias bomb in frontmatter, naming the file', () => {
    expect(loadEnglishFrontmatter([...frontmatterLines(BASE_EN), ...ALIAS_BOMB])).toEqual([
      expect.objectContaining({
        kind: 'InvalidYaml',
        message: 'the YAML uses aliases (*name) more than 100 times; write the values out',
      }),
    ]);
  });

  it('should refuse an alias bomb in a registry, naming the file', () => {
    const fixture = fixtureWith();
    // The same aliases as list items: `- &a [...]`, `- &b [*a, ...]`, …
    fixture.write('organisations.yaml', ALIAS_BOMB.map((line) => `- ${line.slice(3)}`).join('\n'));
    expect(problemAt(fixture.load().problems, fixture, 'organisations.yaml')).toMatchObject({
      kind: 'InvalidYaml',
      message: expect.stringContaining('aliases'),
    });
  });

  it('should refuse YAML nested too deeply to read', () => {
    const depth = 20_000;
    expect(
      loadEnglishFrontmatter([...frontmatterLines(BASE_EN), `extra: ${'['.repeat(depth)}${']'.repeat(depth)}`]),
    ).toContainEqual(
      expect.objectContaining({ kind: 'InvalidYaml', message: 'the YAML is nested too deeply to read' }),
    );
  });

  it('should refuse a !!js/function tag instead of reading it as text', () => {
    expect(
      loadEnglishFrontmatter([
        ...frontmatterLines({ ...BASE_EN, title: undefined }),
        'title: !!js/function "function () { return 1 }"',
      ]),
    ).toEqual([
      expect.objectContaining({
        kind: 'InvalidYaml',
        field: 'title',
        message: 'the tag !!js/function is not accepted',
      }),
    ]);
  });

  it.each([
    ['title: !!str A title', 'title', '!!str'],
    ['title: !<tag:yaml.org,2002:str> A title', 'title', '!!str'],
    ['title: !local A title', 'title', '!local'],
    ['title: "A title"\ndraft: !!bool false', 'draft', '!!bool'],
    ['title: "A title"\ntopics: !!seq [cybersecurity]', 'topics', '!!seq'],
    ['title: "A title"\n!!str people: []', 'people', '!!str'],
  ])('should refuse every tag in one form, those the reader knows as the others: %j', (lines, field, tag) => {
    const written = lines.split('\n');
    const before = frontmatterLines({ ...BASE_EN, title: undefined, [field]: undefined });
    const problems = loadEnglishFrontmatter([...before, ...written]);
    // The file's first line is "---", then the fields before these lines.
    const line = 2 + before.length + written.findIndex((each) => each.includes('!'));
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'InvalidYaml', field, message: `the tag ${tag} is not accepted`, line }),
    ]);
  });

  it('should refuse frontmatter that is a list or a text instead of fields', () => {
    for (const lines of [['- a', '- b'], ['just text']]) {
      expect(loadEnglishFrontmatter(lines)).toEqual([
        expect.objectContaining({
          kind: 'InvalidField',
          message: 'expected the frontmatter to be a set of "field: value" lines',
        }),
      ]);
    }
  });

  it('should refuse a registry of two YAML documents', () => {
    const fixture = fixtureWith();
    fixture.write('topics.yaml', '- id: a\n---\n- id: b\n');
    expect(problemAt(fixture.load().problems, fixture, 'topics.yaml')).toMatchObject({
      kind: 'InvalidYaml',
      message: expect.stringContaining('multiple documents'),
    });
  });
});
