import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArchive } from '../../lib/views/archive';
import { formatMonth, formatRoleDate } from '../../lib/site/dates';
import { dictionary, LOCALES } from '../../lib/site/i18n';
import { peopleOf } from '../../lib/views/relations';
import { monthlyCounts, rolesNewestFirst } from '../../lib/views/timeline';
import { provenanceOf } from '../../lib/views/provenance';
import { aboutUrl, archiveUrl, entityUrl, organisationUrl, personUrl, storyUrl } from '../../lib/site/urls';
import { storiesCrediting, storyListing } from '../../lib/views/story-lists';
import { openSite, type RunningSite } from './site';

let site: RunningSite;

beforeAll(async () => {
  site = await openSite(3213);
});

afterAll(async () => {
  await site?.close();
});

describe('timelines and relations on the built pages', () => {
  it.each(LOCALES)('should link every bar of the archive chart (%s) to a month heading that exists', async (locale) => {
    await site.withPage(async (page) => {
      await page.goto(site.origin + archiveUrl(locale));
      const counts = monthlyCounts(getArchive().stories).filter((entry) => entry.count > 0);
      const bars = page.locator('.month-chart svg a');
      expect(await bars.count()).toBe(counts.length);
      const labels = await bars.evaluateAll((links) => links.map((link) => link.getAttribute('aria-label')));
      expect(labels).toEqual(
        counts.map((entry) => dictionary(locale).barLabel(formatMonth(entry.year, entry.month, locale), entry.count)),
      );
      const hrefs = await bars.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      // Each bar's target opened as a reader who follows it lands, one page for them all.
      const target = await site.browser.newPage();
      try {
        for (const href of hrefs) {
          await target.goto(site.origin + href);
          const anchor = new URL(site.origin + href).hash.slice(1);
          expect(await target.locator(`[id="${anchor}"]`).count(), href).toBe(1);
        }
      } finally {
        await target.close();
      }
    });
  });

  it('should give the chart a table alternative with the same figures', async () => {
    await site.withPage(async (page) => {
      await page.goto(site.origin + archiveUrl('en'));
      await page.locator('.month-chart details summary').click();
      const rows = await page
        .locator('.month-chart table tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.querySelector('th')?.textContent, Number(tr.querySelector('td')?.textContent)]),
        );
      expect(rows).toEqual(
        monthlyCounts(getArchive().stories).map((entry) => [formatMonth(entry.year, entry.month, 'en'), entry.count]),
      );
    });
  });

  it.each(LOCALES)('should show a person’s roles newest first (%s)', async (locale) => {
    const person = getArchive().people.find((candidate) => candidate.roles.length > 1);
    if (!person) throw new Error('no person with several roles');
    await site.withPage(async (page) => {
      await page.goto(site.origin + personUrl(locale, person.id));
      const dates = await page.locator('.timeline__date').allTextContents();
      const published = new Map(getArchive().stories.map((story) => [story.id, story.date]));
      const words = dictionary(locale);
      const expected = rolesNewestFirst(person.roles, (id) => published.get(id)).map(({ dating }) => {
        if (dating.kind === 'undated') return words.roleUndated;
        const date = formatRoleDate(dating.date, locale);
        return dating.kind === 'reported'
          ? `${words.roleReportedIn} ${date}`
          : `${words.roleSince} ${date} (${dating.source.name})`;
      });
      expect(dates).toEqual(expected);
      // A title that names its organisation links that name instead of repeating it after the title.
      const titles = await page
        .locator('.timeline__title')
        .evaluateAll((spans) =>
          spans.map((span) => [span.textContent ?? '', span.querySelector('a')?.textContent ?? '']),
        );
      expect(titles.length).toBeGreaterThan(0);
      for (const [title, organisation] of titles)
        if (organisation) expect((title ?? '').split(organisation).length - 1, title).toBe(1);
      // A role known from a story links that story.
      const reported = rolesNewestFirst(person.roles, (id) => published.get(id)).find(
        ({ dating }) => dating.kind === 'reported',
      );
      if (reported?.dating.kind === 'reported')
        await expect(
          page.locator(`.timeline__date a[href="${storyUrl(locale, reported.dating.story)}"]`).count(),
        ).resolves.toBeGreaterThan(0);
    });
  });

  it('should list an organisation’s people on its page', async () => {
    const { people } = getArchive();
    await site.withPage(async (page) => {
      await page.goto(site.origin + organisationUrl('vi', 'command-86'));
      const links = await page
        .locator('#members + ul a')
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
      expect(links).toEqual(peopleOf(people, 'command-86').map((person) => personUrl('vi', person.id)));
    });
  });

  it('should link an article to its related stories and its neighbours in time', async () => {
    const { stories } = getArchive();
    const middle = stories[1];
    if (!middle || stories.length < 3) throw new Error('needs three stories');
    await site.withPage(async (page) => {
      await page.goto(site.origin + storyUrl('en', middle.id));
      expect(await page.locator('a[rel="prev"]').getAttribute('href')).toBe(storyUrl('en', stories[2]?.id ?? ''));
      expect(await page.locator('a[rel="next"]').getAttribute('href')).toBe(storyUrl('en', stories[0]?.id ?? ''));
      expect(await page.locator('.related .story-card').count()).toBeGreaterThan(0);
    });
  });
});

describe('what the archive asserts around the texts', () => {
  it.each(LOCALES)(
    'should say on every article (%s) whether it is the original or a translation, and link its credits',
    async (locale) => {
      await site.withPage(async (page) => {
        const words = dictionary(locale);
        for (const story of getArchive().stories) {
          const article = story.articles[locale];
          if (!article) continue;
          await page.goto(site.origin + storyUrl(locale, story.id));
          const provenance = provenanceOf(story, locale);
          const statement = (await page.locator('.article__provenance').textContent()) ?? '';
          if (provenance.kind === 'original')
            expect(statement, story.id).toBe(words.originalText(article.source?.name));
          if (provenance.kind === 'translation')
            expect(statement, story.id).toContain(
              provenance.byArchive ? words.theArchive : (provenance.translator ?? ''),
            );
          for (const role of ['author', 'translator', 'source'] as const) {
            const link = article.creditLinks[role];
            if (!link) continue;
            const href = entityUrl(link.kind, locale, link.id);
            expect(
              await page.locator(`.article__footer a[href="${href}"]`).count(),
              `${story.id} ${role}`,
            ).toBeGreaterThan(0);
          }
          if (article.source)
            expect(await page.locator('.article__rights').textContent()).toBe(words.rightsNote(article.source.name));
        }
      });
    },
  );

  it.each(LOCALES)(
    'should list on a credited entry’s page (%s) the stories it reported, translated or published',
    async (locale) => {
      await site.withPage(async (page) => {
        const { stories } = getArchive();
        for (const [kind, id] of [
          ['people', 'van-chien'],
          ['organisations', 'peoples-army-newspaper'],
        ] as const) {
          const credited = storiesCrediting(stories, kind, id);
          expect(credited.length, id).toBeGreaterThan(0);
          await page.goto(site.origin + entityUrl(kind, locale, id));
          const links = await page
            .locator('.credited__list a')
            .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
          expect(links, id).toEqual(
            credited.map(({ story }) => storyUrl(storyListing(story, locale).article.locale, story.id)),
          );
        }
      });
    },
  );

  it.each(LOCALES)('should link the About page (%s) from the footer of every kind of page', async (locale) => {
    await site.withPage(async (page) => {
      for (const path of [archiveUrl(locale), storyUrl(locale, getArchive().stories[0]?.id ?? ''), aboutUrl(locale)]) {
        await page.goto(site.origin + path);
        expect(await page.locator(`.site-footer a[href="${aboutUrl(locale)}"]`).count(), path).toBe(1);
      }
      await page.goto(site.origin + aboutUrl(locale));
      expect(await page.locator('h1').textContent()).toBe(dictionary(locale).aboutTitle);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    });
  });
});
