import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFile, seededRandom, syntheticRegistry, syntheticStory, writeCorpus } from '../../bench/corpus';
import { writeHugoSite } from '../../bench/hugo';
import { loadContent, type LoadedContent } from '../../lib/content/load';
import { dictionary } from '../../lib/i18n';

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

describe('the same corpus as a Hugo site', () => {
  it("should give Hugo every story, the site's own words and the registry's names in both languages", () => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'bench-hugo-'));
    try {
      expect(writeHugoSite(dir, site, 'same-page')).toBe(STORIES * 2);
      expect(readFileSync(path.join(site, 'layouts', '_default', 'single.html'), 'utf8')).toContain('.Related');
      const words = JSON.parse(readFileSync(path.join(site, 'data', 'words.json'), 'utf8')) as Record<string, Record<string, string>>;
      const names = JSON.parse(readFileSync(path.join(site, 'data', 'names.json'), 'utf8')) as Record<string, Record<string, Record<string, string>>>;
      for (const locale of ['en', 'vi'] as const) {
        const dict = dictionary(locale);
        expect(words[locale]?.relatedStories).toBe(dict.relatedStories);
        expect(words[locale]?.storyNavigation).toBe(dict.storyNavigation);
        // Hugo fills the minutes in with printf.
        expect(words[locale]?.readingTime?.replace('%d', '7')).toBe(dict.readingTime(7));
        for (const person of loaded.archive.people) expect(names[locale]?.people?.[person.id]).toBe(person.name[locale]);
      }
      // A month-only date becomes the first of the month, which Hugo needs; the rest is unchanged.
      const story = loaded.archive.stories[0];
      if (!story) throw new Error('no stories');
      expect(readFileSync(path.join(site, 'content', 'vi', 'articles', `${story.id}.md`), 'utf8')).toBe(readFileSync(path.join(dir, 'articles', story.id, 'vi.md'), 'utf8').replace(/^date: "(\d{4}-\d{2})"$/m, 'date: "$1-01"'));
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('the bare Hugo site', () => {
  it('should have the same stories with layouts that render no related stories', () => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'bench-hugo-'));
    try {
      expect(writeHugoSite(dir, site, 'minimal')).toBe(STORIES * 2);
      expect(readFileSync(path.join(site, 'layouts', '_default', 'single.html'), 'utf8')).not.toContain('.Related');
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
