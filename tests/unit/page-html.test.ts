import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributeOf, elementsIn, parsePage, textOf, type HtmlDocument } from '@/lib/finishing/html-tree';
import { renderMarkdown } from '@/lib/content/markdown';
import { ISLANDS, islandsOfPage, SEARCH_ISLAND } from '@/lib/finishing/islands';
import { finishedPage } from '@/lib/finishing/page-html';
import { nextPage, nextPages } from '../helpers/next-pages';

const scripts = {
  site: '/site.1.js',
  search: { script: '/search.3.js', shared: ['/search-shared.4.js'] },
};

const elements = (document: HtmlDocument) => [...elementsIn(document)];
const scriptsOf = (document: HtmlDocument) => elements(document).filter((element) => element.tagName === 'script');
const jsonLdOf = (document: HtmlDocument) =>
  scriptsOf(document)
    .filter((element) => attributeOf(element, 'type') === 'application/ld+json')
    .map(textOf);
const stylesheetsOf = (document: HtmlDocument) =>
  elements(document)
    .filter((element) => element.tagName === 'link' && attributeOf(element, 'rel') === 'stylesheet')
    .map((element) => attributeOf(element, 'href'));
const textOfBody = (document: HtmlDocument) =>
  elements(document)
    .filter((element) => element.tagName === 'body')
    .map(textOf)
    .join('');

/** A page around `body`, with what Next puts in every page's head and at the end of its body. */
const page = (body: string) =>
  [
    '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
    '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
    '<link rel="modulepreload" href="/_next/static/chunks/c.js"/>',
    '<script src="/_next/static/chunks/b.js" async=""></script>',
    `</head><body><main>${body}</main>`,
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
    '</body></html>',
  ].join('');

describe('finishing a page Next built', () => {
  it.each(nextPages().map((fixture) => [fixture.name, fixture]))(
    "should take Next's runtime out of %s and keep its content, stylesheets and JSON-LD",
    (_name, fixture) => {
      const before = parsePage(fixture.html);
      const after = parsePage(finishedPage(fixture.html, fixture.urlPath, scripts));
      const isSearchPage = (SEARCH_ISLAND.pages as readonly string[]).includes(fixture.urlPath);
      expect(scriptsOf(before).some((script) => (attributeOf(script, 'src') ?? '').startsWith('/_next/'))).toBe(true);
      // The search page's own script first: deferred scripts run in page order, and it must not wait for the site's.
      expect(
        scriptsOf(after)
          .filter((script) => attributeOf(script, 'type') !== 'application/ld+json')
          .map((script) => attributeOf(script, 'src')),
      ).toEqual(isSearchPage ? [scripts.search.script, scripts.site] : [scripts.site]);
      // Nothing of Next's is fetched ahead: only the search island's shared modules and first files.
      expect(
        elements(after)
          .filter((element) => element.tagName === 'link' && /preload/.test(attributeOf(element, 'rel') ?? ''))
          .map((element) => attributeOf(element, 'href')),
      ).toEqual(isSearchPage ? [...SEARCH_ISLAND.fetchesFirst(fixture.urlPath), ...scripts.search.shared] : []);
      expect(jsonLdOf(after)).toEqual(jsonLdOf(before));
      expect(stylesheetsOf(after)).toEqual(stylesheetsOf(before));
      // The inline payload is gone; every other text of the page is unchanged.
      const payload = scriptsOf(before)
        .filter((script) => attributeOf(script, 'type') !== 'application/ld+json')
        .map(textOf)
        .join('');
      expect(textOfBody(after)).toBe(textOfBody(before).replace(payload, ''));
    },
  );

  it('should keep the JSON-LD of the article, as data', () => {
    const { html, urlPath } = nextPage('article.html');
    const [data] = jsonLdOf(parsePage(finishedPage(html, urlPath, scripts)));
    expect(JSON.parse(data ?? '')).toMatchObject({ '@type': 'NewsArticle' });
  });

  it('should load the site script, deferred, as the last element of the head', () => {
    const { html, urlPath } = nextPage('home.html');
    const head = elements(parsePage(finishedPage(html, urlPath, scripts))).find(
      (element) => element.tagName === 'head',
    );
    expect(head?.childNodes.at(-1)).toMatchObject({
      tagName: 'script',
      attrs: [
        { name: 'src', value: scripts.site },
        { name: 'defer', value: '' },
      ],
    });
  });

  it("should place the search page's script before the modules it imports, so that it is asked for first", () => {
    const { html, urlPath } = nextPage('search.html');
    const hrefs = elements(parsePage(finishedPage(html, urlPath, scripts))).flatMap((element) =>
      element.tagName === 'script' || attributeOf(element, 'rel') === 'modulepreload'
        ? [attributeOf(element, 'src') ?? attributeOf(element, 'href')]
        : [],
    );
    expect(hrefs.slice(0, scripts.search.shared.length + 1)).toEqual([scripts.search.script, ...scripts.search.shared]);
  });

  it('should ask for the first-screen fonts on a page with an island only, before its scripts, as fonts', () => {
    const fonts = ['/_next/static/media/noto-serif-400.a1.woff2', '/_next/static/media/noto-sans-400.b2.woff2'];
    const fontPreloads = (html: string, urlPath: string) =>
      elements(parsePage(finishedPage(html, urlPath, scripts, fonts))).filter(
        (element) => element.tagName === 'link' && attributeOf(element, 'as') === 'font',
      );
    const search = nextPage('search.html');
    const asked = fontPreloads(search.html, search.urlPath);
    expect(asked.map((element) => attributeOf(element, 'href'))).toEqual(fonts);
    for (const element of asked) {
      expect(attributeOf(element, 'rel')).toBe('preload');
      expect(attributeOf(element, 'type')).toBe('font/woff2');
      // A font is always fetched in CORS mode: a preload without it would be fetched twice.
      expect(attributeOf(element, 'crossorigin')).toBe('anonymous');
    }
    const head = elements(parsePage(finishedPage(search.html, search.urlPath, scripts, fonts))).find(
      (element) => element.tagName === 'head',
    );
    const order = (head?.childNodes ?? []).flatMap((node) =>
      'tagName' in node ? [attributeOf(node, 'as') ?? node.tagName] : [],
    );
    expect(order.lastIndexOf('font')).toBeLessThan(order.indexOf('script'));
    const home = nextPage('home.html');
    expect(fontPreloads(home.html, home.urlPath)).toEqual([]);
  });

  it('should give the same result when a finished page is finished again', () => {
    const { html, urlPath } = nextPage('search.html');
    const fonts = ['/_next/static/media/noto-serif-400.a1.woff2'];
    const once = finishedPage(html, urlPath, scripts, fonts);
    expect(finishedPage(once, urlPath, scripts, fonts)).toBe(once);
  });

  it('should keep the rest of an article whose code block names <script> in its info string', () => {
    const body = renderMarkdown(
      '```<script>x\nlet a = 1;\n```\n\nThe paragraph after the code.\n\n[a link](/x "</script><script>alert(1)</script>")\n\nThe last paragraph.',
    ).html;
    const finished = parsePage(finishedPage(page(body), '/en/articles/x/', scripts));
    expect(textOfBody(finished)).toContain('The paragraph after the code.');
    expect(textOfBody(finished)).toContain('The last paragraph.');
    expect(
      elements(finished).find((element) => element.tagName === 'a' && attributeOf(element, 'href') === '/x')?.attrs,
    ).toContainEqual({ name: 'title', value: '</script><script>alert(1)</script>' });
    expect(scriptsOf(finished).map((script) => attributeOf(script, 'src'))).toEqual([scripts.site]);
  });

  it('should remove every script but a JSON-LD block, whatever its other attributes say', () => {
    const finished = finishedPage(
      page(
        [
          '<script type="application/json">{"a":1}</script>',
          `<script data-note='type="application/json"'>alert(1)</script>`,
          '<script type="application/ld+json" onload="alert(1)">{}</script>',
          '<script type="module">alert(1)</script>',
          '<script type="application/ld+json">{"@type":"Thing"}</script>',
        ].join(''),
      ),
      '/en/',
      scripts,
    );
    expect(scriptsOf(parsePage(finished)).map((script) => script.attrs)).toEqual([
      [
        { name: 'src', value: scripts.site },
        { name: 'defer', value: '' },
      ],
      [{ name: 'type', value: 'application/ld+json' }],
    ]);
  });
});

describe('client components', () => {
  it('should be the search page alone, which the search script mounts on the search pages', () => {
    // Pages ship without Next's runtime, so a client component anywhere else would never run.
    // Whoever adds one gives it a script of its own, as components/search-island.tsx does.
    const clientFiles = ['app', 'components']
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)))
      .filter((file) => /\.tsx?$/.test(file) && /^['"]use client['"]/m.test(readFileSync(file, 'utf8')));
    expect(clientFiles).toEqual([path.join('components', 'search-page.tsx')]);
    // However the formatter breaks the element's lines.
    expect(readFileSync(path.join('components', 'search-island.tsx'), 'utf8')).toMatch(
      /<SearchPage\s+locale=\{arrival\.locale\}[\s/>]/,
    );
    expect(SEARCH_ISLAND.pages).toEqual(['/en/search/', '/vi/search/']);
  });
});

describe('islands', () => {
  it('should give each island only to the pages it declares', () => {
    expect(islandsOfPage('/en/search/')).toEqual([SEARCH_ISLAND]);
    expect(islandsOfPage('/vi/search/')).toEqual([SEARCH_ISLAND]);
    expect(islandsOfPage('/en/')).toEqual([]);
    expect(islandsOfPage('/en/search')).toEqual([]);
  });

  it('should declare each island with a script of components/ that the build can bundle', () => {
    for (const island of ISLANDS) expect(existsSync(path.join('components', island.entry)), island.entry).toBe(true);
  });
});
