import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus';
import { writeCacheFile } from '../../lib/caches/cache-file';
import { loadContent } from '../../lib/content/load';
import { MAX_SEGMENTS, readSearchIndexCache, writeSearchIndexCache } from '../../lib/caches/search-index-cache';
import { buildSearchFiles, type SearchFiles } from '../../lib/search/search-files';
import type { Archive } from '../../lib/content/schema';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'index-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let archive: Archive;
let fresh: SearchFiles;

/** The archive as it was before its newest story was added. */
const withoutNewest = () => ({ ...archive, stories: archive.stories.slice(1) });

beforeAll(async () => {
  archive = loadContent(path.join(ROOT, 'content')).archive;
  fresh = await buildSearchFiles(archive, { shardBytes: 2_000 });
});

describe('the search index cache', () => {
  it('should extend the previous index with a new story and write exactly what a fresh build writes', async () => {
    const before = await buildSearchFiles(withoutNewest(), { shardBytes: 2_000 });
    const after = await buildSearchFiles(archive, { shardBytes: 2_000, indexCache: before.indexCache });
    for (const { locale, stories, reused } of after.summary) {
      expect(reused, locale).toBeGreaterThan(0);
      expect(reused, locale).toBeLessThan(stories);
    }
    expect(after.files).toEqual(fresh.files);
    expect(after.indexCache.en?.segments.map((segment) => segment.keys.length)).toEqual([
      archive.stories.length - 1,
      1,
    ]);
  });

  it("should keep each build's new stories as a segment appended to its file, merged into one every MAX_SEGMENTS builds", async () => {
    const content = path.join(dir, 'corpus');
    writeCorpus(content, MAX_SEGMENTS + 4);
    const grown = loadContent(content).archive;
    const file = path.join(dir, 'segments.bin');
    writeSearchIndexCache(
      file,
      'code',
      (await buildSearchFiles({ ...grown, stories: grown.stories.slice(MAX_SEGMENTS + 1) })).indexCache,
    );
    let expected = 1;
    for (let newer = MAX_SEGMENTS; newer >= 0; newer--) {
      expected = expected === MAX_SEGMENTS ? 1 : expected + 1;
      const stories = grown.stories.slice(newer);
      const before = readFileSync(file);
      const built = await buildSearchFiles({ ...grown, stories }, { indexCache: readSearchIndexCache(file, 'code') });
      writeSearchIndexCache(file, 'code', built.indexCache);
      expect(Object.fromEntries(built.files), `${stories.length} stories`).toEqual(
        Object.fromEntries((await buildSearchFiles({ ...grown, stories })).files),
      );
      const segments = built.indexCache.en?.segments.length ?? 0;
      expect(segments).toBe(expected);
      // Compared as bytes: a deep comparison of megabytes takes seconds.
      if (segments > 1) expect(readFileSync(file).subarray(0, before.length).equals(before)).toBe(true);
    }
  });

  it('should build anew when a story the cache holds was edited, and still write the same files', async () => {
    const [newest, ...older] = archive.stories;
    const oldest = older.at(-1);
    if (!newest || !oldest?.articles.en) throw new Error('the seed archive needs two stories');
    const edited = {
      ...archive,
      stories: [
        newest,
        ...older.slice(0, -1),
        { ...oldest, articles: { ...oldest.articles, en: { ...oldest.articles.en, title: 'An earlier title' } } },
      ],
    };
    const before = await buildSearchFiles({ ...edited, stories: edited.stories.slice(1) });
    const after = await buildSearchFiles(archive, { shardBytes: 2_000, indexCache: before.indexCache });
    expect(after.summary.find((language) => language.locale === 'en')?.reused).toBe(0);
    expect(after.files).toEqual(fresh.files);
  });

  it("should build anew when the registry changed (stories are indexed with their entities' names)", async () => {
    const [person] = archive.people;
    if (!person) throw new Error('no people');
    const renamed = {
      ...archive,
      people: [{ ...person, aliases: [...person.aliases, 'An alias added later'] }, ...archive.people.slice(1)],
    };
    const before = await buildSearchFiles(renamed);
    const after = await buildSearchFiles(archive, { shardBytes: 2_000, indexCache: before.indexCache });
    expect(after.summary.map((language) => language.reused)).toEqual([0, 0]);
    expect(after.files).toEqual(fresh.files);
  });

  it('should read back what it wrote, and start empty from a missing or broken file, or one made by other code', () => {
    const file = path.join(dir, 'search-index-cache.bin');
    writeSearchIndexCache(file, 'code', fresh.indexCache);
    const stored = Object.fromEntries(
      Object.entries(fresh.indexCache).map(([locale, cached]) => [
        locale,
        { ...cached, stored: cached.segments.length },
      ]),
    );
    expect(readSearchIndexCache(file, 'code')).toEqual(stored);
    expect(readSearchIndexCache(path.join(dir, 'missing.bin'), 'code')).toEqual({});
    writeCacheFile(file, 'other code', [
      ['en', 'key'],
      ['en', 'term', '', '', '', '', ''],
    ]);
    expect(readSearchIndexCache(file, 'code')).toEqual({});
    writeFileSync(file, 'not json');
    expect(readSearchIndexCache(file, 'code')).toEqual({});
  });
});
