/**
 * Print: an article rendered to PDF by Chromium carries its title and body and none of
 * the site's navigation chrome, its source's address and none of the links onward, and its printed text stays legible when the reader's
 * screen is in dark mode. Then the same checks with the print stylesheet broken.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAccessibility, formatAxeProblem } from '../../scripts/quality/axe';
import { getArchive } from '../../lib/views/archive';
import { LOCALES } from '../../lib/site/i18n';
import { storyUrl } from '../../lib/site/urls';
import { checkPrintedArticle } from '../../scripts/quality/print';
import { copyBuild, type BrokenBuild } from './broken-build';
import { openSite, pagesOfEveryType, type RunningSite } from './site';

const articles = pagesOfEveryType().filter((page) => page.type === 'article');
const englishArticle = articles.find((page) => page.locale === 'en');

async function printReport(browser: Browser, url: string) {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await checkPrintedArticle(page);
  } finally {
    await page.close();
  }
}

/** axe's contrast rule on the page as printed, from a screen in the given colour scheme. */
async function printContrastProblems(browser: Browser, url: string, colorScheme: 'light' | 'dark'): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print', colorScheme });
    await page.goto(url, { waitUntil: 'load' });
    const audit = await auditAccessibility(page, `${new URL(url).pathname} printed from ${colorScheme} mode`);
    return audit.problems.filter((problem) => problem.rule === 'color-contrast').map(formatAxeProblem);
  } finally {
    await context.close();
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

  it.each(articles)(
    'should print the $locale article with its title and body, without navigation chrome',
    async ({ path }) => {
      const report = await printReport(site.browser, site.origin + path);
      console.log(
        `print ${path}: ${report.required} required texts found, ${report.chrome} chrome texts looked for in the PDF`,
      );
      expect(report.problems).toEqual([]);
      expect(report.chrome).toBeGreaterThan(4);
    },
  );

  it.each(LOCALES)(
    'should print an article (%s) with its source’s address, and without related stories, neighbours or sharing',
    async (locale) => {
      // A story between two others, so that it has both neighbours, whose source has an address.
      const story = getArchive()
        .stories.slice(1, -1)
        .find((candidate) => candidate.articles[locale]?.source?.url);
      if (!story) throw new Error(`No ${locale} story between two others names its source's address`);
      const path = storyUrl(locale, story.id);
      const context = await site.browser.newContext();
      try {
        const page = await context.newPage();
        await page.emulateMedia({ media: 'print' });
        await page.goto(site.origin + path, { waitUntil: 'load' });
        const shown = await page.evaluate(() => {
          const source = document.querySelector<HTMLAnchorElement>('.article__source-link');
          return {
            hidden: ['.related', '.neighbours', '.share', '.breadcrumbs'].map((selector) => {
              const element = document.querySelector(selector);
              return [selector, element ? getComputedStyle(element).display : 'missing'];
            }),
            source: source?.getAttribute('href') ?? null,
            sourceAfter: source ? getComputedStyle(source, '::after').content : null,
          };
        });
        expect(shown.hidden).toEqual([
          ['.related', 'none'],
          ['.neighbours', 'none'],
          ['.share', 'none'],
          ['.breadcrumbs', 'none'],
        ]);
        expect(shown.source).toBe(story.articles[locale]?.source?.url);
        expect(shown.sourceAfter).toBe(`" (${shown.source})"`);
      } finally {
        await context.close();
      }
    },
  );

  it.each(articles)(
    'should print the $locale article in legible contrast from a light or a dark screen',
    async ({ path }) => {
      for (const scheme of ['light', 'dark'] as const)
        expect(await printContrastProblems(site.browser, site.origin + path, scheme)).toEqual([]);
      console.log(`print contrast ${path}: axe color-contrast in print media, from a light and a dark screen`);
    },
  );
});

describe('printing an article with the print stylesheet broken', () => {
  let broken: BrokenBuild;
  let site: RunningSite;

  beforeAll(async () => {
    broken = copyBuild();
    broken.editStylesheets((css) =>
      css
        // The print rules stop hiding the header, footer, skip link and language switcher.
        .replace(
          '.site-header,.site-footer,.skip-link,.language-switcher,.breadcrumbs,.share,.related,.neighbours,.page-nav{display:none}',
          '.not-on-this-site{display:none}',
        )
        // Print keeps the dark palette of a dark-mode screen.
        .replace(/@media print\{:root\{[^}]*\}/, '@media print{'),
    );
    site = await openSite(3341, broken.dir);
  });

  afterAll(async () => {
    await site?.close();
    broken?.remove();
  });

  it('should fail, naming the chrome that got printed', async () => {
    if (!englishArticle) throw new Error('The archive has no English article');
    const { problems } = await printReport(site.browser, site.origin + englishArticle.path);
    expect(problems).toContainEqual(
      expect.stringMatching(/^the printed page shows "Cyberspace Command Archive" from outside <main>/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^the printed page shows "Tieng Viet" from outside <main>/));
  });

  it('should fail on light text printed from a dark screen, naming the elements', async () => {
    if (!englishArticle) throw new Error('The archive has no English article');
    expect(await printContrastProblems(site.browser, site.origin + englishArticle.path, 'dark')).toContainEqual(
      expect.stringMatching(/printed from dark mode: color-contrast .* at .*\.article__summary/),
    );
  });
});
