import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishedPage, SEARCH_PAGES, withoutNextRuntime, withPageScripts } from '@/lib/page-html';

const page = (head: string, body: string) => `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>${head}</head><body>${body}</body></html>`;

const NEXT_HEAD = [
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/c.js"/>',
  '<script src="/_next/static/chunks/b.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfill.js" noModule=""></script>',
].join('');
const JSON_LD = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Hà Nội"}</script>';
const NEXT_BODY = [
  '<main><p>Tin bài</p></main>',
  JSON_LD,
  '<script id="_R_">(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push({})</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"0:{\\"text\\":\\"</p>\\"}"])</script>',
].join('');

describe('withoutNextRuntime', () => {
  const stripped = withoutNextRuntime(page(NEXT_HEAD, NEXT_BODY));

  it("should remove Next's scripts, inline and from files, and their preloads", () => {
    expect(stripped).not.toMatch(/_next\/static\/chunks\/[a-z]+\.js/);
    expect(stripped).not.toContain('__next_f');
    expect(stripped).not.toContain('TURBOPACK');
    expect(stripped).not.toContain('preload');
  });

  it('should keep the stylesheet, the JSON-LD and the content, unchanged', () => {
    expect(stripped).toBe(page('<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>', `<main><p>Tin bài</p></main>${JSON_LD}`));
  });
});

describe('finishedPage', () => {
  const scripts = { site: '/site.1.js', search: '/search.2.js' };

  it("should take Next's runtime out of every page, and add the site script, and on search pages the search script after it", () => {
    const html = page(NEXT_HEAD, NEXT_BODY);
    const article = finishedPage(html, '/vi/articles/x/', scripts);
    expect(article).toBe(withPageScripts(withoutNextRuntime(html), ['/site.1.js']));
    expect(article.match(/<script[^>]*src=[^>]*>/g)).toEqual(['<script src="/site.1.js" defer="">']);
    const search = finishedPage(html, '/vi/search/', scripts);
    expect(search).not.toContain('__next_f');
    expect(search.match(/<script[^>]*src=[^>]*>/g)).toEqual(['<script src="/site.1.js" defer="">', '<script src="/search.2.js" defer="">']);
  });

  it('should name the page that cannot take the scripts', () => {
    expect(() => withPageScripts('<html><body></body></html>', ['/site.1.js'])).toThrow(/no <\/head>/);
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
    expect(readFileSync(path.join('components', 'search-island.tsx'), 'utf8')).toMatch(/<SearchPage locale=\{locale\}[ />]/);
    expect(SEARCH_PAGES).toEqual(['/en/search/', '/vi/search/']);
  });
});
