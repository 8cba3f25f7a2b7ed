import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fileForUrl,
  folderBytes,
  formatBytes,
  formatMs,
  gzipBytes,
  inlinePayloadBytes,
  listPages,
  median,
  percentile,
  runMeasured,
  scriptSources,
  searchFileSizes,
  treeStats,
  wireBytes,
} from '../../bench/measure';
import { pagefindSearchPage } from '../../bench/browser';
import { buildStage, PIPELINE_NODE_FLAGS, stageCommand } from '../../scripts/build';
import { cardFile } from '../../lib/search/files';
import { attributeOf, elementsIn, parsePage, textOf } from '../../lib/finishing/html-tree';
import { SEARCH_ISLAND } from '../../lib/finishing/islands';
import { finishedPage } from '../../lib/finishing/page-html';
import { nextPage } from '../helpers/next-pages';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-measure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('statistics', () => {
  it('should take percentiles by nearest rank', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it('should take the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('byte counting', () => {
  it('should count gzip bytes, and never more than the raw size for compressed data', () => {
    const text = 'xin chào '.repeat(1000);
    expect(gzipBytes(text)).toBeLessThan(Buffer.byteLength(text) / 10);
    const compressed = gzipSync(Buffer.from(text));
    expect(wireBytes(compressed)).toBe(compressed.length);
    expect(wireBytes(Buffer.from(text))).toBe(gzipBytes(text));
  });

  it('should count files, bytes and pages of a folder tree, and the files of one folder', () => {
    mkdirSync(path.join(dir, 'site', 'en', 'a'), { recursive: true });
    writeFileSync(path.join(dir, 'site', 'index.html'), '12345');
    writeFileSync(path.join(dir, 'site', 'en', 'a', 'index.html'), '123');
    writeFileSync(path.join(dir, 'site', 'en', 'a', 'index.txt'), '12');
    expect(treeStats(path.join(dir, 'site'))).toEqual({ files: 3, bytes: 10, pages: 2 });
    expect(folderBytes(path.join(dir, 'site', 'en', 'a'))).toBe(5);
  });

  it('should find the largest list page, leaving out articles, search and about', () => {
    const write = (file: string, bytes: number) => {
      mkdirSync(path.dirname(path.join(dir, 'lists', file)), { recursive: true });
      writeFileSync(path.join(dir, 'lists', file), 'x'.repeat(bytes));
    };
    write('en/index.html', 30);
    write('vi/index.html', 31);
    write('en/topics/training/index.html', 40);
    write('vi/topics/training/page/2/index.html', 45);
    write('en/archive/2024/page/3/index.html', 20);
    write('en/articles/long-story/index.html', 900);
    write('vi/search/index.html', 800);
    write('en/about/index.html', 700);
    write('en/topics/training/feed.xml', 600);
    expect(listPages(path.join(dir, 'lists'))).toEqual({
      pages: 5,
      largest: { path: '/vi/topics/training/page/2/', bytes: 45 },
    });
  });

  it('should format sizes and durations for the table', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1234567)).toBe('1.2 MB');
    expect(formatMs(65432)).toBe('65.4 s');
    expect(formatMs(832)).toBe('832 ms');
  });
});

describe('running a measured command', () => {
  it('should time a command and see its memory', async () => {
    const result = await runMeasured(process.execPath, [
      '-e',
      'const a = Buffer.alloc(64e6, 1); setTimeout(() => console.log(a.length), 600)',
    ]);
    expect(result.stdout.trim()).toBe('64000000');
    expect(result.ms).toBeGreaterThan(500);
    expect(result.peakBytes).toBeGreaterThan(64e6);
  });

  it('should reject when the command fails', async () => {
    await expect(runMeasured(process.execPath, ['-e', 'process.exit(3)'])).rejects.toThrow(/exited with 3/);
  });
});

describe('pages and their scripts', () => {
  it('should list the script files a page loads, once each', () => {
    const html =
      '<script src="/_next/a.js" async=""></script><script>inline()</script><script defer src="/_next/b.js"></script><script src="/_next/a.js"></script>';
    expect(scriptSources(html)).toEqual(['/_next/a.js', '/_next/b.js']);
  });

  it('should count the modules a page fetches ahead, and no other link', () => {
    const html =
      '<link rel="stylesheet" href="/a.css"><link rel="modulepreload" href="/shared.js"><script type="module" src="/search.js"></script>';
    expect(scriptSources(html)).toEqual(['/shared.js', '/search.js']);
  });

  it('should leave out nomodule scripts, which current browsers never fetch', () => {
    const html =
      '<script src="/_next/polyfills.js" noModule=""></script><script src="/_next/main.js" async=""></script>';
    expect(scriptSources(html)).toEqual(['/_next/main.js']);
  });

  it('should map a URL path to the file a static host serves', () => {
    expect(fileForUrl('/out', '/en/search/?q=x')).toBe('/out/en/search/index.html');
    expect(fileForUrl('/out', '/search/en/index.json')).toBe('/out/search/en/index.json');
  });
});

describe("Pagefind's UI on the site's search page", () => {
  const scripts = { site: '/site.1.js', search: { script: '/search.2.js', shared: ['/search-shared.3.js'] } };
  const finished = (name: string) => {
    const fixture = nextPage(name);
    return finishedPage(fixture.html, fixture.urlPath, scripts, ['/font.woff2']);
  };
  const elementsOf = (html: string) => [...elementsIn(parsePage(html))];
  const described = (html: string) =>
    elementsOf(html)
      .filter((element) => ['script', 'link', 'meta', 'div', 'h1'].includes(element.tagName))
      .map((element): Record<string, string> => ({
        tag: element.tagName,
        ...Object.fromEntries(element.attrs.map(({ name, value }) => [name, value])),
        ...(element.tagName === 'script' || element.tagName === 'h1' ? { text: textOf(element) } : {}),
      }));

  it("should put Pagefind's UI where the search island was, and take out the island's scripts, data and policy", () => {
    const before = described(finished('search.html'));
    const after = described(pagefindSearchPage(finished('search.html')));
    // The finished page had each of the things that must go.
    expect(before).toContainEqual(expect.objectContaining({ tag: 'script', type: 'module', src: '/search.2.js' }));
    expect(before).toContainEqual({ tag: 'link', rel: 'modulepreload', href: '/search-shared.3.js' });
    expect(before).toContainEqual(expect.objectContaining({ tag: 'link', rel: 'preload', as: 'fetch' }));
    expect(before).toContainEqual(expect.objectContaining({ tag: 'meta', 'http-equiv': 'Content-Security-Policy' }));
    expect(before).toContainEqual(expect.objectContaining({ tag: 'div', id: SEARCH_ISLAND.root }));
    for (const gone of [
      { type: 'module' },
      { rel: 'modulepreload' },
      { as: 'fetch' },
      { 'http-equiv': 'Content-Security-Policy' },
      { id: SEARCH_ISLAND.root },
    ])
      expect(after).not.toContainEqual(expect.objectContaining(gone));
    // What the rest of the page is stays: its heading, style sheets, fonts and site script.
    const kept = before.filter(
      (element) =>
        element.tag === 'h1' ||
        (element.tag === 'link' && ['stylesheet', 'icon'].includes(element.rel ?? '')) ||
        element.as === 'font' ||
        element.src === scripts.site,
    );
    expect(kept.length).toBeGreaterThanOrEqual(4);
    for (const element of kept) expect(after).toContainEqual(element);
    expect(after).toContainEqual({ tag: 'div', id: 'pagefind-search' });
    expect(after).toContainEqual({ tag: 'link', rel: 'stylesheet', href: '/pagefind/pagefind-ui.css' });
    expect(after).toContainEqual({ tag: 'script', src: '/pagefind/pagefind-ui.js', text: '' });
    const start = after.find((element) => element.tag === 'script' && element.text?.includes('PagefindUI'));
    expect(start?.text).toContain("new PagefindUI({ element: '#pagefind-search' })");
    expect(start?.text).toContain('ui.triggerSearch(query)');
  });

  it('should put the UI in the place of the island, inside the main content', () => {
    const main = elementsOf(pagefindSearchPage(finished('search.html'))).find((element) => element.tagName === 'main');
    const inMain = main ? [...elementsIn(main)] : [];
    expect(inMain.map((element) => attributeOf(element, 'id'))).toContain('pagefind-search');
  });

  it('should refuse a page without the search island', () => {
    expect(() => pagefindSearchPage(finished('home.html'))).toThrow(`#${SEARCH_ISLAND.root}`);
  });
});

describe('page and search file sizes', () => {
  it('should count the inline RSC payload scripts of a page and nothing else', () => {
    const payload = '<script>self.__next_f.push([1,"a\\nb"])</script>';
    const html = `<html><head><script src="/x.js"></script></head><body><p>Lê</p>${payload}<script>other()</script>${payload}</body></html>`;
    expect(inlinePayloadBytes(html)).toBe(2 * Buffer.byteLength(payload));
    expect(inlinePayloadBytes('<p>no scripts</p>')).toBe(0);
  });

  it("should split a language's search files into index and cards, and measure the cards' text", () => {
    const root = path.join(dir, 'search-en');
    mkdirSync(path.join(root, 'terms'), { recursive: true });
    mkdirSync(path.join(root, 'stories'), { recursive: true });
    writeFileSync(path.join(root, 'manifest.json'), '{"shards":["a"]}');
    writeFileSync(path.join(root, 'terms', '0.json'), '{"body":[]}');
    writeFileSync(
      path.join(root, 'stories', '0.txt'),
      cardFile(JSON.stringify({ title: 'Hà', summary: 'b' }), 'c\n"d"'),
    );
    const sizes = searchFileSizes(root);
    expect(sizes.index.files).toBe(2);
    expect(sizes.index.raw).toBe(27);
    expect(sizes.cards.files).toBe(1);
    expect(sizes.textBytes).toBe(Buffer.byteLength('Hà\nb\nc\n"d"'));
  });
});

describe('the pipeline as the bench runs it', () => {
  it('should run with the Node flags the build gives the pipeline, both of its stages', () => {
    for (const name of ['content', 'search']) {
      const { file, args } = stageCommand(buildStage(name));
      expect(file).toBe(process.execPath);
      expect(args.slice(0, PIPELINE_NODE_FLAGS.length + 1)).toEqual([
        ...PIPELINE_NODE_FLAGS,
        'scripts/run-bundled.mjs',
      ]);
    }
  });
});
