/**
 * Property tests: whatever an article file holds (random Markdown mixed with fragments of
 * the XSS corpus, random frontmatter objects, random bytes), the content pipeline
 * answers with a validation result, never an exception, and never emits script; and
 * whatever editors do between builds, a build with the previous build's caches writes
 * exactly what a build without them writes.
 */
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticRegistry, syntheticStory, writeCorpus, writeStory } from '../../bench/corpus';
import { decodeUtf8, splitArticleSource } from '../../lib/content/frontmatter';
import { formatProblem, PROBLEM_KINDS } from '../../lib/content/problems';
import { renderMarkdown } from '../../lib/content/markdown';
import { FrontmatterSchema } from '../../lib/content/schema';
import { XSS_PAYLOADS } from '../fixtures/xss/payloads';
import { executableVectors } from '../helpers/html-safety';
import { BASE_EN, createContentFixture } from './helpers/content-fixture';
import { runPipeline } from './helpers/pipeline';

/** Pieces of Markdown and HTML syntax that, shuffled, make unusual but plausible bodies. */
const SYNTAX = [
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '![',
  '](',
  '"',
  "'",
  '`',
  '```',
  '*',
  '_',
  '#',
  '## ',
  '> ',
  '- ',
  '1. ',
  '|',
  '|---|',
  '\n',
  '\n\n',
  '\\',
  '&',
  '&#',
  ';',
  '&#x3A;',
  'javascript:',
  'JaVaScRiPt:',
  'vbscript:',
  'data:text/html,',
  'http://',
  'https://',
  'www.',
  '@',
  '<script>',
  '</script>',
  '<img src=x ',
  'onerror=',
  'onload=',
  '<svg ',
  '<math>',
  '<iframe ',
  '<style>',
  '<a href="',
  '<!--',
  '-->',
  '[^1]',
  '[^1]: ',
  '[r]: ',
  '[r]',
  'alert(1)',
  'window.__xss=1',
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 2, arbitrary: fc.constantFrom(...XSS_PAYLOADS.map((payload) => payload.markdown)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('Lê Dũng', 'Command 86', 'Bộ Tư lệnh 86', 'text', ' ', 'UN') },
);
const markdown = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));

/** Frontmatter objects: known fields with values of any type, and unknown fields. */
const FIELDS = [
  'title',
  'summary',
  'date',
  'topics',
  'people',
  'organisations',
  'source',
  'author',
  'translator',
  'draft',
];
const frontmatter = fc.oneof(
  fc.constant(BASE_EN),
  fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 12,
  }),
  // Mostly valid, one field replaced: exercises every rule past the first.
  fc
    .tuple(fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 2 }))
    .map(([key, value]) => ({ ...BASE_EN, [key]: value })),
);
const frontmatterText = fc.oneof(
  frontmatter.map((data) => stringify(data)),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

const fence = fc.oneof(
  { weight: 4, arbitrary: fc.constant('---') },
  { weight: 1, arbitrary: fc.constantFrom('---js', '---yaml', '--- ', '') },
);
const articleFile = fc.tuple(frontmatterText, markdown, fence, fc.boolean()).map(([yaml, body, fence, crlf]) => {
  const text = `${fence}\n${yaml}\n---\n\n${body}\n`;
  return crlf ? text.replace(/\n/g, '\r\n') : text;
});

describe('renderMarkdown on random Markdown', () => {
  it('should never throw and never emit an executable vector', () => {
    fc.assert(
      fc.property(markdown, (body) => {
        const { html } = renderMarkdown(body);
        expect(executableVectors(html)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('frontmatter on random input', () => {
  it('should answer random frontmatter objects with a parse result or problems, never an exception', () => {
    fc.assert(
      fc.property(articleFile, (text) => {
        const decoded = decodeUtf8(Buffer.from(text, 'utf8'), 'en.md');
        if (typeof decoded !== 'string') throw new Error('a JavaScript string always encodes to valid UTF-8');
        const source = splitArticleSource(decoded, 'en.md');
        if (Array.isArray(source)) {
          expect(source.length).toBeGreaterThan(0);
          for (const problem of source) expect(PROBLEM_KINDS[problem.kind].severity).toBe('error');
          return;
        }
        const result = FrontmatterSchema.safeParse(source.data);
        if (result.success) expect(typeof result.data.title).toBe('string');
        else expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('should decode random bytes to text or an InvalidEncoding problem', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const decoded = decodeUtf8(bytes, 'en.md');
        if (typeof decoded !== 'string') expect(decoded.kind).toBe('InvalidEncoding');
      }),
      { numRuns: 300 },
    );
  });
});

describe('loadContent on random article files', () => {
  const fixture = createContentFixture({ withoutBaseStory: true });
  afterAll(() => fixture.cleanup());
  let run = 0;
  let published = 0;

  it('should report problems or publish safe HTML, never throw', () => {
    fc.assert(
      fc.property(fc.array(articleFile, { minLength: 1, maxLength: 2 }), (files) => {
        // A new folder each run: the loader reads the whole content folder.
        fixture.remove('articles');
        const folder = path.join(fixture.dir, 'articles', `random-${run++}`);
        mkdirSync(folder, { recursive: true });
        files.forEach((text, index) => writeFileSync(path.join(folder, `${['en', 'vi'][index]}.md`), text));
        const { archive, problems } = fixture.load();
        for (const problem of problems) expect(formatProblem(problem)).toMatch(/ \[\w+\]\n {4}hint: /);
        for (const story of archive.stories) {
          published += 1;
          for (const article of Object.values(story.articles))
            expect(executableVectors(article?.html ?? '')).toEqual([]);
        }
      }),
      // A valid story among the runs, so the HTML check runs on a published story whatever the random ones draw.
      { numRuns: 60, examples: [[[`---\n${stringify(BASE_EN)}---\n\nA body with *emphasis* and <b>raw HTML</b>.\n`]]] },
    );
    // Stories must get through validation, or the HTML check above proves nothing.
    expect(published).toBeGreaterThan(0);
  });
});

/** What an editor does to the archive between two builds; `pick` chooses the story (or entity) it is done to. */
const edit = fc.oneof(
  fc.record({
    kind: fc.constant('edit a body' as const),
    pick: fc.nat(),
    text: fc.constantFrom('A sentence added later.', '*A photo caption.*', '## A new section'),
  }),
  fc.record({
    kind: fc.constant('add a story' as const),
    date: fc.constantFrom('2026-01-15', '2026-02', '2016-06-01'),
  }),
  fc.record({ kind: fc.constant('remove a story' as const), pick: fc.nat() }),
  // A figure the other language's file lacks: the story's number warnings change with one of its two files.
  fc.record({
    kind: fc.constant('write a figure into one language file' as const),
    pick: fc.nat(),
    file: fc.constantFrom('en.md', 'vi.md'),
  }),
  // Edits a stamp of size and modification time alone would miss: the build before took the file's stat a moment ago,
  // within the same tick of a coarse clock.
  fc.record({ kind: fc.constant('edit a body in place, keeping its size' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('edit a body, keeping its size and setting its times back' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('replace a file by renaming another of the same size and times over it' as const),
    pick: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('back-date a story' as const),
    pick: fc.nat(),
    date: fc.constantFrom('2014-03-02', '2019-11'),
  }),
  fc.record({
    kind: fc.constant('change a registry' as const),
    pick: fc.nat(),
    file: fc.constantFrom('topics.yaml', 'people.yaml', 'organisations.yaml'),
  }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** The times of files unpacked from an archive that keeps them, which an edit can set back. */
const KEPT_TIME = new Date('2026-01-01T00:00:00Z');

/** Gives every story file the times an archive kept, as unpacking it would. */
function keepTimes(dir: string): void {
  const articles = path.join(dir, 'articles');
  for (const story of readdirSync(articles))
    for (const name of readdirSync(path.join(articles, story)))
      utimesSync(path.join(articles, story, name), KEPT_TIME, KEPT_TIME);
}

/** A file's text with its last character changed for another of the same size. */
function sameSizeEdit(text: string): string {
  const end = text.trimEnd();
  return `${end.slice(0, -1)}${end.endsWith('!') ? '.' : '!'}${text.slice(end.length)}`;
}

/** Applies one edit to the content folder; every edit leaves the archive valid. */
function applyEdit(dir: string, change: Edit, added: number): void {
  const articles = path.join(dir, 'articles');
  const stories = readdirSync(articles).sort();
  const story = (pick: number) => path.join(articles, stories[pick % stories.length] as string);
  const bothFiles = (folder: string) => ['en.md', 'vi.md'].map((name) => path.join(folder, name));
  switch (change.kind) {
    case 'edit a body':
      appendFileSync(path.join(story(change.pick), 'en.md'), `\n${change.text}\n`);
      return;
    case 'edit a body in place, keeping its size': {
      const file = path.join(story(change.pick), 'en.md');
      writeFileSync(file, sameSizeEdit(readFileSync(file, 'utf8')));
      return;
    }
    case 'edit a body, keeping its size and setting its times back': {
      const file = path.join(story(change.pick), 'en.md');
      writeFileSync(file, sameSizeEdit(readFileSync(file, 'utf8')));
      utimesSync(file, KEPT_TIME, KEPT_TIME);
      return;
    }
    case 'replace a file by renaming another of the same size and times over it': {
      const file = path.join(story(change.pick), 'en.md');
      writeFileSync(`${file}.new`, sameSizeEdit(readFileSync(file, 'utf8')));
      utimesSync(`${file}.new`, KEPT_TIME, KEPT_TIME);
      renameSync(`${file}.new`, file);
      return;
    }
    case 'add a story':
      writeStory(dir, { ...syntheticStory(syntheticRegistry(), 100 + added), date: change.date });
      return;
    case 'write a figure into one language file':
      appendFileSync(path.join(story(change.pick), change.file), '\nIt took 37 days.\n');
      return;
    case 'remove a story':
      if (stories.length > 1) rmSync(story(change.pick), { recursive: true });
      return;
    case 'back-date a story':
      for (const file of bothFiles(story(change.pick)))
        writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: .*$/m, `date: "${change.date}"`));
      return;
    case 'change a registry': {
      const id = `added-entity-${added}`;
      appendFileSync(
        path.join(dir, change.file),
        `\n- id: ${id}\n  name: { en: "Added Entity ${added}", vi: "Thực thể ${added}" }\n`,
      );
      return;
    }
  }
}

describe("builds with the previous build's caches", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };

  it('should write the archive file and the search files a build without caches writes, byte for byte, after any sequence of edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const content = tempDir('warm-cold-content-');
        const caches = tempDir('warm-cold-caches-');
        writeCorpus(content, 3);
        keepTimes(content);
        await runPipeline(content, caches);
        for (const [at, change] of edits.entries()) {
          applyEdit(content, change, at);
          const warm = await runPipeline(content, caches);
          const cold = await runPipeline(content, tempDir('warm-cold-fresh-'));
          expect(
            warm,
            `after ${edits
              .slice(0, at + 1)
              .map((step) => step.kind)
              .join(', ')}`,
          ).toEqual(cold);
        }
      }),
      { numRuns: 10 },
    );
  }, 300_000);
});
