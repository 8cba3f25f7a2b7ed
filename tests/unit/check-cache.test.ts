import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../lib/content/load';
import type { CheckCache, RenderCache, RenderedBody } from '../../lib/caches/content-caches';
import type { CheckedFile } from '../../lib/content/checked-file';
import { createKeyedCache, readKeyedCache, writeKeyedCache } from '../../lib/caches/keyed-cache';
import {
  articleText,
  BASE_BODY,
  BASE_EN,
  BASE_STORY_ID,
  BASE_BODY_VI,
  BASE_VI,
  fixturesRemovedAfterEach,
  positionOf,
} from './helpers/content-fixture';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

const fixture = fixturesRemovedAfterEach();

/** Caches as the build keeps them between two runs: through their files, so nothing is shared in memory. */
function nextRun(
  caches: { render: RenderCache; check: CheckCache },
  dir: string,
): { render: RenderCache; check: CheckCache } {
  const file = path.join(dir, 'check-cache.bin');
  writeKeyedCache(file, caches.check);
  return { render: createKeyedCache('code', caches.render.entries), check: readKeyedCache(file, 'code') };
}

function newCaches(): { render: RenderCache; check: CheckCache } {
  return { render: createKeyedCache('code'), check: createKeyedCache('code') };
}

function loadWith(dir: string, caches: { render: RenderCache; check: CheckCache }) {
  return loadContent(dir, { renderCache: caches.render, checkCache: caches.check });
}

describe('check cache', () => {
  it('should report every problem of every bad-content fixture from the cache exactly as without one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'check-cache-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(path.join(FIXTURES, 'content-registry'), dir, { recursive: true });
    mkdirSync(path.join(dir, 'articles'));
    for (const name of readdirSync(path.join(FIXTURES, 'bad-content')))
      cpSync(path.join(FIXTURES, 'bad-content', name), dir, { recursive: true });
    const uncached = loadContent(dir);

    const first = newCaches();
    const cold = loadWith(dir, first);
    const second = nextRun(first, dir);
    const warm = loadWith(dir, second);

    expect(uncached.problems.length).toBeGreaterThan(30);
    expect(cold).toEqual(uncached);
    expect(warm).toEqual(uncached);
    expect(second.check.misses).toBe(0);
    expect(second.check.hits).toBe(first.check.misses);
  });

  it("should still report an unchanged file's warnings, and its position in a translation mismatch, without checking it again", () => {
    const en = articleText(BASE_EN, 'Officers of BTL 86 attended.\n');
    const viBody = 'Cán bộ của đơn vị 86 tham dự.\n';
    const made = fixture({ base: { en, vi: articleText(BASE_VI, viBody) } });
    const first = newCaches();
    loadWith(made.dir, first);
    // Only vi.md changes: en.md's warning comes from the cache, and the mismatch points into the changed file.
    made.writeArticle(BASE_STORY_ID, 'vi', articleText({ ...BASE_VI, date: '2025-10-24' }, viBody));
    const second = nextRun(first, made.dir);
    const { problems } = loadWith(made.dir, second);
    expect(problems.map((problem) => [problem.kind, path.basename(problem.file), problem.line])).toEqual([
      ['UntaggedMention', 'en.md', 13],
      ['TranslationMismatch', 'vi.md', 4],
    ]);
    // The three registries and en.md from the cache; vi.md checked, and the story's numbers compared, again.
    expect({ hits: second.check.hits, misses: second.check.misses }).toEqual({ hits: 4, misses: 2 });
    expect(problems).toEqual(made.load().problems);
  });

  it("should compare a story's numbers again when one of its files changes them, reading the other's from the cache", () => {
    const en = articleText(BASE_EN, 'Two ministries and 3 agencies signed it.\n');
    const made = fixture({ base: { en, vi: articleText(BASE_VI, 'Có 2 bộ và ba ngành ký.\n') } });
    const first = newCaches();
    expect(loadWith(made.dir, first).problems).toEqual([]);
    // The unchanged en.md's "Two" still matches vi.md's 2, and its 3 is no longer in vi.md.
    made.writeArticle(BASE_STORY_ID, 'vi', articleText(BASE_VI, 'Có 2 bộ và bốn ngành ký.\n'));
    const second = nextRun(first, made.dir);
    const { problems } = loadWith(made.dir, second);
    expect(problems.map((problem) => [problem.kind, path.basename(problem.file), problem.message])).toEqual([
      ['NumbersDiffer', 'en.md', `the number 3 (line ${positionOf(en, '3 agencies').line}) is not in vi.md`],
    ]);
    expect(problems).toEqual(made.load().problems);
    expect({ hits: second.check.hits, misses: second.check.misses }).toEqual({ hits: 4, misses: 2 });
  });

  it('should keep the number warnings of a story whose files are unchanged, and find those of a story with one file edited to drift', () => {
    const drifting = articleText(BASE_EN, `${BASE_BODY}\nIt lasts 3 hours.\n`);
    const made = fixture({
      base: { en: drifting },
      stories: { 'other-story': { en: articleText(BASE_EN), vi: articleText(BASE_VI, BASE_BODY_VI) } },
    });
    const first = newCaches();
    const kinds = (problems: readonly { kind: string; file: string }[]) =>
      problems.map((problem) => [problem.kind, path.relative(made.dir, problem.file)]);
    expect(kinds(loadWith(made.dir, first).problems)).toEqual([['NumbersDiffer', `articles/${BASE_STORY_ID}/en.md`]]);
    made.writeArticle('other-story', 'vi', articleText(BASE_VI, `${BASE_BODY_VI}\nCó 7 đơn vị tham dự.\n`));
    const second = nextRun(first, made.dir);
    const { problems } = loadWith(made.dir, second);
    expect(kinds(problems)).toEqual([
      ['NumbersDiffer', `articles/${BASE_STORY_ID}/en.md`],
      ['NumbersDiffer', 'articles/other-story/vi.md'],
    ]);
    expect(problems).toEqual(made.load().problems);
    // The registries, the base story's two files and their numbers' warnings, and other-story's en.md.
    expect({ hits: second.check.hits, misses: second.check.misses }).toEqual({ hits: 7, misses: 2 });
  });

  it('should check a changed file again', () => {
    const made = fixture();
    const first = newCaches();
    expect(loadWith(made.dir, first).problems).toEqual([]);
    made.writeArticle(BASE_STORY_ID, 'en', articleText({ ...BASE_EN, topics: ['no-such-topic'] }));
    const second = nextRun(first, made.dir);
    const loaded = loadWith(made.dir, second);
    expect(loaded.problems.map((problem) => problem.kind)).toEqual(['UnknownReference']);
    expect(loaded.archive.stories).toEqual([]);
    expect(second.check.misses).toBe(1);
  });

  it('should check every file again when a registry changes, since names and ids decide the outcome', () => {
    const made = fixture({ base: { en: articleText(BASE_EN, `${BASE_BODY}\nThe Zebra Unit attended.\n`) } });
    const first = newCaches();
    expect(loadWith(made.dir, first).problems).toEqual([]);
    const organisations = readFileSync(made.path('organisations.yaml'), 'utf8');
    made.write(
      'organisations.yaml',
      `${organisations.trimEnd()}\n\n- id: zebra-unit\n  name: { en: "Zebra Unit", vi: "Đơn vị Ngựa vằn" }\n`,
    );
    const second = nextRun(first, made.dir);
    const { problems } = loadWith(made.dir, second);
    expect(problems.map((problem) => [problem.kind, problem.message])).toEqual([
      ['UntaggedMention', 'the text names "Zebra Unit" but organisations does not list `zebra-unit`'],
    ]);
    // Only the topics, which depend on nothing that changed.
    expect(second.check.hits).toBe(1);
  });

  it('should check dates again in a new year, which accepts a year more', () => {
    const made = fixture({
      base: {
        en: articleText({ ...BASE_EN, date: '2027-01-05' }),
        vi: articleText({ ...BASE_VI, date: '2027-01-05' }, BASE_BODY_VI),
      },
    });
    const people = readFileSync(made.path('people.yaml'), 'utf8');
    made.write(
      'people.yaml',
      `${people.trimEnd()}\n\n- id: new-person\n  name: { en: "New Person", vi: "Người Mới" }\n  roles:\n    - from: "2027"\n      title: { en: "Director", vi: "Giám đốc" }\n      source: { name: "A decree" }\n`,
    );
    const first = newCaches();
    const load = (caches: typeof first, today: string) =>
      loadContent(made.dir, { renderCache: caches.render, checkCache: caches.check, today: new Date(today) });
    expect(load(first, '2025-12-31T12:00:00Z').problems.map((problem) => problem.field)).toEqual([
      'date',
      'date',
      'new-person → roles.0.from',
    ]);
    expect(load(nextRun(first, made.dir), '2026-01-01T12:00:00Z').problems).toEqual([]);
  });

  it("should report a registry's problems from the cache, and check it again when what its entries name changes", () => {
    const made = fixture();
    const people = readFileSync(made.path('people.yaml'), 'utf8');
    made.write(
      'people.yaml',
      people.replace('organisation: general-department-of-political-affairs', 'organisation: zebra-unit'),
    );
    const first = newCaches();
    const unknown = loadWith(made.dir, first).problems.map((problem) => [problem.kind, path.basename(problem.file)]);
    expect(unknown).toEqual([['UnknownReference', 'people.yaml']]);
    const second = nextRun(first, made.dir);
    expect(loadWith(made.dir, second).problems.map((problem) => [problem.kind, path.basename(problem.file)])).toEqual(
      unknown,
    );
    expect(second.check.misses).toBe(0);
    const organisations = readFileSync(made.path('organisations.yaml'), 'utf8');
    made.write(
      'organisations.yaml',
      `${organisations.trimEnd()}\n\n- id: zebra-unit\n  name: { en: "Zebra Unit", vi: "Đơn vị Ngựa vằn" }\n`,
    );
    expect(loadWith(made.dir, nextRun(second, made.dir)).problems).toEqual([]);
  });

  it('should take the people from the cache when the stories change but every story a role names is still there', () => {
    const made = fixture({ stories: { 'other-story': { en: articleText(BASE_EN), vi: articleText(BASE_VI) } } });
    const people = readFileSync(made.path('people.yaml'), 'utf8');
    const role = '- from: "2020"\n      source: { name: "Fixture registry" }';
    expect(people).toContain(role);
    made.write('people.yaml', people.replace(role, '- reported_in: other-story'));
    const first = newCaches();
    const cold = loadWith(made.dir, first);
    expect(cold.problems.filter((problem) => path.basename(problem.file) === 'people.yaml')).toEqual([]);
    made.remove(`articles/${BASE_STORY_ID}`);
    const second = nextRun(first, made.dir);
    expect(loadWith(made.dir, second).problems).toEqual(made.load().problems);
    // The registries, the remaining story's two files and the warnings of comparing their numbers.
    expect({ hits: second.check.hits, misses: second.check.misses }).toEqual({ hits: 6, misses: 0 });
    made.remove('articles/other-story');
    const third = nextRun(second, made.dir);
    const missing = loadWith(made.dir, third).problems;
    expect(missing.map((problem) => [problem.kind, path.basename(problem.file)])).toContainEqual([
      'MissingRoleStory',
      'people.yaml',
    ]);
    expect(missing).toEqual(made.load().problems);
    expect(third.check.misses).toBe(1);
  });

  it('should check and render a valid file again when its rendering has left the render cache', () => {
    const made = fixture();
    const first = newCaches();
    const cold = loadWith(made.dir, first);
    const second = { render: createKeyedCache<RenderedBody>('code'), check: nextRun(first, made.dir).check };
    const warm = loadWith(made.dir, second);
    expect(warm).toEqual(cold);
    expect(cold.archive.stories).toHaveLength(1);
    // The registries and the numbers' warnings from the cache: the files are the same, only their rendering is gone.
    expect({ hits: second.check.hits, misses: second.check.misses, rendered: second.render.misses }).toEqual({
      hits: 4,
      misses: 2,
      rendered: 2,
    });
  });

  it('should start empty from a corrupt cache file or one made by other code, and drop entries the last run did not use', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'check-cache-file-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'check-cache.bin');
    writeFileSync(file, '{ not json');
    expect(readKeyedCache(file, 'code').entries.size).toBe(0);
    const other = createKeyedCache<CheckedFile>('other code', [['key', { problems: [] }]]);
    other.used.add('key');
    writeKeyedCache(file, other);
    expect(readKeyedCache(file, 'code').entries.size).toBe(0);

    const cache = createKeyedCache<CheckedFile>('code', [['stale', { problems: [] }]]);
    cache.entries.set('kept', { problems: [] });
    cache.used.add('kept');
    writeKeyedCache(file, cache);
    expect([...readKeyedCache(file, 'code').entries.keys()]).toEqual(['kept']);
  });
});
