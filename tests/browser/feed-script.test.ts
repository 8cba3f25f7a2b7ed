/**
 * A feed opened in Chromium runs no script from a story. Feeds are XML, and a browser
 * that opens one runs XHTML script elements in it on the site's origin; a story's title
 * that closes a CDATA section twice and then writes such an element did exactly that
 * with the feed library the site used before. Feeds with hostile titles, summaries and
 * credits are written in memory and served as the site serves them; a control run with
 * the old library's output shows the probe sees script when it runs.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityFeed, languageFeed } from '../../lib/outputs/feeds';
import type { Story, Topic } from '../../lib/content/schema';
import { launchChromium } from '../../scripts/chromium';
import { makeStory } from '../unit/helpers/stories';

const BASE = new URL('https://archive.example');
const SCRIPT = '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>';
const HOSTILE = [
  `]]>${SCRIPT}`,
  `]]>]]>${SCRIPT}`,
  `]]]]><![CDATA[>]]>${SCRIPT}`,
  SCRIPT,
  `<script>alert(1)</script>`,
  `<x:img xmlns:x="http://www.w3.org/1999/xhtml" src="x" onerror="alert(1)"/>`,
];

/** What the feed library wrote for a title with two CDATA terminators: it split the first only. */
const LIBRARY_OUTPUT = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>x</title><item><title><![CDATA[T ]]]]><![CDATA[>]]>${SCRIPT}]]></title></item></channel></rss>`;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens `xml` at a feed's address with the given type; returns whether a dialog opened. */
async function runsScript(xml: string, contentType: string): Promise<boolean> {
  const page = await browser.newPage();
  let opened = false;
  page.on('dialog', (dialog) => {
    opened = true;
    void dialog.dismiss();
  });
  await page.route(`${BASE.origin}/en/feed.xml`, (route) => route.fulfill({ contentType, body: xml }));
  await page.goto(`${BASE.origin}/en/feed.xml`);
  await page.waitForLoadState('load');
  await page.close();
  return opened;
}

function hostileFeeds(): string[] {
  const topics: Topic[] = [
    {
      id: 'command-86',
      name: { en: HOSTILE[1] ?? '', vi: HOSTILE[0] ?? '' },
      description: { en: HOSTILE[2] ?? '', vi: HOSTILE[3] ?? '' },
    },
  ];
  const stories: Story[] = HOSTILE.map((text, index) => {
    const story = makeStory({ id: `hostile-${index}`, date: `2025-0${index + 1}-01` });
    return {
      ...story,
      articles: Object.fromEntries(
        Object.entries(story.articles).map(([locale, article]) => [
          locale,
          { ...article, title: `Title ${text}`, summary: text, author: text },
        ]),
      ),
    };
  });
  const source = { stories, topics, people: [], organisations: [] };
  return [languageFeed(source, 'en', BASE), entityFeed(source, 'en', { kind: 'topics', id: 'command-86' }, BASE)];
}

describe('a feed opened in the browser', () => {
  it.each(['application/rss+xml', 'application/xml'])(
    "should run the script of the old library's output served as %s (the probe works)",
    async (contentType) => {
      expect(await runsScript(LIBRARY_OUTPUT, contentType)).toBe(true);
    },
  );

  it.each(['application/rss+xml', 'application/xml'])(
    'should run no script from hostile titles, summaries, credits and topics, served as %s',
    async (contentType) => {
      for (const xml of hostileFeeds()) expect(await runsScript(xml, contentType)).toBe(false);
    },
  );
});
