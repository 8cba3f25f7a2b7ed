import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus';
import { loadContent } from '../../lib/content/load';
import { createKeyedCache, readKeyedCache, writeKeyedCache } from '../../lib/caches/keyed-cache';
import { MAX_SEGMENTS, type SearchIndexCache, type Segment } from '../../lib/caches/search-index-cache';
import { buildSearchFiles, type SearchFiles } from '../../lib/search/search-files';
import type { Archive } from '../../lib/content/schema';

type Person = Archive['people'][number];

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

/** A cache for a first build, or a cache as the next build reads it, from the same file. */
const emptyCache = (): SearchIndexCache => createKeyedCache('code');
function nextRun(cache: SearchIndexCache, file: string): SearchIndexCache {
  writeKeyedCache(file, cache);
  return readKeyedCache<Segment>(file, 'code');
}

describe('the search index cache', () => {
  it('should extend the previous index with a new story and write exactly what a fresh build writes', async () => {
    const cache = emptyCache();
    await buildSearchFiles(withoutNewest(), { shardBytes: 2_000, indexCache: cache });
    const after = await buildSearchFiles(archive, { shardBytes: 2_000, indexCache: cache });
    for (const { locale, stories, reused } of after.summary) {
      expect(reused, locale).toBe(stories - 1);
    }
    expect(after.files).toEqual(fresh.files);
    // Each language: the older stories' segment, and the new story's, which names it.
    expect([...cache.entries.values()].map((segment) => segment.before !== undefined)).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it("should keep each build's new stories as a segment appended to its file, merged into one every MAX_SEGMENTS builds", async () => {
    const content = path.join(dir, 'corpus');
    writeCorpus(content, MAX_SEGMENTS + 4);
    const grown = loadContent(content).archive;
    const file = path.join(dir, 'segments.bin');
    let cache = emptyCache();
    await buildSearchFiles({ ...grown, stories: grown.stories.slice(MAX_SEGMENTS + 1) }, { indexCache: cache });
    let expected = 1;
    for (let newer = MAX_SEGMENTS; newer >= 0; newer--) {
      expected = expected === MAX_SEGMENTS ? 1 : expected + 1;
      const stories = grown.stories.slice(newer);
      cache = nextRun(cache, file);
      const before = readFileSync(file);
      const built = await buildSearchFiles({ ...grown, stories }, { indexCache: cache });
      expect(Object.fromEntries(built.files), `${stories.length} stories`).toEqual(
        Object.fromEntries((await buildSearchFiles({ ...grown, stories })).files),
      );
      // Both languages' segments are used, and nothing else.
      expect(cache.used.size / 2, `${stories.length} stories`).toBe(expected);
      writeKeyedCache(file, cache);
      // Compared as bytes: a deep comparison of megabytes takes seconds.
      if (expected > 1) expect(readFileSync(file).subarray(0, before.length).equals(before)).toBe(true);
      // Merged: the file holds each language's one segment, not the eight merged into it.
      else expect(readKeyedCache(file, 'code').entries.size).toBe(2);
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
    const cache = emptyCache();
    await buildSearchFiles({ ...edited, stories: edited.stories.slice(1) }, { indexCache: cache });
    const after = await buildSearchFiles(archive, { shardBytes: 2_000, indexCache: cache });
    expect(after.summary.find((language) => language.locale === 'en')?.reused).toBe(0);
    expect(after.files).toEqual(fresh.files);
  });

  it.each([
    [
      'an alias is added to a person',
      (person: Person) => ({ ...person, aliases: [...person.aliases, 'An alias added later'] }),
    ],
    ['a person is renamed', (person: Person) => ({ ...person, name: { ...person.name, en: 'A name given later' } })],
  ])("should build anew when %s (stories are indexed with their entities' names)", async (_, edit) => {
    const [person] = archive.people;
    if (!person) throw new Error('no people');
    const changed = { ...archive, people: [edit(person), ...archive.people.slice(1)] };
    const cache = emptyCache();
    await buildSearchFiles(changed, { indexCache: cache });
    const after = await buildSearchFiles(archive, { shardBytes: 2_000, indexCache: cache });
    expect(after.summary.map((language) => language.reused)).toEqual([0, 0]);
    expect(after.files).toEqual(fresh.files);
  });

  it('should build anew when the card of a story the cache holds changed but not its text, and write the same files', async () => {
    const oldest = archive.stories.at(-1);
    if (!oldest) throw new Error('no stories');
    const redated = { ...oldest, date: oldest.date === '2015-01-01' ? '2015-01-02' : '2015-01-01' };
    const cache = emptyCache();
    await buildSearchFiles({ ...archive, stories: [...archive.stories.slice(1, -1), redated] }, { indexCache: cache });
    const after = await buildSearchFiles(archive, { shardBytes: 2_000, indexCache: cache });
    expect(after.summary.map((language) => language.reused)).toEqual([0, 0]);
    expect(after.files).toEqual(fresh.files);
  });

  it('should build anew when a segment the stories lie in is missing, rather than use the others', async () => {
    const cache = emptyCache();
    await buildSearchFiles({ ...archive, stories: archive.stories.slice(2) }, { indexCache: cache });
    const older = [...cache.entries.keys()];
    await buildSearchFiles(withoutNewest(), { indexCache: cache });
    for (const key of older) cache.entries.delete(key);
    const after = await buildSearchFiles(archive, { shardBytes: 2_000, indexCache: cache });
    expect(after.summary.map((language) => language.reused)).toEqual([0, 0]);
    expect(after.files).toEqual(fresh.files);
  });
});
