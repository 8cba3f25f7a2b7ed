/**
 * Hostile Markdown in Node: every payload of the corpus, rendered alone and through the
 * whole content pipeline, leaves no executable vector in the HTML as a browser would
 * parse it. The checker itself is shown to catch each kind of vector, so a pass means
 * something.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../lib/content/markdown';
import { XSS_PAYLOADS } from '../fixtures/xss/payloads';
import { executableVectors } from '../helpers/html-safety';
import { articleText, BASE_EN, createContentFixture } from './helpers/content-fixture';

describe('the XSS corpus', () => {
  it('should hold at least 40 payloads with distinct names', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(XSS_PAYLOADS.map((payload) => payload.name)).size).toBe(XSS_PAYLOADS.length);
  });

  it.each(XSS_PAYLOADS.map((payload) => [payload.name, payload.markdown] as const))(
    'should render %s with no executable vector',
    (_name, markdown) => {
      expect(executableVectors(renderMarkdown(markdown).html)).toEqual([]);
    },
  );

  it('should render the whole corpus as one body with no executable vector', () => {
    const { html } = renderMarkdown(XSS_PAYLOADS.map((payload) => payload.markdown).join('\n\n'));
    expect(executableVectors(html)).toEqual([]);
  });
});

describe('the content pipeline', () => {
  const fixture = createContentFixture();
  afterAll(() => fixture.cleanup());

  it('should publish each hostile body with no executable vector in its article HTML, refusing those with images', () => {
    XSS_PAYLOADS.forEach((payload, index) => {
      const folder = path.join(fixture.dir, 'articles', `xss-${index}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'en.md'), articleText(BASE_EN, `Intro.\n\n${payload.markdown}\n`));
    });
    const { archive, problems } = fixture.load();
    const hostile = archive.stories.filter((story) => story.id.startsWith('xss-'));
    // An image that is not a photo of the story's folder is refused by the check, so it never reaches a page.
    const images = XSS_PAYLOADS.flatMap((payload, index) => (payload.markdown.includes('![') ? [`xss-${index}`] : []));
    const refused = new Set(
      problems
        .filter((problem) => problem.kind === 'RemoteImage' || problem.kind === 'ImagePath')
        .map((problem) => /articles[\\/](xss-\d+)/.exec(problem.file)?.[1]),
    );
    expect([...refused].sort()).toEqual([...images].sort());
    expect(hostile).toHaveLength(XSS_PAYLOADS.length - images.length);
    for (const story of hostile) {
      const html = story.articles.en?.html ?? '';
      const payload = XSS_PAYLOADS[Number(story.id.slice(4))];
      expect(executableVectors(html), payload?.name).toEqual([]);
    }
  });
});

describe('executableVectors (the checker)', () => {
  it.each([
    ['a script element', '<p><script>x()</script></p>', '<script> element'],
    ['an svg element', '<svg></svg>', '<svg> element'],
    ['MathML', '<math><mi>x</mi></math>', '<math> element'],
    ['an iframe', '<iframe src="https://example.com"></iframe>', '<iframe> element'],
    ['a style element', '<style>p{}</style>', '<style> element'],
    ['an event handler in any case', '<img src="x" OnError="x()">', '<img onerror> event handler'],
    ['a style attribute', '<p style="color:red">x</p>', '<p style> attribute'],
    ['a javascript: link', '<a href="javascript:x()">x</a>', '<a href> uses javascript:'],
    ['an entity-encoded javascript: link', '<a href="&#106;avascript&#58;x()">x</a>', '<a href> uses javascript:'],
    ['a javascript: link split by a tab', '<a href="java&#9;script:x()">x</a>', '<a href> uses javascript:'],
    ['a javascript: link after leading spaces', '<a href="  javascript:x()">x</a>', '<a href> uses javascript:'],
    ['a vbscript: link', '<a href="VBScript:x">x</a>', '<a href> uses vbscript:'],
    ['a data: image', '<img src="data:image/svg+xml,<svg onload=x()>">', '<img src> uses data:'],
    ['a data: image in srcset', '<img srcset="a.png 1x, data:image/png;base64,AA 2x">', '<img srcset> uses data:'],
    ['an unprefixed id', '<h2 id="cookie">x</h2>', '<h2 id="cookie"> can clobber a global'],
  ])('should find %s', (_what, html, finding) => {
    expect(executableVectors(html).join('\n')).toContain(finding);
  });

  it('should find nothing in ordinary sanitised article HTML', () => {
    const { html } = renderMarkdown(
      '## Heading\n\nText with [a link](https://example.com) and ![a photo](https://example.com/a.jpg).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    );
    expect(html).toContain('<a href="https://example.com">');
    expect(executableVectors(html)).toEqual([]);
  });
});
