import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus';
import { bundledCode, codeDigest } from '../../lib/caches/build-caches';
import { changedCopy, PROJECT_ROOT, runPipeline } from './helpers/pipeline';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function copy(file: string, edit: (text: string) => string): string {
  const changed = changedCopy(file, edit);
  cleanups.push(changed.cleanup);
  return changed.root;
}

/** A small archive with a photo caption in one body, so the caption rule shows in the output. */
function corpus(): string {
  const dir = tempDir('build-caches-content-');
  writeCorpus(dir, 3);
  appendFileSync(path.join(dir, 'articles', 'story-00001', 'en.md'), '\n*Officers at the ceremony.*\n');
  return dir;
}

const RENDER_CACHE = 'lib/caches/content-caches.ts';

describe('the code digest', () => {
  it('should change with an edit to the code of any module the code runs, and with the lockfile', () => {
    const digest = codeDigest(PROJECT_ROOT, RENDER_CACHE);
    const imported = copy('lib/content/markdown.ts', (text) => text.replaceAll("'caption'", "'photo-caption'"));
    const lockfile = copy('package-lock.json', (text) =>
      text.replace('"lockfileVersion"', '"name": "other",\n  "lockfileVersion"'),
    );
    expect(codeDigest(imported, RENDER_CACHE)).not.toBe(digest);
    expect(codeDigest(lockfile, RENDER_CACHE)).not.toBe(digest);
  });

  it('should stay the same when only a comment, or code the module does not run, changes', () => {
    const digest = codeDigest(PROJECT_ROOT, RENDER_CACHE);
    const comment = copy('lib/content/markdown.ts', (text) => `${text}\n// A comment.\n`);
    const feeds = copy('lib/outputs/feeds.ts', (text) => text.replaceAll('<', '&lt;'));
    expect(codeDigest(comment, RENDER_CACHE)).toBe(digest);
    expect(codeDigest(feeds, RENDER_CACHE)).toBe(digest);
  });

  it('should bundle the modules a module imports, and no package', () => {
    const code = new TextDecoder().decode(bundledCode(PROJECT_ROOT, 'lib/content/load.ts'));
    // A function of lib/content/markdown.ts, which the loader runs through lib/content/articles.ts.
    expect(code).toMatch(/function renderMarkdown\(/);
    expect(code).toMatch(/from "gray-matter"/);
    expect(code).not.toMatch(/function feedDocument\(/);
  });
});

/** Changes a developer might make, each to the code behind one cache. */
const CODE_CHANGES = [
  {
    cache: 'render',
    file: 'lib/content/markdown.ts',
    edit: (text: string) => text.replaceAll("'caption'", "'photo-caption'"),
  },
  {
    // The body's plain text, which the search postings hold and the render cache keeps beside the HTML.
    cache: 'render (text)',
    file: 'lib/content/markdown.ts',
    edit: (text: string) => text.replace(".join('\\n\\n');", ".join('\\n\\n\\n');"),
  },
  {
    cache: 'check',
    file: 'lib/content/articles.ts',
    edit: (text: string) => text.replace('summaryLength > 300', 'summaryLength > 30'),
  },
  {
    cache: 'search index',
    file: 'lib/search/search-index.ts',
    edit: (text: string) =>
      text.replace("{ field: 'summary', tokenize: 'forward'", "{ field: 'summary', tokenize: 'strict'"),
  },
] as const;

describe('a build after a code change, with the caches the code before it left', () => {
  for (const { cache, file, edit } of CODE_CHANGES) {
    it(`should write what a cold build writes when the ${cache} code changed (${file})`, async () => {
      const content = corpus();
      const caches = tempDir('build-caches-warm-');
      const before = await runPipeline(content, caches);
      const changed = copy(file, edit);
      const warm = await runPipeline(content, caches, changed);
      const cold = await runPipeline(content, tempDir('build-caches-cold-'), changed);
      // The change shows in what the build writes: a stale cache would hide it.
      expect(cold).not.toEqual(before);
      expect(warm).toEqual(cold);
      // Three builds, two of them by code loaded afresh from the copy.
    }, 120_000);
  }
});
