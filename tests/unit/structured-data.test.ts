import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../lib/views/entities';
import { dictionary, type Locale } from '../../lib/site/i18n';
import type { Article, Organisation, Person, Story, Topic } from '../../lib/content/schema';
import { jsonForScript, newsArticleJsonLd } from '../../lib/outputs/structured-data';
import { absoluteUrl, homeUrl, organisationUrl, personUrl, storyUrl } from '../../lib/site/urls';
import { makeStory } from './helpers/stories';

const BASE = new URL('https://archive.example');

const topics: Topic[] = [{ id: 'command-86', name: { en: 'Command 86', vi: 'Bộ Tư lệnh 86' } }];
const people: Person[] = [{ id: 'le-dung', name: { en: 'Le Dung', vi: 'Lê Dũng' }, aliases: [], roles: [] }];
const organisations: Organisation[] = [
  { id: 'united-nations', name: { en: 'United Nations', vi: 'Liên hợp quốc' }, aliases: [] },
];
const registry = buildRegistry({ topics, people, organisations });

function withCredits(story: Story, byLocale: Partial<Record<Locale, Partial<Article>>>): Story {
  const articles = { ...story.articles };
  for (const [locale, credits] of Object.entries(byLocale) as [Locale, Partial<Article>][]) {
    const article = articles[locale];
    if (article) articles[locale] = { ...article, ...credits };
  }
  return { ...story, articles };
}

const story = withCredits(
  makeStory({ id: 'visit-story', date: '2022-12', people: ['le-dung'], organisations: ['united-nations'] }),
  {
    en: {
      author: 'Van Chien',
      translator: 'Song Anh',
      translated_from: 'vi',
      source: { name: "People's Army Newspaper", url: 'https://en.qdnd.vn/x', language: 'en' },
    },
    vi: { original: true, source: { name: 'Báo Quân đội nhân dân', url: 'https://qdnd.vn/x', language: 'vi' } },
  },
);

describe('jsonForScript', () => {
  it('should never let a text close the script element or open markup', () => {
    const data = { headline: '</script><script>alert(1)</script><!-- & -->', other: 'a\u2028b' };
    const text = jsonForScript(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('newsArticleJsonLd', () => {
  const en = newsArticleJsonLd(story, 'en', registry, BASE);
  const vi = newsArticleJsonLd(story, 'vi', registry, BASE);

  it('should describe the article in its language, dated by the story date convention', () => {
    expect(en).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      url: absoluteUrl(storyUrl('en', 'visit-story'), BASE),
      headline: story.articles.en?.title,
      description: story.articles.en?.summary,
      datePublished: '2022-12',
      inLanguage: 'en',
      publisher: { '@type': 'Organization', name: dictionary('en').siteName, url: absoluteUrl(homeUrl('en'), BASE) },
    });
    expect(vi).toMatchObject({
      inLanguage: 'vi',
      headline: story.articles.vi?.title,
      publisher: { name: dictionary('vi').siteName },
    });
  });

  it('should credit the reporter as a Person, else the source as an Organization, and name the translator', () => {
    expect(en.author).toEqual([{ '@type': 'Person', name: 'Van Chien' }]);
    expect(en.translator).toEqual({ '@type': 'Person', name: 'Song Anh' });
    expect(vi.author).toEqual([{ '@type': 'Organization', name: 'Báo Quân đội nhân dân' }]);
    expect(vi.translator).toBeUndefined();
  });

  it('should point isBasedOn at the source report', () => {
    expect(en.isBasedOn).toBe('https://en.qdnd.vn/x');
    expect(vi.isBasedOn).toBe('https://qdnd.vn/x');
  });

  it("should mention the story's people as Person and organisations as Organization, named in the language", () => {
    expect(vi.mentions).toEqual([
      { '@type': 'Person', name: 'Lê Dũng', url: absoluteUrl(personUrl('vi', 'le-dung'), BASE) },
      {
        '@type': 'Organization',
        name: 'Liên hợp quốc',
        url: absoluteUrl(organisationUrl('vi', 'united-nations'), BASE),
      },
    ]);
  });

  it('should link the two versions both ways: the translation to the original it was made from, and back', () => {
    expect(en.translationOfWork).toMatchObject({
      '@type': 'NewsArticle',
      url: absoluteUrl(storyUrl('vi', 'visit-story'), BASE),
      inLanguage: 'vi',
    });
    expect(en.workTranslation).toBeUndefined();
    expect(vi.workTranslation).toEqual([
      expect.objectContaining({
        '@type': 'NewsArticle',
        url: absoluteUrl(storyUrl('en', 'visit-story'), BASE),
        inLanguage: 'en',
      }),
    ]);
    expect(vi.translationOfWork).toBeUndefined();
  });

  it("should link the archive's translation to the version it was made from, and an outlet's translation to the source it names", () => {
    const chain = withCredits(makeStory({ id: 'chain-story', date: '2025-04' }), {
      en: {
        translated_from: 'vi',
        source: { name: 'Outlet', url: 'https://outlet.example/vi-original', language: 'vi' },
      },
      vi: { translated_from: 'en', translator: 'archive' },
    });
    const chainEn = newsArticleJsonLd(chain, 'en', registry, BASE);
    const chainVi = newsArticleJsonLd(chain, 'vi', registry, BASE);
    expect(chainVi.translationOfWork).toMatchObject({
      url: absoluteUrl(storyUrl('en', 'chain-story'), BASE),
      inLanguage: 'en',
    });
    expect(chainVi.translator).toEqual(chainVi.publisher);
    expect(chainEn.translationOfWork).toEqual({
      '@type': 'CreativeWork',
      url: 'https://outlet.example/vi-original',
      inLanguage: 'vi',
    });
    expect(chainEn.workTranslation).toEqual([
      expect.objectContaining({ url: absoluteUrl(storyUrl('vi', 'chain-story'), BASE) }),
    ]);
    expect(chainVi.workTranslation).toBeUndefined();
  });

  it('should assert no translation where the versions do not say what they are', () => {
    const unmarked = makeStory({ id: 'unmarked', date: '2025-01-01' });
    for (const locale of ['en', 'vi'] as const) {
      const data = newsArticleJsonLd(unmarked, locale, registry, BASE);
      expect(data.translationOfWork).toBeUndefined();
      expect(data.workTranslation).toBeUndefined();
    }
  });

  it('should link no translation for a story in one language', () => {
    const single = newsArticleJsonLd(
      makeStory({ id: 'single', date: '2025-01-01', locales: ['vi'] }),
      'vi',
      registry,
      BASE,
    );
    expect(single.translationOfWork).toBeUndefined();
    expect(single.workTranslation).toBeUndefined();
  });

  it('should name the lead image with its widest JPEG, its size, caption and credit, and no image without one', () => {
    const image = {
      src: 'hall.jpg',
      alt: 'Delegates in the hall',
      caption: 'Conference scene.',
      credit: 'Photo: VNA',
      digest: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      width: 3000,
      height: 2000,
    };
    const withImage = withCredits(makeStory({ id: 'photo-story', date: '2025-04' }), { en: { image } });
    expect(newsArticleJsonLd(withImage, 'en', registry, BASE).image).toEqual({
      '@type': 'ImageObject',
      url: 'https://archive.example/images/a1b2c3d4e5f60718293a-1600.jpg',
      width: 1600,
      height: 1067,
      caption: 'Conference scene.',
      creditText: 'Photo: VNA',
    });
    expect(newsArticleJsonLd(withImage, 'vi', registry, BASE).image).toBeUndefined();
  });
});
