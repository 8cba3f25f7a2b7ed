/**
 * The hostile corpus that must build, as the whole build made it (`npm run build:hostile`,
 * tests/browser/hostile-build.ts): titles and summaries that try to break out of a feed's
 * CDATA or a page's markup, bodies with every XSS payload and more, and a poisoned render
 * cache. Every page and every XML file of that build is opened in Chromium with the
 * page's Content-Security-Policy bypassed, so only the build's own escaping and
 * sanitising stand between a payload and the reader: nothing may run, every XML file
 * must parse, and every title and summary must read back as the text it was written as.
 * Control runs show each probe sees script when it does run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentWithImages } from '../../lib/content/load';
import { creatorOf } from '../../lib/views/credits';
import { ENTITY_KINDS } from '../../lib/views/entities';
import { FEED_SIZE } from '../../lib/outputs/feeds';
import { LOCALES, type Locale } from '../../lib/site/i18n';
import type { Archive, Article } from '../../lib/content/schema';
import { entityFeedUrl, feedUrl, searchUrl, storyUrl } from '../../lib/site/urls';
import { filesUnder, isHtmlFile, urlPathOfFile } from '../../scripts/quality/html-files';
import { executableVectors } from '../helpers/html-safety';
import { descriptionShown } from '../../scripts/quality/xml';
import {
  HOSTILE_CONTENT,
  HOSTILE_FIELDS,
  HOSTILE_FIELDS_STORY,
  HOSTILE_OUT,
  POISONED_STORY,
  readHostileBuildReport,
  XSS_STORY,
  type HostileBuildReport,
} from './hostile-build';
import { openSite, type RunningSite } from './site';

const PORT = 3375;
const XHTML = 'http://www.w3.org/1999/xhtml';
/** How long a result card may take to arrive after the first is on screen, with the margin a busy machine needs. */
const CARD_ARRIVES_MS = 10_000;

let site: RunningSite;
let context: BrowserContext;
let report: HostileBuildReport;
let archive: Archive;
let files: string[];

beforeAll(async () => {
  report = readHostileBuildReport();
  archive = (await loadContentWithImages(HOSTILE_CONTENT)).archive;
  files = filesUnder(HOSTILE_OUT);
  site = await openSite(PORT, HOSTILE_OUT);
  // Bypassing the policy means a payload that reached a page would run, and be seen here.
  context = await site.browser.newContext({ bypassCSP: true });
  await context.addInitScript(() => {
    const record = window as unknown as { __trapped: string[] };
    record.__trapped = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, {
        value: (...args: unknown[]) => void record.__trapped.push(`${name}(${args.map(String).join(', ')})`),
        configurable: false,
      });
    }
    // The flags payloads set (this corpus's and tests/fixtures/xss/payloads.ts's): every assignment is recorded.
    for (const name of ['__pwned', '__xss'] as const) {
      Object.defineProperty(window, name, {
        set: (value: unknown) => void record.__trapped.push(`window.${name} = ${String(value)}`),
        get: () => undefined,
        configurable: false,
      });
    }
    // Links are never followed and forms never sent (a navigation would end the probe): where
    // they lead is checked from their attributes instead. Handlers still see every event.
    document.addEventListener('click', (event) => event.preventDefault(), true);
    document.addEventListener('submit', (event) => event.preventDefault(), true);
  });
});

afterAll(async () => {
  await context?.close();
  await site?.close();
});

/** What ran, or could run, on one opened document. */
interface Findings {
  where: string;
  ran: string[];
}

/**
 * Opens `url`, waits for what it shows once loaded (`ready`), exercises every element inside `scope`, and reports
 * anything that ran or leads to script.
 */
async function probe(
  page: Page,
  url: string,
  scope: string | null,
  ready: (page: Page) => Promise<unknown> = async () => undefined,
): Promise<string[]> {
  const ran: string[] = [];
  const onDialog = (dialog: { type(): string; message(): string; dismiss(): Promise<void> }) => {
    ran.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  };
  const onError = (error: Error) => ran.push(`page error: ${error.message}`);
  page.on('dialog', onDialog);
  page.on('pageerror', onError);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await ready(page);
    const found = await page.evaluate((selector) => {
      const problems: string[] = [];
      const root = (selector ? document.querySelector(selector) : null) ?? document.documentElement;
      for (const element of root.querySelectorAll('*')) {
        for (const type of [
          'pointerover',
          'mouseover',
          'mouseenter',
          'focus',
          'focusin',
          'toggle',
          'animationstart',
          'transitionend',
        ])
          element.dispatchEvent(new Event(type, { bubbles: true }));
        element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      }
      const safe = (value: string) => {
        try {
          return ['http:', 'https:', 'mailto:'].includes(new URL(value, document.baseURI).protocol);
        } catch {
          return true;
        }
      };
      for (const [query, attribute] of [
        ['a[href]', 'href'],
        ['area[href]', 'href'],
        ['[src]', 'src'],
        ['form[action]', 'action'],
        ['[formaction]', 'formaction'],
        ['object[data]', 'data'],
        ['[poster]', 'poster'],
      ] as const) {
        for (const element of document.querySelectorAll(query)) {
          const value = element.getAttribute(attribute) ?? '';
          if (!safe(value)) problems.push(`<${element.localName} ${attribute}="${value}">`);
        }
      }
      if (document.querySelector('base')) problems.push('a <base> element');
      for (const meta of document.querySelectorAll('meta[http-equiv]')) {
        if (meta.getAttribute('http-equiv')?.toLowerCase() === 'refresh')
          problems.push(`<meta http-equiv="refresh" content="${meta.getAttribute('content')}">`);
      }
      if (
        document.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'script').length >
        document.querySelectorAll('script[src], script[type="application/ld+json"]').length
      ) {
        problems.push('an inline script that is not JSON-LD');
      }
      return problems;
    }, scope);
    // Timers, animations and refreshes get a moment to fire.
    await page.waitForTimeout(150);
    const trapped = await page.evaluate(
      () => (window as unknown as { __trapped?: string[] }).__trapped ?? ['the traps were not installed'],
    );
    return [...ran, ...found, ...trapped, ...(page.url() === url ? [] : [`navigated to ${page.url()}`])];
  } catch (error) {
    // A page that navigates away while being probed (a refresh, a form, a script) loses its context.
    return [
      ...ran,
      `the probe failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (now at ${page.url()})`,
    ];
  } finally {
    page.off('dialog', onDialog);
    page.off('pageerror', onError);
  }
}

/** What a story's page shows of it: its body's HTML, its heading, and its title and description in the head. */
interface StoryPageShown {
  body: string | null;
  heading: string | null;
  title: string;
  description: string | null;
  headlines: unknown[];
}

/** Pages open at once while visiting many addresses: a page waits on the server and on its own load much of the time. */
const PAGES_AT_ONCE = 3;

/** `visit` run on each of `items`, a few pages at a time; the results in the order of `items`. */
async function visitAll<T, R>(items: readonly T[], visit: (page: Page, item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  async function worker() {
    const page = await context.newPage();
    try {
      for (let at = next++; at < items.length; at = next++) results[at] = await visit(page, items[at] as T);
    } finally {
      await page.close();
    }
  }
  await Promise.all(Array.from({ length: PAGES_AT_ONCE }, worker));
  return results;
}

let storyPages: Promise<{ where: string; article: Article; shown: StoryPageShown }[]> | undefined;

/** Every story's page in every language, each opened once for the tests that read them. */
function storyPagesShown() {
  const articles = () =>
    archive.stories.flatMap((story) =>
      LOCALES.flatMap((locale) => {
        const article = story.articles[locale];
        return article ? [{ url: storyUrl(locale, story.id), where: `${story.id} (${locale})`, article }] : [];
      }),
    );
  storyPages ??= visitAll(articles(), async (page, { url, where, article }) => {
    await page.goto(site.origin + url, { waitUntil: 'load' });
    const shown = await page.evaluate(() => ({
      body: document.querySelector('.article__body')?.innerHTML ?? null,
      heading: document.querySelector('main h1')?.textContent ?? null,
      title: document.title,
      description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? null,
      headlines: [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => {
        try {
          return (JSON.parse(script.textContent ?? '') as { headline?: unknown }).headline ?? null;
        } catch {
          return 'unparsable JSON-LD';
        }
      }),
    }));
    return { where, article, shown };
  });
  return storyPages;
}

/** Probes every address, a few pages at a time, and returns those where something ran. */
async function probeAll(urlPaths: readonly string[], scope: string | null): Promise<Findings[]> {
  const ran = await visitAll(urlPaths, (page, urlPath) => probe(page, site.origin + urlPath, scope));
  return urlPaths
    .flatMap((where, at) => (ran[at]?.length ? [{ where, ran: ran[at] }] : []))
    .sort((a, b) => a.where.localeCompare(b.where));
}

const pages = () => files.filter(isHtmlFile).map(urlPathOfFile);
const xmlFiles = () => files.filter((file) => file.endsWith('.xml'));
const feeds = () =>
  xmlFiles()
    .filter((file) => path.posix.basename(file) === 'feed.xml')
    .map((file) => `/${file}`);
/** Every topic, person and organisation of the corpus, each of which has a feed in each language. */
const entityFeeds = () => ENTITY_KINDS.flatMap((kind) => archive[kind].map((entity) => ({ kind, entity })));
const read = (file: string) => readFileSync(path.join(HOSTILE_OUT, file), 'utf8');

describe('the hostile build', () => {
  it('should have built a page for every story of the corpus in every language it has', () => {
    const expected = archive.stories.flatMap((story) =>
      LOCALES.filter((locale) => story.articles[locale]).map((locale) => storyUrl(locale, story.id)),
    );
    expect(archive.stories.map((story) => story.id)).toEqual(
      expect.arrayContaining([POISONED_STORY, XSS_STORY, 'cdata-terminator-once', 'cdata-terminator-twice']),
    );
    expect(expected.filter((url) => !pages().includes(url))).toEqual([]);
  });

  it('should have refused the poisoned render cache before making a page, naming each file whose body it held', () => {
    const refusal = report.poisonedCacheRefusal ?? '';
    expect(refusal).toMatch(/^build: content +failed/m);
    expect(refusal).not.toMatch(/^build: pages/m);
    for (const locale of LOCALES)
      expect(refusal).toMatch(new RegExp(`articles/${POISONED_STORY}/${locale}\\.md: the rendered body: <script>`));
    // The build that followed, without the cache, rendered the story from its file.
    const poisoned = LOCALES.map((locale) => read(`${storyUrl(locale, POISONED_STORY).slice(1)}index.html`));
    for (const html of poisoned) {
      expect(html).not.toContain('window.__pwned = "render cache');
      expect(html).not.toContain(`onerror="window.__pwned = 'render cache handler'"`);
    }
  });

  it('should have every XML file well-formed, with no CDATA terminator outside a CDATA section', () => {
    expect(xmlFiles().length).toBeGreaterThanOrEqual(2 + 2 * archive.topics.length);
    const problems = xmlFiles().flatMap((file) => {
      const text = read(file);
      const valid = XMLValidator.validate(text);
      const outsideCdata = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
      return [
        ...(valid === true ? [] : [`${file}: ${valid.err.msg} (line ${valid.err.line})`]),
        ...(outsideCdata.includes(']]>') ? [`${file}: "]]>" outside a CDATA section`] : []),
      ];
    });
    expect(problems).toEqual([]);
  });
});

describe('the hostile build in Chromium', () => {
  it('should run nothing on any page, with its Content-Security-Policy bypassed', async () => {
    expect(pages().length).toBeGreaterThan(archive.stories.length * 2);
    expect(await probeAll(pages(), 'main')).toEqual([]);
  });

  it('should run nothing when any feed is opened', async () => {
    expect(feeds()).toEqual(
      expect.arrayContaining([
        ...LOCALES.map(feedUrl),
        ...LOCALES.flatMap((locale) => entityFeeds().map(({ kind, entity }) => entityFeedUrl(kind, locale, entity.id))),
      ]),
    );
    expect(await probeAll(feeds(), null)).toEqual([]);
  });

  it("should run nothing on the search page's results, every story's card showing its title and credits as written", async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    let cards = 0;
    /** Probes the search page of a query, reading its cards first (`read`), before the probe's clicks change them. */
    const probeSearch = async (locale: Locale, query: string, read: (opened: Page) => Promise<void>) => {
      const url = `${site.origin}${searchUrl(locale, query)}`;
      const ran = await probe(page, url, 'main', async (opened) => {
        await opened.locator('.search-result, .search__empty').first().waitFor();
        await read(opened);
      });
      // The page keeps its state in its address: the probe's clicks on facets change it there, in the same document.
      const moved = `navigated to ${site.origin}${new URL(url).pathname}?`;
      problems.push(...ran.filter((what) => !what.startsWith(moved)).map((what) => `${locale} "${query}": ${what}`));
    };
    try {
      for (const story of archive.stories)
        for (const locale of LOCALES) {
          const article = story.articles[locale];
          // The stories that carry markup or a script address somewhere a card may show it (the paged ones carry none).
          const shown = [article?.title, article?.summary, article?.text, article?.author, article?.source?.name];
          if (!article || !shown.some((text) => /[<>]|javascript:/i.test(text ?? ''))) continue;
          // The title's first words: the story holds them as typed, so its card is among the results on screen.
          const query = article.title.split(/\s+/).slice(0, 4).join(' ');
          await probeSearch(locale, query, async (opened) => {
            const card = opened.locator('.search-result', {
              has: opened.locator(`a[href="${storyUrl(locale, story.id)}"]`),
            });
            // Cards appear in result order as each arrives: this one may come after the first is on screen.
            const title = await card
              .locator('h3')
              .textContent({ timeout: CARD_ARRIVES_MS })
              .catch(() => 'no card');
            if (title === article.title) cards++;
            else problems.push(`${story.id} (${locale}): card title ${JSON.stringify(title)}`);
          });
        }
      // A credit shown on a card reads back as written: the corpus's reporter, found by the first word of its name.
      for (const locale of LOCALES) {
        const author = archive.stories.find((story) => story.articles[locale]?.author)?.articles[locale]?.author ?? '';
        await probeSearch(locale, author.split(/\s+/)[0] ?? '', async (opened) => {
          const line = opened.locator('.search-result__credit').first();
          const credit = await line.textContent({ timeout: CARD_ARRIVES_MS }).catch(() => null);
          if (!credit?.endsWith(`: ${author}`)) problems.push(`${locale}: credit ${JSON.stringify(credit)}`);
        });
      }
    } finally {
      await page.close();
    }
    expect(problems).toEqual([]);
    expect(cards).toBeGreaterThan(10);
  });

  it('should give every article body no executable vector', async () => {
    const problems: string[] = [];
    for (const { where, shown } of await storyPagesShown())
      if (shown.body === null) problems.push(`${where}: no article body`);
      else problems.push(...executableVectors(shown.body).map((vector) => `${where}: ${vector}`));
    expect(problems).toEqual([]);
  });

  it('should show every title and summary as the text it was written as, in its page and its page head', async () => {
    const problems: string[] = [];
    for (const { where, article, shown } of await storyPagesShown()) {
      if (shown.heading !== article.title) problems.push(`${where}: h1 ${JSON.stringify(shown.heading)}`);
      if (!shown.title.includes(article.title)) problems.push(`${where}: <title> ${JSON.stringify(shown.title)}`);
      if (shown.description !== article.summary)
        problems.push(`${where}: description ${JSON.stringify(shown.description)}`);
      if (!shown.headlines.includes(article.title))
        problems.push(`${where}: JSON-LD headlines ${JSON.stringify(shown.headlines)}`);
    }
    expect(problems).toEqual([]);
  });

  it("should show a lead photo's alt, caption and credit and a correction as the text they were written as", async () => {
    const page = await context.newPage();
    try {
      for (const locale of LOCALES) {
        await page.goto(site.origin + storyUrl(locale, HOSTILE_FIELDS_STORY));
        const shown = await page.evaluate(() => ({
          alt: document.querySelector('.article__image img')?.getAttribute('alt'),
          caption: document.querySelector('.article__image figcaption')?.textContent,
          correction: document.querySelector('.article__corrections li')?.textContent,
        }));
        expect(shown.alt, locale).toBe(HOSTILE_FIELDS.alt);
        expect(shown.caption, locale).toBe(`${HOSTILE_FIELDS.caption} ${HOSTILE_FIELDS.credit}`);
        expect(shown.correction, locale).toContain(HOSTILE_FIELDS.correction);
      }
    } finally {
      await page.close();
    }
  });

  it("should read every story's title, summary and creator back as text from every feed that lists it", async () => {
    const page = await context.newPage();
    await page.goto(`${site.origin}/`, { waitUntil: 'load' });
    const problems: string[] = [];
    for (const feed of feeds()) {
      const parsed = await page.evaluate(
        ([xml, xhtml]) => {
          const document = new DOMParser().parseFromString(xml ?? '', 'application/xml');
          if (document.querySelector('parsererror')) return 'does not parse';
          if (document.getElementsByTagNameNS(xhtml ?? '', '*').length > 0) return 'holds XHTML elements';
          const channel = document.querySelector('channel');
          const ownText = (name: string) =>
            [...(channel?.children ?? [])].find((child) => child.localName === name)?.textContent ?? null;
          const items = [...document.querySelectorAll('item')].map((item) => ({
            link: item.querySelector('link')?.textContent ?? '',
            title: item.querySelector('title')?.textContent ?? null,
            description: item.querySelector('description')?.textContent ?? null,
            creator: item.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'creator')[0]?.textContent ?? null,
            categories: [...item.querySelectorAll('category')].map((category) => category.textContent ?? ''),
            elements: [...item.children].map((child) => child.localName),
          }));
          return { title: ownText('title'), description: ownText('description'), items };
        },
        [read(feed.slice(1)), XHTML] as const,
      );
      if (typeof parsed === 'string') {
        problems.push(`${feed} ${parsed}`);
        continue;
      }
      const { items } = parsed;
      const locale = LOCALES.find((each) => feed.startsWith(`/${each}/`));
      const tag = entityFeeds().find(({ kind, entity }) => locale && feed === entityFeedUrl(kind, locale, entity.id));
      if (locale && tag) {
        if (!parsed.title?.startsWith(`${tag.entity.name[locale]} · `))
          problems.push(`${feed}: channel title ${JSON.stringify(parsed.title)}`);
        if (
          tag.entity.description &&
          descriptionShown(parsed.description ?? undefined) !== tag.entity.description[locale]
        )
          problems.push(`${feed}: channel description ${JSON.stringify(parsed.description)}`);
      }
      // The archive is newest first, and a feed lists its newest FEED_SIZE stories.
      const expected = archive.stories
        .filter(
          (story) =>
            locale &&
            story.articles[locale] &&
            (feed === feedUrl(locale) || (tag && story[tag.kind].includes(tag.entity.id))),
        )
        .slice(0, FEED_SIZE);
      if (items.length !== expected.length)
        problems.push(`${feed}: ${items.length} items, expected ${expected.length}`);
      for (const item of items) {
        const story = expected.find((each) => locale && item.link.endsWith(storyUrl(locale, each.id)));
        const article = locale && story?.articles[locale];
        if (!article) {
          problems.push(`${feed}: an item links to ${item.link}`);
          continue;
        }
        const where = `${feed} ${story.id}`;
        if (item.title !== article.title) problems.push(`${where}: title ${JSON.stringify(item.title)}`);
        // A description is HTML to a reader (RSS 2.0): read as HTML, it must be the summary's text and nothing else.
        if (descriptionShown(item.description ?? undefined) !== article.summary)
          problems.push(`${where}: description ${JSON.stringify(item.description)}`);
        if (item.creator !== (creatorOf(article)?.name ?? null))
          problems.push(`${where}: creator ${JSON.stringify(item.creator)}`);
        const topicNames = story.topics.map((id) => archive.topics.find((each) => each.id === id)?.name[locale] ?? id);
        if (JSON.stringify(item.categories) !== JSON.stringify(topicNames))
          problems.push(`${where}: categories ${JSON.stringify(item.categories)}`);
        if (item.elements.some((name) => name === 'script' || name === 'img'))
          problems.push(`${where}: elements ${item.elements.join(', ')}`);
      }
    }
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe('the probes (controls)', () => {
  it('should see script that reaches a page run', async () => {
    const page = await context.newPage();
    await page.route(`${site.origin}/hostile-control/`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>x</title><main><p onmouseover="window.__pwned = 1">x</p><a href="javascript:alert(1)">x</a></main>',
      }),
    );
    const ran = await probe(page, `${site.origin}/hostile-control/`, 'main');
    await page.close();
    expect(ran).toEqual(expect.arrayContaining(['window.__pwned = 1', '<a href="javascript:alert(1)">']));
  });

  it('should see script that breaks out of a feed run', async () => {
    const page = await context.newPage();
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><item><title><![CDATA[a ]]><x:script xmlns:x="${XHTML}">window.__pwned = 1; alert(2)</x:script><![CDATA[]]></title></item></channel></rss>`;
    await page.route(`${site.origin}/hostile-control.xml`, (route) =>
      route.fulfill({ contentType: 'application/xml; charset=utf-8', body: feed }),
    );
    const ran = await probe(page, `${site.origin}/hostile-control.xml`, null);
    await page.close();
    expect(ran).toEqual(expect.arrayContaining(['alert(2)', 'window.__pwned = 1']));
  });
});
