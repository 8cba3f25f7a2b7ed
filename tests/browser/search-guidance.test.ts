/**
 * Where the search page leads when a query finds little or nothing, before any query,
 * and without JavaScript: "Did you mean", the other language, the index pages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArchive } from '../../lib/views/archive';
import { foldText } from '../../lib/text/text-fold';
import { readFileSync } from 'node:fs';
import { entityNames, searchEntities, type SearchEntity } from '../../lib/search/documents';
import { createSpeller, suggestQueries, suggestQuery } from '../../lib/search/suggest';
import type { SearchVocabulary } from '../../lib/search/vocabulary';
import { dictionary, LOCALES, otherLocale, type Locale } from '../../lib/site/i18n';
import {
  archiveUrl,
  organisationsUrl,
  peopleUrl,
  searchEntitiesUrl,
  searchManifestUrl,
  searchUrl,
  searchVocabularyUrl,
  storyUrl,
  topicsUrl,
} from '../../lib/site/urls';
import { auditAccessibility, formatAxeProblem } from '../../scripts/quality/axe';
import { openSite, type RunningSite } from './site';

let site: RunningSite;

beforeAll(async () => {
  site = await openSite(3350);
});

afterAll(async () => {
  await site?.close();
});

/**
 * Opens `path` with the search script held back (deferred, so the page's HTML is there
 * before it) until `text` is typed into the search box, then lets it run and waits for the
 * results of `text`.
 */
async function typeBeforeSearchScript(page: Page, path: string, text: string): Promise<void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/search\.[0-9A-Z]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${site.origin}${path}`, { waitUntil: 'commit' });
  await page.locator('#search-input').pressSequentially(text, { delay: 10 });
  release();
  await page.waitForURL((url) => url.searchParams.get('q') === text);
  await page.locator('.search-result').first().waitFor();
}

const indexPages = (locale: Locale) => [
  peopleUrl(locale),
  organisationsUrl(locale),
  topicsUrl(locale),
  archiveUrl(locale),
];

async function linksIn(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(`${selector} a`)
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
}

/** The URLs the page asks for at `pathname` from now on, as they are asked for. */
function requestsFor(page: Page, pathname: string): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === pathname) requests.push(request.url());
  });
  return requests;
}

async function axeProblems(page: Page, label: string): Promise<string[]> {
  return (await auditAccessibility(page, label)).problems.map(formatAxeProblem);
}

/** The speller the search page makes, from the built site's entities and vocabulary. */
const builtSpeller = (locale?: 'en' | 'vi') =>
  createSpeller(
    JSON.parse(readFileSync(`out${searchEntitiesUrl()}`, 'utf8')) as SearchEntity[],
    JSON.parse(readFileSync(`out${searchVocabularyUrl()}`, 'utf8')) as SearchVocabulary,
    locale,
  );

describe('search guidance in the browser', () => {
  // The suggestion's markup is the same whatever the words: axe audits it once in each language.
  it.each([
    ['en', 'comand 86', 'Command 86', 'axe-clean, '],
    ['en', 'Hannoi', 'Hanoi', ''],
    ['vi', 'Luong Coung', 'Lương Cường', 'axe-clean, '],
    ['vi', 'Bộ TL 86', 'Bộ Tư lệnh 86', ''],
    ['en', 'Comand86', 'Command 86', ''],
    ['en', 'Vietnam Peple Army', "Vietnam People's Army", ''],
  ] as const)(
    'should offer, in %s, "%s" → "%s" as "Did you mean", %sand follow it with a URL that Back undoes',
    async (locale, typo, meant, audited) => {
      const context = await site.browser.newContext();
      const page = await context.newPage();
      const vocabularyRequests = requestsFor(page, searchVocabularyUrl());
      try {
        await page.goto(`${site.origin}${searchUrl(locale)}`);
        await page.locator('#search-input').pressSequentially(typo, { delay: 20 });
        const link = page.locator('.search__did-you-mean a');
        await link.waitFor();
        // A query typed on the way ("comand") may have its own suggestion on screen a moment before the last one's.
        await expect
          .poll(() => page.locator('.search__did-you-mean').textContent())
          .toBe(`${dictionary(locale).didYouMean} ${meant}?`);
        expect(await link.getAttribute('href')).toBe(`?${new URLSearchParams({ q: meant })}`);
        expect(vocabularyRequests).toHaveLength(1);
        if (audited) expect(await axeProblems(page, `did you mean (${locale})`)).toEqual([]);
        await link.click();
        await page.waitForURL((url) => url.searchParams.get('q') === meant);
        await page.locator('.search-result').first().waitFor();
        expect(await page.inputValue('#search-input')).toBe(meant);
        expect(await page.locator('.search__did-you-mean').count()).toBe(0);
        await page.goBack();
        await page.waitForURL((url) => url.searchParams.get('q') === typo);
        await expect.poll(() => page.inputValue('#search-input')).toBe(typo);
      } finally {
        await context.close();
      }
    },
  );

  it.each([
    ['vi', 'Lương Cương', 'Lương Cường'],
    ['vi', 'chuyên đổi số', 'chuyển đổi số'],
    ['vi', 'tổng duyêt', 'tổng duyệt'],
    ['en', 'Hà Nôi', 'Hanoi'],
    // Each word with its marks stands in the archive ("hành" in most stories), the pair only with other marks.
    ['vi', 'Vũ Hữu Hành', 'Vũ Hữu Hạnh'],
    // A name's last word typed whole but for its tone.
    ['vi', 'Văn Chiên', 'Văn Chiến'],
  ] as const)(
    'should list the stories that have %s "%s" with other marks as looser matches, name those words on each card unmarked, and offer "%s"',
    async (locale, typed, meant) => {
      await site.withPage(async (page) => {
        const words = dictionary(locale);
        // The speller's words arrive late, and every text the link shows is kept: it must never offer one thing and then
        // change under the reader's pointer to another.
        await page.route(`**${searchVocabularyUrl()}`, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 500));
          await route.continue();
        });
        await page.addInitScript(() => {
          const shown: string[] = [];
          Object.assign(window, { didYouMeanShown: shown });
          new MutationObserver(() => {
            const text = document.querySelector('.search__did-you-mean a')?.textContent;
            if (text && shown.at(-1) !== text) shown.push(text);
          }).observe(document, { subtree: true, childList: true, characterData: true });
        });
        await page.goto(`${site.origin}${searchUrl(locale, typed)}`);
        await page.locator('.search__did-you-mean a').waitFor();
        await page.locator('.search-result').first().waitFor();
        // Long enough for the speller's words to have arrived and been used.
        await page.waitForTimeout(1000);
        expect(await page.evaluate(() => (window as unknown as { didYouMeanShown: string[] }).didYouMeanShown)).toEqual(
          [meant],
        );
        expect(await page.locator('.search__loose').count()).toBe(1);
        const typedWords = typed.split(' ');
        const cards = await page.locator('.search-result').all();
        expect(cards.length).toBeGreaterThan(0);
        for (const card of cards) {
          const marks = await card.locator('mark').allTextContents();
          // A mark is only ever a word as typed: never the same letters with other marks.
          for (const mark of marks.flatMap((text) => text.split(/\s+/))) {
            const alike = typedWords.filter((word) => foldText(word) === foldText(mark));
            if (alike.length > 0)
              expect(
                alike.map((word) => word.toLowerCase()),
                mark,
              ).toContain(mark.toLowerCase());
          }
          const otherForms = card.locator('.search-result__other-forms');
          const named = (await otherForms.count()) > 0 ? ((await otherForms.textContent()) ?? '') : '';
          const tagged = await card.locator('.search-result__tagged').count();
          expect(marks.length + tagged + named.length, `a card of "${typed}" that says nothing`).toBeGreaterThan(0);
          if (named === '') continue;
          const listed = named
            .replace(words.inAnotherForm, '')
            .split(',')
            .map((word) => word.trim());
          // A word in another form is one typed word, or two written as one ("Hanoi" for "Hà Nôi").
          const typedForms = [...typedWords, ...typedWords.slice(1).map((word, at) => `${typedWords[at]}${word}`)];
          for (const word of listed) {
            const same = typedForms.find((each) => foldText(each) === foldText(word));
            expect(same, word).toBeDefined();
            expect(word.toLowerCase()).not.toBe(same?.toLowerCase());
          }
        }
      });
    },
  );

  it('should not offer a suggestion that finds nothing itself', async () => {
    // Its words are each near a word of the archive, so the speller rewrites it; the rewrite finds no story.
    const query = '<img src=x onerror=alert(1)>';
    const speller = builtSpeller();
    expect(suggestQuery(query, speller)).not.toBeNull();
    await site.withPage(async (page) => {
      const vocabularyRequests = requestsFor(page, searchVocabularyUrl());
      await page.goto(`${site.origin}${searchUrl('en', query)}`);
      await page.locator('.search__empty').waitFor();
      expect(await page.locator('.search__empty').textContent()).toBe(dictionary('en').noResults(query));
      await expect.poll(() => vocabularyRequests.length).toBe(1);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.search__did-you-mean').count()).toBe(0);
    });
  });

  it('should offer the first rewriting that finds stories as written, trying the next when one does not', async () => {
    const query = 'chuẩn hoà';
    const speller = builtSpeller('vi');
    // The first rewriting completes the last word with its marks ("hoàn"), which no story has after "chuẩn".
    const [first, ...others] = suggestQueries(query, speller, false, 3);
    expect(first).toBe('chuẩn hoàn');
    expect(others).toContain('chuẩn hoá');
    await site.withPage(async (page) => {
      await page.goto(`${site.origin}${searchUrl('vi', query)}`);
      // As the stories write it, where the index's one spelling is "hoá".
      await expect.poll(() => page.locator('.search__did-you-mean a').textContent()).toBe('chuẩn hóa');
      await page.locator('.search__did-you-mean a').click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'chuẩn hóa');
      await expect.poll(() => page.locator('.search-result mark').allTextContents()).toContain('chuẩn hóa');
      expect(await page.locator('.search__loose').count()).toBe(0);
    });
  });

  it("should offer a rewriting found only in the other language's stories as a search of both languages", async () => {
    // "tổng duyệt" is in Vietnamese stories only: searched on the English page alone, it would find nothing.
    const typo = 'tổng duyệtt';
    const meant = 'tổng duyệt';
    await site.withPage(async (page) => {
      await page.goto(`${site.origin}${searchUrl('en', typo)}`);
      const link = page.locator('.search__did-you-mean a');
      await expect.poll(() => link.textContent()).toBe(meant);
      expect(await link.getAttribute('href')).toBe(`?${new URLSearchParams({ q: meant, languages: 'all' })}`);
      await link.click();
      await page.waitForURL(
        (url) => url.searchParams.get('q') === meant && url.searchParams.get('languages') === 'all',
      );
      await expect.poll(() => page.locator('.search-result mark').allTextContents()).toContain(meant);
      const links = await linksIn(page, '.search-result h3');
      expect(links.every((href) => href.startsWith(`/${otherLocale('en')}/articles/`))).toBe(true);
    });
  });

  it.each([
    ['en', 'plots and tricks'],
    ['en', 'safety and security'],
  ] as const)('should offer no rewriting of "%s", whose words the stories have together', async (locale, query) => {
    await site.withPage(async (page) => {
      const vocabularyRequests = requestsFor(page, searchVocabularyUrl());
      await page.goto(`${site.origin}${searchUrl(locale, query)}`);
      await page.locator('.search-result').first().waitFor();
      expect(await page.locator('.search__loose').count()).toBe(0);
      await expect.poll(() => vocabularyRequests.length).toBe(1);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.search__did-you-mean').count()).toBe(0);
    });
  });

  it.each([
    ['conventions', 'convention'],
    ['visited', 'visit'],
  ])(
    'should offer no rewriting of "%s", another form of "%s" whose stories it lists as looser matches',
    async (query, form) => {
      // The speller alone would take the form the stories have.
      expect(suggestQuery(query, builtSpeller('en'))).toBe(form);
      await site.withPage(async (page) => {
        const vocabularyRequests = requestsFor(page, searchVocabularyUrl());
        await page.goto(`${site.origin}${searchUrl('en', query)}`);
        await page.locator('.search-result').first().waitFor();
        expect(await page.locator('.search__loose').count()).toBe(1);
        await expect.poll(() => vocabularyRequests.length).toBe(1);
        await page.waitForLoadState('networkidle');
        expect(await page.locator('.search__did-you-mean').count()).toBe(0);
      });
    },
  );

  it.each(['hoàn thà', 'hoan tha'])(
    'should find "%s", its last word still being typed, in the stories that have the word it starts only in their bodies',
    async (typed) => {
      await site.withPage(async (page) => {
        const writing = getArchive().stories.filter((story) => story.articles.vi?.text.includes('hoàn thành'));
        await page.goto(`${site.origin}${searchUrl('vi', typed)}`);
        await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThanOrEqual(writing.length);
        const listed = await linksIn(page, '.search-result h3');
        for (const story of writing) expect(listed).toContain(storyUrl('vi', story.id));
        expect(await page.locator('.search-result mark').allTextContents()).toContain('hoàn thành');
        await page.waitForLoadState('networkidle');
        expect(await page.locator('.search__did-you-mean').count()).toBe(0);
      });
    },
  );

  it.each(['hoàn t', 'hoàn th', 'hoan th'])(
    'should find the stories that finish the last word of "%s", a start too short alone, after the word before it',
    async (typed) => {
      await site.withPage(async (page) => {
        await page.goto(`${site.origin}${searchUrl('vi', typed)}`);
        await expect.poll(() => page.locator('.search-result mark').allTextContents()).toContain('hoàn thành');
        expect(await page.locator('.search__did-you-mean').count()).toBe(0);
      });
    },
  );

  it.each([
    // "Hạn" is a word of its own in other stories: the body's "Hạnh" is still what it may be on its way to.
    ['vi', 'Thiếu tướng Vũ Hữu H', 'Thiếu tướng Vũ Hữu Hạnh'],
    ['vi', 'Thiếu tướng Vũ Hữu Hạ', 'Thiếu tướng Vũ Hữu Hạnh'],
    ['vi', 'Thiếu tướng Vũ Hữu Hạn', 'Thiếu tướng Vũ Hữu Hạnh'],
    ['vi', 'Thiếu tướng Vũ Hữu Hạnh', 'Thiếu tướng Vũ Hữu Hạnh'],
    // The older tone placement, typed a letter at a time.
    ['vi', 'Bí thư Đảng ủ', 'Bí thư Đảng ủy'],
    // The word that follows "Standing", not the most frequent words "Com" starts.
    ['en', 'the Standing Com', 'the Standing Committee'],
  ] as const)(
    'should list the story that holds "%s" on its way to "%s" as a result',
    async (locale, typed, written) => {
      await site.withPage(async (page) => {
        const writing = getArchive().stories.filter((story) => story.articles[locale]?.text.includes(written));
        expect(writing.length).toBeGreaterThan(0);
        await page.goto(`${site.origin}${searchUrl(locale, typed)}`);
        await expect.poll(() => page.locator('.search__status').textContent()).toMatch(/\d/);
        expect(await page.locator('.search__loose').count()).toBe(0);
        // Cards appear in result order as each arrives.
        await expect
          .poll(() => linksIn(page, '.search-result h3'))
          .toEqual(expect.arrayContaining(writing.map((story) => storyUrl(locale, story.id))));
        expect(await page.locator('.search-result mark').allTextContents()).toContain(written);
      });
    },
  );

  it('should not correct a name whose last word is still being typed', async () => {
    await site.withPage(async (page) => {
      const vocabularyRequests = requestsFor(page, searchVocabularyUrl());
      await page.goto(`${site.origin}${searchUrl('vi')}`);
      await page.locator('#search-input').pressSequentially('Nguyễn Minh Thắ', { delay: 20 });
      await expect
        .poll(async () => new Set(await page.locator('.search-result mark').allTextContents()))
        .toEqual(new Set(['Nguyễn Minh Thắng']));
      await page.waitForLoadState('networkidle');
      // The query found little, so the vocabulary was looked at, and it offered nothing.
      expect(vocabularyRequests).toHaveLength(1);
      expect(await page.locator('.search__did-you-mean').count()).toBe(0);
    });
  });

  it('should fetch the vocabulary only when a query finds little', async () => {
    await site.withPage(async (page) => {
      const vocabularyRequests = requestsFor(page, searchVocabularyUrl());
      await page.goto(`${site.origin}${searchUrl('en')}?q=command`);
      await page.locator('.search-result').nth(2).waitFor();
      await page.waitForLoadState('networkidle');
      expect(vocabularyRequests).toEqual([]);
    });
  });

  it.each(LOCALES)(
    'should say when nothing matches in %s, offer the index pages, and stay axe-clean',
    async (locale) => {
      const context = await site.browser.newContext();
      const page = await context.newPage();
      const words = dictionary(locale);
      try {
        await page.goto(`${site.origin}${searchUrl(locale, 'zzzqqq')}`);
        await page.locator('.search__empty').waitFor();
        expect(await page.locator('.search__empty').textContent()).toBe(words.noResults('zzzqqq'));
        expect(await linksIn(page, '.search__results .browse-links')).toEqual(indexPages(locale));
        // Nothing to suggest, nothing in the other language, and the start of the page gives way.
        await page.waitForLoadState('networkidle');
        expect(await page.locator('.search__did-you-mean, .search__other-language').count()).toBe(0);
        expect(await page.locator('#search-start').isHidden()).toBe(true);
        expect(await axeProblems(page, `no results (${locale})`)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('should offer the other language when only it has results, and search it on request', async () => {
    // A word of a Vietnamese title that no English story and no name has, with or without diacritics.
    const archive = getArchive();
    const story = archive.stories.find((candidate) => candidate.articles.vi);
    const english = foldText(
      [
        ...archive.stories.flatMap((candidate) =>
          candidate.articles.en
            ? [candidate.articles.en.title, candidate.articles.en.summary, candidate.articles.en.text]
            : [],
        ),
        ...searchEntities(archive).flatMap(entityNames),
      ].join(' '),
    );
    const word = (story?.articles.vi?.title ?? '')
      .split(/\s+/)
      .find((candidate) => candidate.length > 4 && !english.includes(foldText(candidate)));
    if (!story || !word) throw new Error('no Vietnamese-only word in the seed stories');
    await site.withPage(async (page) => {
      const words = dictionary('en');
      await page.goto(`${site.origin}${searchUrl('en', word)}`);
      const offer = page.locator('.search__other-language');
      await offer.waitFor();
      expect(await offer.textContent()).toMatch(/^\d+ stor(y|ies) in Vietnamese match(es)?\./);
      await offer.getByRole('button', { name: words.searchOtherLanguageToo }).click();
      await page.waitForURL(/languages=all/);
      await expect.poll(() => linksIn(page, '.search-result h3')).toContain(storyUrl('vi', story.id));
      const links = await linksIn(page, '.search-result h3');
      expect(links.every((href) => href.startsWith(`/${otherLocale('en')}/articles/`))).toBe(true);
    });
  });

  it.each(LOCALES)(
    'should show what can be searched before a query in %s, and hide it while results are shown',
    async (locale) => {
      await site.withPage(async (page) => {
        const archive = getArchive();
        await page.goto(`${site.origin}${searchUrl(locale)}`, { waitUntil: 'networkidle' });
        const start = page.locator('#search-start');
        expect(await start.isVisible()).toBe(true);
        const links = await linksIn(page, '#search-start');
        expect(links).toEqual(
          expect.arrayContaining(archive.topics.map((topic) => `${topicsUrl(locale)}${topic.id}/`)),
        );
        expect(links.some((href) => href.startsWith(peopleUrl(locale)))).toBe(true);
        expect(links.some((href) => href.startsWith(organisationsUrl(locale)))).toBe(true);
        const latest = archive.stories.find((story) => story.articles[locale]);
        expect(links).toContain(storyUrl(locale, latest?.id ?? ''));
        expect(links.length).toBeLessThan(50);
        await page.locator('#search-input').fill('command');
        await expect.poll(() => start.isHidden()).toBe(true);
        await page.locator('#search-input').fill('');
        await expect.poll(() => start.isVisible()).toBe(true);
        // Punctuation alone is nothing to search for: the page says so, and still shows what can be searched.
        await page.locator('#search-input').fill('"!!! -"');
        await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('"!!! -"');
        await expect
          .poll(() => page.locator('.search__status').textContent())
          .toBe(dictionary(locale).noWords('"!!! -"'));
        expect(await start.isVisible()).toBe(true);
        expect(await page.locator('.search__empty').count()).toBe(0);
        // Spaces alone are an empty box, which says nothing.
        await page.locator('#search-input').fill('   ');
        await expect.poll(() => page.locator('.search__status').textContent()).toBe('');
        expect(await start.isVisible()).toBe(true);
      });
    },
  );

  it.each([
    ['en', '!!!', ', axe-clean'],
    ['en', '—', ''],
    ['vi', '🙂', ', axe-clean'],
  ] as const)(
    'should say in %s that "%s", opened from its URL, has nothing to search for, above what can be searched%s',
    async (locale, query, audited) => {
      const context = await site.browser.newContext();
      const page = await context.newPage();
      const searchFiles: string[] = [];
      page.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/search/') && !pathname.endsWith('/')) searchFiles.push(pathname);
      });
      try {
        await page.goto(`${site.origin}${searchUrl(locale, query)}`, { waitUntil: 'networkidle' });
        const status = page.locator('.search__status');
        await expect.poll(() => status.textContent()).toBe(dictionary(locale).noWords(query));
        expect(await page.inputValue('#search-input')).toBe(query);
        const start = page.locator('#search-start');
        expect(await start.isVisible()).toBe(true);
        // The line comes before what can be searched.
        const [line, startBox] = await Promise.all([status.boundingBox(), start.boundingBox()]);
        expect(line && startBox && line.y < startBox.y).toBe(true);
        expect(await page.locator('.search-result, .search__empty, .search__did-you-mean').count()).toBe(0);
        expect(searchFiles.filter((file) => file.includes('/terms/'))).toEqual([]);
        if (audited) expect(await axeProblems(page, `no words (${locale})`)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it.each(LOCALES)(
    'should say in %s that search needs JavaScript, and link to the index pages, when scripts are off',
    async (locale) => {
      const context = await site.browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(`${site.origin}${searchUrl(locale, 'command')}`);
        const notice = page.locator('.search__noscript');
        expect(await notice.isVisible()).toBe(true);
        expect(await notice.locator('p').textContent()).toBe(dictionary(locale).searchNeedsScript);
        expect(await linksIn(page, '.search__noscript')).toEqual(indexPages(locale));
        expect(await page.locator('#search-start').isVisible()).toBe(true);
        // axe runs as a script in the page, so it cannot audit this state; the links are plain HTML.
        expect(await page.locator('[role="status"]').textContent()).toBe('');
      } finally {
        await context.close();
      }
    },
  );

  it('should clear the error once a later query succeeds', async () => {
    await site.withPage(async (page) => {
      const words = dictionary('en');
      let failures = 1;
      // The first fetch of the manifest fails, as on a dropped connection; the retry succeeds.
      await page.route(`**${searchManifestUrl('en')}`, (route) => (failures-- > 0 ? route.abort() : route.continue()));
      await page.goto(`${site.origin}${searchUrl('en')}`);
      await expect.poll(() => page.locator('[role="status"]').textContent()).toBe(words.searchFailed);
      await page.locator('#search-input').fill('command');
      await page.locator('.search-result').first().waitFor();
      await expect.poll(() => page.locator('[role="status"]').textContent()).toMatch(/^\d+ results?$/);
    });
  });

  it('should clear the error when a result card fails to load, once a later query succeeds', async () => {
    await site.withPage(async (page) => {
      const words = dictionary('en');
      // Every card fails until the reader asks again: the query in the URL fetches its cards
      // before React mounts and again when it renders, and either may come first.
      let failing = true;
      await page.route('**/search/en/stories/*.txt', (route) => (failing ? route.abort() : route.continue()));
      await page.goto(`${site.origin}${searchUrl('en', 'command')}`);
      await expect.poll(() => page.locator('[role="status"]').textContent()).toBe(words.searchFailed);
      failing = false;
      await page.locator('#search-input').fill('hanoi');
      await page.locator('.search-result').first().waitFor();
      await expect.poll(() => page.locator('[role="status"]').textContent()).toMatch(/^\d+ results?$/);
    });
  });

  it("should show the URL's query in the box from the search script's first render", async () => {
    const context = await site.browser.newContext();
    // What the box holds when the search script's form replaces the one the page came with.
    await context.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { firstRenderedQuery: seen });
      let served: Element | undefined;
      new MutationObserver((_, observer) => {
        const field = document.querySelector<HTMLInputElement>('#search-root input[name="q"]');
        if (!field) return;
        if (!served) served = field;
        else if (field !== served) {
          seen.push(field.value);
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}${searchUrl('en', 'hanoi')}`);
      await page.locator('.search-result').first().waitFor();
      expect(
        await page.evaluate(() => (window as unknown as { firstRenderedQuery: string[] }).firstRenderedQuery),
      ).toEqual(['hanoi']);
    } finally {
      await context.close();
    }
  });

  it('should search for what was typed before the search script ran, not the query the page was opened with', async () => {
    await site.withPage(async (page) => {
      await typeBeforeSearchScript(page, searchUrl('en', 'command'), 'hanoi');
      expect(await page.inputValue('#search-input')).toBe('hanoi');
    });
  });

  it('should keep every key typed while the search component mounts', async () => {
    // Typed at a reader's pace from the moment the page arrives, so that keys fall before, during and after the mount.
    const text = 'Lê Dũng Bộ Quốc phòng';
    for (let attempt = 0; attempt < 3; attempt++) {
      await site.withPage(async (page) => {
        await page.goto(`${site.origin}${searchUrl('vi')}`, { waitUntil: 'commit' });
        await page.locator('#search-input').pressSequentially(text, { delay: 30 });
        await expect.poll(() => page.locator('#search-root noscript').count()).toBe(0);
        expect(await page.inputValue('#search-input'), `attempt ${attempt + 1}`).toBe(text);
        await page.waitForURL((url) => url.searchParams.get('q') === text);
      });
    }
  });

  it('should keep what was typed before the search script ran', async () => {
    await site.withPage(async (page) => {
      await typeBeforeSearchScript(page, searchUrl('en'), 'hanoi');
      expect(await page.inputValue('#search-input')).toBe('hanoi');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    });
  });
});
