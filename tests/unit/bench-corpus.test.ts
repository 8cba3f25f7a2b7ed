import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articleFile,
  COLLISIONS,
  seededRandom,
  syntheticRegistry,
  syntheticStory,
  writeCorpus,
  UNTRANSLATED_CORPUS_WARNING,
  type SyntheticStory,
} from '../../bench/corpus';
import { writeHugoSite } from '../../bench/hugo';
import { judgedArchiveStories, judgedSyntheticStories } from '../../bench/judged-stories';
import { holdsAsTyped, JUDGED_QUERIES, judge } from '../../bench/relevance';
import { loadContent, type LoadedContent } from '../../lib/content/load';
import { dictionary } from '../../lib/site/i18n';

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
    expect(loaded.problems.filter((problem) => problem.kind !== UNTRANSLATED_CORPUS_WARNING)).toEqual([]);
    expect(loaded.archive.stories).toHaveLength(STORIES);
    expect(loaded.archive.stories.every((story) => story.articles.en && story.articles.vi)).toBe(true);
  });

  it('should be the same corpus for the same seed and a different one for another seed', () => {
    const registry = syntheticRegistry();
    expect(articleFile(syntheticStory(registry, 3), 'vi')).toBe(
      articleFile(syntheticStory(syntheticRegistry(), 3), 'vi'),
    );
    expect(articleFile(syntheticStory(registry, 3, 7), 'vi')).not.toBe(articleFile(syntheticStory(registry, 3), 'vi'));
    const [a, b] = [seededRandom(1), seededRandom(1)];
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('should write bodies of realistic length: about 3 KB in English and 4 KB in Vietnamese', () => {
    const bodyBytes = (locale: 'en' | 'vi') => {
      const sizes = loaded.archive.stories.map((story) =>
        Buffer.byteLength(
          readFileSync(path.join(dir, 'articles', story.id, `${locale}.md`), 'utf8').split('---\n')[2] ?? '',
        ),
      );
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
      const words = JSON.parse(readFileSync(path.join(site, 'data', 'words.json'), 'utf8')) as Record<
        string,
        Record<string, string>
      >;
      const names = JSON.parse(readFileSync(path.join(site, 'data', 'names.json'), 'utf8')) as Record<
        string,
        Record<string, Record<string, string>>
      >;
      for (const locale of ['en', 'vi'] as const) {
        const dict = dictionary(locale);
        expect(words[locale]?.relatedStories).toBe(dict.relatedStories);
        expect(words[locale]?.storyNavigation).toBe(dict.storyNavigation);
        // Hugo fills the minutes in with printf.
        expect(words[locale]?.readingTime?.replace('%d', '7')).toBe(dict.readingTime(7));
        for (const person of loaded.archive.people)
          expect(names[locale]?.people?.[person.id]).toBe(person.name[locale]);
      }
      // A month-only date becomes the first of the month, which Hugo needs; the rest is unchanged.
      const story = loaded.archive.stories[0];
      if (!story) throw new Error('no stories');
      expect(readFileSync(path.join(site, 'content', 'vi', 'articles', `${story.id}.md`), 'utf8')).toBe(
        readFileSync(path.join(dir, 'articles', story.id, 'vi.md'), 'utf8').replace(
          /^date: "(\d{4}-\d{2})"$/m,
          'date: "$1-01"',
        ),
      );
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

describe('collisions the corpus holds on purpose', () => {
  const registry = syntheticRegistry();
  const generated = Array.from({ length: 600 }, (_, index) => syntheticStory(registry, index));
  /** A story's own text in one language: title, summary and body, without its tag names (the same list each time, which the judge prepares once). */
  const texts = new Map(
    generated.map((story) => [
      story,
      { en: [story.en.title, story.en.summary, story.en.body], vi: [story.vi.title, story.vi.summary, story.vi.body] },
    ]),
  );
  const own = (story: SyntheticStory, locale: 'en' | 'vi') => texts.get(story)?.[locale] ?? [];
  const some = (test: (story: SyntheticStory) => boolean) => generated.filter(test).length;

  it('should hold every collision in some stories and not in most', () => {
    for (const { name } of COLLISIONS) {
      const holding = some((story) => story.collisions.includes(name));
      expect(holding, name).toBeGreaterThan(20);
      expect(holding, name).toBeLessThan(generated.length / 4);
    }
  });

  it('should tag stories with a person they never name', () => {
    const tagged = generated.filter((story) => story.people.includes('le-dung'));
    expect(tagged.length).toBeGreaterThan(5);
    expect(
      tagged.some((story) => !holdsAsTyped(own(story, 'vi'), 'Lê Dũng') && !holdsAsTyped(own(story, 'en'), 'Le Dung')),
    ).toBe(true);
    expect(tagged.some((story) => holdsAsTyped(own(story, 'vi'), 'Lê Dũng'))).toBe(true);
  });

  it('should write "lễ" and "xây dựng" beside a "Lê" in stories that never say "Lê Dũng"', () => {
    const without = (story: SyntheticStory) => !holdsAsTyped(own(story, 'vi'), 'Lê Dũng');
    expect(some((story) => without(story) && holdsAsTyped(own(story, 'vi'), 'lễ'))).toBeGreaterThan(0);
    expect(some((story) => without(story) && /Đồng chí Lê [^.]* xây dựng/u.test(story.vi.body))).toBeGreaterThan(0);
  });

  it('should cut a name with a full stop and a paragraph, so that its syllables meet only across sentences', () => {
    const cut = generated.filter((story) => story.vi.body.includes('Lê.\n\nDũng'));
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.some((story) => !holdsAsTyped(own(story, 'vi'), 'Lê Dũng'))).toBe(true);
    expect(generated.some((story) => story.en.body.includes('Le.\n\nDung'))).toBe(true);
  });

  it('should write the syllables of words apart from the words', () => {
    const apart = (locale: 'en' | 'vi', words: string[], phrase: string) =>
      some(
        (story) =>
          words.every((word) => holdsAsTyped(own(story, locale), word)) && !holdsAsTyped(own(story, locale), phrase),
      );
    expect(apart('vi', ['chuyển', 'đổi'], 'chuyển đổi')).toBeGreaterThan(0);
    expect(apart('vi', ['an', 'ninh'], 'an ninh')).toBeGreaterThan(0);
    expect(apart('en', ['cyber', 'security'], 'cyber security')).toBeGreaterThan(0);
    expect(apart('en', ['digital', 'transformation'], 'digital transformation')).toBeGreaterThan(0);
    for (const syllable of ['dũng', 'dựng', 'dụng', 'hạnh', 'hành', 'đội', 'đổi'])
      expect(
        some((story) => holdsAsTyped(own(story, 'vi'), syllable)),
        syllable,
      ).toBeGreaterThan(0);
  });

  it('should give every judged query relevant stories, and every name and alias query tagged ones, in the corpus and in the seed content', () => {
    const judged = judgedSyntheticStories(registry, generated);
    const seed = judgedArchiveStories(loadContent(path.resolve('content')).archive);
    for (const query of JUDGED_QUERIES) {
      const label = `${query.locale}: ${query.query}`;
      expect(judge(query, judged).relevant.size, label).toBeGreaterThan(0);
      if (query.kind === 'name' || query.kind === 'alias') {
        expect(judge(query, judged).tagged.size, label).toBeGreaterThan(0);
        expect(judge(query, seed).tagged.size, label).toBeGreaterThan(0);
      }
    }
  });
});
