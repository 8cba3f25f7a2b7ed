/**
 * Corrections, updates and renames: how the loader checks them (file, line, field), and
 * how the modified date and the old addresses reach JSON-LD, the sitemap, the feeds, the
 * redirect pages and the build's checks of them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storyMovedDocument } from '../../components/story-moved-page';
import { storyInstant, storyTimestamp } from '../../lib/site/dates';
import { buildRegistry } from '../../lib/views/entities';
import { feedDocument, languageFeedSpec } from '../../lib/outputs/feeds';
import { modifiedDate } from '../../lib/views/revisions';
import { FrontmatterSchema, type Topic } from '../../lib/content/schema';
import { sitemapEntries } from '../../lib/outputs/sitemap';
import { storyRedirects } from '../../lib/views/story-redirects';
import { newsArticleJsonLd } from '../../lib/outputs/structured-data';
import { absoluteUrl, storyUrl } from '../../lib/site/urls';
import { crawlLinks, formatLinkProblem } from '../../scripts/quality/crawl-links';
import { pageSafetyProblems } from '../../scripts/quality/page-safety';
import { feedContentProblems, RSS_FORMAT, xmlFormProblems } from '../../scripts/quality/xml';
import {
  articleText,
  BASE_EN,
  BASE_STORY_ID,
  BASE_VI,
  fixturesRemovedAfterEach,
  positionOf,
  raw,
} from './helpers/content-fixture';
import { makeStory } from './helpers/stories';

const BASE = new URL('https://archive.example');
const topics: Topic[] = [{ id: 'command-86', name: { en: 'Command 86', vi: 'Bộ Tư lệnh 86' } }];
const registry = buildRegistry({ topics, people: [], organisations: [] });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const fixtureWith = fixturesRemovedAfterEach();

describe('the frontmatter of corrections, updates and renames', () => {
  const valid = { ...BASE_EN, date: '2025-10-23' };

  it('should accept an update, corrections and aliases', () => {
    const parsed = FrontmatterSchema.parse({
      ...valid,
      updated: '2025-10-30',
      corrections: [{ date: '2025-10-24', text: 'The ceremony is on 25 October.' }],
      aliases: ['old-id'],
    });
    expect(parsed.corrections).toEqual([{ date: '2025-10-24', text: 'The ceremony is on 25 October.' }]);
    expect(parsed.aliases).toEqual(['old-id']);
  });

  it.each([
    ['updated', { updated: '2025-10' }, 'expected a full date as YYYY-MM-DD, got "2025-10"'],
    // A month alone is refused too, so the message does not offer it.
    ['updated', { updated: 'yesterday' }, 'expected a full date as YYYY-MM-DD, got "yesterday"'],
    [
      'corrections.0.date',
      { corrections: [{ date: '24/10/2025', text: 'x' }] },
      'expected a full date as YYYY-MM-DD, got "24/10/2025"',
    ],
    ['updated', { updated: '2025-02-30' }, 'day 30 does not exist in 2025-02 ("2025-02-30")'],
    ['corrections.0.text', { corrections: [{ date: '2025-10-24', text: 'one\ntwo' }] }, /^contains /],
    ['corrections.0', { corrections: [{ date: '2025-10-24' }] }, /text/],
    // The loader reports an unknown key as an unknown field, whatever the message says.
    ['corrections.0.note', { corrections: [{ date: '2025-10-24', text: 'x', note: 'y' }] }, /expected a correction/],
    ['aliases.0', { aliases: ['Old Id'] }, /^expected an id/],
  ])('should refuse %s when it is %j', (field, change, message) => {
    const result = FrontmatterSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) =>
      [...candidate.path, ...('keys' in candidate ? candidate.keys : [])].join('.').startsWith(field),
    );
    expect(issue?.message).toMatch(message);
  });
});

describe('loading corrections, updates and renames', () => {
  it('should report a change dated before the story, at its line, with the field', () => {
    const en = articleText({
      ...BASE_EN,
      updated: '2025-10-22',
      corrections: [
        { date: '2025-10-24', text: 'Fine.' },
        { date: '2025-09-01', text: 'Too early.' },
      ],
    });
    const fixture = fixtureWith({ base: { en } });
    const { problems, archive } = fixture.load();
    expect(problems.map(({ kind, line, field, message }) => ({ kind, line, field, message }))).toEqual([
      {
        kind: 'DateBeforeStory',
        line: positionOf(en, 'updated:').line,
        field: 'updated',
        message: "2025-10-22 is before the story's date 2025-10-23",
      },
      {
        kind: 'DateBeforeStory',
        line: positionOf(en, 'corrections:').line,
        field: 'corrections.1.date',
        message: "2025-09-01 is before the story's date 2025-10-23",
      },
    ]);
    expect(problems.every((problem) => fixture.file(`articles/${BASE_STORY_ID}/en.md`).test(problem.file))).toBe(true);
    expect(archive.stories).toEqual([]);
  });

  it('should read unquoted dates as written, as the guide shows them', () => {
    const changes = {
      updated: raw('2025-10-30'),
      corrections: raw('[{ date: 2025-10-24, text: "The ceremony is on 25 October." }]'),
    };
    const fixture = fixtureWith({ base: { en: articleText({ ...BASE_EN, ...changes }) } });
    const { problems, archive } = fixture.load();
    expect(problems).toEqual([]);
    const article = archive.stories[0]?.articles.en;
    expect([article?.updated, article?.corrections]).toEqual([
      '2025-10-30',
      [{ date: '2025-10-24', text: 'The ceremony is on 25 October.' }],
    ]);
  });

  it('should take any day of a month-only story date as not before it', () => {
    const month = { date: '2025-10', updated: '2025-10-01' };
    const fixture = fixtureWith({
      base: { en: articleText({ ...BASE_EN, ...month }), vi: articleText({ ...BASE_VI, ...month }) },
    });
    expect(fixture.load().problems).toEqual([]);
  });

  /** A second story, in both languages, with the given aliases. */
  const other = (aliases: string[]) => ({
    en: articleText({ ...BASE_EN, aliases }),
    vi: articleText({ ...BASE_VI, aliases }),
  });

  it.each([
    [
      'a story id',
      ['other-story', BASE_STORY_ID],
      `"${BASE_STORY_ID}" is the id of the story in articles/${BASE_STORY_ID}/`,
    ],
    ["the story's own id", ['other-story'], '"other-story" is this story\'s own id, not an earlier one'],
  ])('should refuse an alias that is %s', (_what, aliases, message) => {
    const fixture = fixtureWith({ stories: { 'other-story': other(aliases) } });
    const { problems } = fixture.load();
    const en = articleText({ ...BASE_EN, aliases });
    expect(problems).toContainEqual({
      kind: 'StoryAliasClash',
      file: expect.stringMatching(fixture.file('articles/other-story/en.md')),
      // At the list's value, on the line of the field.
      line: positionOf(en, 'aliases:').line,
      column: 'aliases: '.length + 1,
      field: `aliases.${aliases.length - 1}`,
      message,
    });
  });

  it('should refuse an alias two stories claim, in the file of the second', () => {
    const fixture = fixtureWith({ stories: { 'other-story': other(['old-id']), 'third-story': other(['old-id']) } });
    const clashes = fixture.load().problems.filter((problem) => problem.kind === 'StoryAliasClash');
    expect(
      clashes.map((problem) => [path.basename(path.dirname(problem.file)), problem.field, problem.message]),
    ).toEqual([['third-story', 'aliases.0', '"old-id" is already an alias of the story "other-story"']]);
  });

  /** A second story, drafted in both languages, with the given aliases. */
  const draft = (aliases: string[]) => ({
    en: articleText({ ...BASE_EN, draft: true, aliases }),
    vi: articleText({ ...BASE_VI, draft: true, aliases }),
  });

  it("should refuse a draft's alias that is a story id, as a published story's", () => {
    const fixture = fixtureWith({ stories: { 'draft-story': draft([BASE_STORY_ID]) } });
    const clashes = fixture.load().problems.filter((problem) => problem.kind === 'StoryAliasClash');
    expect(
      clashes.map((problem) => [path.basename(path.dirname(problem.file)), problem.field, problem.message]),
    ).toEqual([
      ['draft-story', 'aliases.0', `"${BASE_STORY_ID}" is the id of the story in articles/${BASE_STORY_ID}/`],
    ]);
  });

  it('should refuse an alias a draft shares with a published story, in the file of the draft', () => {
    const fixture = fixtureWith({
      stories: { 'a-draft-story': draft(['old-x']), 'published-story': other(['old-x']) },
    });
    const clashes = fixture.load().problems.filter((problem) => problem.kind === 'StoryAliasClash');
    expect(
      clashes.map((problem) => [path.basename(path.dirname(problem.file)), problem.field, problem.message]),
    ).toEqual([['a-draft-story', 'aliases.0', '"old-x" is already an alias of the story "published-story"']]);
  });

  it('should keep the aliases of a published story', () => {
    const fixture = fixtureWith({ stories: { 'new-story-id': other(['old-story-id']) } });
    const { problems, archive } = fixture.load();
    expect(problems).toEqual([]);
    expect(archive.stories.find((story) => story.id === 'new-story-id')?.aliases).toEqual(['old-story-id']);
  });
});

describe('the modified date', () => {
  it('should be the latest of the update and the corrections, and absent without them', () => {
    expect(modifiedDate({ corrections: [] })).toBeUndefined();
    expect(
      modifiedDate({
        updated: '2025-11-02',
        corrections: [
          { date: '2025-11-05', text: 'x' },
          { date: '2025-11-01', text: 'y' },
        ],
      }),
    ).toBe('2025-11-05');
    expect(modifiedDate({ updated: '2025-11-09', corrections: [{ date: '2025-11-05', text: 'x' }] })).toBe(
      '2025-11-09',
    );
  });

  const story = makeStory({
    id: 'changed-story',
    date: '2025-11-01',
    updated: { en: '2025-11-03' },
    corrections: [{ date: '2025-11-02', text: 'A name was misspelt.' }],
  });

  it('should give JSON-LD a dateModified per language, and none for a story never changed', () => {
    expect(newsArticleJsonLd(story, 'en', registry, BASE).dateModified).toBe(storyTimestamp('2025-11-03'));
    expect(newsArticleJsonLd(story, 'vi', registry, BASE).dateModified).toBe(storyTimestamp('2025-11-02'));
    expect(
      newsArticleJsonLd(makeStory({ id: 'plain-story', date: '2025-11-01' }), 'en', registry, BASE),
    ).not.toHaveProperty('dateModified');
  });

  it("should date an article's sitemap entry by its change, and other pages by the stories' dates", () => {
    const archive = { stories: [story], topics, people: [], organisations: [] };
    const lastmod = (path: string) =>
      sitemapEntries(archive, BASE).find((entry) => entry.url === absoluteUrl(path, BASE))?.lastModified;
    expect(lastmod(storyUrl('en', story.id))).toBe(storyTimestamp('2025-11-03'));
    expect(lastmod(storyUrl('vi', story.id))).toBe(storyTimestamp('2025-11-02'));
    expect(lastmod('/en/')).toBe(storyTimestamp('2025-11-01'));
  });

  it('should write atom:updated on a changed feed item only, and the XML check should read it back', () => {
    const plain = makeStory({ id: 'plain-story', date: '2025-10-01' });
    const source = { stories: [story, plain], topics, people: [], organisations: [] };
    const spec = languageFeedSpec(source, 'en');
    const xml = feedDocument(source, spec, BASE);
    expect(xml.match(/<atom:updated>[^<]*<\/atom:updated>/g)).toEqual([
      `<atom:updated>${storyInstant('2025-11-03').toISOString()}</atom:updated>`,
    ]);
    expect(xmlFormProblems(xml, RSS_FORMAT)).toEqual([]);
    expect(feedContentProblems(xml, spec, source, BASE)).toEqual([]);
    const tampered = xml.replace(storyInstant('2025-11-03').toISOString(), storyInstant('2025-11-04').toISOString());
    expect(feedContentProblems(tampered, spec, source, BASE)).toEqual([
      expect.stringMatching(/^\/rss\/channel\/item\[1\]: the date of change reads /),
    ]);
    expect(
      xmlFormProblems(
        xml.replace('<atom:updated>', '<atom:published>').replace('</atom:updated>', '</atom:published>'),
        RSS_FORMAT,
      ),
    ).toEqual(['/rss/channel/item/atom:published: the element <atom:published> does not belong in <item>']);
  });
});

describe('the old addresses of a renamed story', () => {
  const renamed = makeStory({ id: 'new-story-id', date: '2025-11-01', aliases: ['old-story-id'], locales: ['en'] });

  it('should lead from both languages to the version that exists', () => {
    expect(
      storyRedirects([renamed, makeStory({ id: 'plain-story', date: '2025-10-01' })]).map(
        ({ path, locale, target }) => ({ path, locale, target }),
      ),
    ).toEqual([
      { path: '/en/articles/old-story-id/', locale: 'en', target: '/en/articles/new-story-id/' },
      { path: '/vi/articles/old-story-id/', locale: 'vi', target: '/en/articles/new-story-id/' },
    ]);
  });

  it('should keep the old addresses out of the sitemap', () => {
    const urls = sitemapEntries({ stories: [renamed], topics, people: [], organisations: [] }, BASE).map(
      (entry) => entry.url,
    );
    expect(urls).toContain(absoluteUrl(storyUrl('en', 'new-story-id'), BASE));
    expect(urls.filter((url) => url.includes('old-story-id'))).toEqual([]);
  });

  it('should refresh to the new address, name it canonical, stay out of indexes and link to it in the page language', () => {
    const [, vi] = storyRedirects([renamed]);
    if (!vi) throw new Error('no Vietnamese redirect');
    const html = storyMovedDocument(vi, BASE);
    const head = parseHead(html);
    expect(html.startsWith('<!DOCTYPE html><html lang="vi">')).toBe(true);
    expect(head.refresh).toBe('0; url=/en/articles/new-story-id/');
    expect(head.canonical).toBe('https://archive.example/en/articles/new-story-id/');
    expect(head.robots).toBe('noindex');
    expect(html).toContain('<h1>Tin bài đã chuyển địa chỉ</h1>');
    expect(html).toContain(
      `<a href="/en/articles/new-story-id/" hrefLang="en" lang="en">${renamed.articles.en?.title}</a>`,
    );
    expect(pageSafetyProblems(html, new Set())).toEqual([]);
  });

  it('should escape the title it links with', () => {
    const hostile = makeStory({ id: 'new-story-id', date: '2025-11-01', aliases: ['old-story-id'] });
    const article = hostile.articles.en;
    if (!article) throw new Error('no English version');
    const [redirect] = storyRedirects([
      { ...hostile, articles: { en: { ...article, title: '</a><script>alert(1)</script>' } } },
    ]);
    if (!redirect) throw new Error('no redirect');
    const html = storyMovedDocument(redirect, BASE);
    expect(html).not.toContain('<script>');
    expect(pageSafetyProblems(html, new Set())).toEqual([]);
  });

  it('should make the page check refuse a refresh to a script URL', () => {
    const html =
      '<!DOCTYPE html><html lang="en"><head><meta http-equiv="refresh" content="0; url=javascript:alert(1)"></head><body></body></html>';
    expect(pageSafetyProblems(html, new Set())).toEqual([expect.stringMatching(/a javascript: URL in a refresh$/)]);
  });

  it('should pass the link crawl as a page nothing links to, whose refresh must lead to a built page', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redirects-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const write = (file: string, html: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), html);
    };
    const [en] = storyRedirects([renamed]);
    if (!en) throw new Error('no English redirect');
    write(
      'index.html',
      '<!DOCTYPE html><html lang="en"><head></head><body><a href="/en/articles/new-story-id/">story</a></body></html>',
    );
    write('en/articles/old-story-id/index.html', storyMovedDocument(en, BASE));
    const crawl = () => crawlLinks({ outDir: dir, siteOrigin: BASE.origin }).problems.map(formatLinkProblem);
    expect(crawl()).toEqual([
      expect.stringMatching(
        /^\/en\/articles\/old-story-id\/: .*meta.*: \/en\/articles\/new-story-id\/ is not a built file$/,
      ),
      expect.stringMatching(
        /^\/en\/articles\/old-story-id\/: .*link.*: \/en\/articles\/new-story-id\/ is not a built file$/,
      ),
      expect.stringMatching(
        /^\/en\/articles\/old-story-id\/: .*a.*: \/en\/articles\/new-story-id\/ is not a built file$/,
      ),
      expect.stringMatching(/^\/: .*a.*: \/en\/articles\/new-story-id\/ is not a built file$/),
    ]);
    write(
      'en/articles/new-story-id/index.html',
      '<!DOCTYPE html><html lang="en"><head></head><body><a href="/">home</a></body></html>',
    );
    expect(crawl()).toEqual([]);
  });
});

/** The refresh, canonical and robots values of a page's head. */
function parseHead(html: string): { refresh?: string; canonical?: string; robots?: string } {
  const attribute = (pattern: RegExp) => pattern.exec(html)?.[1];
  return {
    refresh: attribute(/<meta http-equiv="refresh" content="([^"]*)"/i),
    canonical: attribute(/<link rel="canonical" href="([^"]*)"/),
    robots: attribute(/<meta name="robots" content="([^"]*)"/),
  };
}
