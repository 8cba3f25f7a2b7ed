/**
 * What the browser tests share: the built site served from `out/`, one Chromium, and
 * the list of pages to visit, derived from the archive the build used.
 */
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import { startStaticServer } from '../../scripts/static-server';
import { getArchive } from '../../lib/archive';
import { LOCALES, otherLocale, type Locale } from '../../lib/i18n';
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
} from '../../lib/urls';
import { storiesByYear } from '../../lib/views';

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
  if (!story || !topic || !person || !organisation || !year) throw new Error('The archive needs at least one story and one entry of each registry');
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

export interface RunningSite {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function openSite(port: number): Promise<RunningSite> {
  const server: Server = await startStaticServer('out', port);
  const browser = await launchChromium();
  return {
    origin: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
