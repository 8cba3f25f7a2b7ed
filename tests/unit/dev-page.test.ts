import { describe, expect, it } from 'vitest';
import type { ContentProblem } from '@/lib/content/problems';
import { devPage, PROBLEMS_OVERLAY_ID } from '@/lib/finishing/dev-page';
import { CONTENT_VERSION_ATTRIBUTE } from '@/lib/finishing/dev-protocol';
import { attributeOf, elementsIn, parsePage, textOf } from '@/lib/finishing/html-tree';
import { finishedPage } from '@/lib/finishing/page-html';
import { nextPage } from '../helpers/next-pages';

const scripts = {
  site: '/site.1.js',
  search: { script: '/search.3.js', shared: ['/search-shared.4.js'] },
};
const additions = { liveReload: '/live-reload.3.js', stylesheet: '/dev-overlay.css', version: 7, problems: [] };

const problem: ContentProblem = {
  kind: 'UnknownField',
  file: 'content/articles/my-story/en.md',
  line: 2,
  column: 1,
  field: 'titel',
  message: 'unknown field "titel" <script>alert(1)</script>',
};

const elementsOf = (html: string) => [...elementsIn(parsePage(html))];

describe('a page as npm run dev serves it', () => {
  const { html, urlPath } = nextPage('article.html');

  it('should be the finished page of the build plus the live-reload script and the overlay stylesheet only', () => {
    const built = elementsOf(finishedPage(html, urlPath, scripts)).map((element) => element.tagName);
    const served = elementsOf(devPage(html, urlPath, scripts, additions));
    expect(served.map((element) => element.tagName)).toEqual([
      ...built.slice(0, built.indexOf('body')),
      'link',
      'script',
      ...built.slice(built.indexOf('body')),
    ]);
    const reload = served.find((element) => attributeOf(element, 'src') === additions.liveReload);
    expect(reload && attributeOf(reload, CONTENT_VERSION_ATTRIBUTE)).toBe('7');
    expect(served.some((element) => attributeOf(element, 'href') === additions.stylesheet)).toBe(true);
    expect(served.some((element) => attributeOf(element, 'id') === PROBLEMS_OVERLAY_ID)).toBe(false);
  });

  it('should list each problem first in the body with its place, field, message and hint, as text', () => {
    const served = elementsOf(devPage(html, urlPath, scripts, { ...additions, problems: [problem] }));
    const body = served.find((element) => element.tagName === 'body');
    const overlay = served.find((element) => attributeOf(element, 'id') === PROBLEMS_OVERLAY_ID);
    expect(overlay && body?.childNodes[0]).toBe(overlay);
    const text = overlay ? textOf(overlay) : '';
    expect(text).toContain('content/articles/my-story/en.md:2:1');
    expect(text).toContain('titel');
    expect(text).toContain('unknown field "titel" <script>alert(1)</script>');
    expect(text).toContain('Remove the field or fix its spelling');
    // The message's markup stays text: no inline script but JSON-LD.
    expect(
      served.filter(
        (element) =>
          element.tagName === 'script' &&
          !attributeOf(element, 'src') &&
          attributeOf(element, 'type') !== 'application/ld+json',
      ),
    ).toEqual([]);
  });
});
