/**
 * The build's check of its XML files (scripts/quality/xml.ts): it passes what the build
 * writes, hostile text included, and fails on each way a file can be broken or carry
 * markup, naming the file and what is wrong.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entityFeed, everyFeedSpec, feedDocument, languageFeed, languageFeedSpec } from '../../lib/outputs/feeds';
import type { Archive, Story } from '../../lib/content/schema';
import { sitemapDocument, sitemapEntries } from '../../lib/outputs/sitemap';
import {
  checkBuiltXml,
  feedContentProblems,
  RSS_FORMAT,
  SITEMAP_FORMAT,
  sitemapContentProblems,
  xmlFormProblems,
} from '../../scripts/quality/xml';
import { makeStory } from './helpers/stories';

const BASE = new URL('https://archive.example');
const HOSTILE_TITLE = ']]>]]><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script> & <b>';

function withArticleFields(story: Story, fields: { title?: string; summary?: string; author?: string }): Story {
  return {
    ...story,
    articles: Object.fromEntries(
      Object.entries(story.articles).map(([locale, article]) => [locale, { ...article, ...fields }]),
    ),
  };
}

const ARCHIVE: Archive = {
  stories: [
    withArticleFields(
      makeStory({ id: 'hostile-story', date: '2025-10-25', topics: ['command-86'], people: ['luong-cuong'] }),
      { title: HOSTILE_TITLE, summary: 'Ends ]]> and <script>alert(1)</script>', author: 'Tom & Jerry' },
    ),
    makeStory({ id: 'plain-story', date: '2025-04', topics: ['command-86', 'hanoi-convention'], locales: ['vi'] }),
  ],
  topics: [
    { id: 'command-86', name: { en: 'Command 86 <&>', vi: 'Bộ Tư lệnh 86' } },
    {
      id: 'hanoi-convention',
      name: { en: 'Hanoi Convention', vi: 'Công ước Hà Nội' },
      description: { en: 'The "UN" convention.', vi: 'Công ước.' },
    },
  ],
  people: [{ id: 'luong-cuong', name: { en: 'Luong Cuong <&>', vi: 'Lương Cường' }, aliases: [], roles: [] }],
  organisations: [{ id: 'command-86', name: { en: 'Command 86', vi: 'Bộ Tư lệnh 86' }, aliases: [] }],
};

const feed = languageFeed(ARCHIVE, 'en', BASE);
const spec = languageFeedSpec(ARCHIVE, 'en');
const sitemap = sitemapDocument(ARCHIVE, BASE);

/** The feed with `from` replaced by `to`, once; fails when `from` is not in it. */
function broken(xml: string, from: string, to: string): string {
  expect(xml).toContain(from);
  return xml.replace(from, to);
}

describe('xmlFormProblems', () => {
  it('should pass the feeds and the sitemap the build writes, hostile titles included', () => {
    expect(xmlFormProblems(feed, RSS_FORMAT)).toEqual([]);
    expect(
      xmlFormProblems(entityFeed(ARCHIVE, 'vi', { kind: 'topics', id: 'hanoi-convention' }, BASE), RSS_FORMAT),
    ).toEqual([]);
    expect(xmlFormProblems(sitemap, SITEMAP_FORMAT)).toEqual([]);
  });

  it.each([
    [
      'a title in CDATA split at its first terminator only',
      '<title>',
      '<title><![CDATA[T ]]]]><![CDATA[>]]><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>]]></title><title>',
      /CDATA section/,
    ],
    [
      'a namespaced script element in a title',
      '<title>',
      '<title><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></title><title>',
      /the element <x:script> does not belong in <title>/,
    ],
    [
      'a script element in an item',
      '<item>',
      '<item><script>alert(1)</script>',
      /the element <script> does not belong in <item>/,
    ],
    [
      'an element of another format in the channel',
      '<channel>',
      '<channel><image>x</image>',
      /the element <image> does not belong in <channel>/,
    ],
    ['a DOCTYPE', '<rss', '<!DOCTYPE rss [<!ENTITY x "y">]><rss', /DOCTYPE/],
    ['a comment', '<channel>', '<channel><!-- hidden -->', /comment/],
    [
      'a processing instruction',
      '<rss',
      '<?xml-stylesheet href="https://evil.example/x.xsl"?><rss',
      /processing instruction/,
    ],
    ['a control character', '<title>', '<title>\u0001', /U\+0001/],
    ['the noncharacter U+FFFF', '<title>', '<title>\uFFFF', /U\+FFFF/],
    ['an unclosed element', '</title>', '', /not well-formed/],
    [
      'an event handler attribute',
      '<item>',
      '<item onclick="alert(1)">',
      /the attribute onclick="alert\(1\)" does not belong on <item>/,
    ],
    [
      'a namespace declaration on an item',
      '<item>',
      '<item xmlns:x="http://www.w3.org/1999/xhtml">',
      /the attribute xmlns:x=.* does not belong on <item>/,
    ],
    [
      'a default namespace on the root',
      '<rss ',
      '<rss xmlns="http://www.w3.org/1999/xhtml" ',
      /xmlns=.* does not belong on <rss>/,
    ],
    [
      'another namespace for the atom prefix',
      'xmlns:atom="http://www.w3.org/2005/Atom"',
      'xmlns:atom="http://www.w3.org/1999/xhtml"',
      /xmlns:atom="http:\/\/www.w3.org\/1999\/xhtml", expected "http:\/\/www.w3.org\/2005\/Atom"/,
    ],
    ['text between elements', '<channel>', '<channel>stray text', /text "stray text" where only elements belong/],
  ])('should fail a feed with %s', (_, from, to, expected) => {
    const problems = xmlFormProblems(broken(feed, from, to), RSS_FORMAT);
    expect(problems.join('\n')).toMatch(expected);
  });

  it('should fail a file without the XML declaration', () => {
    expect(xmlFormProblems(feed.slice(feed.indexOf('<rss')), RSS_FORMAT)).toEqual([
      'does not start with the XML declaration',
    ]);
  });

  it('should name where in the document a wrong element stands', () => {
    const twoItems = languageFeed(
      { ...ARCHIVE, stories: [...ARCHIVE.stories, makeStory({ id: 'third-story', date: '2024-01-01' })] },
      'en',
      BASE,
    );
    const at = twoItems.lastIndexOf('<title>') + '<title>'.length;
    const problems = xmlFormProblems(`${twoItems.slice(0, at)}<b>x</b>${twoItems.slice(at)}`, RSS_FORMAT);
    expect(problems).toEqual(['/rss/channel/item[2]/title/b: the element <b> does not belong in <title>']);
  });

  it('should fail a sitemap with an element or attribute it does not define', () => {
    expect(
      xmlFormProblems(broken(sitemap, '<url>', '<url><image:image>x</image:image>'), SITEMAP_FORMAT).join('\n'),
    ).toMatch(/<image:image> does not belong in <url>/);
    expect(xmlFormProblems(broken(sitemap, 'rel="alternate"', 'rel="stylesheet"'), SITEMAP_FORMAT).join('\n')).toMatch(
      /rel="stylesheet", expected "alternate"/,
    );
    expect(
      xmlFormProblems(
        broken(sitemap, '<loc>', '<loc><x:a xmlns:x="http://www.w3.org/1999/xhtml"/>'),
        SITEMAP_FORMAT,
      ).join('\n'),
    ).toMatch(/<x:a> does not belong in <loc>/);
  });
});

describe('feedContentProblems', () => {
  it("should pass a feed whose items say what the archive's stories say", () => {
    expect(feedContentProblems(feed, spec, ARCHIVE, BASE)).toEqual([]);
    for (const other of everyFeedSpec(ARCHIVE)) {
      expect(feedContentProblems(feedDocument(ARCHIVE, other, BASE), other, ARCHIVE, BASE), other.path).toEqual([]);
    }
  });

  it('should fail a feed whose title text is not the story title, naming the story file', () => {
    const escapedTitle = ']]&gt;]]&gt;&lt;x:script';
    const problems = feedContentProblems(broken(feed, escapedTitle, ']]&gt;'), spec, ARCHIVE, BASE);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^\/rss\/channel\/item\[1\]: the title of content\/articles\/hostile-story\/en\.md reads ".*", expected ".*x:script/,
    );
  });

  it('should fail a feed with a summary, creator, topic, date or item that differs', () => {
    const cases: [string, string, RegExp][] = [
      ['&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;</description>', '</description>', /the summary of/],
      // The summary written as text, not as the HTML of its text: a reader would make a script element of it.
      [
        '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;</description>',
        '&lt;script&gt;alert(1)&lt;/script&gt;</description>',
        /the summary of content\/articles\/hostile-story\/en\.md reads \{"markup":\["script"\]\}/,
      ],
      ['Tom &amp; Jerry', 'Tom', /the creator reads "Tom"/],
      ['<category>Command 86 &lt;&amp;&gt;</category>', '', /the topics reads \[\]/],
      ['<pubDate>Sat, 25 Oct 2025', '<pubDate>Sun, 26 Oct 2025', /the date/],
      ['<language>en</language>', '<language>vi</language>', /the language/],
    ];
    for (const [from, to, expected] of cases)
      expect(feedContentProblems(broken(feed, from, to), spec, ARCHIVE, BASE).join('\n')).toMatch(expected);
    const withoutItems =
      feed.slice(0, feed.indexOf('<item>')) + feed.slice(feed.lastIndexOf('</item>') + '</item>'.length);
    expect(feedContentProblems(withoutItems, spec, ARCHIVE, BASE)).toEqual([
      '/rss/channel: the number of items reads 0, expected 1',
    ]);
  });
});

describe('sitemapContentProblems', () => {
  const entries = sitemapEntries(ARCHIVE, BASE);

  it('should pass the sitemap of the archive, and fail one with another address, date or alternate', () => {
    expect(sitemapContentProblems(sitemap, entries)).toEqual([]);
    expect(
      sitemapContentProblems(
        broken(sitemap, '<loc>https://archive.example/</loc>', '<loc>https://evil.example/</loc>'),
        entries,
      ).join('\n'),
    ).toMatch(/\/urlset\/url\[1\]: the address reads "https:\/\/evil.example\/"/);
    expect(sitemapContentProblems(broken(sitemap, 'hreflang="vi"', 'hreflang="fr"'), entries).join('\n')).toMatch(
      /the alternates/,
    );
    expect(sitemapContentProblems(broken(sitemap, '<lastmod>', '<lastmod>1999-'), entries).join('\n')).toMatch(
      /the date reads "1999-/,
    );
  });
});

describe('checkBuiltXml', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  /** An out/ folder holding every XML file the build writes for the archive. */
  function builtOut(): string {
    const out = mkdtempSync(path.join(os.tmpdir(), 'xml-check-'));
    folders.push(out);
    const write = (relative: string, xml: string) => {
      mkdirSync(path.dirname(path.join(out, relative)), { recursive: true });
      writeFileSync(path.join(out, relative), xml);
    };
    for (const other of everyFeedSpec(ARCHIVE)) {
      write(other.path, feedDocument(ARCHIVE, other, BASE));
    }
    write('sitemap.xml', sitemap);
    write('en/index.html', '<!DOCTYPE html><p>not XML, not checked</p>');
    return out;
  }

  it('should pass every XML file the build writes', () => {
    const out = builtOut();
    const entities = ARCHIVE.topics.length + ARCHIVE.people.length + ARCHIVE.organisations.length;
    expect(checkBuiltXml(out, ARCHIVE, BASE)).toEqual({ checked: 2 + 2 * entities + 1, problems: [] });
  });

  it('should name each broken, unknown or missing file', () => {
    const out = builtOut();
    writeFileSync(path.join(out, 'en', 'feed.xml'), broken(feed, '<title>', '<title><![CDATA[x]]>'));
    writeFileSync(path.join(out, 'vi', 'feed.xml'), Buffer.from([0x3c, 0x3f, 0xff, 0xfe]));
    writeFileSync(path.join(out, 'extra.xml'), '<?xml version="1.0"?><x/>');
    rmSync(path.join(out, 'vi', 'organisations', 'command-86', 'feed.xml'));
    rmSync(path.join(out, 'sitemap.xml'));
    const { problems } = checkBuiltXml(out, ARCHIVE, BASE);
    expect(problems).toEqual([
      expect.stringMatching(/^.*[\\/]en\/feed\.xml: holds "<!\[CDATA\[x\]\]….*CDATA section/),
      expect.stringMatching(/^.*[\\/]extra\.xml: no XML file of this name is written by the build/),
      expect.stringMatching(/^.*[\\/]vi\/feed\.xml: is not valid UTF-8$/),
      expect.stringMatching(
        /^.*[\\/]vi\/organisations\/command-86\/feed\.xml: missing: the build should have written it$/,
      ),
      expect.stringMatching(/^.*[\\/]sitemap\.xml: missing: the build should have written it$/),
    ]);
  });
});
