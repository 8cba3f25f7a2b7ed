/**
 * Print: an article rendered to PDF by Chromium carries its title and body and none of
 * the site's navigation chrome. Then the same check with the print stylesheet broken.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrintedArticle } from '../../scripts/quality/print';
import { copyBuild, type BrokenBuild } from './broken-build';
import { openSite, pagesOfEveryType, type RunningSite } from './site';

const articles = pagesOfEveryType().filter((page) => page.type === 'article');

async function printProblems(browser: Browser, url: string) {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await checkPrintedArticle(page);
  } finally {
    await page.close();
  }
}

describe('printing an article', () => {
  let site: RunningSite;

  beforeAll(async () => {
    site = await openSite(3340);
  });

  afterAll(async () => {
    await site?.close();
  });

  it.each(articles)('should print the $locale article with its title and body, without navigation chrome', async ({ path }) => {
    const report = await printProblems(site.browser, site.origin + path);
    console.log(`print ${path}: ${report.required} required texts found, ${report.chrome} chrome texts looked for in the PDF`);
    expect(report.problems).toEqual([]);
    expect(report.chrome).toBeGreaterThan(4);
  });
});

describe('printing an article with the print stylesheet broken', () => {
  let broken: BrokenBuild;
  let site: RunningSite;

  beforeAll(async () => {
    broken = copyBuild();
    // The print rules stop hiding the header, footer, skip link and language switcher.
    broken.editStylesheets((css) => css.replace('@media print{.site-header,.site-footer,.skip-link,.language-switcher{display:none}', '@media print{.not-on-this-site{display:none}'));
    site = await openSite(3341, broken.dir);
  });

  afterAll(async () => {
    await site?.close();
    broken?.remove();
  });

  it('should fail, naming the chrome that got printed', async () => {
    const article = articles.find((page) => page.locale === 'en');
    if (!article) throw new Error('The archive has no English article');
    const { problems } = await printProblems(site.browser, site.origin + article.path);
    expect(problems).toContainEqual(expect.stringMatching(/^the printed page shows "Cyberspace Command Archive" from outside <main>/));
    expect(problems).toContainEqual(expect.stringMatching(/^the printed page shows "Tieng Viet" from outside <main>/));
  });
});
