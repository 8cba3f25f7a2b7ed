/**
 * Accessibility in Chromium: axe-core's WCAG 2.2 A/AA rules on every page type in both
 * languages, at phone and desktop widths, in light and dark colour schemes; and a
 * keyboard walk of the same pages. Then both checks on a copy broken on purpose.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAccessibility, formatAxeProblem, WCAG_TAGS } from '../../scripts/quality/axe';
import { checkKeyboard } from '../../scripts/quality/keyboard';
import { beforeMainEnd, copyBuild, type BrokenBuild } from './broken-build';
import { openSite, pagesToAudit, type RunningSite } from './site';

const WIDTHS = [390, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const pages = pagesToAudit();

let site: RunningSite;

beforeAll(async () => {
  site = await openSite(3320);
});

afterAll(async () => {
  await site?.close();
});

/** One browser context per width, reused by every page audited at that width. */
function useContext(width: number) {
  const state: { context?: BrowserContext; page?: Page } = {};
  beforeAll(async () => {
    state.context = await site.browser.newContext({ viewport: { width, height: 900 } });
    state.page = await state.context.newPage();
  });
  afterAll(async () => {
    await state.context?.close();
  });
  return () => {
    if (!state.page) throw new Error('The browser context did not open');
    return state.page;
  };
}

describe.each(WIDTHS)('axe at %i px', (width) => {
  const currentPage = useContext(width);
  const rules = new Set<number>();
  let audits = 0;

  afterAll(() => {
    console.log(
      `axe (${WCAG_TAGS.join(', ')}) at ${width} px: ${audits} audits (${pages.length} pages, ${SCHEMES.join(' and ')}), ${Math.max(0, ...rules)} rules run on each`,
    );
  });

  it.each(pages)(
    'should find no WCAG 2.2 A/AA violation on the $label page ($path) in light and dark colour schemes',
    async ({ path }) => {
      const page = currentPage();
      const problems: string[] = [];
      for (const colorScheme of SCHEMES) {
        // The page is loaded in each scheme, so styles that only apply at load time count too.
        await page.emulateMedia({ colorScheme });
        await page.goto(site.origin + path, { waitUntil: 'load' });
        // The colour scheme must really be in force, or dark mode goes unchecked.
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          colorScheme === 'dark',
        );
        const audit = await auditAccessibility(page, `${path} at ${width} px, ${colorScheme}`);
        audits += 1;
        rules.add(audit.rulesRun);
        problems.push(...audit.problems.map(formatAxeProblem));
      }
      expect(problems).toEqual([]);
    },
  );
});

describe.each(WIDTHS)('keyboard at %i px', (width) => {
  const currentPage = useContext(width);
  let stops = 0;

  afterAll(() => {
    console.log(
      `keyboard at ${width} px: ${pages.length} pages, ${stops} Tab stops checked for order and a visible focus ring`,
    );
  });

  it.each(pages)(
    'should reach every control of the $label page by Tab in document order, with a visible focus ring',
    async ({ path, hasNavigation }) => {
      const report = await checkKeyboard(currentPage(), site.origin + path, { requireSkipLink: hasNavigation });
      stops += report.stops;
      expect(report.problems).toEqual([]);
      expect(report.focusables).toBeGreaterThan(0);
    },
  );
});

describe('accessibility checks on a deliberately broken copy', () => {
  let broken: BrokenBuild;
  let brokenSite: RunningSite;
  let context: BrowserContext;

  beforeAll(async () => {
    broken = copyBuild();
    broken.editPage(
      '/en/topics/',
      beforeMainEnd('<p><img src="/icon.svg"></p><p><a class="empty-link" href="/en/"></a></p>'),
    );
    broken.editPage('/en/people/', (html) => html.replace(/<a class="skip-link"[^>]*>[^<]*<\/a>/, ''));
    broken.editPage(
      '/en/organisations/',
      beforeMainEnd('<p><a class="jumps-the-queue" href="/en/" tabindex="1">first</a></p>'),
    );
    broken.editStylesheets((css) =>
      css
        // Dark mode's muted text made as dark as its background.
        .replace('--muted:#b5b0a6', '--muted:#3a3d44')
        // Navigation links lose their focus ring.
        .concat('.site-nav a:focus-visible{outline:none}'),
    );
    brokenSite = await openSite(3321, broken.dir);
    context = await brokenSite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Next's scripts are answered empty, so React does not hydrate: it would find the
    // edited HTML unlike its payload and render the page anew, undoing the defects.
    // (JavaScript stays on: axe needs it.)
    await context.route(/\/_next\/static\/chunks\/.*\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
    );
  });

  afterAll(async () => {
    await context?.close();
    await brokenSite?.close();
    broken?.remove();
  });

  async function axeProblems(path: string, colorScheme: 'light' | 'dark'): Promise<string[]> {
    const page = await context.newPage();
    try {
      await page.emulateMedia({ colorScheme });
      await page.goto(brokenSite.origin + path, { waitUntil: 'load' });
      return (await auditAccessibility(page, path)).problems.map(formatAxeProblem);
    } finally {
      await page.close();
    }
  }

  async function keyboardProblems(path: string): Promise<string[]> {
    const page = await context.newPage();
    try {
      return (await checkKeyboard(page, brokenSite.origin + path, { requireSkipLink: true })).problems;
    } finally {
      await page.close();
    }
  }

  it('should fail axe on an image without alt text and an empty link, naming page, rule and element', async () => {
    const problems = await axeProblems('/en/topics/', 'light');
    expect(problems).toContainEqual(expect.stringMatching(/^\/en\/topics\/: image-alt .* at .*img/));
    expect(problems).toContainEqual(expect.stringMatching(/^\/en\/topics\/: link-name .* at .*\.empty-link/));
  });

  it('should fail axe on text that lacks contrast in dark mode only', async () => {
    expect(await axeProblems('/en/people/trinh-van-quyet/', 'light')).toEqual([]);
    expect(await axeProblems('/en/people/trinh-van-quyet/', 'dark')).toContainEqual(
      expect.stringMatching(/^\/en\/people\/trinh-van-quyet\/: color-contrast .* at /),
    );
  });

  it('should fail the keyboard walk on a page without a skip link', async () => {
    expect(await keyboardProblems('/en/people/')).toContainEqual(
      expect.stringMatching(/^the first Tab stop is <a\.site-name href="\/en\/">.*not a skip link/),
    );
  });

  it('should fail the keyboard walk on a control that jumps the Tab order', async () => {
    expect(await keyboardProblems('/en/organisations/')).toContainEqual(
      expect.stringMatching(
        /^Tab stop 1 is <a\.jumps-the-queue href="\/en\/"> "first", but in document order it should be <a class="skip-link"/,
      ),
    );
  });

  it('should fail the keyboard walk on a focused control without a focus ring, naming it', async () => {
    expect(await keyboardProblems('/en/topics/')).toContainEqual(
      expect.stringMatching(/^<a href="\/en\/topics\/"> "Topics": no focus indicator/),
    );
  });
});
