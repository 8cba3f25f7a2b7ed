import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCached, renderKey } from '@/lib/caches/content-caches';
import { attributeOf, elementsIn, parsePage } from '@/lib/finishing/html-tree';
import { createKeyedCache, readKeyedCache, writeKeyedCache } from '@/lib/caches/keyed-cache';
import { renderMarkdown } from '@/lib/content/markdown';
import { ARTICLE_BODY_ATTRIBUTE, bundledScriptUrls, finishedPage } from '@/lib/finishing/page-html';
import { pageSafetyProblems, renderedBodyProblems } from '../../scripts/quality/page-safety';
import { nextPage, nextPages } from '../helpers/next-pages';

const scripts = {
  site: '/site.1.js',
  search: { script: '/search.3.js', shared: ['/search-shared.4.js'] },
};
const SITE_SCRIPTS = bundledScriptUrls(scripts);

/** A finished page with `body` in its main, and `article` as the rendered Markdown of an article body. */
const page = (body: string, article = '<p>Text.</p>') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><script src="${scripts.site}" defer=""></script></head><body><main>${body}<article><div class="article__body" ${ARTICLE_BODY_ATTRIBUTE}="">${article}</div></article></main></body></html>`;

const problemsOf = (body: string, article?: string) => pageSafetyProblems(page(body, article), SITE_SCRIPTS);

/**
 * An article page as React writes it: the rendered body goes between the marked element's
 * tags as it is, so whatever the body holds is parsed with the page.
 */
function withArticleBody(html: string, body: string): string {
  const element = [...elementsIn(parsePage(html))].find(
    (candidate) => attributeOf(candidate, ARTICLE_BODY_ATTRIBUTE) !== undefined,
  );
  const location = element?.sourceCodeLocation;
  if (!location?.startTag || !location.endTag) throw new Error('The article page has no marked body');
  return html.slice(0, location.startTag.endOffset) + body + html.slice(location.endTag.startOffset);
}

describe('the page check', () => {
  it.each(nextPages().map((fixture) => [fixture.name, fixture]))(
    'should pass %s as finishing makes it from the page Next built',
    (_name, fixture) => {
      expect(pageSafetyProblems(finishedPage(fixture.html, fixture.urlPath, scripts), SITE_SCRIPTS)).toEqual([]);
    },
  );

  it('should find the marked body in the real article page, and hold it to the sanitiser', () => {
    const { html, urlPath } = nextPage('article.html');
    const poisoned = withArticleBody(finishedPage(html, urlPath, scripts), '<p>Text.</p><iframe src="/x"></iframe>');
    expect(pageSafetyProblems(poisoned, SITE_SCRIPTS)).toEqual([
      expect.stringMatching(
        /^inside the article body <div data-article-body=""> at \d+:\d+: <iframe> at \d+:\d+ is not allowed by the sanitiser$/,
      ),
    ]);
  });

  it.each([
    ['an inline script', '<script>alert(1)</script>', /<script> at 1:\d+: a script that is neither/],
    [
      'a script from another file',
      '<script src="/other.js" defer=""></script>',
      /<script src="\/other\.js" defer=""> .*neither/,
    ],
    [
      'a site script with more attributes',
      `<script src="${scripts.site}" defer="" onload="x()"></script>`,
      /neither one of the site's bundled scripts/,
    ],
    ['a JSON script that is not JSON-LD', '<script type="application/json">{}</script>', /neither/],
    ['JSON-LD with another attribute', '<script type="application/ld+json" id="x">{}</script>', /neither/],
    ['JSON-LD with a type not exactly its own', '<script type="application/ld+json ">{}</script>', /neither/],
    ['an event handler', '<p onclick="x()">a</p>', /<p onclick="x\(\)"> at 1:\d+: an event-handler attribute onclick/],
    ['an upper-case event handler', '<img ONERROR="x()" src="/a.png" alt="">', /an event-handler attribute onerror/],
    ['a javascript: link', '<a href="javascript:alert(1)">a</a>', /a javascript: URL in href/],
    [
      'a javascript: link in mixed case with spaces and controls',
      '<a href=" \u0001JaVa&#x09;ScRiPt:alert(1)">a</a>',
      /a javascript: URL in href/,
    ],
    ['a javascript: link split by a newline', '<a href="java\nscript:alert(1)">a</a>', /a javascript: URL in href/],
    ['a vbscript: source', '<img src="vbscript:x" alt="">', /a vbscript: URL in src/],
    ['a data: frame', '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>', /a data: URL in src/],
    ['a javascript: form action', '<form action="javascript:x()"></form>', /a javascript: URL in action/],
    [
      'a javascript: button action',
      '<button formaction="javascript:x()">a</button>',
      /a javascript: URL in formaction/,
    ],
    [
      'a javascript: link in SVG',
      '<svg><a xlink:href="javascript:x()"><text>a</text></a></svg>',
      /a javascript: URL in xlink:href/,
    ],
    [
      'a javascript: image candidate',
      '<img srcset="/a.png 1x, javascript:x() 2x" alt="">',
      /a javascript: URL in srcset/,
    ],
    ["Next's chunk", '<script src="/_next/static/chunks/a.js" async=""></script>', /a script that is neither/],
    ["Next's chunk preloaded", '<link rel="preload" as="script" href="/_next/static/chunks/a.js">', /a script preload/],
    ['a module preload', '<link rel="modulepreload" href="/a.js">', /a script preload/],
    [
      "a module preload of the site's own with more attributes",
      '<link rel="modulepreload" href="/search-shared.4.js" onload="x()">',
      /an event-handler attribute onload/,
    ],
    [
      'a script of the site as a module with more attributes',
      '<script type="module" src="/search.3.js" async=""></script>',
      /neither/,
    ],
    [
      "Next's chunk loaded as anything",
      '<link rel="prefetch" href="/_next/static/chunks/a.js">',
      /a file of Next's runtime in href/,
    ],
    ["Next's payload", '<script>self.__next_f.push([1,""])</script>', /a script of Next's runtime \(self\.__next_f\)/],
    ["Next's boundary swap", '<script>$RC("B:0","S:0")</script>', /a script of Next's runtime \(\$RC\)/],
    ['a streaming boundary template', '<template id="B:0"></template>', /a streaming placeholder/],
    ['a streamed segment', '<div hidden id="S:0"><p>late</p></div>', /a streaming placeholder/],
  ])('should reject %s', (_what, markup, message) => {
    const problems = problemsOf(markup);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(message);
  });

  it.each([
    [
      'an element the sanitiser removes',
      '<p>a</p><iframe src="/x"></iframe>',
      /<iframe> at 1:\d+ is not allowed by the sanitiser/,
    ],
    ['a style element', '<style>p{}</style>', /<style> at 1:\d+ is not allowed/],
    [
      'an element inside an allowed one',
      '<ul><li>a<object data="/x"></object></li></ul>',
      /<object> at 1:\d+ is not allowed/,
    ],
    [
      'a style attribute',
      '<p style="color:red">a</p>',
      /<p> at 1:\d+ has attributes the sanitiser does not allow as they are: style/,
    ],
    ['a class outside the allowed ones', '<p class="site-header">a</p>', /<p> .* className/],
    [
      'an id without the content prefix',
      '<h2 id="main">a</h2>',
      /<h2 id="main"> at 1:\d+ has an id without the prefix user-content-/,
    ],
    ['a name without the content prefix', '<a name="x" href="/">a</a>', /<a> .* name/],
    ['a link to a scheme the sanitiser drops', '<a href="ftp://example.com/">a</a>', /<a> .* href/],
    [
      'a form control other than a task list checkbox',
      '<p><input type="text"></p>',
      /<input> at 1:\d+ has attributes the sanitiser does not allow as they are: type/,
    ],
    ['a comment', '<p>a</p><!-- a -->', /a comment at 1:\d+ is not allowed/],
  ])('should reject, inside an article body, %s', (_what, article, message) => {
    const problems = problemsOf('', article);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^inside the article body <div data-article-body=""> at 1:\d+: /);
    expect(problems[0]).toMatch(message);
  });

  it('should pass what the renderer makes of rich Markdown: headings, captions, tables, task lists, footnotes, links', () => {
    const markdown = [
      '## A heading',
      '*A caption*',
      'Text with a [link](https://example.com "title"), `code`, **bold** and a note.[^1]',
      '| a | b |\n|---|:-:|\n| 1 | 2 |',
      '- [x] done\n- [ ] to do',
      '> A quote',
      '```ts\nlet a = 1;\n```',
      '[^1]: The note.',
    ].join('\n\n');
    expect(problemsOf('', renderMarkdown(markdown).html)).toEqual([]);
  });

  it('should allow outside the article body what the page itself is made of', () => {
    expect(
      problemsOf(
        '<p class="site-header" id="main" style="x">a</p><form action="/en/search/"><input type="search" name="q"></form>',
      ),
    ).toEqual([]);
  });
});

describe('the check of the rendered bodies', () => {
  it('should pass what the renderer makes of Markdown', () => {
    expect(
      renderedBodyProblems([
        {
          file: 'articles/x/en.md',
          html: renderMarkdown('## Title\n\nText [a](https://example.com).[^1]\n\n[^1]: Note.').html,
        },
      ]),
    ).toEqual([]);
  });

  it('should judge what a body puts after closing its element early, which the page check sees outside every body', () => {
    const escaping = '<p>Text.</p></div><iframe src="/x"></iframe><div>';
    const { html, urlPath } = nextPage('article.html');
    const pageProblems = pageSafetyProblems(
      finishedPage(withArticleBody(html, escaping), urlPath, scripts),
      SITE_SCRIPTS,
    );
    expect(pageProblems.filter((problem) => problem.includes('iframe'))).toEqual([]);
    expect(renderedBodyProblems([{ file: 'articles/x/en.md', html: escaping }])).toEqual([
      expect.stringMatching(
        /^articles\/x\/en\.md: the rendered body: <iframe> at 1:\d+ is not allowed by the sanitiser$/,
      ),
    ]);
  });
});

describe('a poisoned render cache', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'poisoned-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should not reach a reader: the page that would ship fails the check, or the body was rendered again', () => {
    const markdown = 'An ordinary paragraph.';
    const poison = [
      '<p>An ordinary paragraph.</p>',
      '<script type="application/json">{}</script>',
      '<img src="/x.png" alt="" onerror="alert(1)">',
      '<a href="javascript:alert(1)">a</a>',
      '<iframe src="/x"></iframe>',
      '</div><object data="/x"></object><div>',
    ].join('');
    // A cache file written by someone else, under the key of a real body.
    const file = path.join(dir, 'render-cache.bin');
    const poisoned = createKeyedCache('the renderer', [
      [renderKey(markdown), { ...renderMarkdown(markdown), html: poison }],
    ]);
    poisoned.used.add(renderKey(markdown));
    writeKeyedCache(file, poisoned);
    const rendered = renderCached(markdown, readKeyedCache(file, 'the renderer'));

    const { html, urlPath } = nextPage('article.html');
    const shipped = finishedPage(withArticleBody(html, rendered.html), urlPath, scripts);
    // The build checks both the archive's bodies and the pages.
    const problems = [
      ...renderedBodyProblems([{ file: 'articles/x/en.md', html: rendered.html }]),
      ...pageSafetyProblems(shipped, SITE_SCRIPTS),
    ];
    if (rendered.html === poison) {
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/onerror/),
          expect.stringMatching(/javascript: URL in href/),
          expect.stringMatching(/inside the article body .*<(?:img|iframe)>/),
          expect.stringMatching(/the rendered body: <script> at 1:\d+ is not allowed by the sanitiser/),
        ]),
      );
    } else {
      expect(problems).toEqual([]);
      expect(rendered.html).toBe(renderMarkdown(markdown).html);
    }
  });
});
