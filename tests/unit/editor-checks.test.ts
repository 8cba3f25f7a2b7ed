/**
 * What `npm run check` (and the build, which loads content the same way) finds before a
 * build would fail or a page would lose text: internal links to pages that do not exist,
 * names where ids belong, dates in other forms, HTML whose text is removed and links whose address is dropped. Each is
 * reported with its place and a hint, and all of them in one run.
 */
import { describe, expect, it } from 'vitest';
import { createKeyedCache } from '../../lib/caches/keyed-cache';
import type { RenderedBody } from '../../lib/caches/content-caches';
import type { CheckedFile } from '../../lib/content/checked-file';
import { parseMarkdown, renderMarkdown } from '../../lib/content/markdown';
import { droppedLinkProblems } from '../../lib/content/dropped-links';
import { loadContent } from '../../lib/content/load';
import { isoDateSuggestion } from '../../lib/site/dates';
import { formatProblem, type ContentProblem } from '../../lib/content/problems';
import { visibleHtmlText } from '../../lib/content/removed-html';
import {
  articleText,
  BASE_BODY,
  BASE_BODY_VI,
  BASE_EN,
  BASE_STORY_ID,
  BASE_VI,
  type FixtureOptions,
  fixturesRemovedAfterEach,
  positionOf,
  raw,
} from './helpers/content-fixture';

const EN = `articles/${BASE_STORY_ID}/en.md`;

const fixtureWith = fixturesRemovedAfterEach();

function load(options: FixtureOptions) {
  const fixture = fixtureWith(options);
  return { fixture, result: fixture.load() };
}

/** The problems of one kind, without the fixture's temporary folder in their file names. */
function ofKind(problems: readonly ContentProblem[], kind: ContentProblem['kind']) {
  return problems
    .filter((problem) => problem.kind === kind)
    .map(({ file, ...rest }) => ({ ...rest, file: file.replace(/^.*content-fixture-[^/]+\//, '') }));
}

/** A valid article file with this body. */
const englishWith = (body: string) => articleText(BASE_EN, body);

describe('names where ids belong', () => {
  it('should name the id to write for a person given by name, accents or not', () => {
    const text = articleText({ ...BASE_EN, people: ['Lương Cường'] });
    const { result } = load({ base: { en: text, vi: articleText({ ...BASE_VI, people: ['Luong Cuong'] }) } });
    expect(ofKind(result.problems, 'NameInsteadOfId')).toEqual([
      {
        kind: 'NameInsteadOfId',
        file: EN,
        ...positionOf(text, '"Lương Cường"'),
        field: 'people.0',
        message: '"Lương Cường" is a name; people lists ids',
        hint: 'Write `luong-cuong`, the id of "Lương Cường" in people.yaml.',
      },
      expect.objectContaining({
        file: `articles/${BASE_STORY_ID}/vi.md`,
        hint: 'Write `luong-cuong`, the id of "Luong Cuong" in people.yaml.',
      }),
    ]);
  });

  it('should name the id of a topic and an organisation given by their Vietnamese names', () => {
    const text = articleText({
      ...BASE_EN,
      topics: ['Công ước Hà Nội'],
      organisations: ['united-nations', 'Liên hợp quốc'],
    });
    const { result } = load({ base: { en: text } });
    expect(ofKind(result.problems, 'NameInsteadOfId').map((problem) => [problem.field, problem.hint])).toEqual([
      ['topics.0', 'Write `hanoi-convention`, the id of "Công ước Hà Nội" in topics.yaml.'],
      ['organisations.1', 'Write `united-nations`, the id of "Liên hợp quốc" in organisations.yaml.'],
    ]);
  });

  it('should leave a text that names no entry an invalid id', () => {
    const { result } = load({ base: { en: articleText({ ...BASE_EN, people: ['Somebody Unknown'] }) } });
    expect(ofKind(result.problems, 'NameInsteadOfId')).toEqual([]);
    expect(ofKind(result.problems, 'InvalidField').map((problem) => problem.field)).toEqual(['people.0']);
  });
});

describe('dates in other forms', () => {
  it.each([
    ['25/10/2025', 'Write `2025-10-25`: dates are written year-month-day (YYYY-MM-DD).'],
    ['25.10.2025', 'Write `2025-10-25`: dates are written year-month-day (YYYY-MM-DD).'],
    ['10/25/2025', 'Write `2025-10-25`: dates are written year-month-day (YYYY-MM-DD).'],
    ['October 25, 2025', 'Write `2025-10-25`: dates are written year-month-day (YYYY-MM-DD).'],
    ['25 October 2025', 'Write `2025-10-25`: dates are written year-month-day (YYYY-MM-DD).'],
    ['ngày 25/1/2025', 'Write `2025-01-25`: dates are written year-month-day (YYYY-MM-DD).'],
    [
      '05/10/2025',
      'Write `2025-10-05`, or `2025-05-10` if the month comes first: dates are written year-month-day (YYYY-MM-DD).',
    ],
    ['10/2025', 'Write `2025-10`: a month is written year-month (YYYY-MM).'],
    ['2025-4-5', 'Write `2025-04-05`: dates are written year-month-day (YYYY-MM-DD).'],
    ['2025-4', 'Write `2025-04`: a month is written year-month (YYYY-MM).'],
  ])('should suggest how to write %s', (written, hint) => {
    expect(isoDateSuggestion(written, true)).toBe(hint);
  });

  it.each(['31/02/2025', '25/10/25', 'soon', '2025'])(
    'should suggest nothing for %s, which is no date it can read',
    (written) => {
      expect(isoDateSuggestion(written, true)).toBeUndefined();
    },
  );

  it('should report the story date with the date to write as its hint', () => {
    const text = articleText({ ...BASE_EN, date: raw('25/10/2025') });
    const { result } = load({ base: { en: text } });
    expect(ofKind(result.problems, 'InvalidField')).toEqual([
      {
        kind: 'InvalidField',
        file: EN,
        ...positionOf(text, '25/10/2025'),
        field: 'date',
        message: 'expected a date as YYYY-MM-DD or YYYY-MM, got "25/10/2025"',
        hint: 'Write `2025-10-25`: dates are written year-month-day (YYYY-MM-DD).',
      },
    ]);
  });

  it('should not offer a month alone for a day-only field', () => {
    const text = articleText({
      ...BASE_EN,
      updated: '11/2025',
      corrections: [{ date: '20/11/2025', text: 'A name was corrected.' }],
    });
    const { result } = load({ base: { en: text } });
    expect(ofKind(result.problems, 'InvalidField').map((problem) => [problem.field, problem.hint])).toEqual([
      ['updated', undefined],
      ['corrections.0.date', 'Write `2025-11-20`: dates are written year-month-day (YYYY-MM-DD).'],
    ]);
  });
});

describe('HTML whose text is removed', () => {
  it('should warn about a block of HTML with text, quoting the text', () => {
    const body = 'The President inspected the rehearsal.\n\n<div class="note">The ceremony is on\n25 October.</div>\n';
    const text = englishWith(body);
    const { result } = load({ base: { en: text } });
    expect(ofKind(result.problems, 'RemovedHtmlText')).toEqual([
      {
        kind: 'RemovedHtmlText',
        file: EN,
        ...positionOf(text, '<div'),
        message: 'the HTML <div> is removed from the page, and its text "The ceremony is on 25 October." with it',
        hint: 'Write the text outside the HTML. Markdown has no <div>.',
      },
    ]);
    expect(
      formatProblem(result.problems.find((problem) => problem.kind === 'RemovedHtmlText') ?? ({} as ContentProblem)),
    ).toContain(
      'warning: the HTML <div> is removed from the page, and its text "The ceremony is on 25 October." with it [RemovedHtmlText]\n    hint: Write the text outside the HTML',
    );
  });

  it('should not warn of lost text for inline tags around Markdown text, comments, or script', () => {
    const body =
      "The <b>President</b> inspected the rehearsal.<br>\n\n<!-- an editor's note -->\n\n<script>alert(1)</script>\n";
    const { result } = load({ base: { en: englishWith(body) } });
    expect(ofKind(result.problems, 'RemovedHtmlText')).toEqual([]);
  });
});

describe('HTML tags that are removed', () => {
  /** The RemovedHtml warnings of an English file with this body: where each stands, what it says and its hint. */
  function removed(body: string) {
    const text = englishWith(body);
    const { result } = load({ base: { en: text } });
    return {
      text,
      problems: ofKind(result.problems, 'RemovedHtml').map(({ line, column, message, hint }) => ({
        line,
        column,
        message,
        hint,
      })),
    };
  }

  it('should warn at each tag of a paragraph, saying what it did and the Markdown that does it', () => {
    const { text, problems } = removed(
      'The budget is 10<sup>6</sup> dong, see the <a href="https://example.com/decree">decree text</a>.<br>Next line.\n',
    );
    expect(problems).toEqual([
      {
        ...positionOf(text, '<sup>'),
        message: 'the HTML <sup> is removed from the page; the text it marks is kept, without it',
        hint: 'Markdown has no <sup>: the text it marks is shown as plain text, so word it to read right that way (10⁶, with the character ⁶, or "a million").',
      },
      {
        ...positionOf(text, '<a href'),
        message:
          'the HTML <a> is removed from the page, and the address "https://example.com/decree" with it; the text it marks is kept, without it',
        hint: 'Write it in Markdown: [the words it links](https://example.com/decree).',
      },
      {
        ...positionOf(text, '<br>'),
        message: 'the HTML <br> is removed from the page, and the line break with it',
        hint: 'Write it in Markdown: a backslash (\\) at the end of a line, to break it there.',
      },
    ]);
  });

  it.each(['javascript:alert(2)', 'data:text/html,x', 'JAVASCRIPT:alert(2)'])(
    'should not advise a link to %j, which the page would drop as well',
    (address) => {
      const { problems } = removed(`See <a href="${address}">this</a>.\n`);
      expect(problems.map((problem) => problem.hint)).toEqual([
        'Write it in Markdown: [the words it links](https://…), with an http(s) address or a page of the archive (/en/articles/<story-id>/).',
      ]);
    },
  );

  it('should warn about a block of HTML without text, with the Markdown that shows the same', () => {
    const { text, problems } = removed(
      'First paragraph.\n\n<img src="photo.jpg" alt="Delegates at the session">\n\n<hr>\n\n<script>alert(1)</script>\n',
    );
    expect(problems).toEqual([
      {
        ...positionOf(text, '<img'),
        message: 'the HTML <img> is removed from the page, and the photo "photo.jpg" with it',
        hint: 'Write it in Markdown: ![Delegates at the session](photo.jpg).',
      },
      {
        ...positionOf(text, '<hr>'),
        message: 'the HTML <hr> is removed from the page',
        hint: 'Write it in Markdown: --- on a line of its own, between blank lines.',
      },
      {
        ...positionOf(text, '<script>'),
        message: 'the HTML <script> is removed from the page',
        hint: 'Markdown has no <script>, and a page shows nothing of it: remove it.',
      },
    ]);
  });

  it('should name the link and the photo a block takes with its text, and how to write them', () => {
    const text = englishWith(
      'First paragraph.\n\n<p>See <a href="https://example.com/decree">the decree</a> <img src="scene.jpg"></p>\n',
    );
    const { result } = load({ base: { en: text } });
    expect(ofKind(result.problems, 'RemovedHtmlText').map(({ message, hint }) => ({ message, hint }))).toEqual([
      {
        message:
          'the HTML <p>, <a> and <img> is removed from the page, and its text "See the decree", the photo "scene.jpg" and the address "https://example.com/decree" with it',
        hint: 'Write the text outside the HTML, in Markdown: a blank line between paragraphs; [the words it links](https://example.com/decree); ![what the photo shows](scene.jpg).',
      },
    ]);
  });

  it('should say nothing of comments and closing tags, which remove nothing a reader would miss', () => {
    expect(
      removed("Text *with* emphasis.\n\n<!-- an editor's note -->\n\nText </span>with a closing tag.\n").problems,
    ).toEqual([]);
  });

  it('should warn about the first pieces of HTML of a file, then count the rest', () => {
    const { problems } = removed(`${'A <span>word</span>. '.repeat(25)}\n`);
    expect(problems).toHaveLength(20);
    expect(problems.at(-1)?.message).toBe(
      'the HTML <span> is removed from the page; the text it marks is kept, without it, and 5 more pieces of HTML are removed further on',
    );
  });

  it('should refuse a comment that is never closed, at its line, and publish no half of the story', () => {
    const body = 'First paragraph.\n\n<!-- editor note\n\nSecond paragraph a reader must see.\n\nThird paragraph.\n';
    const text = englishWith(body);
    const { result } = load({ base: { en: text } });
    expect(ofKind(result.problems, 'UnclosedHtml')).toEqual([
      {
        kind: 'UnclosedHtml',
        file: EN,
        ...positionOf(text, '<!--'),
        message: 'the HTML comment opened here is never closed with -->: everything after it would be dropped',
      },
    ]);
    expect(
      formatProblem(result.problems.find((problem) => problem.kind === 'UnclosedHtml') ?? ({} as ContentProblem)),
    ).toContain('[UnclosedHtml]\n    hint: Close it (--> after a comment');
    expect(result.archive.stories).toEqual([]);
  });

  it.each([
    ['<script>\nlet x = 1;', 'the <script> element opened here is never closed with </script>'],
    ['<STYLE>\np { color: red }', 'the <style> element opened here is never closed with </style>'],
    ['<pre>\nkept as typed', 'the <pre> element opened here is never closed with </pre>'],
    ['<textarea', 'the <textarea> element opened here is never closed with </textarea>'],
    ['<![CDATA[ raw', 'the CDATA section opened here is never closed with ]]>'],
    ['<?php echo 1;', 'the processing instruction <? opened here is never closed with ?>'],
    ['<!DOCTYPE x', 'the declaration <!DOCTYPE opened here is never closed with >'],
  ])('should refuse %j when it is never closed', (opening, expected) => {
    const text = englishWith(`First paragraph.\n\n${opening}\n\nSecond paragraph a reader must see.\n`);
    const { result } = load({ base: { en: text } });
    expect(ofKind(result.problems, 'UnclosedHtml').map(({ line, message }) => ({ line, message }))).toEqual([
      { line: positionOf(text, opening).line, message: `${expected}: everything after it would be dropped` },
    ]);
  });

  it('should name the quote or list item an unclosed block empties', () => {
    const body =
      'First paragraph.\n\n> Quoted.\n>\n>   <!-- note\n> More quoted.\n\n- item\n\n  <pre>\n  code\n\nAfter.\n';
    const text = englishWith(body);
    const { result } = load({ base: { en: text } });
    expect(
      ofKind(result.problems, 'UnclosedHtml').map(({ line, column, message }) => ({ line, column, message })),
    ).toEqual([
      {
        ...positionOf(text, '<!--'),
        message: 'the HTML comment opened here is never closed with -->: the rest of the quote would be dropped',
      },
      {
        ...positionOf(text, '<pre>'),
        message:
          'the <pre> element opened here is never closed with </pre>: the rest of the list item would be dropped',
      },
    ]);
  });

  it('should accept closed blocks, one-line comments and script tags inside a paragraph', () => {
    const body =
      "First paragraph.\n\n<!-- an editor's\nnote -->\n\n<script>\nx\n</script>\n\n<!-->\n\n<?php ?>\n\n<!DOCTYPE html>\n\nA <script> tag in a sentence.\n";
    const { result } = load({ base: { en: englishWith(body) } });
    expect(ofKind(result.problems, 'UnclosedHtml')).toEqual([]);
    expect(result.archive.stories).toHaveLength(1);
  });

  it('should read the text a browser would show', () => {
    expect(visibleHtmlText('<p>One &amp; <em>two</em></p><!-- three --><style>p{}</style>')).toBe('One & two');
    expect(visibleHtmlText('<img src="x.png" alt="a photo">')).toBe('');
  });
});

describe('links to pages of the archive', () => {
  const other = { en: articleText({ ...BASE_EN, title: 'Another story' }, BASE_BODY), vi: null };

  function linkProblems(body: string, options: FixtureOptions = {}) {
    const text = englishWith(body);
    const { result } = load({ ...options, base: { en: text } });
    return { text, problems: ofKind(result.problems, 'BrokenLink') };
  }

  it('should accept links to stories, entities, feeds and pages that exist, and to other sites', () => {
    const body = [
      `See [the rehearsal](/en/articles/${BASE_STORY_ID}/), [its translation](/vi/articles/${BASE_STORY_ID}/),`,
      '[another](../another-story/) and [again][ref], [the President](/vi/people/luong-cuong/), [a topic](/en/topics/cybersecurity),',
      '[the feed](/en/feed.xml), [about](/en/about/), [search](/en/search/?q=86), [a section](#preparations), [VNA](https://vietnamplus.vn/).',
      '',
      '[ref]: /en/articles/another-story/index.html',
    ].join('\n');
    expect(linkProblems(body, { stories: { 'another-story': other } }).problems).toEqual([]);
  });

  it.each(['/\\evil.example/', `..\\${BASE_STORY_ID}/`, `/en/articles\\${BASE_STORY_ID}/`])(
    'should report the link %s, whose backslash the page keeps in an address that leads nowhere',
    (url) => {
      const { text, problems } = linkProblems(`See [the page](${url}).\n`);
      expect(problems).toEqual([
        {
          kind: 'BrokenLink',
          file: EN,
          ...positionOf(text, url),
          message: `the link "${url}" leads to no page: the page keeps its backslash (\\) in the address, which no page has`,
          hint: "Write the address with forward slashes only, from the site's root: /en/articles/<story-id>/.",
        },
      ]);
      // The address on the page is this site's, with the backslash encoded: a reader following it finds no page.
      expect(renderMarkdown(`[x](${url})\n`).html).toContain('%5C');
    },
  );

  it('should report a story that does not exist at the address as written, with the nearest story', () => {
    const { text, problems } = linkProblems(
      'See [the story](/en/articles/base-stroy/) and [that](/en/articles/nothing-like-it/).\n',
    );
    expect(problems).toEqual([
      {
        kind: 'BrokenLink',
        file: EN,
        ...positionOf(text, '/en/articles/base-stroy/'),
        message: 'the link "/en/articles/base-stroy/" leads to no page: there is no story "base-stroy"',
        hint: `Did you mean \`/en/articles/${BASE_STORY_ID}/\`? A story's id is its folder name in articles/.`,
      },
      {
        kind: 'BrokenLink',
        file: EN,
        ...positionOf(text, '/en/articles/nothing-like-it/'),
        message: 'the link "/en/articles/nothing-like-it/" leads to no page: there is no story "nothing-like-it"',
        hint: 'A story is linked by its folder name in articles/: /en/articles/<story-id>/.',
      },
    ]);
  });

  it('should report a relative link that leads below the article', () => {
    const { problems } = linkProblems('See [the other story](another-story/).\n', {
      stories: { 'another-story': other },
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      'the link "another-story/" leads to no page: it is not a page of the archive',
    ]);
  });

  it('should name the language a story lacks and the version that exists', () => {
    const { problems } = linkProblems('See [it](/vi/articles/another-story/).\n', {
      stories: { 'another-story': other },
    });
    expect(problems.map(({ message, hint }) => ({ message, hint }))).toEqual([
      {
        message: 'the link "/vi/articles/another-story/" leads to no page: the story "another-story" has no vi version',
        hint: 'Link `/en/articles/another-story/`, the version that exists, or add vi.md to the story.',
      },
    ]);
  });

  it('should report a link to a draft from a published story, not from another draft', () => {
    const draft = { en: articleText({ ...BASE_EN, draft: true }), vi: null };
    const link = 'See [the draft](/en/articles/draft-story/).\n';
    expect(
      linkProblems(link, { stories: { 'draft-story': draft } }).problems.map(({ message, hint }) => ({
        message,
        hint,
      })),
    ).toEqual([
      {
        message:
          'the link "/en/articles/draft-story/" leads to no page: the story "draft-story" is a draft in en, so its page is not published',
        hint: 'Publish that story first (draft: false in its file), or link it once it is published.',
      },
    ]);
    const { result } = load({
      stories: { 'draft-story': draft },
      base: { en: articleText({ ...BASE_EN, draft: true }, link) },
    });
    expect(ofKind(result.problems, 'BrokenLink')).toEqual([]);
  });

  it('should suggest the nearest entry of a registry, and the nearest page', () => {
    const { problems } = linkProblems('[He](/en/people/luong-cuongg/) and [about](/en/abuot/)\n');
    expect(problems.map(({ message, hint }) => ({ message, hint }))).toEqual([
      {
        message: 'the link "/en/people/luong-cuongg/" leads to no page: people.yaml has no "luong-cuongg"',
        hint: 'Did you mean `/en/people/luong-cuong/`?',
      },
      {
        message: 'the link "/en/abuot/" leads to no page: it is not a page of the archive',
        hint: "Did you mean `/en/about/`? Internal links are written from the site's root, e.g. /en/articles/<story-id>/.",
      },
    ]);
  });

  it('should not judge links to a story whose own errors keep it out', () => {
    const broken = { en: articleText({ ...BASE_EN, topics: ['no-such-topic'] }), vi: null };
    const { problems } = linkProblems('See [it](/en/articles/broken-story/).\n', {
      stories: { 'broken-story': broken },
    });
    expect(problems).toEqual([]);
  });
});

describe('links whose address the page drops', () => {
  const DROPPED = [
    ['a script address', '[click](javascript:alert(1))'],
    ['a script address in mixed case', '[click](JaVaScRiPt:alert(1))'],
    ['a script address written with character references', '[click](&#x6A;avascript&#x3A;alert(1))'],
    ['a script address with a tab inside', '[click](java&Tab;script:alert(1))'],
    ['a data address', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['an automatic link to a script address', '<vbscript:msgbox(1)>'],
    ['a reference to a script address', 'A [reference][r].\n\n[r]: <JavaScript:alert(1)>'],
    ['a telephone number', '[call us](tel:+842437335678)'],
    ['a web address with its scheme in capitals', '[the ministry](HTTPS://mod.gov.vn/)'],
  ];
  const KEPT = [
    ['a web address', '[the ministry](https://mod.gov.vn/)'],
    ['a mail address', '[write](mailto:desk@example.org)'],
    ['a page of the archive', '[the story](/en/about/)'],
    ['a place in the page', '[below](#user-content-x)'],
    ['a bare web address', 'See www.example.org for more.'],
    ['an address with a colon after its path', '[the file](files/a:b)'],
    ['an address with a colon in its query', '[search](?q=a:b)'],
    ['a reference to a web address', 'A [reference][r].\n\n[r]: https://example.org/'],
    ['a definition only a photo names', '![a photo][p]\n\n[p]: javascript:alert(1)'],
  ];

  it.each(DROPPED)('should warn where the page drops %s, and the page does drop it', (_case, body) => {
    const problems = droppedLinkProblems(parseMarkdown(body), body, 1, 'en.md');
    expect(problems.map((problem) => problem.kind)).toEqual(['DroppedLink']);
    expect(renderMarkdown(body).html).not.toMatch(/<a [^>]*href/);
  });

  it.each(KEPT)('should not warn about %s, which the page keeps', (_case, body) => {
    expect(droppedLinkProblems(parseMarkdown(body), body, 1, 'en.md')).toEqual([]);
    if (!body.startsWith('![')) expect(renderMarkdown(body).html).toMatch(/<a [^>]*href/);
  });

  it('should name the line and column of the link, quote its address and say which addresses are kept', () => {
    const body = 'The President inspected the rehearsal.\n\nCall [the desk](tel:+842437335678) today.\n';
    const text = englishWith(body);
    const { result } = load({ base: { en: text } });
    expect(ofKind(result.problems, 'DroppedLink')).toEqual([
      {
        kind: 'DroppedLink',
        file: EN,
        ...positionOf(text, '[the desk]'),
        message:
          'the link to "tel:+842437335678" is shown without its address: a link keeps http:, https:, irc:, ircs:, mailto:, xmpp: addresses (in lowercase) and the archive\'s own pages',
      },
    ]);
    expect(
      formatProblem(result.problems.find((problem) => problem.kind === 'DroppedLink') ?? ({} as ContentProblem)),
    ).toContain('[DroppedLink]\n    hint: Write the address in full with its scheme in lowercase (https://…');
    expect(result.archive.stories).toHaveLength(1);
  });
});

describe('every problem of a file in one run', () => {
  it('should report a name for an id, a date in another form, a broken link, removed HTML and an unknown id together', () => {
    const text = articleText(
      { ...BASE_EN, date: raw('23/10/2025'), topics: ['cybersecurity', 'hanoi-convetion'], people: ['Luong Cuong'] },
      'See [the story](/en/articles/no-story-here/).\n\n<div>Removed text.</div>\n',
    );
    const { result } = load({ base: { en: text, vi: null } });
    expect(result.problems.map((problem) => [problem.kind, problem.line])).toEqual([
      ['InvalidField', positionOf(text, '23/10/2025').line],
      ['UnknownReference', positionOf(text, 'hanoi-convetion').line],
      ['NameInsteadOfId', positionOf(text, 'Luong Cuong').line],
      ['BrokenLink', positionOf(text, '/en/articles/no-story-here/').line],
      ['RemovedHtmlText', positionOf(text, '<div>').line],
    ]);
  });
});

describe('with the build caches', () => {
  it('should report links and numbers from the cached outcome of an unchanged file, as on its first check', () => {
    const en = englishWith('See [the story](/en/articles/no-story-here/).\n\nIt lasts 3 hours.\n');
    const { fixture } = load({ base: { en } });
    const caches = {
      renderCache: createKeyedCache<RenderedBody>('code'),
      checkCache: createKeyedCache<CheckedFile>('code'),
    };
    const kinds = (problems: readonly ContentProblem[]) =>
      problems.map((problem) => `${problem.file.slice(-5)} ${problem.kind} ${problem.line}`);
    const first = loadContent(fixture.dir, caches).problems;
    // The Vietnamese base file's date (25/10) is not in this English text either.
    expect(kinds(first)).toEqual([
      `en.md BrokenLink ${positionOf(en, '/en/articles/no-story-here/').line}`,
      `en.md NumbersDiffer ${positionOf(en, '3 hours').line}`,
      `vi.md NumbersDiffer ${positionOf(articleText(BASE_VI, BASE_BODY_VI), '25/10').line}`,
    ]);
    caches.checkCache.hits = 0;
    const second = loadContent(fixture.dir, caches).problems;
    expect(caches.checkCache.hits).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });
});
