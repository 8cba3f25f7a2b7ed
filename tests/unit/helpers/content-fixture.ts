/**
 * Temporary content folders for loader tests. Each fixture starts from a small valid
 * base: the real registries copied from `content/`, and one story (`base-story`) in
 * both languages whose frontmatter is written one field per line, so a test can
 * change exactly one thing and know where it stands in the file.
 * Fixtures live in the system's temporary folder, never in the project's `content/`.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { loadContent, type LoadedContent } from '../../../lib/content/load';
import type { ContentProblem, ProblemKind } from '../../../lib/content/problems';

/** The project's real content folder (read only). */
export const REAL_CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));

export const REGISTRY_FILES = ['topics.yaml', 'people.yaml', 'organisations.yaml'] as const;

export const BASE_STORY_ID = 'base-story';

/** A frontmatter value written verbatim, e.g. an unquoted date. */
export class Raw {
  constructor(readonly text: string) {}
}
export const raw = (text: string) => new Raw(text);

export type FieldValue = Raw | string | number | boolean | readonly unknown[] | Record<string, unknown>;
/** Frontmatter fields in file order; `undefined` leaves a field out. */
export type Fields = Record<string, FieldValue | undefined>;

/** The English base frontmatter: every required field, the optional ones, all valid. */
export const BASE_EN: Fields = {
  title: 'State President inspects rehearsal for the Hanoi Convention signing',
  summary: 'The State President inspected a rehearsal for the signing ceremony of the Hanoi Convention.',
  date: '2025-10-23',
  topics: ['hanoi-convention', 'cybersecurity'],
  people: ['luong-cuong'],
  organisations: ['united-nations', 'vietnam-news-agency'],
  source: { name: 'Vietnam News Agency', url: 'https://vietnamplus.vn/example' },
  author: 'Staff reporter',
  original: true,
};

/** The Vietnamese base frontmatter: same story fields as BASE_EN. */
export const BASE_VI: Fields = {
  ...BASE_EN,
  title: 'Chủ tịch nước kiểm tra tổng duyệt Lễ mở ký Công ước Hà Nội',
  summary: 'Chủ tịch nước kiểm tra buổi tổng duyệt Lễ mở ký Công ước Hà Nội.',
  source: { name: 'Thông tấn xã Việt Nam', url: 'https://vietnamplus.vn/example' },
  author: 'Phóng viên',
  original: undefined,
  translated_from: 'en',
  translator: 'archive',
};

export const BASE_BODY =
  'The State President inspected the rehearsal.\n\n## Preparations\n\nThe ceremony takes place on 25 October.\n';

/** The Vietnamese base text: the same figures as BASE_BODY, as Vietnamese writes them. */
export const BASE_BODY_VI = 'Chủ tịch nước kiểm tra buổi tổng duyệt.\n\nBuổi lễ diễn ra ngày 25/10.\n';

/** One `field: value` line per field; values are JSON, which YAML reads as flow style. */
export function frontmatterLines(fields: Fields): string[] {
  return Object.entries(fields)
    .filter((entry): entry is [string, FieldValue] => entry[1] !== undefined)
    .map(([key, value]) => `${key}: ${value instanceof Raw ? value.text : JSON.stringify(value)}`);
}

/** A complete article file: `---`, the fields, `---`, a blank line and the body. */
export function articleText(fields: Fields, body: string = BASE_BODY): string {
  return ['---', ...frontmatterLines(fields), '---', '', body].join('\n');
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset === -1) throw new Error(`"${needle}" does not occur in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

export interface ContentFixture {
  /** The fixture's content folder. */
  readonly dir: string;
  /** Absolute path of a file or folder inside the fixture. */
  path(relative: string): string;
  /** A pattern for `problem.file`: it ends with this fixture's folder and `relative`. */
  file(relative: string): RegExp;
  write(relative: string, content: string | Uint8Array): void;
  /** Writes `articles/<id>/<locale>.md`. */
  writeArticle(storyId: string, locale: string, content: string | Uint8Array): void;
  mkdir(relative: string): void;
  remove(relative: string): void;
  load(): LoadedContent;
  cleanup(): void;
}

export interface FixtureOptions {
  /** Stories other than the base story; `null` leaves a language out. */
  stories?: Record<string, { en?: string | null; vi?: string | null }>;
  /** Replace the base story's files; `null` leaves that language out. */
  base?: { en?: string | null; vi?: string | null };
  /** Leave the base story out entirely. */
  withoutBaseStory?: boolean;
}

/**
 * The fixtures of a test file, each removed once the test that made it ends: call it once at the top of the file (or a
 * describe block), then make fixtures with what it returns.
 */
export function fixturesRemovedAfterEach(): (options?: FixtureOptions) => ContentFixture {
  const made: ContentFixture[] = [];
  afterEach(() => {
    for (const fixture of made.splice(0)) fixture.cleanup();
  });
  return (options = {}) => {
    const fixture = createContentFixture(options);
    made.push(fixture);
    return fixture;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createContentFixture(options: FixtureOptions = {}): ContentFixture {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'content-fixture-'));
  const fixture: ContentFixture = {
    dir,
    path: (relative) => path.join(dir, relative),
    file: (relative) => new RegExp(`(^|[\\\\/])${escapeRegExp(path.join(path.basename(dir), relative))}$`),
    write(relative, content) {
      const target = path.join(dir, relative);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    },
    writeArticle(storyId, locale, content) {
      fixture.write(path.join('articles', storyId, `${locale}.md`), content);
    },
    mkdir: (relative) => mkdirSync(path.join(dir, relative), { recursive: true }),
    remove: (relative) => rmSync(path.join(dir, relative), { recursive: true, force: true }),
    load: () => loadContent(dir),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };

  for (const name of REGISTRY_FILES) copyFileSync(path.join(REAL_CONTENT_DIR, name), path.join(dir, name));
  // The real registry's roles name the real stories they were reported in, which a fixture
  // does not hold: here they are dated by a source instead.
  const people = path.join(dir, 'people.yaml');
  writeFileSync(
    people,
    readFileSync(people, 'utf8').replace(
      /- reported_in: [a-z0-9-]+/g,
      '- from: "2020"\n      source: { name: "Fixture registry" }',
    ),
  );
  mkdirSync(path.join(dir, 'articles'));
  const stories = { ...options.stories };
  if (!options.withoutBaseStory) {
    stories[BASE_STORY_ID] = {
      en: options.base?.en === undefined ? articleText(BASE_EN) : options.base.en,
      vi: options.base?.vi === undefined ? articleText(BASE_VI, BASE_BODY_VI) : options.base.vi,
    };
  }
  for (const [id, files] of Object.entries(stories)) {
    fixture.mkdir(path.join('articles', id));
    for (const locale of ['en', 'vi'] as const) {
      const content = files[locale];
      if (typeof content === 'string') fixture.writeArticle(id, locale, content);
    }
  }
  return fixture;
}

/** Problems of one kind. */
export function problemsOfKind(problems: readonly ContentProblem[], kind: ProblemKind): ContentProblem[] {
  return problems.filter((problem) => problem.kind === kind);
}
