/**
 * The bad-input catalogue: every folder of tests/fixtures/bad-content/ is a small content
 * folder (laid over the shared registries of tests/fixtures/content-registry/) holding one
 * mistake, and the table below gives every message `npm run check` must print for it,
 * exactly. Paths are relative to the content folder.
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../lib/content/content-files';
import { hasErrors, loadContent, type LoadedContent } from '../../lib/content/load';
import { formatProblem, PROBLEM_KINDS, type ContentProblem, type ProblemKind } from '../../lib/content/problems';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const CASES_DIR = path.join(FIXTURES, 'bad-content');
const REGISTRY_DIR = path.join(FIXTURES, 'content-registry');

interface Case {
  /** The folder under bad-content/, which is also the story's id; or a case made at test time. */
  name: string;
  /**
   * Every problem as printed: `path:line:col: field: message [Kind]`. The kind's general
   * hint follows unless the entry gives its own `\n    hint: …` line.
   */
  problems: string[];
  /** For cases without errors: the stories published. (With any error the build publishes nothing.) */
  published?: string[];
  /** Content made at test time: git keeps no empty folder, and 5 MB does not belong in git. */
  prepare?: (dir: string) => void;
}

const FIVE_MB = 5 * 1024 * 1024;
const general = (kind: ProblemKind) => PROBLEM_KINDS[kind].hint;
const didYouMean = (id: string, registry: string) =>
  `\n    hint: Did you mean \`${id}\`? Ids are listed in ${registry}.`;
const missing = (story: string, field: string, expected: string) =>
  `articles/${story}/en.md:2:1: ${field}: required field is missing (expected ${expected}) [InvalidField]`;

const CASES: Case[] = [
  // Every required field missing, alone and all together.
  { name: 'missing-title', problems: [missing('missing-title', 'title', 'a title (text)')] },
  { name: 'missing-summary', problems: [missing('missing-summary', 'summary', 'a summary (text)')] },
  { name: 'missing-date', problems: [missing('missing-date', 'date', 'a date as YYYY-MM-DD or YYYY-MM')] },
  { name: 'missing-topics', problems: [missing('missing-topics', 'topics', 'a list of topic ids')] },
  {
    name: 'missing-every-required-field',
    problems: [
      missing('missing-every-required-field', 'title', 'a title (text)'),
      missing('missing-every-required-field', 'summary', 'a summary (text)'),
      missing('missing-every-required-field', 'date', 'a date as YYYY-MM-DD or YYYY-MM'),
      missing('missing-every-required-field', 'topics', 'a list of topic ids'),
    ],
  },
  // Wrong types and sizes.
  {
    name: 'title-not-text',
    problems: ['articles/title-not-text/en.md:2:8: title: expected a title (text) [InvalidField]'],
  },
  {
    name: 'title-too-long',
    problems: ['articles/title-too-long/en.md:2:8: title: expected at most 200 characters [InvalidField]'],
  },
  {
    name: 'summary-too-long',
    problems: ['articles/summary-too-long/en.md:3:10: summary: expected at most 400 characters [InvalidField]'],
  },
  {
    name: 'topics-not-a-list',
    problems: ['articles/topics-not-a-list/en.md:5:9: topics: expected a list of topic ids [InvalidField]'],
  },
  {
    name: 'people-not-a-list',
    problems: ['articles/people-not-a-list/en.md:6:9: people: expected a list of person ids [InvalidField]'],
  },
  {
    name: 'draft-not-boolean',
    problems: ['articles/draft-not-boolean/en.md:6:8: draft: expected true or false [InvalidField]'],
  },
  {
    name: 'source-not-a-map',
    problems: [
      'articles/source-not-a-map/en.md:6:9: source: expected a source as { name: "…", url: "https://…", language: en } [InvalidField]',
    ],
  },
  {
    name: 'source-url-javascript',
    problems: ['articles/source-url-javascript/en.md:6:29: source.url: expected an http(s) URL [InvalidField]'],
  },
  // Impossible dates.
  {
    name: 'date-february-30',
    problems: [
      'articles/date-february-30/en.md:4:7: date: day 30 does not exist in 2025-02 ("2025-02-30") [InvalidField]',
    ],
  },
  {
    name: 'date-month-13',
    problems: ['articles/date-month-13/en.md:4:7: date: month 13 does not exist in "2025-13" [InvalidField]'],
  },
  {
    name: 'date-two-digit-year',
    problems: [
      'articles/date-two-digit-year/en.md:4:7: date: expected a date as YYYY-MM-DD or YYYY-MM, got "25-10-23" [InvalidField]',
    ],
  },
  // Unknown ids, with the closest known one.
  {
    name: 'unknown-topic',
    problems: [
      `articles/unknown-topic/en.md:5:10: topics.0: unknown topic id "comand-86" [UnknownReference]${didYouMean('command-86', 'topics.yaml')}`,
    ],
  },
  {
    name: 'unknown-person',
    problems: [
      `articles/unknown-person/en.md:6:10: people.0: unknown person id "le-dnug" [UnknownReference]${didYouMean('le-dung', 'people.yaml')}`,
    ],
  },
  {
    name: 'unknown-organisation',
    problems: [
      `articles/unknown-organisation/en.md:6:17: organisations.0: unknown organisation id "united-nation" [UnknownReference]${didYouMean('united-nations', 'organisations.yaml')}`,
    ],
  },
  // Duplicate registry ids.
  {
    name: 'duplicate-topic-id',
    problems: ['topics.yaml:8:7: cybersecurity → id: the id "cybersecurity" is already used on line 5 [DuplicateId]'],
  },
  {
    name: 'duplicate-person-id',
    problems: ['people.yaml:8:7: le-dung → id: the id "le-dung" is already used on line 1 [DuplicateId]'],
  },
  // Translations that disagree.
  {
    name: 'translations-disagree-on-date',
    problems: [
      'articles/translations-disagree-on-date/vi.md:4:7: date: differs from articles/translations-disagree-on-date/en.md: "2025-10-24" here, "2025-10-23" there [TranslationMismatch]',
    ],
  },
  {
    name: 'translations-disagree-on-topics',
    problems: [
      'articles/translations-disagree-on-topics/vi.md:5:9: topics: differs from articles/translations-disagree-on-topics/en.md: ["command-86"] here, ["command-86","cybersecurity"] there [TranslationMismatch]',
    ],
  },
  {
    name: 'translations-disagree-on-entities',
    problems: [
      'articles/translations-disagree-on-entities/vi.md:6:9: people: differs from articles/translations-disagree-on-entities/en.md: ["luong-cuong"] here, ["le-dung"] there [TranslationMismatch]',
      'articles/translations-disagree-on-entities/vi.md:7:16: organisations: differs from articles/translations-disagree-on-entities/en.md: ["command-86","united-nations"] here, ["command-86"] there [TranslationMismatch]',
    ],
  },
  // Unknown fields.
  {
    name: 'unknown-field',
    problems: [
      'articles/unknown-field/en.md:6:9: tittle: unknown field "tittle" [UnknownField]\n    hint: Did you mean `title`? The fields are listed in docs/editing.md.',
    ],
  },
  {
    name: 'unknown-field-in-source',
    problems: ['articles/unknown-field-in-source/en.md:6:30: source.link: unknown field "link" [UnknownField]'],
  },
  // Frontmatter that is not YAML, or not frontmatter at all.
  {
    name: 'frontmatter-js',
    problems: [
      'articles/frontmatter-js/en.md:1:4: front matter in "js" is not accepted (it is never run); expected YAML [ForeignFrontmatter]',
    ],
  },
  {
    name: 'frontmatter-coffee',
    problems: [
      'articles/frontmatter-coffee/en.md:1:4: front matter in "coffee" is not accepted (it is never run); expected YAML [ForeignFrontmatter]',
    ],
  },
  { name: 'invalid-yaml', problems: ['articles/invalid-yaml/en.md:2:40: Missing closing "quote [InvalidYaml]'] },
  {
    name: 'yaml-bad-indentation',
    problems: [
      'articles/yaml-bad-indentation/en.md:4:1: All mapping items must start at the same column [InvalidYaml]',
    ],
  },
  { name: 'empty-file', problems: ['articles/empty-file/en.md:1:1: the file is empty [MissingFrontmatter]'] },
  {
    name: 'no-frontmatter',
    problems: [
      'articles/no-frontmatter/en.md:1:1: expected frontmatter starting with "---" on the first line [MissingFrontmatter]',
    ],
  },
  {
    name: 'unclosed-frontmatter',
    problems: [
      'articles/unclosed-frontmatter/en.md:1:1: the frontmatter is not closed: expected a second "---" line [MissingFrontmatter]',
    ],
  },
  {
    name: 'empty-frontmatter',
    problems: [
      'articles/empty-frontmatter/en.md:2:1: the frontmatter is empty: expected title, summary, date and topics [InvalidField]',
    ],
  },
  {
    name: 'only-frontmatter',
    problems: ['articles/only-frontmatter/en.md:8:1: the article has no text after its frontmatter [EmptyBody]'],
  },
  {
    name: 'body-only-comment',
    problems: [
      'articles/body-only-comment/en.md:8:1: the article has no text a reader would see (only comments or HTML that is removed) [EmptyBody]',
      'articles/body-only-comment/en.md:10:1: warning: the HTML <script> is removed from the page [RemovedHtml]\n    hint: Markdown has no <script>, and a page shows nothing of it: remove it.',
    ],
  },
  // Encodings and line endings: BOM and CRLF are accepted, broken UTF-8 is not.
  { name: 'utf8-bom', problems: [], published: ['utf8-bom'] },
  { name: 'crlf-line-endings', problems: [], published: ['crlf-line-endings'] },
  {
    name: 'invalid-utf8',
    problems: [
      'articles/invalid-utf8/en.md:8: the file is not valid UTF-8 (byte 143 cannot be decoded) [InvalidEncoding]',
    ],
  },
  // Size: refused unread with the limit, never a crash (the file's 170 bytes of frontmatter and text, then 5 MB).
  {
    name: 'body-5mb',
    prepare: (dir) => appendFileSync(path.join(dir, 'articles/body-5mb/en.md'), 'x'.repeat(FIVE_MB)),
    problems: [
      `articles/body-5mb/en.md: the file is ${FIVE_MB + 185} bytes; the limit is ${MAX_FILE_BYTES} bytes [FileTooLarge]`,
    ],
  },
  // File and folder names.
  {
    name: 'french-file',
    problems: [
      'articles/french-file: warning: the story has no vi.md yet [MissingTranslation]',
      'articles/french-file/fr.md: unexpected file "fr.md": expected en.md or vi.md [UnexpectedFile]',
    ],
  },
  {
    name: 'upper-case-file-name',
    problems: [
      'articles/upper-case-file-name: warning: the story has no en.md yet [MissingTranslation]',
      'articles/upper-case-file-name/EN.md: unexpected file "EN.md": expected en.md or vi.md [UnexpectedFile]\n    hint: Rename it to en.md: file names are lowercase.',
    ],
  },
  {
    name: 'vietnamese-file-name',
    problems: [
      'articles/vietnamese-file-name: warning: the story has no vi.md yet [MissingTranslation]',
      'articles/vietnamese-file-name/vn.md: unexpected file "vn.md": expected en.md or vi.md [UnexpectedFile]\n    hint: Rename it to vi.md: a story\'s texts are en.md and vi.md.',
    ],
  },
  {
    name: 'story-id-capitals',
    problems: [
      'articles/Story-Id-Capitals: the story id "Story-Id-Capitals" is not allowed: expected 3 to 100 characters of lowercase a-z, 0-9 and "-" [InvalidStoryId]',
    ],
  },
  {
    name: 'story-id-spaces',
    problems: [
      'articles/story id spaces: the story id "story id spaces" is not allowed: expected 3 to 100 characters of lowercase a-z, 0-9 and "-" [InvalidStoryId]',
    ],
  },
  {
    name: 'stray-file-in-articles',
    problems: [
      'articles/stray-file-in-articles.md: unexpected file "stray-file-in-articles.md" in articles/: every story is a folder [UnexpectedFile]\n    hint: Move it to articles/<story-id>/en.md or vi.md.',
    ],
  },
  {
    name: 'empty-story-folder',
    prepare: (dir) => mkdirSync(path.join(dir, 'articles/empty-story-folder'), { recursive: true }),
    problems: ['articles/empty-story-folder: the story folder has no en.md or vi.md [EmptyStory]'],
  },
  // Drafts and warnings: published, or validated and held back, never an error.
  { name: 'draft-story', problems: [], published: [] },
  {
    name: 'missing-translation',
    problems: ['articles/missing-translation: warning: the story has no en.md yet [MissingTranslation]'],
    published: ['missing-translation'],
  },
  {
    name: 'long-summary',
    problems: [
      'articles/long-summary: warning: the story has no vi.md yet [MissingTranslation]',
      'articles/long-summary/en.md:3:10: warning: summary: the summary has 311 characters; under 300 reads best [LongSummary]',
    ],
    published: ['long-summary'],
  },
  {
    name: 'untagged-mention',
    problems: [
      'articles/untagged-mention/en.md:12:7: warning: people: the text names "General Lê Dũng" but people does not list `le-dung` [UntaggedMention]\n    hint: Add `le-dung` to people in both language files (they must agree), or ignore this warning if the text means someone else.',
      'articles/untagged-mention/en.md:12:39: warning: organisations: the text names "BTL 86" but organisations does not list `command-86` [UntaggedMention]\n    hint: Add `command-86` to organisations in both language files (they must agree), or ignore this warning if the text means someone else.',
      // The Vietnamese file lacks the sentence, and with it the number of the command.
      'articles/untagged-mention/en.md:12:43: warning: the number 86 (line 12) is not in vi.md [NumbersDiffer]',
    ],
    published: ['untagged-mention'],
  },
];

/** The kind in brackets at the end of an entry's first line. */
function kindOf(entry: string): ProblemKind {
  const kind = /\[(\w+)\]$/.exec(entry.split('\n')[0] ?? '')?.[1];
  if (!kind || !(kind in PROBLEM_KINDS)) throw new Error(`The table entry names no problem kind: ${entry}`);
  return kind as ProblemKind;
}

/** The full text `npm run check` prints for an expected entry: the kind's general hint unless the entry gives one. */
function printed(entry: string): string {
  return entry.includes('\n    hint: ') ? entry : `${entry}\n    hint: ${general(kindOf(entry))}`;
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary content folder: the shared registries, then each case's files over them. */
function contentFolder(cases: readonly Case[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bad-content-'));
  made.push(dir);
  cpSync(REGISTRY_DIR, dir, { recursive: true });
  mkdirSync(path.join(dir, 'articles'));
  for (const each of cases) {
    const source = path.join(CASES_DIR, each.name);
    if (existsSync(source)) cpSync(source, dir, { recursive: true });
    each.prepare?.(dir);
  }
  return dir;
}

/** Problems printed as the check prints them, with paths relative to the content folder. */
function printedProblems(problems: readonly ContentProblem[], dir: string): string[] {
  const prefix = `${path.relative(process.cwd(), dir)}${path.sep}`;
  return problems.map((problem) => formatProblem(problem).split(prefix).join(''));
}

function load(cases: readonly Case[]): { dir: string; loaded: LoadedContent } {
  const dir = contentFolder(cases);
  return { dir, loaded: loadContent(dir) };
}

describe('the bad-content catalogue', () => {
  it('should have a table row for every fixture folder, and a folder for every row not made at test time', () => {
    const folders = readdirSync(CASES_DIR).filter((name) => statSync(path.join(CASES_DIR, name)).isDirectory());
    const rows = CASES.map((each) => each.name);
    expect(folders.filter((name) => !rows.includes(name))).toEqual([]);
    expect(CASES.filter((each) => !each.prepare && !folders.includes(each.name)).map((each) => each.name)).toEqual([]);
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((each) => [each.name, each] as const))(
    'should print exactly the expected messages for %s',
    (_name, each) => {
      const { dir, loaded } = load([each]);
      expect(printedProblems(loaded.problems, dir)).toEqual(each.problems.map(printed));
      expect(hasErrors(loaded.problems)).toBe(
        each.problems.some((entry) => PROBLEM_KINDS[kindOf(entry)].severity === 'error'),
      );
      if (each.published) expect(loaded.archive.stories.map((story) => story.id)).toEqual(each.published);
    },
  );

  it('should report every problem of every broken file in one run', () => {
    const { dir, loaded } = load(CASES);
    const expected = CASES.flatMap((each) => each.problems.map(printed));
    expect(printedProblems(loaded.problems, dir).sort()).toEqual(expected.sort());
    expect(hasErrors(loaded.problems)).toBe(true);
  });
});

describe('accepted variants', () => {
  it('should read BOM and CRLF files exactly as their plain twins', () => {
    const { loaded } = load(CASES.filter((each) => ['utf8-bom', 'crlf-line-endings'].includes(each.name)));
    const [crlf, bom] = loaded.archive.stories.map((story) => story.articles.en);
    expect(crlf?.title).toBe('A delegation visits the command');
    expect(bom?.title).toBe(crlf?.title);
    expect(bom?.html).toBe(crlf?.html);
    expect(crlf?.html).not.toContain('\r');
    expect(bom?.title.charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('drafts', () => {
  it('should validate a draft, count it, and leave no trace of it in the published archive', () => {
    const { loaded } = load(CASES.filter((each) => each.name === 'draft-story'));
    expect(loaded.drafts).toBe(2);
    // Every page, list, feed, search index and sitemap is made from this archive alone.
    const published = JSON.stringify(loaded.archive);
    expect(published).not.toContain('draft-story');
    expect(published).not.toContain('A delegation visits the command');
    expect(published).not.toContain('Đoàn đại biểu thăm Bộ Tư lệnh');
  });

  it('should still report the errors of a draft', () => {
    const { dir, loaded } = load([
      {
        name: 'broken-draft',
        problems: [],
        prepare: (target) => {
          const draft = readFileSync(path.join(CASES_DIR, 'draft-story/articles/draft-story/en.md'), 'utf8');
          mkdirSync(path.join(target, 'articles/broken-draft'));
          cpSync(
            path.join(CASES_DIR, 'draft-story/articles/draft-story/vi.md'),
            path.join(target, 'articles/broken-draft/vi.md'),
          );
          appendFileSync(
            path.join(target, 'articles/broken-draft/en.md'),
            draft.replace('date: 2025-10-23', 'date: 2025-02-30'),
          );
        },
      },
    ]);
    expect(printedProblems(loaded.problems, dir)).toEqual([
      printed('articles/broken-draft/en.md:4:7: date: day 30 does not exist in 2025-02 ("2025-02-30") [InvalidField]'),
    ]);
  });
});

describe('frontmatter in a programming language', () => {
  const trace = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'frontmatter-trace-'));
    made.push(dir);
    return path.join(dir, 'trace.txt');
  };
  const globals = globalThis as { __frontmatterRan?: string };

  afterEach(() => {
    delete process.env.FRONTMATTER_TRACE;
    delete globals.__frontmatterRan;
  });

  it.each([
    ['js', 'frontmatter-js'],
    ['coffee', 'frontmatter-coffee'],
  ])('should refuse ---%s frontmatter without running its payload', (_language, name) => {
    const traceFile = trace();
    process.env.FRONTMATTER_TRACE = traceFile;
    const { loaded } = load(CASES.filter((each) => each.name === name));
    expect(loaded.problems.map((problem) => problem.kind)).toEqual(['ForeignFrontmatter']);
    expect(existsSync(traceFile)).toBe(false);
    expect(globals.__frontmatterRan).toBeUndefined();
  });

  // The control: the same payloads do run when gray-matter is used with its defaults, so
  // the test above would see their trace if the loader ever evaluated them. CoffeeScript
  // is not installed, so its payload (written to be valid JavaScript too) runs as ---js.
  it.each([
    ['js', 'frontmatter-js'],
    ['coffee', 'frontmatter-coffee'],
  ])('should have a ---%s payload that leaves a trace when it is run', (language, name) => {
    const traceFile = trace();
    process.env.FRONTMATTER_TRACE = traceFile;
    const text = readFileSync(path.join(CASES_DIR, name, 'articles', name, 'en.md'), 'utf8');
    const result = matter(text.replace(/^---coffee/, '---js'), {});
    expect(result.data).toMatchObject({ title: 'Pwned' });
    expect(readFileSync(traceFile, 'utf8')).toBe(`${language} frontmatter ran`);
    expect(globals.__frontmatterRan).toBe(language);
  });
});
