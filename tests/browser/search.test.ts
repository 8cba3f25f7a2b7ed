import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getArchive } from '../../lib/views/archive';
import { dictionary } from '../../lib/site/i18n';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpus } from '../../bench/corpus';
import { loadContent } from '../../lib/content/load';
import { buildSearchFiles } from '../../lib/search/search-files';
import { SearchManifestSchema } from '../../lib/search/files';
import { otherForms } from '../../lib/search/inflections';
import { personUrl, searchAllTaggedUrl, searchManifestUrl, searchUrl, storyUrl } from '../../lib/site/urls';
import { openSite, type RunningSite } from './site';
import { contentTypeOf } from '../../scripts/static-server';
import {
  searchCredits,
  searchDocuments,
  yearRanges,
  searchEntities,
  storyOfNumber,
  taggedStories,
  type SearchCredits,
} from '../../lib/search/documents';
import { buildSearchIndex } from '../../lib/search/search-index';
import { searchStories, type SearchHit } from '../../lib/search/query';

let site: RunningSite;

beforeAll(async () => {
  site = await openSite(3212);
});

afterAll(async () => {
  await site?.close();
});

/** A page that records every request for a search file. */
async function pageRecordingSearchFiles(): Promise<{ page: Page; searchRequests: string[] }> {
  const page = await site.browser.newPage();
  const searchRequests: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/search/')) searchRequests.push(pathname);
  });
  return { page, searchRequests };
}

/** Holds the page's requests that `matches` picks until the returned function is called. */
async function holdRequests(page: Page, matches: (url: URL) => boolean): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(matches, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * The modules the search page's script fetches ahead but imports only when it is ready
 * for them (React's code): those the page preloads that no static import of the script names.
 */
function modulesImportedOnDemand(locale: 'en' | 'vi'): string[] {
  const html = readFileSync(path.join('out', locale, 'search', 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((match) => match[1] ?? '');
  const script = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
  if (!script) throw new Error('the search page has no module script');
  const imported = new Set<string>();
  const follow = (url: string) => {
    for (const [, name] of readFileSync(path.join('out', url), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)) {
      const next = `/${name}`;
      if (!imported.has(next)) {
        imported.add(next);
        follow(next);
      }
    }
  };
  follow(script);
  return preloaded.filter((url) => !imported.has(url));
}

/** Text without diacritics, in lower case and single spaces: what a mark says, whatever its form. */
const folded = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').replace(/\s+/g, ' ').toLowerCase();

/** The address of the story a search number stands for: numbers count from the oldest story (lib/search/documents.ts). */
function storyUrlOfNumber(locale: 'en' | 'vi', number: number): string {
  return storyUrl(locale, storyOfNumber(getArchive(), number)?.id ?? '?');
}

/** What the search code finds over the built archive's whole index, as story URLs. */
function expectedResults(locale: 'en' | 'vi', query: string) {
  const archive = getArchive();
  const entities = searchEntities(archive);
  const tagged = new Map([...taggedStories(archive)].map(([key, stories]) => [key, new Set(stories)]));
  const results = searchStories(
    [{ locale, index: buildSearchIndex(searchDocuments(archive, locale), entities), years: yearRanges(archive) }],
    entities,
    tagged,
    query,
  );
  const url = (hit: SearchHit) => storyUrlOfNumber(locale, hit.story);
  return { hits: results.hits.map(url), apart: results.apart.map(url), loose: results.loose };
}

/** The links of the result cards on the page, in order. */
const resultLinks = (page: Page) =>
  page.locator('.search-result h3 a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));

function taggedStory(person: string) {
  const story = getArchive().stories.find((candidate) => candidate.people.includes(person));
  if (!story) throw new Error(`no story tagged ${person}`);
  return story;
}

describe('search in the browser', () => {
  it('should fetch no search file before the reader first focuses a search box', async () => {
    const { page, searchRequests } = await pageRecordingSearchFiles();
    try {
      const story = getArchive().stories[0];
      if (!story) throw new Error('no stories');
      await page.goto(`${site.origin}/en/`, { waitUntil: 'networkidle' });
      await page.goto(`${site.origin}${storyUrl('en', story.id)}`, { waitUntil: 'networkidle' });
      expect(searchRequests).toEqual([]);
      await page.focus('#site-search');
      await expect.poll(() => searchRequests).toContain(searchManifestUrl('en'));
      expect(searchRequests).not.toContain(searchManifestUrl('vi'));
    } finally {
      await page.close();
    }
  });

  it('should take a query from the header box to the search page of the same language', async () => {
    await site.withPage(async (page) => {
      await page.goto(`${site.origin}/vi/topics/`, { waitUntil: 'networkidle' });
      // The shortcut works once the site script has run; until then "/" does nothing.
      await expect
        .poll(async () => {
          await page.keyboard.press('/');
          return page.evaluate(() => document.activeElement?.id);
        })
        .toBe('site-search');
      await page.keyboard.type('Hà Nội');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/vi\/search\/\?q=/);
      expect(new URL(page.url()).searchParams.get('q')).toBe('Hà Nội');
      await page.locator('.search-result').first().waitFor();
      expect(await page.inputValue('#search-input')).toBe('Hà Nội');
    });
  });

  it.each(['en', 'vi'] as const)(
    'should find a person typed without diacritics in %s, suggest them, highlight and announce results',
    async (locale) => {
      const { page, searchRequests } = await pageRecordingSearchFiles();
      const words = dictionary(locale);
      const story = taggedStory('le-dung');
      try {
        await page.goto(`${site.origin}/${locale}/search/`);
        await page.locator('#search-input').pressSequentially('le dung', { delay: 20 });
        await page.waitForURL(/q=le\+dung/);
        const first = page.locator('.search-result').first();
        // The results of a query typed on the way ("le dun") may still be on screen when the address has the last.
        await expect.poll(() => first.locator('a').first().getAttribute('href')).toBe(storyUrl(locale, story.id));
        const suggestion = page.locator('[role="option"] a').first();
        expect(await suggestion.getAttribute('href')).toBe(personUrl(locale, 'le-dung'));
        // The name matched as one phrase, and is marked as one.
        const marks = await page.locator('.search-result mark').allTextContents();
        expect(marks.map(folded)).toContain('le dung');
        const count = await page.locator('.search-result').count();
        expect(await page.locator('[role="status"]').textContent()).toBe(words.resultCount(count));
        expect(searchRequests.filter((request) => request.includes(`/${locale === 'en' ? 'vi' : 'en'}/`))).toEqual([]);
        // Only the index shards holding the query's terms, not the whole index.
        const manifest = SearchManifestSchema.parse(
          JSON.parse(readFileSync(`out${searchManifestUrl(locale)}`, 'utf8')),
        );
        const shards = new Set(searchRequests.filter((request) => request.startsWith(`/search/${locale}/terms/`)));
        expect(shards.size).toBeGreaterThan(0);
        expect(shards.size).toBeLessThan(manifest.shards.length);
      } finally {
        await page.close();
      }
    },
  );

  it('should list the stories with a name typed with diacritics together, mark only the name, and offer the others on request', async () => {
    await site.withPage(async (page) => {
      const words = dictionary('vi');
      const expected = expectedResults('vi', 'Lê Dũng');
      expect(expected.apart.length).toBeGreaterThan(0);
      await page.goto(`${site.origin}/vi/search/`);
      await page.locator('#search-input').pressSequentially('Lê Dũng', { delay: 20 });
      const more = page.getByRole('button', { name: words.moreApart(expected.apart.length, 'words') });
      await more.waitFor();
      await expect.poll(() => resultLinks(page)).toEqual(expected.hits);
      // Never "xây dựng" or "Lễ" for "Dũng" and "Lê": only the name, as one mark.
      const marks = await page.locator('.search-result mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(new Set(marks)).toEqual(new Set(['Lê Dũng']));
      await more.click();
      await expect.poll(() => resultLinks(page)).toEqual([...expected.hits, ...expected.apart]);
      expect(await more.count()).toBe(0);
      // Listed under a heading of their own, after the results, which the count still counts alone.
      const heading = page.locator('.search__apart-heading');
      expect(await heading.textContent()).toBe(words.apartHeading('words'));
      const after = await heading.evaluate((element) =>
        [...(element.parentElement?.querySelectorAll('.search-result h3 a') ?? [])].map((a) => a.getAttribute('href')),
      );
      expect(after).toEqual(expected.apart);
      expect(await page.locator('[role="status"]').textContent()).toBe(words.resultCount(expected.hits.length));
    });
  });

  it('should never mark a word that only shares letters with a name typed with diacritics', async () => {
    await site.withPage(async (page) => {
      await page.goto(`${site.origin}/vi/search/?q=${encodeURIComponent('Vũ Hữu Hạnh')}`);
      await expect.poll(() => resultLinks(page)).toEqual(expectedResults('vi', 'Vũ Hữu Hạnh').hits);
      const marks = await page.locator('.search-result mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(new Set(marks)).toEqual(new Set(['Vũ Hữu Hạnh']));
    });
  });

  it('should say so when no story has the words together, and list the stories that have them apart', async () => {
    await site.withPage(async (page) => {
      const query = 'Dũng Lê';
      const expected = expectedResults('vi', query);
      expect(expected.loose).toBe(true);
      await page.goto(`${site.origin}/vi/search/?q=${encodeURIComponent(query)}`);
      await page.locator('.search__loose').waitFor();
      expect(await page.locator('.search__loose').textContent()).toBe(dictionary('vi').onlyApart('words'));
      await expect.poll(() => resultLinks(page)).toEqual(expected.hits);
      const marks = await page.locator('.search-result mark').allTextContents();
      expect(marks.every((mark) => mark === 'Dũng' || mark === 'Lê')).toBe(true);
    });
  });

  it('should list a story with a word in another English form as a looser match, the form marked', async () => {
    await site.withPage(async (page) => {
      const query = 'Hanoi Conventions';
      const expected = expectedResults('en', query);
      expect(expected.loose).toBe(true);
      expect(expected.hits.length).toBeGreaterThan(0);
      await page.goto(`${site.origin}${searchUrl('en', query)}`);
      await page.locator('.search__loose').waitFor();
      await expect.poll(() => resultLinks(page)).toEqual(expected.hits);
      for (const card of await page.locator('.search-result').all()) {
        const marks = (await card.locator('mark').allTextContents()).map((mark) => mark.toLowerCase());
        expect(marks).toContain('convention');
        expect(
          marks.every((mark) => ['hanoi', 'convention', 'conventions'].includes(mark)),
          marks.join(),
        ).toBe(true);
      }
    });
  });

  it('should name the tag that holds the words on a card whose marks do not show them all', async () => {
    await site.withPage(async (page) => {
      const ministry = getArchive().organisations.find(
        (organisation) => organisation.id === 'ministry-of-national-defence',
      );
      await page.goto(`${site.origin}/en/search/?q=${encodeURIComponent('Ministry of Defence')}`);
      await expect.poll(() => resultLinks(page)).toEqual(expectedResults('en', 'Ministry of Defence').hits);
      let named = 0;
      for (const card of await page.locator('.search-result').all()) {
        const marks = (await card.locator('mark').allTextContents()).join(' ').toLowerCase();
        // A word shows in another form too ("Defense"), as the card marks it.
        const shows = (word: string) => [word, ...otherForms(word)].some((form) => marks.includes(form));
        if (shows('ministry') && shows('defence')) continue;
        const tagged = card.locator('.search-result__tagged');
        expect(await tagged.count(), `a card marking only "${marks}"`).toBe(1);
        expect(await tagged.textContent()).toContain(ministry?.name.en);
        named++;
      }
      expect(named).toBeGreaterThan(0);
    });
  });

  it('should name the tag of a story found only by the entity an alias names', async () => {
    await site.withPage(async (page) => {
      const words = dictionary('en');
      const ministry = getArchive().organisations.find(
        (organisation) => organisation.id === 'ministry-of-national-defence',
      );
      await page.goto(`${site.origin}/en/search/?q=MND`);
      await expect.poll(() => resultLinks(page)).toEqual(expectedResults('en', 'MND').hits);
      const cards = page.locator('.search-result');
      const count = await cards.count();
      for (let index = 0; index < count; index++) {
        const card = cards.nth(index);
        if ((await card.locator('mark').count()) > 0) continue;
        // Named with the alias typed, which its English name does not show.
        expect(await card.locator('.search-result__tagged').textContent()).toBe(
          `${words.taggedWith} ${ministry?.name.en} (MND)`,
        );
      }
      expect(await page.locator('.search-result__tagged').count()).toBeGreaterThan(0);
    });
  });

  it.each([
    ['en', 'M.N.D.', 'MND', 'ministry-of-national-defence'],
    ['en', 'V.N.A.', 'VNA', 'vietnam-news-agency'],
    ['en', 'U.N.', 'UN', 'united-nations'],
    ['vi', 'B.Q.P.', 'BQP', 'ministry-of-national-defence'],
  ] as const)(
    'should find in %s for initials typed with full stops, "%s", what "%s" finds, marked or named so',
    async (locale, dotted, joined, id) => {
      await site.withPage(async (page) => {
        const organisation = getArchive().organisations.find((each) => each.id === id);
        const expected = expectedResults(locale, joined).hits;
        expect(expected.length).toBeGreaterThan(0);
        await page.goto(`${site.origin}${searchUrl(locale, dotted)}`);
        await expect.poll(() => resultLinks(page)).toEqual(expected);
        expect(await page.locator('.search__suggestions li a').allTextContents()).toContain(organisation?.name[locale]);
        for (const card of await page.locator('.search-result').all()) {
          const marks = (await card.locator('mark').allTextContents()).map(folded);
          const tagged = card.locator('.search-result__tagged');
          const named = (await tagged.count()) > 0 ? await tagged.textContent() : '';
          expect(marks.includes(folded(joined)) || named?.includes(`(${joined})`), `${marks} ${named}`).toBe(true);
        }
      });
    },
  );

  it.each([
    ['en', '23 October', 'October 23'],
    ['en', '23rd October', 'October 23'],
    ['vi', 'ngày 23 tháng 10', 'Ngày 23/10'],
    ['vi', '22 tháng 8 năm 2014', '22/8/2014'],
    // The day a story is dated, which its text names without the year: the card's date is marked.
    ['en', '23 October 2025', '23 October 2025'],
    ['vi', '23/10/2025', 'ngày 23 tháng 10 năm 2025'],
    // The month a story is dated.
    ['en', 'Oct 2025', '23 October 2025'],
    ['vi', 'tháng 10/2025', 'ngày 23 tháng 10 năm 2025'],
    // A day no story is dated, which a story of that year names without the year.
    ['en', '25 October 2025', 'October 25'],
    // A rank written short or out, a quarter of the year written the other way.
    ['en', 'Senior Lieutenant General', 'Sr. Lt. Gen'],
    ['en', 'Maj Gen', 'Major General'],
    ['en', 'Q2 2025', 'second-quarter 2025'],
    ['vi', 'quý 2/2025', 'quý II năm 2025'],
    // An English possessive, left out or typed where the story has none.
    ['en', 'Secretary explanation', "Secretary's explanation"],
    ['en', "Cuba's", 'Cuba'],
  ] as const)(
    'should list in %s the stories of "%s", written as the stories or the cards write it, as holding it, marked as they write it: "%s"',
    async (locale, typed, written) => {
      await site.withPage(async (page) => {
        const expected = expectedResults(locale, typed);
        expect(expected.loose).toBe(false);
        expect(expected.hits.length).toBeGreaterThan(0);
        await page.goto(`${site.origin}${searchUrl(locale, typed)}`);
        await expect.poll(() => resultLinks(page)).toEqual(expected.hits);
        expect(await page.locator('.search__loose').count()).toBe(0);
        await expect.poll(() => page.locator('.search-result mark').allTextContents()).toContain(written);
      });
    },
  );

  it('should name a tag with the other name or alias that holds a word the card does not show', async () => {
    await site.withPage(async (page) => {
      // "Chien" is in no English text of the Cuba story: only in Command 86's Vietnamese name, which the card names.
      await page.goto(`${site.origin}${searchUrl('en', 'Van Chien')}`);
      await page.locator('.search__apart button').click();
      const card = page.locator('.search-result', {
        has: page.locator(`a[href="${storyUrl('en', 'cuba-political-directorate-visits-command-86')}"]`),
      });
      const command = getArchive().organisations.find((organisation) => organisation.id === 'command-86');
      const alias = command?.aliases.find((name) => folded(name).includes('chien'));
      expect(alias).toBeDefined();
      await expect
        .poll(() => card.locator('.search-result__tagged').textContent())
        .toBe(`${dictionary('en').taggedWith} ${command?.name.en} (${alias})`);
      // A tag the query names by an alias is named with the alias typed, not a longer one it starts.
      const army = getArchive().organisations.find((organisation) => organisation.id === 'vietnam-peoples-army');
      expect(army?.aliases).toEqual(expect.arrayContaining(['QĐND', 'QĐNDVN']));
      await page.goto(`${site.origin}${searchUrl('vi', 'QĐND')}`);
      await expect
        .poll(() => page.locator('.search-result__tagged').first().textContent())
        .toBe(`${dictionary('vi').taggedWith} ${army?.name.vi} (QĐND)`);
    });
  });

  it('should list the stories of a person the query names, with words no story has, each card naming the person', async () => {
    await site.withPage(async (page) => {
      const story = taggedStory('luong-cuong');
      const person = getArchive().people.find((candidate) => candidate.id === 'luong-cuong');
      for (const [locale, query] of [
        ['vi', 'hồi ký Lương Cường'],
        ['en', 'memoirs Luong Cuong'],
      ] as const) {
        await page.goto(`${site.origin}${searchUrl(locale)}?q=${encodeURIComponent(query)}`);
        await expect
          .poll(() => resultLinks(page), { message: `${locale}: ${query}` })
          .toContain(storyUrl(locale, story.id));
        expect(await resultLinks(page)).toEqual(expectedResults(locale, query).hits);
        const card = page.locator('.search-result', { has: page.locator(`a[href="${storyUrl(locale, story.id)}"]`) });
        expect(await card.locator('.search-result__tagged').textContent()).toContain(person?.name[locale]);
        // The name, what matched, is marked where the card shows it; the words no story has are not.
        const marks = (await card.locator('mark').allTextContents()).map(folded);
        expect(marks).toContain(folded(person?.name[locale] ?? ''));
        expect(marks.every((mark) => mark === folded(person?.name[locale] ?? ''))).toBe(true);
        // Results as typed, not looser matches.
        expect(await page.locator('.search__loose').count()).toBe(0);
      }
    });
  });

  it('should list the stories of a person whose name is being typed after other words, and suggest the person', async () => {
    await site.withPage(async (page) => {
      const person = getArchive().people.find((candidate) => candidate.id === 'luong-cuong');
      const stories = getArchive()
        .stories.filter((story) => story.people.includes('luong-cuong'))
        .map((story) => story.id);
      for (const [locale, words] of [
        ['vi', 'hồi ký'],
        ['en', 'memoirs'],
      ] as const) {
        const name = person?.name[locale] ?? '';
        await page.goto(`${site.origin}${searchUrl(locale)}`);
        await page.locator('#search-input').pressSequentially(`${words} ${name.slice(0, -1)}`, { delay: 10 });
        for (const story of stories)
          await expect.poll(() => resultLinks(page), { message: locale }).toContain(storyUrl(locale, story));
        expect(await page.locator('[role="option"] a').first().getAttribute('href')).toBe(
          personUrl(locale, 'luong-cuong'),
        );
        // Each card names the person and marks the name, as it does once the name is whole.
        for (const story of stories) {
          const card = page.locator('.search-result', { has: page.locator(`a[href="${storyUrl(locale, story)}"]`) });
          expect(await card.locator('.search-result__tagged').textContent()).toContain(name);
          expect((await card.locator('mark').allTextContents()).map(folded)).toContain(folded(name));
        }
        expect(await page.locator('.search__loose').count()).toBe(0);
      }
    });
  });

  it('should list the stories a person reported or translated, each card naming the credit with the name marked', async () => {
    await site.withPage(async (page) => {
      const archive = getArchive();
      const credited = archive.stories.flatMap((story) =>
        (['en', 'vi'] as const).flatMap((locale) =>
          Object.entries(searchCredits(story, locale))
            .filter(([, credit]) => credit.entity?.startsWith('people:'))
            .map(([role, credit]) => ({ story, locale, role: role as keyof SearchCredits, name: credit.name })),
        ),
      );
      expect(credited.length).toBeGreaterThan(0);
      for (const { story, locale, role, name } of credited) {
        // The name alone, and with the longest word of the story's title: a result as typed either way.
        const title = story.articles[locale]?.title ?? '';
        const word = [...(title.match(/[\p{L}\p{N}]+/gu) ?? [])].sort((a, b) => b.length - a.length)[0];
        for (const query of [name, `${name} ${word}`]) {
          await page.goto(`${site.origin}${searchUrl(locale, query)}`);
          await expect
            .poll(() => resultLinks(page), { message: `${locale}: ${query}` })
            .toContain(storyUrl(locale, story.id));
          expect(await page.locator('.search__loose').count(), `${locale}: ${query}`).toBe(0);
          const card = page.locator('.search-result', { has: page.locator(`a[href="${storyUrl(locale, story.id)}"]`) });
          const line = card.locator('.search-result__credit');
          expect(await line.textContent()).toBe(`${dictionary(locale)[role]}: ${name}`);
          expect((await line.locator('mark').allTextContents()).map(folded)).toEqual([folded(name)]);
        }
      }
    });
  });

  it('should ask for nothing but the first card until the first result is in the document', async () => {
    await site.withPage(async (page) => {
      // What the page had asked for when its first result went into the document, as the page itself sees it.
      await page.addInitScript(() => {
        const asked: string[] = [];
        const pageFetch = window.fetch.bind(window);
        window.fetch = (input, init) => {
          asked.push(new URL(input instanceof Request ? input.url : String(input), location.href).pathname);
          return pageFetch(input, init);
        };
        new MutationObserver((_, observer) => {
          if (!document.querySelector('.search-result')) return;
          Object.assign(window, { askedBeforeFirstResult: [...asked] });
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${site.origin}/en/search/?q=${encodeURIComponent('Command 86')}`);
      await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(1);
      const asked = await page.evaluate(
        () => (window as unknown as { askedBeforeFirstResult: string[] }).askedBeforeFirstResult,
      );
      const cards = asked.filter((url) => url.includes('/stories/'));
      expect(cards).toHaveLength(1);
      const number = Number(/(\d+)\.txt$/.exec(cards[0] ?? '')?.[1]);
      const firstShown = await page.locator('.search-result h3 a').first().getAttribute('href');
      expect(firstShown).toBe(storyUrlOfNumber('en', number));
      expect(asked).not.toContain(searchAllTaggedUrl());
      // The other cards and the facets' tag lists follow.
      await expect
        .poll(async () => page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name)))
        .toContainEqual(expect.stringContaining(searchAllTaggedUrl()));
    });
  });

  describe('each card saying why', () => {
    // These only open a query's page and read its cards: one tab serves them all, each page loaded afresh.
    let page: Page;
    beforeAll(async () => {
      page = await site.browser.newPage();
    });
    afterAll(async () => {
      await page?.close();
    });

    it.each([
      ['en', 'Command 86 Cuba'],
      ['en', 'cyberspace operations'],
      ['en', 'Lê Dũng'],
      ['vi', 'luongcuong'],
      ['vi', 'hanoi'],
      ['vi', 'BTL 86'],
      ['vi', 'Lê dung'],
      ['vi', 'cu ba'],
      ['en', 'Viet Nam'],
      ['en', 'cyber space'],
      ['en', 'd'],
      ['vi', 'đ'],
      ['en', 'Van Chien Command 86'],
      ['en', 'Van Chien conference'],
      ['vi', 'Văn Chiến Đảng ủy'],
      ['en', 'cyberwarfare'],
      ['en', 'Doi'],
      ['en', 'Quân đội nhân dân Việt Nam'],
      ['en', 'Command 86 2023'],
      ['vi', 'tổng duyệt tháng 10/2025'],
    ] as const)(
      'should say on every card of %s "%s" why the story is there, each tag named once',
      async (locale, query) => {
        await page.goto(`${site.origin}${searchUrl(locale, query)}`);
        await expect.poll(() => resultLinks(page)).toEqual(expectedResults(locale, query).hits);
        const cards = page.locator('.search-result');
        expect(await cards.count()).toBeGreaterThan(0);
        for (const card of await cards.all()) {
          const marks = await card.locator('mark').count();
          const tagged = card.locator('.search-result__tagged');
          expect(marks + (await tagged.count()), `a card of "${query}" without a mark or a tag`).toBeGreaterThan(0);
          // A credit is shown for the words it holds: in its name, or in another of its entry's names shown beside it.
          for (const credit of await card.locator('.search-result__credit').all())
            expect(await credit.locator('mark').count(), `${await credit.textContent()}`).toBeGreaterThan(0);
          if ((await tagged.count()) === 0) continue;
          const line = (await tagged.textContent()) ?? '';
          // Each tag once, by its name; the name it was found by may follow in brackets.
          const names = line
            .replace(dictionary(locale).taggedWith, '')
            .split(',')
            .map((name) => name.replace(/\(.*\)/, '').trim());
          expect(names.length).toBeGreaterThan(0);
          expect(new Set(names).size, line).toBe(names.length);
        }
      },
    );
  });

  it.each([
    ['en', 'Quân đội nhân dân Việt Nam'],
    ['en', 'Viet Nam'],
    ['vi', 'Quân đội nhân dân'],
    ['en', 'People Army Vietnam'],
  ] as const)(
    'should show on every card of %s "%s", the stories holding the words apart opened, where each typed word is',
    async (locale, query) => {
      await site.withPage(async (page) => {
        await page.goto(`${site.origin}${searchUrl(locale, query)}`);
        await page.locator('.search-result').first().waitFor();
        const more = page.locator('.search__apart button');
        if ((await more.count()) > 0) {
          await more.click();
          await page.locator('.search__apart-heading').waitFor();
        }
        const typed = folded(query).split(' ');
        for (const card of await page.locator('.search-result').all()) {
          // What the card says: its marks, the words it names in another form, its credits' and tags' lines.
          const said = [
            ...(await card.locator('mark').allTextContents()),
            ...(await card
              .locator('.search-result__other-forms, .search-result__credit mark, .search-result__tagged')
              .allTextContents()),
          ];
          const shown = folded(said.join(' ')).replace(/[^a-z0-9]/g, '');
          const title = await card.locator('h3').textContent();
          for (const word of typed)
            expect(shown, `"${word}" on the card of ${title}: ${said.join(' | ')}`).toContain(word);
        }
      });
    },
  );

  // The seed's party-committee story has "Deputy Secretary", "Secretary of" and "of Command" in three places: a looser
  // match. It has "Secretary of the" and "of the Command", never "Secretary of the Command": listed with the results, as
  // search judges four words by their runs of three. Either way its card marks the words where they stand.
  it.each([
    ['Deputy Secretary of Command', 1, ['Deputy', 'Secretary']],
    ['Secretary of the Command', 0, ['Secretary', 'Command']],
  ])('should mark where they stand the words of "%s", which no story holds in one run', async (query, loose, words) => {
    await site.withPage(async (page) => {
      await page.goto(`${site.origin}${searchUrl('en', query)}`);
      await page.locator('.search-result').first().waitFor();
      expect(await page.locator('.search__loose').count()).toBe(loose);
      for (const card of await page.locator('.search-result').all()) {
        const marks = await card.locator('mark').allTextContents();
        expect(marks).toEqual(expect.arrayContaining(words));
        expect(marks.some((mark) => mark.includes(' '))).toBe(false);
      }
    });
  });

  it.each([
    ['en', 'rehearsal 2025', 'rehearsal'],
    ['en', 'Hanoi Convention in October 2025', 'hanoi convention'],
    ['vi', 'tổng duyệt năm 2025', 'tổng duyệt'],
  ] as const)(
    'should list for %s "%s" the stories dated then that hold the words, marking the words and the date',
    async (locale, query, words) => {
      await site.withPage(async (page) => {
        const expected = expectedResults(locale, query).hits;
        expect(expected.length).toBeGreaterThan(0);
        await page.goto(`${site.origin}${searchUrl(locale, query)}`);
        await expect.poll(() => resultLinks(page)).toEqual(expected);
        expect(await page.locator('.search__loose').count()).toBe(0);
        for (const card of await page.locator('.search-result').all()) {
          const marks = (await card.locator('mark').allTextContents()).map((mark) => mark.toLowerCase());
          expect(marks).toContain(words);
          expect(await card.locator('time mark').count()).toBe(1);
        }
      });
    },
  );

  it.each([
    ['en', 'Vu Huu Hanh 2024', 'vu huu hanh'],
    ['vi', 'tổng duyệt năm 2024', 'tổng duyệt'],
  ] as const)(
    'should list for %s "%s", which no story dated then holds, those holding the words at another date, saying so',
    async (locale, query, words) => {
      await site.withPage(async (page) => {
        const expected = expectedResults(locale, query);
        expect(expected.loose).toBe(true);
        expect(expected.hits.length).toBeGreaterThan(0);
        await page.goto(`${site.origin}${searchUrl(locale, query)}`);
        await expect.poll(() => resultLinks(page)).toEqual(expected.hits);
        expect(await page.locator('.search__loose').textContent()).toBe(dictionary(locale).onlyApart('dated'));
        const marks = (await page.locator('.search-result mark').allTextContents()).map((mark) => mark.toLowerCase());
        expect(marks).toContain(words);
        expect(await page.locator('.search-result time mark').count()).toBe(0);
      });
    },
  );

  it('should offer the stories tagged with a name the words are, dated otherwise, as holding it at another date', async () => {
    await site.withPage(async (page) => {
      const expected = expectedResults('en', 'Command 86 2023');
      expect(expected.apart.length).toBeGreaterThan(0);
      await page.goto(`${site.origin}${searchUrl('en', 'Command 86 2023')}`);
      await expect.poll(() => resultLinks(page)).toEqual(expected.hits);
      const words = dictionary('en');
      await page.getByRole('button', { name: words.moreApart(expected.apart.length, 'dated') }).click();
      await expect.poll(() => page.locator('.search__apart-heading').textContent()).toBe(words.apartHeading('dated'));
      await expect.poll(() => resultLinks(page)).toEqual([...expected.hits, ...expected.apart]);
    });
  });

  it('should narrow by a facet, keep it in the URL, and undo it with Back', async () => {
    await site.withPage(async (page) => {
      await page.goto(`${site.origin}/en/search/?q=command`);
      await page.locator('.search-result').first().waitFor();
      // The first result shows once its own card is in; the others follow as theirs arrive.
      const status = page.locator('[role="status"]');
      await expect.poll(() => status.textContent()).toMatch(/^\d+ results?$/);
      const total = Number(/\d+/.exec((await status.textContent()) ?? '')?.[0]);
      await expect.poll(() => page.locator('.search-result').count()).toBe(Math.min(total, 10));
      const before = await page.locator('.search-result').count();
      const yearButton = page
        .locator('fieldset', { hasText: dictionary('en').facetYear })
        .locator('button')
        .last();
      const year = (await yearButton.textContent())?.match(/\d{4}/)?.[0];
      await yearButton.click();
      await page.waitForURL(new RegExp(`year=${year}`));
      expect(await yearButton.getAttribute('aria-pressed')).toBe('true');
      const dates = await page
        .locator('.search-result time')
        .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
      expect(dates.length).toBeLessThan(before);
      expect(dates.every((date) => date?.startsWith(year ?? '?'))).toBe(true);
      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('year'));
      await page.waitForFunction((expected) => document.querySelectorAll('.search-result').length === expected, before);
    });
  });

  it('should keep each state the reader chose one Back step away, typing going on only in the entry it started', async () => {
    await site.withPage(async (page) => {
      const words = dictionary('vi');
      const search = () => new URL(page.url()).search;
      const input = page.locator('#search-input');
      // A refinement, then a new query typed: Back brings the refinement back.
      await page.goto(`${site.origin}/vi/search/?q=L%C6%B0%C6%A1ng+C%C6%B0%E1%BB%9Dng`);
      await page.locator('.search-result').first().waitFor();
      await page.locator('fieldset', { hasText: words.facetTopics }).locator('button').first().click();
      await page.waitForURL(/topics=/);
      const refined = search();
      await input.fill('Hà Nội');
      await page.waitForURL((url) => url.searchParams.get('q') === 'Hà Nội');
      await page.goBack();
      await page.waitForURL((url) => url.search === refined);
      // The other language's stories asked for, then a new query typed: Back brings the checkbox back.
      await page.getByLabel(words.includeOtherLanguage).check();
      await page.waitForURL(/languages=all/);
      const both = search();
      await input.fill('Hội nghị');
      await page.waitForURL((url) => url.searchParams.get('q') === 'Hội nghị');
      await input.fill('Hội nghị quân');
      await page.waitForURL((url) => url.searchParams.get('q') === 'Hội nghị quân');
      await page.goBack();
      await page.waitForURL((url) => url.search === both);
      // The stories with the words apart opened, then a refinement: Back opens them again, with the same query or not.
      for (const refine of ['facet', 'checkbox'] as const) {
        await page.goto(`${site.origin}/vi/search/?q=L%C3%AA+dung`);
        await page.locator('.search__apart button').waitFor();
        const hits = await page.locator('.search-result').count();
        const apart = Number(/\d+/.exec((await page.locator('.search__apart button').textContent()) ?? '')?.[0]);
        expect(apart).toBeGreaterThan(0);
        await page.locator('.search__apart button').click();
        // The cards of the stories listed apart are fetched as the list opens, each shown as it arrives.
        const listed = hits + apart;
        await expect.poll(() => page.locator('.search-result').count()).toBe(listed);
        if (refine === 'facet') {
          await page.locator('fieldset', { hasText: words.facetTopics }).locator('button').first().click();
          await page.waitForURL(/topics=/);
        } else {
          await page.getByLabel(words.includeOtherLanguage).check();
          await page.waitForURL(/languages=all/);
        }
        await page.goBack();
        await page.waitForURL(
          (url) =>
            url.searchParams.get('q') === 'Lê dung' &&
            url.searchParams.get('apart') === '1' &&
            url.search.split('&').length === 2,
        );
        await expect.poll(() => page.locator('.search-result').count(), { message: refine }).toBe(listed);
        expect(await page.locator('.search__apart button').count(), refine).toBe(0);
      }
      // A query typed and sent takes one entry, not one for the typing and another for the sending.
      await page.goto(`${site.origin}/en/search/`);
      await input.fill('command');
      await page.waitForURL((url) => url.searchParams.get('q') === 'command');
      await input.press('Enter');
      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/en/search/' && url.search === '');
    });
  });

  it('should open the list of stories holding the words apart from the URL, on a reload or a shared link, until another query', async () => {
    await site.withPage(async (page) => {
      const words = dictionary('vi');
      const expected = expectedResults('vi', 'Lê dung');
      expect(expected.apart.length).toBeGreaterThan(0);
      await page.goto(`${site.origin}${searchUrl('vi', 'Lê dung')}`);
      const entries = () => page.evaluate(() => window.history.length);
      const before = await entries();
      await page.locator('.search__apart button').click();
      await page.waitForURL((url) => url.searchParams.get('apart') === '1');
      await expect.poll(() => resultLinks(page)).toEqual([...expected.hits, ...expected.apart]);
      // Opened in the entry it was opened in: Back leaves the query, not the list.
      expect(await entries()).toBe(before);
      await page.reload();
      await expect.poll(() => resultLinks(page)).toEqual([...expected.hits, ...expected.apart]);
      expect(await page.locator('.search__apart-heading').textContent()).toBe(words.apartHeading('words'));
      expect(await page.locator('.search__apart button').count()).toBe(0);
      const shared = await site.browser.newPage();
      try {
        await shared.goto(page.url());
        await expect.poll(() => resultLinks(shared)).toEqual([...expected.hits, ...expected.apart]);
      } finally {
        await shared.close();
      }
      // Another query starts with its list closed, and its URL says so.
      await page.locator('#search-input').fill('Lê Dũng');
      await page.waitForURL((url) => url.searchParams.get('q') === 'Lê Dũng');
      expect(new URL(page.url()).searchParams.has('apart')).toBe(false);
      await expect.poll(() => resultLinks(page)).toEqual(expectedResults('vi', 'Lê Dũng').hits);
      expect(await page.locator('.search__apart button').count()).toBe(1);
    });
  });

  it('should start a new query without the last refinements, and show a refinement that leaves nothing so it can be undone', async () => {
    await site.withPage(async (page) => {
      const words = dictionary('en');
      const story = taggedStory('luong-cuong');
      const other = getArchive().people.find((person) =>
        getArchive().stories.every((each) => !(each.people.includes(person.id) && each.people.includes('luong-cuong'))),
      );
      if (!other) throw new Error('every person shares a story with Luong Cuong');
      // A refinement that leaves nothing for this query: it is listed, pressed, and taken back from the message too.
      await page.goto(`${site.origin}/en/search/?q=Luong+Cuong&people=${other.id}`);
      const empty = page.locator('.search__empty');
      await expect.poll(() => empty.textContent()).toContain(words.noResultsRefined('Luong Cuong', 1).split(';')[0]);
      const chosen = page.locator('.search__facets button[aria-pressed="true"]');
      expect(await chosen.textContent()).toContain(other.name.en);
      await empty.getByRole('button', { name: words.removeRefinements }).click();
      await page.waitForURL((url) => !url.searchParams.has('people'));
      await expect.poll(() => resultLinks(page)).toContain(storyUrl('en', story.id));
      // Refined, then another query: the refinement was the last query's.
      await page.locator('.search__facets button').filter({ hasText: /\d{4}/ }).first().click();
      await page.waitForURL((url) => url.searchParams.has('year'));
      await page.locator('#search-input').fill('Command 86');
      await page.locator('#search-input').press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === 'Command 86' && !url.searchParams.has('year'));
      await expect.poll(() => resultLinks(page)).toEqual(expectedResults('en', 'Command 86').hits);
    });
  });

  it("should ask for the files of the URL's query before React's code runs, and show the results once it has", async () => {
    const onDemand = modulesImportedOnDemand('en');
    expect(onDemand.length).toBeGreaterThan(0);
    const { page, searchRequests } = await pageRecordingSearchFiles();
    const release = await holdRequests(page, (url) => onDemand.includes(url.pathname));
    try {
      await page.goto(`${site.origin}/en/search/?q=Command%2086`, { waitUntil: 'commit' });
      await expect.poll(() => searchRequests.some((request) => request.startsWith('/search/en/terms/'))).toBe(true);
      expect(await page.locator('.search-result').count()).toBe(0);
      release();
      await page.locator('.search-result').first().waitFor();
      // The manifest is the page's own request for it, made ahead of the script and taken by it.
      expect(searchRequests.filter((request) => request === searchManifestUrl('en'))).toHaveLength(1);
    } finally {
      release();
      await page.close();
    }
  });

  it("should evaluate React's code only once the URL's query is ranked, not while its shards are on their way", async () => {
    const onDemand = modulesImportedOnDemand('en');
    const { page, searchRequests } = await pageRecordingSearchFiles();
    const release = await holdRequests(page, (url) => url.pathname.startsWith('/search/en/terms/'));
    const reactFetched = onDemand.map((url) => page.waitForResponse((response) => response.url().endsWith(url)));
    // Mounting replaces the server's markup of the search element, its <noscript> with it.
    const unmounted = () => page.locator(`#search-root noscript`).count();
    try {
      await page.goto(`${site.origin}/en/search/?q=Command%2086`);
      await Promise.all(reactFetched);
      await expect.poll(() => searchRequests.some((request) => request.startsWith('/search/en/terms/'))).toBe(true);
      await page.waitForTimeout(500);
      expect(await unmounted()).toBe(1);
      release();
      await page.locator('.search-result').first().waitFor();
      expect(await unmounted()).toBe(0);
    } finally {
      release();
      await page.close();
    }
  });

  it("should show the URL's first result once its own card is in, while the other cards are on their way", async () => {
    const { page } = await pageRecordingSearchFiles();
    const cards: string[] = [];
    const release = await holdRequests(page, (url) => {
      if (!url.pathname.startsWith('/search/en/stories/')) return false;
      cards.push(url.pathname);
      return cards.length > 1;
    });
    try {
      await page.goto(`${site.origin}/en/search/?q=Command%2086`, { waitUntil: 'commit' });
      await page.locator('.search-result').first().waitFor();
      // The other cards are asked for once the first result is in (held here, so on their way).
      await expect.poll(() => cards.length).toBeGreaterThan(1);
      expect(await page.locator('.search-result').count()).toBe(1);
      release();
      await expect.poll(() => page.locator('.search-result').count()).toBe(Math.min(cards.length, 10));
    } finally {
      release();
      await page.close();
    }
  });

  it("should mount with the URL's results: no render of the search element without them", async () => {
    await site.withPage(async (page) => {
      // Every change of the mounted search element is looked at as it happens; not the parser's, which may stop between
      // the element and the server's form inside it while the page is still loading.
      await page.addInitScript(() => {
        const renders: boolean[] = [];
        Object.assign(globalThis, { searchRenders: renders });
        new MutationObserver(() => {
          if (document.readyState === 'loading') return;
          const root = document.getElementById('search-root');
          if (root && !root.querySelector('noscript')) renders.push(root.querySelector('.search-result') !== null);
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${site.origin}/en/search/?q=Command%2086`);
      await page.locator('.search-result').first().waitFor();
      const renders = await page.evaluate(() => (globalThis as unknown as { searchRenders: boolean[] }).searchRenders);
      expect(renders.length).toBeGreaterThan(0);
      expect(renders.every(Boolean)).toBe(true);
    });
  });

  it("should show the URL's first result while the facets' tag lists are still on their way", async () => {
    const { page, searchRequests } = await pageRecordingSearchFiles();
    const release = await holdRequests(page, (url) => url.pathname === searchAllTaggedUrl());
    try {
      await page.goto(`${site.origin}/en/search/?q=Command%2086`, { waitUntil: 'commit' });
      await page.locator('.search-result').first().waitFor();
      await expect.poll(() => searchRequests).toContain(searchAllTaggedUrl());
      expect(await page.locator('.search__facets button').count()).toBe(0);
      release();
      await page.locator('.search__facets button').first().waitFor();
    } finally {
      release();
      await page.close();
    }
  });

  it('should ask for each search file once, from the first result to the facets', async () => {
    const { page, searchRequests } = await pageRecordingSearchFiles();
    try {
      await page.goto(`${site.origin}/en/search/?q=Command%2086`);
      await page.locator('.search-result').first().waitFor();
      // The facets come last: once they show, every part of the page has asked for what it needs.
      await page.locator('.search__facets button').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(searchRequests).toContain(searchManifestUrl('en'));
      expect(searchRequests).toContain(searchAllTaggedUrl());
      expect(searchRequests.filter((request, index) => searchRequests.indexOf(request) !== index)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("should keep what was typed while React's code was on its way, and the focus with it", async () => {
    const onDemand = modulesImportedOnDemand('en');
    const { page, searchRequests } = await pageRecordingSearchFiles();
    const release = await holdRequests(page, (url) => onDemand.includes(url.pathname));
    try {
      await page.goto(`${site.origin}/en/search/?q=command`, { waitUntil: 'commit' });
      // The page's script has run (it asked for the URL's query's shards); React has not mounted.
      await expect.poll(() => searchRequests.some((request) => request.startsWith('/search/en/terms/'))).toBe(true);
      await page.locator('#search-input').pressSequentially('hanoi', { delay: 10 });
      release();
      await page.waitForURL((url) => url.searchParams.get('q') === 'hanoi');
      await page.locator('.search-result').first().waitFor();
      expect(await page.inputValue('#search-input')).toBe('hanoi');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    } finally {
      release();
      await page.close();
    }
  });

  it('should add the other language only on request, fetching its index only then', async () => {
    const { page, searchRequests } = await pageRecordingSearchFiles();
    try {
      await page.goto(`${site.origin}/en/search/?q=Bộ Tư lệnh 86`);
      await page.locator('.search-result').first().waitFor();
      expect(searchRequests.filter((request) => request.startsWith('/search/vi/'))).toEqual([]);
      await page.getByLabel(dictionary('en').includeOtherLanguage).check();
      await page.waitForURL(/languages=all/);
      await expect.poll(() => searchRequests).toContain(searchManifestUrl('vi'));
      await expect.poll(() => searchRequests.some((request) => request.startsWith('/search/vi/terms/'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('should move through suggestions with the arrow keys, close them with Escape and open one with Enter', async () => {
    await site.withPage(async (page) => {
      await page.goto(`${site.origin}/vi/search/`);
      const input = page.locator('#search-input');
      await input.pressSequentially('btl 8', { delay: 20 });
      await page.locator('[role="option"]').first().waitFor();
      // Escape closes the list, and it opens again as the reader types on.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('[role="option"]').count()).toBe(0);
      expect(await input.getAttribute('aria-expanded')).toBe('false');
      expect(await input.getAttribute('aria-activedescendant')).toBeNull();
      await input.pressSequentially('6', { delay: 20 });
      await page.locator('[role="option"]').first().waitFor();
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('ArrowDown');
      const active = await page.getAttribute('#search-input', 'aria-activedescendant');
      expect(active).toBeTruthy();
      expect(await page.getAttribute(`[id="${active}"]`, 'aria-selected')).toBe('true');
      const href = await page.locator(`[id="${active}"] a`).getAttribute('href');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${site.origin}${href}`);
    });
  });

  it('should keep the query and facets when the reader switches language on the search page', async () => {
    await site.withPage(async (page) => {
      await page.goto(`${site.origin}/en/search/?q=Command+86&year=2025`);
      await page.locator('.search-result').first().waitFor();
      await page.locator('.language-switcher a').click();
      await page.waitForURL(/\/vi\/search\/\?/);
      const url = new URL(page.url());
      expect(url.searchParams.get('q')).toBe('Command 86');
      expect(url.searchParams.get('year')).toBe('2025');
      await page.locator('.search-result').first().waitFor();
      expect(await page.inputValue('#search-input')).toBe('Command 86');
      expect(await page.locator('button[aria-pressed="true"]').count()).toBe(1);
    });
  });

  it('should say clearly when nothing matches', async () => {
    await site.withPage(async (page) => {
      await page.goto(`${site.origin}/en/search/?q=zzzqqq`);
      await page.locator('.search__empty').waitFor();
      expect(await page.locator('.search__empty').textContent()).toBe(dictionary('en').noResults('zzzqqq'));
      expect(await page.locator('[role="status"]').textContent()).toBe(dictionary('en').resultCount(0));
    });
  });

  describe('over an archive larger than one page of results', () => {
    // The seed stories never give more than a page of hits, so the page is served the
    // search files of a synthetic archive instead (its own entities, index and cards).
    let files: Map<string, string>;
    let corpus: string;

    beforeAll(async () => {
      corpus = mkdtempSync(path.join(os.tmpdir(), 'search-more-'));
      writeCorpus(corpus, 40);
      const loaded = loadContent(corpus);
      files = (await buildSearchFiles(loaded.archive)).files;
    });

    afterAll(() => rmSync(corpus, { recursive: true, force: true }));

    it('should show ten results, then ten more on request, fetching a card only when it is shown', async () => {
      await site.withPage(async (page) => {
        const cardsFetched: string[] = [];
        await page.route(/\/search\/.*\.(?:json|txt)$/, (route) => {
          const url = new URL(route.request().url()).pathname;
          if (/\/stories\//.test(url)) cardsFetched.push(url);
          const text = files.get(url);
          return text === undefined
            ? route.fulfill({ status: 404 })
            : route.fulfill({ status: 200, contentType: contentTypeOf(url), body: text });
        });
        const words = dictionary('en');
        await page.goto(`${site.origin}/en/search/?q=monitoring`);
        const more = page.getByRole('button', { name: words.moreResults });
        await more.waitFor();
        const total = Number(/of (\d+)/.exec((await page.locator('.search__more span').textContent()) ?? '')?.[1]);
        expect(total).toBeGreaterThan(20);
        // The count and button come with the hits; the cards once they are fetched.
        await expect.poll(() => page.locator('.search-result').count()).toBe(10);
        expect(await page.locator('.search__more span').textContent()).toBe(words.resultsShown(10, total));
        expect(cardsFetched).toHaveLength(10);
        await more.click();
        await expect.poll(() => page.locator('.search-result').count()).toBe(20);
        expect(await page.locator('.search__more span').textContent()).toBe(words.resultsShown(20, total));
        expect(new Set(cardsFetched).size).toBe(20);
        // Twenty different stories, each shown once.
        const links = await page
          .locator('.search-result h3 a')
          .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
        expect(links.every((href) => href?.startsWith('/en/articles/'))).toBe(true);
        expect(new Set(links).size).toBe(20);
      });
    });
  });
});
