/**
 * The scan before parsing refuses each shape of Markdown that would cost the parser far
 * more than its length, or nest deeper than the renderer's stack allows, and nothing a
 * report is made of. Refusals are timed: the point is that they come at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitArticleSource } from '../../lib/content/frontmatter';
import { MAX_BODY_BYTES } from '../../lib/content/articles';
import { renderMarkdown } from '../../lib/content/markdown';
import {
  markdownLimitBreaches,
  MAX_DELIMITERS_PER_BLOCK,
  MAX_NESTING,
  MAX_TABLE_PIPES_PER_LINE,
} from '../../lib/content/markdown-limits';
import {
  articleText,
  BASE_EN,
  BASE_STORY_ID,
  fixturesRemovedAfterEach,
  REAL_CONTENT_DIR,
} from './helpers/content-fixture';

/** The scan of a whole body must take well under this, whatever it holds. */
const SCAN_MS = 1_000;

function timedBreaches(body: string) {
  const started = performance.now();
  const breaches = markdownLimitBreaches(body);
  return { breaches, ms: performance.now() - started };
}

const nestedList = (depth: number) =>
  Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- item`).join('\n');

describe('markdownLimitBreaches', () => {
  describe('hostile shapes', () => {
    it.each([
      ['emphasis delimiters, *a repeated', '*a'.repeat(40_000), /more than 1000 of the characters/],
      ['underscore delimiters, _a repeated', '_a'.repeat(40_000), /more than 1000 of the characters/],
      ['strikethrough delimiters', '~~a'.repeat(30_000), /more than 1000 of the characters/],
      ['unclosed link openers', '['.repeat(200_000), /more than 1000 of the characters/],
      ['nested links', `${'[a]('.repeat(20_000)}${')'.repeat(20_000)}`, /more than 1000 of the characters/],
      [
        'backtick runs of every length',
        Array.from({ length: 2_000 }, (_, index) => `${'`'.repeat(index + 1)}a`).join(' '),
        /more than 1000 of the characters/,
      ],
      ['blockquotes nested on one line', `${'>'.repeat(3_000)} a`, /nest more than 16 levels/],
      [
        'blockquotes around a thematic break',
        `${'>'.repeat(3_000)}***${' '.repeat(5_000)}`,
        /nest more than 16 levels/,
      ],
      ['a list item of a thematic break in blockquotes', `${'> '.repeat(3_000)}- - - -`, /nest more than 16 levels/],
      ['list markers nested on one line', `${'- '.repeat(3_000)}a`, /nest more than 16 levels/],
      ['lists nested by indentation', nestedList(400), /nest more than 16 levels/],
      [
        'footnote definitions nested by indentation',
        Array.from({ length: 400 }, (_, level) => `${'    '.repeat(level)}[^n${level}]: note`).join('\n'),
        /nest more than 16 levels/,
      ],
      [
        'a table of thousands of columns',
        `${'|a'.repeat(2_000)}|\n${'|-'.repeat(2_000)}|\n`,
        /a table row may have at most 100/,
      ],
    ])('should refuse %s at once, with what to change', (_name, body, message) => {
      const { breaches, ms } = timedBreaches(body);
      expect(breaches.map((breach) => breach.message)).toContainEqual(expect.stringMatching(message));
      for (const breach of breaches) expect(breach.hint).toMatch(/\w/);
      expect(ms).toBeLessThan(SCAN_MS);
    });

    it('should give the line and column where the limit is passed, and the block it is in', () => {
      const body = `Intro.\n\nFirst line.\n${'a*'.repeat(MAX_DELIMITERS_PER_BLOCK)}*\n`;
      expect(markdownLimitBreaches(body)).toEqual([
        expect.objectContaining({
          line: 4,
          column: 2 * MAX_DELIMITERS_PER_BLOCK + 1,
          message: expect.stringContaining('the block starting on line 3 has more than 1000'),
        }),
      ]);
      expect(markdownLimitBreaches(`${'> '.repeat(MAX_NESTING + 1)}quote`)).toEqual([
        expect.objectContaining({ line: 1, message: expect.stringContaining('nest more than') }),
      ]);
    });

    it('should count delimiters per block: a blank line starts the count again', () => {
      const block = '*a*'.repeat(MAX_DELIMITERS_PER_BLOCK / 2);
      expect(markdownLimitBreaches(`${block}\n\n${block}\n\n${block}`)).toEqual([]);
      expect(markdownLimitBreaches(`${block}\n${block}`)).toHaveLength(1);
    });

    it('should not count escaped characters as delimiters', () => {
      expect(markdownLimitBreaches('\\*a'.repeat(MAX_DELIMITERS_PER_BLOCK * 2))).toEqual([]);
    });
  });

  describe('what reports are made of', () => {
    it('should accept every story of the content folder', () => {
      const articles = path.join(REAL_CONTENT_DIR, 'articles');
      const bodies = readdirSync(articles).flatMap((story) =>
        readdirSync(path.join(articles, story)).map((name) => {
          const source = splitArticleSource(readFileSync(path.join(articles, story, name), 'utf8'), name);
          if (Array.isArray(source)) throw new Error(`${story}/${name} does not load`);
          return source.body;
        }),
      );
      expect(bodies.length).toBeGreaterThan(0);
      for (const body of bodies) expect(markdownLimitBreaches(body)).toEqual([]);
    });

    it('should accept a report of nearly the body limit with links, emphasis, lists, quotes and tables, quickly', () => {
      const section = [
        '## A section',
        '',
        'The **delegation** of [Command 86](https://example.com/command_86) met *partners* in Hanoi; the `BTL 86` said ~~no~~ yes.',
        '',
        '> A quote that goes on for a while, with a [link](https://example.com/a_b_c) and *emphasis*.',
        '',
        '- first point, with **bold** text',
        '  - a nested point',
        '    1. and a numbered one',
        '',
        '| Province | Units | Source |',
        '|---|---:|---|',
        ...Array.from({ length: 20 }, (_, row) => `| Hanoi ${row} | ${row} | [report](https://example.com/r_${row}) |`),
        '',
        '---',
        '',
      ].join('\n');
      const body = section.repeat(Math.floor(MAX_BODY_BYTES / section.length));
      const { breaches, ms } = timedBreaches(body);
      expect(breaches).toEqual([]);
      expect(ms).toBeLessThan(SCAN_MS);
    });

    it('should accept nesting, delimiters and columns up to their limits', () => {
      expect(markdownLimitBreaches(nestedList(MAX_NESTING))).toEqual([]);
      expect(markdownLimitBreaches(`${'> '.repeat(MAX_NESTING)}quote`)).toEqual([]);
      expect(markdownLimitBreaches('*a'.repeat(MAX_DELIMITERS_PER_BLOCK / 2))).toEqual([]);
      expect(markdownLimitBreaches(`${'|a'.repeat(MAX_TABLE_PIPES_PER_LINE - 1)}|`)).toEqual([]);
      expect(markdownLimitBreaches('* * * * * * * * * * * * * * * * * * * * * *')).toEqual([]);
      expect(markdownLimitBreaches(`${'>'.repeat(MAX_NESTING)} * * *`)).toEqual([]);
      expect(markdownLimitBreaches(`${'  '.repeat(MAX_NESTING - 2)}- * * *`)).toEqual([]);
    });
  });

  describe('rendering what passes', () => {
    it.each([
      ['the deepest nesting of quotes and lists', `${'> - '.repeat(MAX_NESTING / 2)}text`],
      [
        'emphasis nested as deep as the delimiters allow',
        `${'*a '.repeat(MAX_DELIMITERS_PER_BLOCK / 2)}b${' a*'.repeat(MAX_DELIMITERS_PER_BLOCK / 2)}`,
      ],
      [
        'strong emphasis nested as deep as the delimiters allow',
        `${'*'.repeat(MAX_DELIMITERS_PER_BLOCK / 2)}a${'*'.repeat(MAX_DELIMITERS_PER_BLOCK / 2)}`,
      ],
      [
        'images nested in link text as deep as the brackets allow',
        `${'[!'.repeat(MAX_DELIMITERS_PER_BLOCK / 4)}[a](b)${'](c)'.repeat(MAX_DELIMITERS_PER_BLOCK / 4)}`,
      ],
    ])('should render %s without exhausting the stack', (_name, body) => {
      expect(markdownLimitBreaches(body)).toEqual([]);
      expect(renderMarkdown(body).html.length).toBeGreaterThan(0);
    });
  });
});

describe('the loader and the limits', () => {
  const fixtureWith = fixturesRemovedAfterEach();

  it('should report a body past a limit as MarkdownTooComplex at its line in the file, at once', () => {
    const text = articleText(BASE_EN, `Intro.\n\n${'*a'.repeat(40_000)}\n`);
    const fixture = fixtureWith({ base: { en: text } });
    const started = performance.now();
    const { problems, archive } = fixture.load();
    expect(performance.now() - started).toBeLessThan(5_000);
    const bodyLine = text.split('\n').indexOf('Intro.') + 1;
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'MarkdownTooComplex',
        file: expect.stringMatching(fixture.file(`articles/${BASE_STORY_ID}/en.md`)),
        line: bodyLine + 2,
        message: expect.stringContaining(`the block starting on line ${bodyLine + 2} `),
      }),
    ]);
    expect(archive.stories).toEqual([]);
  });
});
