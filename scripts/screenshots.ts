/**
 * `npm run screenshots`: photographs key pages of the built site in both languages at
 * phone (390 px) and desktop (1280 px) widths into test-results/screenshots/ for review.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from './chromium';
import { startStaticServer } from './static-server';

const PORT = 3107;
const PAGES: [string, string][] = (
  process.argv.slice(2).length
    ? process.argv.slice(2)
    : [
        '/en/',
        '/vi/',
        '/en/articles/hanoi-convention-rehearsal/',
        '/vi/articles/hanoi-convention-rehearsal/',
        '/en/people/vu-huu-hanh/',
        '/vi/people/vu-huu-hanh/',
      ]
).map((page) => [page, page.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'root']);
const WIDTHS = [390, 1280];
const SCHEMES = (process.env.SCHEMES ?? 'light').split(',') as ('light' | 'dark')[];

const server = await startStaticServer('out', PORT);
const browser = await launchChromium();
mkdirSync('test-results/screenshots', { recursive: true });
try {
  for (const scheme of SCHEMES) {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const [url, name] of PAGES) {
        await page.goto(`http://127.0.0.1:${PORT}${url}`, { waitUntil: 'networkidle' });
        // A search page with a query: its results arrive after the page loads.
        if (url.includes('/search/?')) await page.locator('.search-result, .search__empty').first().waitFor();
        const file = `test-results/screenshots/${name}-${width}${scheme === 'dark' ? '-dark' : ''}.png`;
        await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
        console.log(file);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
