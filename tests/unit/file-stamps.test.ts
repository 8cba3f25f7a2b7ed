/**
 * File stamps (lib/caches/file-stamps.ts): a load that takes unchanged article files and story folders by their
 * stat reports what a load without any cache reports, whatever took a file's place since, and never stamps a path
 * that changed after the load began.
 */
import {
  chmodSync,
  cpSync,
  readdirSync,
  lstatSync,
  mkdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckCache, RenderCache } from '../../lib/caches/content-caches';
import { createKeyedCache } from '../../lib/caches/keyed-cache';
import type { FileStamps } from '../../lib/caches/file-stamps';
import { loadContent, type LoadedContent } from '../../lib/content/load';
import { articleText, BASE_EN, BASE_STORY_ID, fixturesRemovedAfterEach } from './helpers/content-fixture';

const fixture = fixturesRemovedAfterEach();
const BAD_CONTENT = fileURLToPath(new URL('../fixtures/bad-content', import.meta.url));

/** Loads of `dir` one after another with the same caches, the stamps trusting what changed before `settledBefore`. */
function cachedLoads(dir: string): (settledBefore: bigint) => { loaded: LoadedContent; stamps: FileStamps } {
  const renderCache: RenderCache = createKeyedCache('code');
  const checkCache: CheckCache = createKeyedCache('code');
  const stamps: FileStamps = { ...createKeyedCache<string>('code'), settledBefore: 0n };
  return (settledBefore) => {
    stamps.settledBefore = settledBefore;
    stamps.hits = 0;
    return { loaded: loadContent(dir, { renderCache, checkCache, stamps }), stamps };
  };
}

/** Later than any time a file can have: every path is stamped, whenever it changed. */
const EVERY_PATH_SETTLED = 1n << 80n;

const REPLACEMENTS: [string, (file: string, dir: string) => void][] = [
  [
    'a symbolic link to a copy of it',
    (file, dir) => {
      renameSync(file, path.join(dir, 'copy.md'));
      symlinkSync(path.join('..', '..', 'copy.md'), file);
    },
  ],
  [
    'a folder',
    (file) => {
      rmSync(file);
      mkdirSync(file);
    },
  ],
  ['nothing', (file) => rmSync(file)],
  ['a file without permission to read it', (file) => chmodSync(file, 0o000)],
  [
    'a file of the same size and times with another title, renamed over it',
    (file) => {
      const before = lstatSync(file);
      writeFileSync(`${file}.new`, articleText({ ...BASE_EN, title: String(BASE_EN.title).replace(/.$/, '!') }));
      utimesSync(`${file}.new`, before.atime, before.mtime);
      renameSync(`${file}.new`, file);
    },
  ],
];

describe('file stamps', () => {
  it('should report every problem of every bad-content fixture from the stamps exactly as a load without caches', () => {
    const { dir } = fixture({ withoutBaseStory: true });
    for (const name of readdirSync(BAD_CONTENT)) cpSync(path.join(BAD_CONTENT, name), dir, { recursive: true });
    const load = cachedLoads(dir);
    load(EVERY_PATH_SETTLED);
    const warm = load(EVERY_PATH_SETTLED);
    const cold = loadContent(dir);
    expect(warm.stamps.hits).toBeGreaterThan(30);
    expect(cold.problems.length).toBeGreaterThan(30);
    expect(warm.loaded).toEqual(cold);
  });

  it.each(REPLACEMENTS)(
    'should report what a load without caches reports when an article file is replaced by %s',
    (_what, replace) => {
      const { dir } = fixture();
      const load = cachedLoads(dir);
      load(EVERY_PATH_SETTLED);
      // The stamps are used, so what follows can only hold if they tell the replaced file from the one stamped.
      expect(load(EVERY_PATH_SETTLED).stamps.hits).toBeGreaterThan(0);
      replace(path.join(dir, 'articles', BASE_STORY_ID, 'en.md'), dir);
      const { loaded } = load(EVERY_PATH_SETTLED);
      const cold = loadContent(dir);
      expect(loaded.problems).toEqual(cold.problems);
      expect(loaded.archive).toEqual(cold.archive);
    },
  );

  it('should stamp only the paths whose times are older than the moment the load began, as a coarse clock could give an edit made while loading the same times', () => {
    const { dir } = fixture();
    const folder = path.join(dir, 'articles', BASE_STORY_ID);
    const changed = [folder, path.join(folder, 'en.md'), path.join(folder, 'vi.md')].map(
      (at) => lstatSync(at, { bigint: true }).ctimeNs,
    );
    const load = cachedLoads(dir);
    const oldest = changed.reduce((a, b) => (a < b ? a : b));
    const newest = changed.reduce((a, b) => (a > b ? a : b));
    expect(load(oldest).stamps.entries.size).toBe(0);
    expect(load(newest + 1n).stamps.entries.size).toBe(changed.length);
  });
});
