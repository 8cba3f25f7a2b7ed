import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus';
import { codeDigest, moduleGraph } from '../../lib/caches/build-caches';
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
  it('should follow the imports of a module, leaving out what it does not import', () => {
    const graph = moduleGraph(PROJECT_ROOT, 'lib/content/load.ts');
    expect(graph).toEqual(
      expect.arrayContaining([
        'lib/content/load.ts',
        'lib/content/yaml.ts',
        'lib/content/markdown.ts',
        'lib/content/schema.ts',
      ]),
    );
    expect(graph).not.toContain('lib/outputs/feeds.ts');
    expect(graph.every((file) => !file.startsWith('node_modules/'))).toBe(true);
  });

  it('should change with any edit to a module the code runs, even a comment, and with the lockfile', () => {
    const digest = codeDigest(PROJECT_ROOT, RENDER_CACHE);
    const comment = copy('lib/content/markdown.ts', (text) => `${text}\n// A comment.\n`);
    const lockfile = copy('package-lock.json', (text) =>
      text.replace('"lockfileVersion"', '"name": "other",\n  "lockfileVersion"'),
    );
    expect(codeDigest(comment, RENDER_CACHE)).not.toBe(digest);
    expect(codeDigest(lockfile, RENDER_CACHE)).not.toBe(digest);
  });

  it('should stay the same when only code the module does not run changes', () => {
    const feeds = copy('lib/outputs/feeds.ts', (text) => `${text}\n// A comment.\n`);
    expect(codeDigest(feeds, RENDER_CACHE)).toBe(codeDigest(PROJECT_ROOT, RENDER_CACHE));
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
    edit: (text: string) => text.replace('frontmatter.summary.length > 300', 'frontmatter.summary.length > 30'),
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
