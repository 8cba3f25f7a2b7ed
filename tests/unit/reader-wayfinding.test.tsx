/**
 * What tells a reader where they are and what a thing does: breadcrumb trails and their
 * JSON-LD, the share links, the chart's caption and counts, the aliases an entity page
 * shows, a role's organisation named once, and which of two entries of one name the search page lists.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CreditedStories } from '../../components/credited-stories';
import { MonthChart } from '../../components/month-chart';
import { SearchStart } from '../../components/search-start';
import { dictionary } from '../../lib/site/i18n';
import { shareLinks } from '../../lib/outputs/share-links';
import { entityTrail, storyTrail } from '../../lib/site/breadcrumbs';
import { breadcrumbListJsonLd } from '../../lib/outputs/structured-data';
import { aliasesToShow } from '../../lib/views/shown-aliases';
import { makeStory } from './helpers/stories';

const BASE = new URL('https://archive.example');

describe('what the search page shows before a query', () => {
  it('should tell apart two of the people named most who share a name, by their names in the other language', () => {
    // Test people: two share an English name, and differ in a tone in Vietnamese.
    const people = [
      { id: 'test-binh-grave', name: { en: 'Test Van Binh', vi: 'Tét Văn Bình' }, aliases: [], roles: [] },
      { id: 'test-binh-acute', name: { en: 'Test Van Binh', vi: 'Tét Văn Bính' }, aliases: [], roles: [] },
      { id: 'test-other', name: { en: 'Test Van Other', vi: 'Tét Văn Khác' }, aliases: [], roles: [] },
    ];
    const stories = [
      makeStory({ id: 'story-one', date: '2024-03-05', people: ['test-binh-grave', 'test-other'] }),
      makeStory({ id: 'story-two', date: '2024-03-06', people: ['test-binh-acute'] }),
    ];
    const archive = { stories, topics: [], people, organisations: [] };
    const names = (locale: 'en' | 'vi') =>
      [
        ...renderToStaticMarkup(<SearchStart locale={locale} archive={archive} />).matchAll(
          /<a href="[^"]*people[^>]*>(.*?)<\/a>/g,
        ),
      ].map(([, name]) => name);
    expect(names('en')).toEqual([
      'Test Van Binh (<span lang="vi">Tét Văn Bình</span>)',
      'Test Van Binh (<span lang="vi">Tét Văn Bính</span>)',
      'Test Van Other',
    ]);
    expect(names('vi')).toEqual(['Tét Văn Bình', 'Tét Văn Bính', 'Tét Văn Khác']);
  });
});

describe('breadcrumb trails', () => {
  it('should lead from the home page through the archive and the story’s year to the story', () => {
    const story = makeStory({ id: 'some-story', date: '2024-03-05' });
    expect(storyTrail(story, 'vi', 'Tiêu đề')).toEqual([
      { name: 'Trang chủ', path: '/vi/' },
      { name: 'Lưu trữ', path: '/vi/archive/' },
      { name: '2024', path: '/vi/archive/2024/' },
      { name: 'Tiêu đề', path: '/vi/articles/some-story/' },
    ]);
  });

  it('should lead from the home page through the section to an entity', () => {
    expect(entityTrail('organisations', 'command-86', 'en', 'Command 86')).toEqual([
      { name: 'Home', path: '/en/' },
      { name: 'Organisations', path: '/en/organisations/' },
      { name: 'Command 86', path: '/en/organisations/command-86/' },
    ]);
  });

  it('should become a BreadcrumbList with positions from 1 and absolute addresses', () => {
    const data = breadcrumbListJsonLd(entityTrail('people', 'le-dung', 'vi', 'Lê Dũng'), BASE);
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: 'https://archive.example/vi/' },
        { '@type': 'ListItem', position: 2, name: 'Nhân vật', item: 'https://archive.example/vi/people/' },
        { '@type': 'ListItem', position: 3, name: 'Lê Dũng', item: 'https://archive.example/vi/people/le-dung/' },
      ],
    });
  });
});

describe('share links', () => {
  const url = 'https://archive.example/vi/articles/some-story/';
  const title = 'Lễ ký & “Công ước” Hà Nội?';
  const links = new Map(shareLinks(url, title).map((link) => [link.service, new URL(link.href)]));

  it('should give email, Facebook, X and Zalo, each carrying the story’s address intact', () => {
    expect([...links.keys()]).toEqual(['email', 'facebook', 'x', 'zalo']);
    expect(links.get('email')?.protocol).toBe('mailto:');
    expect(links.get('email')?.searchParams.get('body')).toBe(url);
    expect(links.get('facebook')?.searchParams.get('u')).toBe(url);
    expect(links.get('x')?.searchParams.get('url')).toBe(url);
    expect(links.get('zalo')?.searchParams.get('url')).toBe(url);
  });

  it('should carry the title, with its marks and punctuation, where the service takes one', () => {
    expect(links.get('email')?.searchParams.get('subject')).toBe(title);
    expect(links.get('x')?.searchParams.get('text')).toBe(title);
  });

  it('should lead only to the services’ own https pages, besides email', () => {
    for (const [service, link] of links) if (service !== 'email') expect(link.protocol, service).toBe('https:');
  });
});

describe('the month chart', () => {
  const month = (year: number, monthNumber: number, count: number) => ({ year, month: monthNumber, count });

  it('should count one story and one month in the singular, and say bars link only where they do', () => {
    const full = renderToStaticMarkup(<MonthChart counts={[month(2025, 3, 1)]} locale="en" id="c" />);
    expect(full).toContain('1 story over 1 month. Each bar links to its month.');
    const compact = renderToStaticMarkup(
      <MonthChart counts={[month(2025, 3, 1), month(2025, 4, 2)]} locale="en" compact id="c" />,
    );
    expect(compact).toContain('3 stories over 2 months.');
    expect(compact).not.toContain(dictionary('en').chartBarsLink);
    expect(compact).not.toContain('<a ');
  });

  it('should label the years of the compact chart too, and give every linked bar a column-wide target', () => {
    const counts = [month(2024, 12, 1), month(2025, 1, 0), month(2025, 2, 4)];
    const compact = renderToStaticMarkup(<MonthChart counts={counts} locale="vi" compact id="c" />);
    expect([...compact.matchAll(/class="month-chart__year"[^>]*>(\d+)</g)].map((match) => match[1])).toEqual(['2025']);
    const full = renderToStaticMarkup(<MonthChart counts={counts} locale="vi" id="c" />);
    expect([...full.matchAll(/class="month-chart__year"[^>]*>(\d+)</g)].map((match) => match[1])).toEqual(['2025']);
    const targets = [
      ...full.matchAll(/<rect x="(\d+)" y="0" width="(\d+)" height="(\d+)" class="month-chart__target"/g),
    ];
    expect(targets.map((match) => Number(match[1]))).toEqual([0, 48]);
    for (const [, , width, height] of targets) {
      expect(Number(width)).toBeGreaterThanOrEqual(24);
      expect(Number(height)).toBeGreaterThanOrEqual(24);
    }
  });
});

describe('the aliases an entity page shows', () => {
  it('should leave out its names and forms that differ from a name or an earlier alias only in marks or case', () => {
    expect(
      aliasesToShow(
        ['Le Dung', 'Thượng tướng Lê Dũng', 'thuong tuong le dung', 'BTL 86', 'Lê Dũng'],
        ['Le Dung', 'Lê Dũng'],
      ),
    ).toEqual(['Thượng tướng Lê Dũng', 'BTL 86']);
  });
});

describe('the stories an entry is credited on', () => {
  it('should mark a story that exists only in the other language, as story cards do', () => {
    const both = makeStory({ id: 'in-both-languages', date: '2024-03-05' });
    const viOnly = makeStory({ id: 'in-vietnamese-only', date: '2024-04-05', locales: ['vi'] });
    const html = renderToStaticMarkup(
      <CreditedStories
        credited={[
          { story: both, roles: ['author'] },
          { story: viOnly, roles: ['source'] },
        ]}
        total={2}
        locale="en"
      />,
    );
    const items = html.split('<li>').slice(1);
    const badge = dictionary('en').onlyInOtherLanguage;
    expect(items.map((item) => item.includes(badge))).toEqual([false, true]);
  });
});
