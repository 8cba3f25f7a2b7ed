import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFile, seededRandom, syntheticRegistry, syntheticStory, writeCorpus } from '../../bench/corpus';
import { loadContent, type LoadedContent } from '../../lib/content/load';

const STORIES = 20;
let dir: string;
let loaded: LoadedContent;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bench-corpus-'));
  writeCorpus(dir, STORIES);
  loaded = loadContent(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic corpus', () => {
  it('should be accepted by the content loader without a single problem', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.archive.stories).toHaveLength(STORIES);
    expect(loaded.archive.stories.every((story) => story.articles.en && story.articles.vi)).toBe(true);
  });

  it('should be the same corpus for the same seed and a different one for another seed', () => {
    const registry = syntheticRegistry();
    expect(articleFile(syntheticStory(registry, 3), 'vi')).toBe(articleFile(syntheticStory(syntheticRegistry(), 3), 'vi'));
    expect(articleFile(syntheticStory(registry, 3, 7), 'vi')).not.toBe(articleFile(syntheticStory(registry, 3), 'vi'));
    const [a, b] = [seededRandom(1), seededRandom(1)];
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('should write bodies of realistic length: about 3 KB in English and 4 KB in Vietnamese', () => {
    const bodyBytes = (locale: 'en' | 'vi') => {
      const sizes = loaded.archive.stories.map((story) => Buffer.byteLength(readFileSync(path.join(dir, 'articles', story.id, `${locale}.md`), 'utf8').split('---\n')[2] ?? ''));
      return sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
    };
    expect(bodyBytes('en')).toBeGreaterThan(2800);
    expect(bodyBytes('en')).toBeLessThan(4000);
    expect(bodyBytes('vi')).toBeGreaterThan(3800);
    expect(bodyBytes('vi')).toBeLessThan(5200);
  });

  it('should write Vietnamese text with diacritics and đ', () => {
    const text = loaded.archive.stories.map((story) => story.articles.vi?.text ?? '').join(' ');
    expect(text).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    expect(text).toContain('đ');
    expect(text.normalize('NFD')).toMatch(/\p{M}/u);
  });

  it('should tag stories from a registry of a few hundred people and organisations', () => {
    const { people, organisations } = loaded.archive;
    expect(people.length + organisations.length).toBeGreaterThanOrEqual(300);
    expect(new Set(people.map((person) => person.id)).size).toBe(people.length);
    expect(loaded.archive.stories.some((story) => story.people.length > 0)).toBe(true);
  });
});
