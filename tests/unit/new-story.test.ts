import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasErrors, loadContent } from '../../lib/content/load';
import { scaffoldStory, storyTemplate, suggestStoryId } from '../../lib/content/scaffold';
import { FrontmatterSchema } from '../../lib/content/schema';
import { REAL_CONTENT_DIR } from './helpers/content-fixture';

const ID = 'new-story-under-test';
let dir: string;

beforeEach(() => {
  // A copy of the real content: the template must pass next to the real stories and registries.
  dir = mkdtempSync(path.join(os.tmpdir(), 'new-story-'));
  cpSync(REAL_CONTENT_DIR, dir, { recursive: true });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const file = (locale: string) => path.join(dir, 'articles', ID, `${locale}.md`);

/**
 * Fills the template's empty fields and replaces its guidance comment with text, as an
 * editor would; `keepComment` leaves the comment as the only body.
 */
function fillIn(locale: 'en' | 'vi', extra: (text: string) => string = (text) => text, keepComment = false): void {
  const text = readFileSync(file(locale), 'utf8');
  const body = locale === 'en' ? 'Command 86 held a conference.' : 'Bộ Tư lệnh 86 tổ chức hội nghị.';
  const filled = extra(
    text
      .replace(
        'title: ""',
        `title: "${locale === 'en' ? 'Command 86 holds a conference' : 'Bộ Tư lệnh 86 tổ chức hội nghị'}"`,
      )
      .replace(
        'summary: ""',
        `summary: "${locale === 'en' ? 'The command reviewed its tasks.' : 'Bộ Tư lệnh rà soát nhiệm vụ.'}"`,
      )
      .replace('date: ""', 'date: 2025-07')
      .replace('topics: []', 'topics: [command-86]')
      .replace('organisations: []', 'organisations: [command-86]')
      .replace(/^# original: true/m, locale === 'en' ? 'original: true' : '# original: true')
      .replace(/^# translated_from: ""/m, locale === 'en' ? '# translated_from: ""' : 'translated_from: en')
      .replace(/<!--[\s\S]*?-->/, (comment) => (keepComment ? comment : body)),
  );
  writeFileSync(file(locale), filled);
}

/** Problems about the new story only (the copied real stories are not under test). */
const ownProblems = () => loadContent(dir).problems.filter((problem) => problem.file.includes(ID));

describe('scaffoldStory (npm run new)', () => {
  it('should create en.md and vi.md that load with no problem once filled in, as a draft that is not published', () => {
    const result = scaffoldStory(dir, ID);
    expect(result).toEqual({ ok: true, folder: path.join(dir, 'articles', ID), files: [file('en'), file('vi')] });
    fillIn('en');
    fillIn('vi');
    const loaded = loadContent(dir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.drafts).toBe(2);
    expect(loaded.archive.stories.map((story) => story.id)).not.toContain(ID);
  });

  it('should publish the filled-in story in both languages once draft is set to false', () => {
    scaffoldStory(dir, ID);
    for (const locale of ['en', 'vi'] as const) fillIn(locale, (text) => text.replace(/^draft: true/m, 'draft: false'));
    const { problems, archive } = loadContent(dir);
    expect(problems).toEqual([]);
    const story = archive.stories.find((each) => each.id === ID);
    expect(story?.date).toBe('2025-07');
    expect(story?.articles.vi?.title).toBe('Bộ Tư lệnh 86 tổ chức hội nghị');
    expect(story?.articles.en?.html).toBe('<p>Command 86 held a conference.</p>\n');
  });

  it('should accept the optional fields once their lines are uncommented and filled in', () => {
    scaffoldStory(dir, ID);
    for (const locale of ['en', 'vi'] as const) {
      fillIn(locale, (text) =>
        text
          .replace(/^# source:/m, 'source:')
          .replace(/^# {3}name: ""/m, '  name: "Vietnam News Agency"')
          .replace(/^# {3}url: ""/m, '  url: "https://vietnamplus.vn/"')
          .replace(/^# author: ""/m, 'author: "Van Chien"')
          .replace(/^# {3}language: ""/m, '  language: vi')
          .replace(/^# date_estimated: true/m, 'date_estimated: true')
          .replace(/^# translator: ""/m, locale === 'vi' ? 'translator: "Song Anh"' : '# translator: ""')
          .replace(/^# updated: ""/m, 'updated: "2025-08-02"')
          .replace(/^# corrections:/m, 'corrections:')
          .replace(
            /^# {3}- \{ date: "", text: "" \}/m,
            '  - { date: "2025-08-01", text: "The conference was held in Hanoi, not Hue." }',
          )
          .replace(/^# aliases: \[\]/m, 'aliases: [command-86-conference]'),
      );
    }
    const { problems, drafts } = loadContent(dir);
    expect(problems).toEqual([]);
    expect(drafts).toBe(2);
  });

  it('should make check list every required field until it is filled in, and the text once they are', () => {
    scaffoldStory(dir, ID);
    const unfilled = ownProblems();
    expect(unfilled.map((problem) => `${path.basename(problem.file)} ${problem.field}`)).toEqual(
      ['en.md', 'vi.md'].flatMap((name) => ['title', 'summary', 'date', 'topics'].map((field) => `${name} ${field}`)),
    );
    expect(hasErrors(unfilled)).toBe(true);

    // Fields filled, the guidance comment left as the only text: still nothing for a reader.
    for (const locale of ['en', 'vi'] as const) fillIn(locale, undefined, true);
    expect(ownProblems().map((problem) => [problem.kind, problem.message])).toEqual([
      ['EmptyBody', 'the article has no text a reader would see (only comments or HTML that is removed)'],
      ['EmptyBody', 'the article has no text a reader would see (only comments or HTML that is removed)'],
    ]);
  });

  it('should explain every frontmatter field the schema knows, each with a comment, in both languages', () => {
    for (const locale of ['en', 'vi'] as const) {
      const text = storyTemplate(locale, ID, ['command-86']);
      const frontmatter = text.split('\n---\n')[0] ?? '';
      const fieldLines = frontmatter
        .split('\n')
        .filter(
          (line) => /^(# )?\s*[a-z_]+:/.test(line) && !line.startsWith('#   topic') && !line.startsWith('#   các'),
        );
      const named = fieldLines.map((line) => /^(?:# )?\s*([a-z_]+):/.exec(line)?.[1]);
      expect(named.filter((name) => name !== 'name' && name !== 'url' && name !== 'language').sort()).toEqual(
        Object.keys(FrontmatterSchema.shape).sort(),
      );
      for (const line of fieldLines) expect(line, `${locale}: ${line}`).toMatch(/\S\s+# \S/);
      expect(text).toMatch(/^draft: true\s+# /m);
    }
  });

  it('should list the registry topic ids in the template', () => {
    scaffoldStory(dir, ID);
    expect(readFileSync(file('en'), 'utf8')).toContain(
      'topic ids in topics.yaml: command-86, cybersecurity, international-cooperation, digital-transformation, hanoi-convention',
    );
  });

  it('should write the Vietnamese template with Vietnamese guidance', () => {
    scaffoldStory(dir, ID);
    const vi = readFileSync(file('vi'), 'utf8');
    expect(vi).toContain('bản tiếng Việt');
    expect(vi).toContain('docs/editing.vi.md');
    expect(vi).not.toContain('English version');
  });

  it('should refuse an existing story folder and leave its files untouched', () => {
    const existing = path.join(dir, 'articles/hanoi-convention-rehearsal/en.md');
    const before = readFileSync(existing, 'utf8');
    expect(scaffoldStory(dir, 'hanoi-convention-rehearsal')).toEqual({
      ok: false,
      message: `${path.join(dir, 'articles/hanoi-convention-rehearsal')} already exists: choose another id, or edit the files that are there.`,
    });
    expect(readFileSync(existing, 'utf8')).toBe(before);
  });

  it.each([
    ['Hanoi Convention', ', e.g. hanoi-convention'],
    ['Công ước Hà Nội', ', e.g. cong-uoc-ha-noi'],
    ['ab', ''],
    ['../escape', ', e.g. escape'],
  ])('should refuse the id %j, suggesting a valid one where it can', (id, suggestion) => {
    expect(scaffoldStory(dir, id)).toEqual({
      ok: false,
      message: `"${id}" is not a story id: use 3 to 100 characters of lowercase a-z, 0-9 and "-"${suggestion}.`,
    });
    expect(existsSync(path.join(dir, 'articles', id))).toBe(false);
  });

  it('should write a control character of a refused id as its escape, never as the terminal would act on it', () => {
    const result = scaffoldStory(dir, 'abc\u001b[31mred');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/^"abc\\x1b\[31mred" is not a story id/);
  });

  it('should suggest nothing when the id is already valid or nothing valid can be made of it', () => {
    expect(suggestStoryId('valid-id')).toBeUndefined();
    expect(suggestStoryId('!!')).toBeUndefined();
  });
});
