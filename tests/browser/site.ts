/**
 * What the browser tests share: the built site served from `out/`, one Chromium, and
 * the list of pages to visit, derived from the archive the build used.
 */
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../scripts/chromium';
import { recordCspViolations } from '../../scripts/quality/page-load';
import { startStaticServer } from '../../scripts/static-server';
import { getArchive } from '../../lib/views/archive';
import { LOCALES, otherLocale, type Locale } from '../../lib/site/i18n';
import {
  archiveUrl,
  homeUrl,
  organisationUrl,
  organisationsUrl,
  peopleUrl,
  personUrl,
  storyUrl,
  topicUrl,
  topicsUrl,
  searchUrl,
  yearUrl,
} from '../../lib/site/urls';
import { storiesByYear } from '../../lib/views/story-lists';

export interface SitePage {
  type: string;
  locale: Locale;
  path: string;
  /** Where the language switcher must lead, or null where the page has no other language. */
  alternate: string | null;
}

/** One page of each type in each language, with ids taken from the built archive. */
export function pagesOfEveryType(): SitePage[] {
  const archive = getArchive();
  const [story] = archive.stories;
  const [topic] = archive.topics;
  const [person] = archive.people;
  const [organisation] = archive.organisations;
  const [year] = storiesByYear(archive.stories);
  if (!story || !topic || !person || !organisation || !year)
    throw new Error('The archive needs at least one story and one entry of each registry');
  const builders: [string, (locale: Locale) => string][] = [
    ['home', homeUrl],
    ['article', (locale) => storyUrl(locale, story.id)],
    ['topics', topicsUrl],
    ['topic', (locale) => topicUrl(locale, topic.id)],
    ['archive', archiveUrl],
    ['year', (locale) => yearUrl(locale, year.year)],
    ['people', peopleUrl],
    ['person', (locale) => personUrl(locale, person.id)],
    ['organisations', organisationsUrl],
    ['organisation', (locale) => organisationUrl(locale, organisation.id)],
    ['search', (locale) => searchUrl(locale)],
  ];
  return builders.flatMap(([type, build]) =>
    LOCALES.map((locale) => ({
      type,
      locale,
      path: build(locale),
      alternate: type === 'article' && !story.articles[otherLocale(locale)] ? null : build(otherLocale(locale)),
    })),
  );
}

/** An address no page has: the host answers it with the bilingual 404 page. */
export const MISSING_PAGE = '/en/articles/no-such-story/';

/** A page to audit: its address and what it is, for messages. */
export interface AuditedPage {
  label: string;
  path: string;
  /** Whether the page has navigation before `<main>`, and so needs a skip link. */
  hasNavigation: boolean;
}

/** Every page type in both languages, the language choice at `/`, and the 404 page. */
export function pagesToAudit(): AuditedPage[] {
  return [
    { label: 'language choice', path: '/', hasNavigation: false },
    { label: '404', path: MISSING_PAGE, hasNavigation: false },
    ...pagesOfEveryType().map((page) => ({
      label: `${page.type} (${page.locale})`,
      path: page.path,
      hasNavigation: true,
    })),
  ];
}

export interface RunningSite {
  origin: string;
  browser: Browser;
  /** Runs `visit` on a new page, closed after it whatever happens. */
  withPage<T>(visit: (page: Page) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Serves a built folder (`out/`, or a broken copy of it) on `port` (one no other test
 * file uses: files run two at a time) and launches Chromium.
 */
export async function openSite(port: number, root = 'out'): Promise<RunningSite> {
  const server: Server = await startStaticServer(root, port);
  const browser = await launchChromium();
  return {
    origin: `http://127.0.0.1:${port}`,
    browser,
    async withPage(visit) {
      const page = await browser.newPage();
      try {
        return await visit(page);
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * For a describe block: serves `root()` (default `out/`) on `port` before its tests and
 * opens one page, in a context that records CSP violations, for them to share. `root`
 * is a function so a broken copy can be made in the same hook, before serving.
 */
export function useServedPage(port: number, root?: () => string): () => { origin: string; page: Page } {
  const state: { site?: RunningSite; context?: BrowserContext; page?: Page } = {};
  beforeAll(async () => {
    state.site = await openSite(port, root?.());
    state.context = await state.site.browser.newContext();
    await recordCspViolations(state.context);
    state.page = await state.context.newPage();
  });
  afterAll(async () => {
    await state.context?.close();
    await state.site?.close();
  });
  return () => {
    if (!state.site || !state.page) throw new Error(`The site on port ${port} did not open`);
    return { origin: state.site.origin, page: state.page };
  };
}
