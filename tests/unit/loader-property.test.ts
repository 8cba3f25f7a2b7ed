/**
 * Property tests of the loader and the renderer against hostile input: arbitrary bytes,
 * YAML-like text built from YAML's syntax (anchors, aliases, tags, nesting), and Markdown
 * built from the shapes that cost a Markdown parser most (runs of delimiters, brackets,
 * deep nesting). Whatever a file holds, the answer is records or problems naming files,
 * never an exception, and it comes within a time bound.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../lib/content/markdown';
import { markdownLimitBreaches } from '../../lib/content/markdown-limits';
import { articleText, BASE_EN, BASE_STORY_ID, createContentFixture, frontmatterLines } from './helpers/content-fixture';

/** Far above what any of these inputs takes once refused or parsed; far below what an unguarded parse of them takes. */
const BOUND_MS = 5_000;

/** YAML syntax, shuffled: most of it does not parse, some of it builds aliases, tags and deep nesting. */
const YAML_SYNTAX = [
  'a',
  'id',
  ': ',
  '- ',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '&x ',
  '*x',
  '<<: *x',
  '!!js/function ',
  '!tag ',
  '!!binary ',
  '|',
  '>',
  '"',
  "'",
  '#',
  '\n',
  '  ',
  '---',
  '...',
  '%YAML 1.2\n',
  '\\',
  '\t',
  '0x1F',
  '~',
  '2025-10-23',
];
const yamlText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...YAML_SYNTAX) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    ),
    { maxLength: 60 },
  )
  .chain((parts) =>
    fc.tuple(fc.constant(parts.join('')), fc.nat({ max: 3000 }), fc.constantFrom('[', '{', '- ', '  a:\n', '*x, ')),
  )
  // Sometimes one piece repeated many times: deep flow nesting, long alias lists.
  .map(([text, times, piece]) => (times > 2000 ? `${text}${piece.repeat(times)}` : text));

/** The units whose long runs make a Markdown parser slow or deep. */
const HOSTILE_UNITS = [
  '*a',
  '_a',
  '~~a',
  '*',
  '[',
  ']',
  '[a](',
  '](',
  '![',
  '>',
  '> ',
  '- ',
  '1. ',
  '  ',
  '`',
  '``a',
  '<a',
  '|a',
  '\\',
  '&#',
  '[^a]',
  '\n',
];
const hostileRun = fc
  .tuple(fc.constantFrom(...HOSTILE_UNITS), fc.nat({ max: 3000 }))
  .map(([unit, times]) => unit.repeat(times));
const markdownPiece = fc.oneof(
  { weight: 2, arbitrary: hostileRun },
  { weight: 1, arbitrary: fc.constantFrom('text ', 'Command 86 ', '\n\n', '## Heading\n', '| a | b |\n|---|---|\n') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const hostileMarkdown = fc.array(markdownPiece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(''));

/** What a content file may hold: bytes, YAML-like text, or an article with hostile frontmatter or body. */
const articleBytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  yamlText.map((yaml) => Buffer.from(`---\n${yaml}\n---\n\nText.\n`)),
  hostileMarkdown.map((body) => Buffer.from(articleText(BASE_EN, body))),
  hostileMarkdown.map((body) =>
    Buffer.from(`---\n${frontmatterLines(BASE_EN).join('\n')}\nextra: ${body}\n---\n\n${body}\n`),
  ),
);

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('the loader on hostile files', { timeout: 60_000 }, () => {
  const fixture = createContentFixture();
  afterAll(() => fixture.cleanup());

  it('should answer any article file with records or problems naming files, within the bound', () => {
    fc.assert(
      fc.property(articleBytes, (bytes) => {
        writeFileSync(fixture.path(`articles/${BASE_STORY_ID}/en.md`), bytes);
        const { value, ms } = timed(() => fixture.load());
        for (const problem of value.problems) expect(problem.file).toMatch(/\S/);
        expect(value.problems.length + value.archive.stories.length).toBeGreaterThan(0);
        expect(ms).toBeLessThan(BOUND_MS);
      }),
      { numRuns: 40 },
    );
  });

  it('should answer any registry file with problems naming it, within the bound', () => {
    const people = fixture.path('people.yaml');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          yamlText.map((text) => Buffer.from(text)),
        ),
        (bytes) => {
          writeFileSync(people, bytes);
          const { value, ms } = timed(() => fixture.load());
          for (const problem of value.problems) expect(problem.file).toMatch(/\S/);
          expect(ms).toBeLessThan(BOUND_MS);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the renderer on hostile Markdown', { timeout: 60_000 }, () => {
  it('should refuse a body at once or render it within the bound, never throw', () => {
    fc.assert(
      fc.property(hostileMarkdown, (body) => {
        const { value: breaches, ms: scanMs } = timed(() => markdownLimitBreaches(body));
        expect(scanMs).toBeLessThan(BOUND_MS / 10);
        if (breaches.length > 0) return;
        const { value: rendered, ms } = timed(() => renderMarkdown(body));
        expect(typeof rendered.html).toBe('string');
        expect(ms).toBeLessThan(BOUND_MS);
      }),
      { numRuns: 40 },
    );
  });
});
