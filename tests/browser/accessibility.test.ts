/**
 * Accessibility in Chromium: axe-core's WCAG 2.2 A/AA rules on every page type in both
 * languages, at phone and desktop widths, in light and dark colour schemes; and a
 * keyboard walk of the same pages; what a reader sees at those widths measured (header
 * height, chart labels and targets, the current section). Then both checks on a copy
 * broken on purpose.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditAccessibility,
  COLOUR_RULES,
  formatAxeProblem,
  WCAG_TAGS,
  type AxeAudit,
} from '../../scripts/quality/axe';
import { checkKeyboard } from '../../scripts/quality/keyboard';
import { beforeMainEnd, copyBuild, type BrokenBuild } from './broken-build';
import { getArchive } from '../../lib/views/archive';
import { LOCALES } from '../../lib/site/i18n';
import { archiveUrl, homeUrl, peopleUrl, personUrl, searchUrl, storyUrl, yearUrl } from '../../lib/site/urls';
import { storiesByYear } from '../../lib/views/story-lists';
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

type ColorScheme = (typeof SCHEMES)[number];

/**
 * Loads `url` once and audits it in each colour scheme in turn, switched in place: the dark scheme only sets the
 * stylesheet's colour properties, which apply at once, and no script reads the scheme. So the first scheme is audited
 * by every rule, and the others by the rules colours decide (COLOUR_RULES): nothing else differs between them. (The
 * broken copy below shows a dark-only contrast failure is caught this way.) `label` names the page in each scheme's
 * problems.
 */
async function auditInSchemes(
  page: Page,
  url: string,
  label: (scheme: ColorScheme) => string,
  schemes: readonly ColorScheme[] = SCHEMES,
): Promise<AxeAudit[]> {
  await page.emulateMedia({ colorScheme: schemes[0] });
  await page.goto(url, { waitUntil: 'load' });
  const audits: AxeAudit[] = [];
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme });
    // The colour scheme must really be in force, or dark mode goes unchecked.
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    audits.push(await auditAccessibility(page, label(colorScheme), audits.length === 0 ? 'wcag' : 'colour'));
  }
  return audits;
}

describe.each(WIDTHS)('axe at %i px', (width) => {
  const currentPage = useContext(width);
  const rules = new Set<number>();
  let audits = 0;

  afterAll(() => {
    console.log(
      `axe (${WCAG_TAGS.join(', ')}) at ${width} px: ${audits} audits of ${pages.length} pages, ${Math.max(0, ...rules)} rules in ${SCHEMES[0]}, ${COLOUR_RULES.join(' and ')} in ${SCHEMES.slice(1).join(' and ')}`,
    );
  });

  it.each(pages)(
    'should find no WCAG 2.2 A/AA violation on the $label page ($path) in light and dark colour schemes',
    async ({ path }) => {
      const problems: string[] = [];
      for (const audit of await auditInSchemes(
        currentPage(),
        site.origin + path,
        (scheme) => `${path} at ${width} px, ${scheme}`,
      )) {
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

/** What a page shows a reader at the width it is loaded at, measured in the browser. */
async function measureLayout(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('.site-header');
    const field = document.querySelector<HTMLInputElement>('.site-header input[type="search"]');
    let placeholder: { text: number; room: number } | null = null;
    if (field) {
      const style = getComputedStyle(field);
      const context = document.createElement('canvas').getContext('2d');
      if (context) context.font = `${style.fontSize} ${style.fontFamily}`;
      placeholder = {
        text: context?.measureText(field.placeholder).width ?? Infinity,
        room: field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      };
    }
    const yearLabels = [...document.querySelectorAll<SVGTextElement>('.month-chart__year')].map(
      (label) => parseFloat(getComputedStyle(label).fontSize) * (label.getScreenCTM()?.a ?? 0),
    );
    const barLinks = [...document.querySelectorAll('.month-chart svg a')].map((link) => {
      const box = link.getBoundingClientRect();
      return { width: box.width, height: box.height };
    });
    return {
      headerHeight: header?.getBoundingClientRect().height ?? 0,
      placeholder,
      yearLabels,
      barLinks,
      currentSections: [...document.querySelectorAll('.site-nav a[aria-current]')].map((link) =>
        link.getAttribute('href'),
      ),
      currentYears: [...document.querySelectorAll('.year-index a[aria-current="page"]')].map((link) =>
        link.getAttribute('href'),
      ),
      firstStoryTop: document.querySelector('.story-card')?.getBoundingClientRect().top ?? null,
      neighbourWidths: [...document.querySelectorAll('.neighbours a')].map(
        (link) => link.getBoundingClientRect().width,
      ),
      mainWidth: document.querySelector('main')?.clientWidth ?? 0,
    };
  });
}

const archive = getArchive();
const [firstYear] = storiesByYear(archive.stories);
const [person] = archive.people;
const middleStory = archive.stories[1];

describe.each(WIDTHS)('reading at %i px', (width) => {
  const currentPage = useContext(width);

  it.each(LOCALES)('should keep the header short and the search placeholder whole (%s)', async (locale) => {
    const page = currentPage();
    for (const path of [homeUrl(locale), archiveUrl(locale)]) {
      await page.goto(site.origin + path, { waitUntil: 'load' });
      const layout = await measureLayout(page);
      expect(layout.headerHeight, path).toBeGreaterThan(0);
      expect(layout.headerHeight, path).toBeLessThanOrEqual(120);
      expect(layout.placeholder, path).not.toBeNull();
      expect(layout.placeholder?.text, path).toBeLessThanOrEqual(layout.placeholder?.room ?? 0);
    }
  });

  it.each(LOCALES)(
    'should draw the charts with year labels of at least 12 px and bar links of at least 24 by 24 px (%s)',
    async (locale) => {
      const page = currentPage();
      if (!firstYear) throw new Error('The archive has no year');
      for (const path of [homeUrl(locale), archiveUrl(locale), yearUrl(locale, firstYear.year)]) {
        await page.goto(site.origin + path, { waitUntil: 'load' });
        const { yearLabels, barLinks } = await measureLayout(page);
        expect(yearLabels.length, path).toBeGreaterThan(0);
        for (const size of yearLabels) expect(size, path).toBeGreaterThanOrEqual(12);
        if (path !== homeUrl(locale)) expect(barLinks.length, path).toBeGreaterThan(0);
        for (const link of barLinks) {
          expect(link.width, path).toBeGreaterThanOrEqual(24);
          expect(link.height, path).toBeGreaterThanOrEqual(24);
        }
      }
    },
  );

  it.each(LOCALES)('should mark the current section and the current year (%s)', async (locale) => {
    const page = currentPage();
    if (!firstYear || !person) throw new Error('The archive has no year or no person');
    const expected: [string, string[], string[]][] = [
      [archiveUrl(locale), [archiveUrl(locale)], []],
      [yearUrl(locale, firstYear.year), [archiveUrl(locale)], [yearUrl(locale, firstYear.year)]],
      [personUrl(locale, person.id), [peopleUrl(locale)], []],
      [homeUrl(locale), [], []],
    ];
    for (const [path, sections, years] of expected) {
      await page.goto(site.origin + path, { waitUntil: 'load' });
      const layout = await measureLayout(page);
      expect(layout.currentSections, path).toEqual(sections);
      expect(layout.currentYears, path).toEqual(years);
    }
  });

  it.each(LOCALES)(
    'should show the older and newer stories one under the other on a phone, side by side on a desktop (%s)',
    async (locale) => {
      if (!middleStory) throw new Error('The archive has no story between two others');
      const page = currentPage();
      await page.goto(site.origin + storyUrl(locale, middleStory.id), { waitUntil: 'load' });
      const { neighbourWidths, mainWidth } = await measureLayout(page);
      expect(neighbourWidths.length).toBe(2);
      for (const linkWidth of neighbourWidths)
        if (width < 640) expect(linkWidth).toBeGreaterThan(mainWidth * 0.9);
        else expect(linkWidth).toBeLessThan(mainWidth * 0.6);
    },
  );
});

describe('the year page on a 1280 by 800 screen', () => {
  it.each(LOCALES)('should show its first story above the fold (%s)', async (locale) => {
    if (!firstYear) throw new Error('The archive has no year');
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(site.origin + yearUrl(locale, firstYear.year), { waitUntil: 'load' });
      const { firstStoryTop } = await measureLayout(page);
      expect(firstStoryTop).not.toBeNull();
      expect(firstStoryTop ?? Infinity).toBeLessThan(800 - 100);
    } finally {
      await context.close();
    }
  });
});

describe('the search page on a touch screen', () => {
  it('should not tell a phone reader to press a key, and should tell a desktop reader', async () => {
    const touch = await site.browser.newContext({
      viewport: { width: 390, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    const desktop = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const hintShown = async (context: BrowserContext) => {
        const page = await context.newPage();
        await page.goto(site.origin + searchUrl('en'), { waitUntil: 'load' });
        return page.locator('.keyboard-hint').isVisible();
      };
      expect(await hintShown(touch)).toBe(false);
      expect(await hintShown(desktop)).toBe(true);
    } finally {
      await touch.close();
      await desktop.close();
    }
  });
});

describe('accessibility checks on a deliberately broken copy', () => {
  let broken: BrokenBuild;
  let brokenSite: RunningSite;
  let context: BrowserContext;

  beforeAll(async () => {
    broken = copyBuild();
    broken.editPage(
      '/en/topics/',
      beforeMainEnd('<p><img src="/icon.png"></p><p><a class="empty-link" href="/en/"></a></p>'),
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

  /** axe's findings on the page at `path`, in each colour scheme in turn (auditInSchemes). */
  async function axeProblems(path: string, schemes: readonly ColorScheme[] = ['light']): Promise<string[][]> {
    const page = await context.newPage();
    try {
      const audits = await auditInSchemes(page, brokenSite.origin + path, () => path, schemes);
      return audits.map((audit) => audit.problems.map(formatAxeProblem));
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
    const [problems] = await axeProblems('/en/topics/');
    expect(problems).toContainEqual(expect.stringMatching(/^\/en\/topics\/: image-alt .* at .*img/));
    expect(problems).toContainEqual(expect.stringMatching(/^\/en\/topics\/: link-name .* at .*\.empty-link/));
  });

  it('should fail axe on text that lacks contrast in dark mode only, switched to as the audits above switch', async () => {
    const [light, dark] = await axeProblems('/en/people/trinh-van-quyet/', ['light', 'dark']);
    expect(light).toEqual([]);
    expect(dark).toContainEqual(expect.stringMatching(/^\/en\/people\/trinh-van-quyet\/: color-contrast .* at /));
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
