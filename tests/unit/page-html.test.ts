import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishedPage, HYDRATED_PAGES, withoutNextRuntime, withPageScript } from '@/lib/page-html';

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
  it('should keep React on the pages that hydrate and add the site script to every page', () => {
    const html = page(NEXT_HEAD, NEXT_BODY);
    const search = finishedPage(html, '/vi/search/', '/site.1.js');
    expect(search).toBe(withPageScript(html, '/site.1.js'));
    expect(search).toContain('self.__next_f.push');
    const article = finishedPage(html, '/vi/articles/x/', '/site.1.js');
    expect(article).toBe(withPageScript(withoutNextRuntime(html), '/site.1.js'));
    expect(article.match(/<script[^>]*src=[^>]*>/g)).toEqual(['<script src="/site.1.js" defer="">']);
  });

  it('should name the page that cannot take the script', () => {
    expect(() => withPageScript('<html><body></body></html>', '/site.1.js')).toThrow(/no <\/head>/);
  });
});

describe('the pages that hydrate', () => {
  it('should be the only ones with client components: the search page and nothing else', () => {
    // A client component on any other page would be served without React and do nothing.
    // Whoever adds one adds its pages to HYDRATED_PAGES in lib/page-html.ts and here.
    const clientFiles = ['app', 'components']
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)))
      .filter((file) => /\.tsx?$/.test(file) && /^['"]use client['"]/m.test(readFileSync(file, 'utf8')));
    expect(clientFiles).toEqual([path.join('components', 'search-page.tsx')]);
    expect(HYDRATED_PAGES).toEqual(['/en/search/', '/vi/search/']);
  });
});
