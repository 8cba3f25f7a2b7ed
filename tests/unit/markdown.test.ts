import { describe, expect, it } from 'vitest';
import { parseMarkdown, readingMinutes, renderMarkdown } from '../../lib/content/markdown';
import { dictionary } from '../../lib/site/i18n';

/** Substrings that must never reach a page from an article body. */
const FORBIDDEN = ['<script', '</script', 'onerror', 'onclick', 'onload', 'javascript:', '<iframe', '<style'];

function expectNothingForbidden(html: string): void {
  const lower = html.toLowerCase();
  for (const bad of FORBIDDEN) expect(lower, `"${bad}" in ${html}`).not.toContain(bad);
}

describe('renderMarkdown', () => {
  describe('headings', () => {
    it('should give every heading an id with the user-content- prefix and list it in headings', () => {
      const { html, headings } = renderMarkdown('## Preparations\n\nText.\n\n### Security plan\n');
      expect(html).toContain('<h2 id="user-content-preparations">Preparations</h2>');
      expect(html).toContain('<h3 id="user-content-security-plan">Security plan</h3>');
      expect(headings).toEqual([
        { id: 'user-content-preparations', text: 'Preparations', depth: 2 },
        { id: 'user-content-security-plan', text: 'Security plan', depth: 3 },
      ]);
    });

    it('should give repeated headings distinct ids', () => {
      const { headings } = renderMarkdown('## Results\n\n## Results\n');
      expect(headings.map((heading) => heading.id)).toEqual(['user-content-results', 'user-content-results-1']);
    });

    it('should use the same id in the HTML as in headings', () => {
      const { html, headings } = renderMarkdown('## Lễ mở ký Công ước\n');
      expect(headings).toHaveLength(1);
      expect(html).toContain(`id="${headings[0]?.id}"`);
    });

    it('should demote a body h1 to h2 and every deeper heading with it', () => {
      const { html, headings } = renderMarkdown('# Overview\n\nText.\n\n## Details\n');
      expect(html).not.toContain('<h1');
      expect(html).toContain('<h2 id="user-content-overview">Overview</h2>');
      expect(html).toContain('<h3 id="user-content-details">Details</h3>');
      expect(headings.map((heading) => heading.depth)).toEqual([2, 3]);
    });

    it('should keep levels as written when the body has no h1', () => {
      const { headings } = renderMarkdown('## Two\n\n### Three\n');
      expect(headings.map((heading) => heading.depth)).toEqual([2, 3]);
    });

    it('should give heading texts and ids without raw HTML', () => {
      const { html, headings, text } = renderMarkdown('## Title with <em>html</em>\n');
      expect(text).toBe('Title with html');
      expect(headings).toEqual([{ id: 'user-content-title-with-html', text: 'Title with html', depth: 2 }]);
      expect(html).toContain('id="user-content-title-with-html"');
    });
  });

  describe('captions', () => {
    it('should give a paragraph of emphasis only the class "caption", marked as the caption of a photo not held', () => {
      const { html } = renderMarkdown('*State President Luong Cuong (C) at the rehearsal*\n');
      expect(html).toBe(
        '<p class="caption"><em>State President Luong Cuong (C) at the rehearsal</em> <span class="caption__note">(Photo not held by the archive)</span></p>\n',
      );
    });

    it('should mark a caption of a photo not held in the language of the text', () => {
      const markdown = '*Toàn cảnh hội nghị. (Ảnh: TTXVN)*\n';
      const { html } = renderMarkdown(markdown, parseMarkdown(markdown), { locale: 'vi' });
      expect(html).toContain('<span class="caption__note">(Ảnh không được lưu trong kho)</span>');
    });

    it('should leave captions of photos not held out of the plain text, so search never shows one as a snippet', () => {
      const { text } = renderMarkdown('First paragraph.\n\n*Conference scene. (Photo: VNA)*\n\nLast paragraph.\n');
      expect(text).toBe('First paragraph.\n\nLast paragraph.');
    });

    it('should not mark a paragraph that mixes emphasis and plain text as a caption', () => {
      const { html } = renderMarkdown('Text *with* emphasis\n');
      expect(html).toBe('<p>Text <em>with</em> emphasis</p>\n');
    });

    it('should not let raw HTML set the caption class or any other class', () => {
      const { html } = renderMarkdown('<p class="evil caption">x</p>\n\nplain\n');
      expect(html).not.toContain('evil');
    });
  });

  describe('photos', () => {
    const photo = { digest: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', width: 3000, height: 2000 };
    const render = (markdown: string) =>
      renderMarkdown(markdown, parseMarkdown(markdown), { locale: 'en', images: new Map([['scene.jpg', photo]]) });

    it('should make a photo alone in its paragraph a figure, its title the caption', () => {
      const { html } = render('![Delegates in the hall](scene.jpg "Conference scene. Photo: VNA")\n');
      expect(html).toMatch(
        /^<figure><picture>.*<\/picture><figcaption>Conference scene\. Photo: VNA<\/figcaption><\/figure>$/m,
      );
    });

    it('should offer AVIF and WebP sources and a JPEG image with its size, loaded lazily', () => {
      const { html } = render('![Delegates in the hall](scene.jpg)\n');
      expect(html).toContain('<source type="image/avif" srcset="/images/a1b2c3d4e5f60718293a-480.avif 480w, ');
      expect(html).toContain('<source type="image/webp" srcset="/images/a1b2c3d4e5f60718293a-480.webp 480w, ');
      expect(html).toContain(
        '<img src="/images/a1b2c3d4e5f60718293a-960.jpg" srcset="/images/a1b2c3d4e5f60718293a-480.jpg 480w, /images/a1b2c3d4e5f60718293a-960.jpg 960w, /images/a1b2c3d4e5f60718293a-1600.jpg 1600w"',
      );
      expect(html).toContain('width="960" height="640" alt="Delegates in the hall" loading="lazy" decoding="async"');
      expect(html).not.toContain('<figcaption>');
    });

    it('should show the alt text, and never a link, for a photo the folder does not hold', () => {
      const { html } = render('See ![a chart](https://example.com/chart.png) here.\n');
      expect(html).toBe('<p>See <span>a chart</span> here.</p>\n');
    });
  });

  describe('GitHub tables', () => {
    it('should render a table with head and body cells', () => {
      const { html } = renderMarkdown('| Year | Stories |\n|---|---|\n| 2025 | 2 |\n');
      expect(html).toBe(
        '<table>\n<thead>\n<tr>\n<th>Year</th>\n<th>Stories</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>2025</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n',
      );
    });

    // Glued cells ("ProvinceUnits…") would be one word for search and reading time.
    it('should keep table cells apart in the plain text', () => {
      const { text } = renderMarkdown('| Province | Units |\n|---|---|\n| Hanoi | 12 |\n');
      expect(text.split(/\s+/)).toEqual(expect.arrayContaining(['Province', 'Units', 'Hanoi', '12']));
    });
  });

  describe('sanitising', () => {
    it.each([
      ['a script block', '<script>alert(1)</script>\n\nAfter.'],
      ['an inline script', 'Hello <script>alert(1)</script> world'],
      ['an upper-case script', '<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>\n\nAfter.'],
      ['an event handler on an image', '<img src="x" onerror="alert(1)">\n\nAfter.'],
      ['an event handler on a block', '<div onclick="alert(1)">d</div>\n\nAfter.'],
      ['an svg onload', '<svg onload="alert(1)"></svg>\n\nAfter.'],
      ['a javascript: Markdown link', '[click](javascript:alert(1))'],
      ['an upper-case JAVASCRIPT: link', '[click](JAVASCRIPT:alert(1))'],
      ['a mixed-case javascript: HTML link', '<a href="JaVaScRiPt:alert(1)">y</a>'],
      ['an entity-encoded javascript: link', '[c](&#106;avascript:alert(1))'],
      ['a javascript: image', '![img](javascript:alert(1))'],
      ['a javascript: reference link', '[x][r]\n\n[r]: javascript:alert(1)'],
      ['an iframe', '<iframe src="https://evil.example"></iframe>\n\nAfter.'],
      ['a style block', '<style>body { display: none }</style>\n\nAfter.'],
      ['an inline style element', 'Text <style>p{}</style> more'],
    ])('should never let %s reach the HTML', (_what, markdown) => {
      expectNothingForbidden(renderMarkdown(markdown).html);
    });

    it('should keep the text around removed HTML', () => {
      const { html } = renderMarkdown('<script>alert(1)</script>\n\nAfter **this**.');
      expect(html).toBe('<p>After <strong>this</strong>.</p>\n');
    });

    it('should keep http(s) links', () => {
      const { html } = renderMarkdown('[VNA](https://vietnamplus.vn/a) and [plain](http://example.com/)');
      expect(html).toBe(
        '<p><a href="https://vietnamplus.vn/a">VNA</a> and <a href="http://example.com/">plain</a></p>\n',
      );
    });
  });

  describe('plain text', () => {
    it('should separate blocks with blank lines and drop Markdown syntax', () => {
      const { text } = renderMarkdown(
        '## Title\n\nSome **bold** and [a link](https://example.com).\n\n> Quoted `code`.\n',
      );
      expect(text).toBe('Title\n\nSome bold and a link.\n\nQuoted code.');
    });

    it('should keep list items and quoted paragraphs apart in the plain text', () => {
      expect(renderMarkdown('- one\n- two\n').text.split(/\s+/)).toEqual(['one', 'two']);
      expect(renderMarkdown('1. first\n2. second\n').text.split(/\s+/)).toEqual(['first', 'second']);
      expect(renderMarkdown('> q1\n>\n> q2\n').text.split(/\s+/)).toEqual(['q1', 'q2']);
    });

    it('should exclude raw HTML blocks', () => {
      const { text } = renderMarkdown(
        '<script>\nalert(1)\n</script>\n\n<div class="x">hidden</div>\n\nPlain **bold** text\n',
      );
      expect(text).toBe('Plain bold text');
    });

    it('should exclude inline HTML tags', () => {
      const { text } = renderMarkdown('A <span class="x">b</span> c <img src="x" onerror="alert(1)"> d');
      expect(text).not.toContain('<');
      expect(text.split(/\s+/)).toEqual(['A', 'b', 'c', 'd']);
    });
  });
});

describe('readingMinutes', () => {
  const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

  it('should count at least one minute, even for an empty text', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('One word')).toBe(1);
  });

  it('should count 200 words a minute, rounded to the nearest minute', () => {
    expect(readingMinutes(words(200))).toBe(1);
    expect(readingMinutes(words(299))).toBe(1);
    expect(readingMinutes(words(300))).toBe(2);
    expect(readingMinutes(words(1000))).toBe(5);
  });

  it('should count words across any whitespace, not characters', () => {
    expect(readingMinutes(`${words(250)}\n\n${words(250)}\t${words(100)}`)).toBe(3);
    expect(readingMinutes(`  ${'x'.repeat(5000)}  `)).toBe(1);
  });
});

describe('footnotes', () => {
  it('should link each footnote reference to its note and back, with ids prefixed once', () => {
    const { html } = renderMarkdown('A claim.[^1]\n\n[^1]: The note.\n');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    const targets = [...html.matchAll(/ href="#([^"]+)"/g)].map((match) => match[1]);
    const described = [...html.matchAll(/ aria-describedby="([^"]+)"/g)].map((match) => match[1]);
    expect(targets.length).toBe(2);
    for (const target of [...targets, ...described]) expect(ids).toContain(target);
    expect(ids.every((id) => id?.startsWith('user-content-') && !id.startsWith('user-content-user-content-'))).toBe(
      true,
    );
  });

  it("should word the notes' label and back links in the article's language, one back link for each reference", () => {
    const markdown = 'One[^a] two[^b] again[^a].\n\n[^a]: First.\n\n[^b]: Second.\n';
    for (const locale of ['en', 'vi'] as const) {
      const { html } = renderMarkdown(markdown, undefined, { locale });
      const words = dictionary(locale);
      expect(html).toContain(`>${words.footnotes}</h2>`);
      const backLabels = [...html.matchAll(/ aria-label="([^"]+)"/g)].map((match) => match[1]);
      expect(backLabels).toEqual([
        words.backToFootnoteReference(1, 1),
        words.backToFootnoteReference(1, 2),
        words.backToFootnoteReference(2),
      ]);
      // Numbered by first reference; the second reference to a note has an id of its own to come back to.
      const calls = [...html.matchAll(/<a href="#user-content-fn-(\w+)" id="([^"]+)"[^>]*>(\d+)</g)].map((match) =>
        match.slice(1),
      );
      expect(calls).toEqual([
        ['a', 'user-content-fnref-a', '1'],
        ['b', 'user-content-fnref-b', '2'],
        ['a', 'user-content-fnref-a-2', '1'],
      ]);
    }
  });

  it("should leave text that reads like the notes' label id as written", () => {
    expect(renderMarkdown('Text with id="footnote-label" in it.[^n]\n\n[^n]: A note.\n').html).toContain(
      '<p>Text with id="footnote-label" in it.<sup>',
    );
    expect(renderMarkdown('Code: `<h2 id="footnote-label">`, no notes.\n').html).toBe(
      '<p>Code: <code>&#x3C;h2 id="footnote-label"></code>, no notes.</p>\n',
    );
  });
});

describe('the shared renderer', () => {
  it('should keep no state between articles: the same heading gets the same id every time', () => {
    const first = renderMarkdown('## Background\n\nText.\n\n## Background\n');
    const second = renderMarkdown('## Background\n\nText.\n');
    expect(first.headings.map((heading) => heading.id)).toEqual([
      'user-content-background',
      'user-content-background-1',
    ]);
    expect(second.headings.map((heading) => heading.id)).toEqual(['user-content-background']);
    expect(second.text).toBe('Background\n\nText.');
  });
});
