/**
 * The list of published pages and the sitemap built from it, on content loaded by the
 * real loader (so drafts are dropped exactly as in a build).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { storyDateAsKnown } from '../../lib/site/dates';
import { LOCALES } from '../../lib/site/i18n';
import {
  publishedPages,
  publishedPaths,
  sitemapDocument,
  sitemapEntries,
  SITEMAP_NAMESPACES,
} from '../../lib/outputs/sitemap';
import { absoluteUrl, homeUrl, rootUrl, storyUrl, topicUrl, yearUrl } from '../../lib/site/urls';
import { articleText, BASE_EN, BASE_STORY_ID, BASE_VI, createContentFixture } from './helpers/content-fixture';

const BASE = new URL('https://archive.example');

const fixture = createContentFixture({
  stories: {
    'draft-story': {
      en: articleText({ ...BASE_EN, date: '2026-01-01', draft: true }),
      vi: articleText({ ...BASE_VI, date: '2026-01-01', draft: true }),
    },
    'half-draft': {
      en: articleText({ ...BASE_EN, date: '2024-03', draft: true }),
      vi: articleText({ ...BASE_VI, date: '2024-03' }),
    },
  },
});
const loaded = fixture.load();
afterAll(() => fixture.cleanup());

const pages = publishedPages(loaded.archive);
const entries = sitemapEntries(loaded.archive, BASE);
const byPath = new Map(pages.map((page) => [page.path, page]));

describe('publishedPages and sitemapEntries', () => {
  it('should load the fixture without problems, with its drafts counted', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.drafts).toBe(3);
  });

  it('should never list a draft, nor the draft language of a published story', () => {
    const paths = pages.map((page) => page.path);
    for (const locale of LOCALES) expect(paths).not.toContain(storyUrl(locale, 'draft-story'));
    expect(paths).not.toContain(storyUrl('en', 'half-draft'));
    expect(paths).toContain(storyUrl('vi', 'half-draft'));
    expect(entries.map((entry) => entry.url).filter((url) => url.includes('draft-story'))).toEqual([]);
  });

  it('should name the paths of the pages publishedPages lists, in its order, without the rest', () => {
    expect(publishedPaths(loaded.archive)).toEqual(pages.map((page) => page.path));
  });

  it('should list each page once, at its full address', () => {
    expect(new Set(entries.map((entry) => entry.url)).size).toBe(entries.length);
    expect(entries.map((entry) => entry.url)).toEqual(pages.map((page) => absoluteUrl(page.path, BASE)));
  });

  it('should link translated pages to each other both ways, with x-default', () => {
    const en = byPath.get(storyUrl('en', BASE_STORY_ID));
    const vi = byPath.get(storyUrl('vi', BASE_STORY_ID));
    expect(en?.alternates).toEqual({
      en: storyUrl('en', BASE_STORY_ID),
      vi: storyUrl('vi', BASE_STORY_ID),
      'x-default': storyUrl('en', BASE_STORY_ID),
    });
    expect(vi?.alternates).toEqual(en?.alternates);
    for (const page of pages) {
      for (const [language, path] of Object.entries(page.alternates)) {
        if (language === 'x-default') continue;
        expect(byPath.get(path)?.alternates, `${path}, named by ${page.path}`).toEqual(page.alternates);
      }
    }
  });

  it('should give a page in one language no alternates in the sitemap', () => {
    const entry = entries.find((candidate) => candidate.url === absoluteUrl(storyUrl('vi', 'half-draft'), BASE));
    expect(entry).toBeDefined();
    expect(entry?.alternates).toBeUndefined();
  });

  it('should point the home pages and the root at the root as x-default', () => {
    for (const path of [rootUrl(), homeUrl('en'), homeUrl('vi')])
      expect(byPath.get(path)?.alternates['x-default']).toBe(rootUrl());
  });

  it('should date a story page by its story and a list by the newest story it shows', () => {
    const story = loaded.archive.stories.find((candidate) => candidate.id === BASE_STORY_ID);
    const entryFor = (path: string) => entries.find((entry) => entry.url === absoluteUrl(path, BASE));
    expect(entryFor(storyUrl('en', BASE_STORY_ID))?.lastModified).toBe(storyDateAsKnown(story?.date ?? ''));
    expect(entryFor(storyUrl('vi', 'half-draft'))?.lastModified).toBe(storyDateAsKnown('2024-03'));
    // The base story (2025-10-23) is newer than the half draft; the draft (2026) does not count.
    expect(entryFor(homeUrl('en'))?.lastModified).toBe(storyDateAsKnown(BASE_EN.date as string));
    expect(entryFor(yearUrl('vi', 2024))?.lastModified).toBe(storyDateAsKnown('2024-03'));
    expect(entryFor(topicUrl('en', 'hanoi-convention'))?.lastModified).toBe(storyDateAsKnown(BASE_EN.date as string));
  });

  it('should give a page without stories no lastmod', () => {
    const used = new Set(loaded.archive.stories.flatMap((story) => story.topics));
    const unused = loaded.archive.topics.find((topic) => !used.has(topic.id));
    expect(unused).toBeDefined();
    expect(
      entries.find((entry) => entry.url === absoluteUrl(topicUrl('en', unused?.id ?? ''), BASE))?.lastModified,
    ).toBeUndefined();
    expect(entries.find((entry) => entry.url === absoluteUrl(rootUrl(), BASE))?.lastModified).toBeUndefined();
  });
});

describe('sitemapDocument', () => {
  const xml = sitemapDocument(loaded.archive, BASE);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => ['url', 'xhtml:link'].includes(name),
  });
  type Url = {
    loc: string;
    lastmod?: string;
    'xhtml:link'?: { '@rel': string; '@hreflang': string; '@href': string }[];
  };

  it('should be valid XML in the sitemap namespace, with XHTML links declared', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const { urlset } = parser.parse(xml) as { urlset: Record<string, unknown> };
    expect(urlset['@xmlns']).toBe(SITEMAP_NAMESPACES.sitemap);
    expect(urlset['@xmlns:xhtml']).toBe(SITEMAP_NAMESPACES.xhtml);
  });

  it('should hold every entry: its address, its alternates and its date', () => {
    const urls = (parser.parse(xml) as { urlset: { url: Url[] } }).urlset.url;
    expect(
      urls.map((url) => ({
        url: url.loc,
        ...(url.lastmod ? { lastModified: url.lastmod } : {}),
        ...(url['xhtml:link']
          ? { alternates: Object.fromEntries(url['xhtml:link'].map((link) => [link['@hreflang'], link['@href']])) }
          : {}),
      })),
    ).toEqual(entries);
    expect(urls.flatMap((url) => url['xhtml:link'] ?? []).every((link) => link['@rel'] === 'alternate')).toBe(true);
  });
});
