import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArticleCorrections } from '../../components/article-corrections';
import { ArticleMeta } from '../../components/article-meta';
import { makeStory } from './helpers/stories';

const corrections = [
  { date: '2025-11-05', text: 'The minister was named wrongly.' },
  { date: '2025-11-02', text: 'The ceremony is on <25> October & not 24.' },
];

describe('the corrections note', () => {
  it('should be a section headed Corrections, listing each correction with its date, oldest first', () => {
    const html = renderToStaticMarkup(<ArticleCorrections corrections={corrections} locale="en" />);
    expect(html).toMatch(
      /^<section class="article__corrections" aria-labelledby="corrections"><h2 id="corrections">Corrections<\/h2>/,
    );
    expect(
      [...html.matchAll(/<li><time dateTime="([^"]+)">([^<]+)<\/time>: ([^<]+)<\/li>/g)].map((match) => match.slice(1)),
    ).toEqual([
      ['2025-11-02', '2 November 2025', 'The ceremony is on &lt;25&gt; October &amp; not 24.'],
      ['2025-11-05', '5 November 2025', 'The minister was named wrongly.'],
    ]);
  });

  it('should be headed Đính chính in Vietnamese, with Vietnamese dates', () => {
    const html = renderToStaticMarkup(<ArticleCorrections corrections={corrections} locale="vi" />);
    expect(html).toContain('<h2 id="corrections">Đính chính</h2>');
    expect(html).toContain('ngày 2 tháng 11 năm 2025');
  });

  it('should not be there when the text was never corrected', () => {
    expect(renderToStaticMarkup(<ArticleCorrections corrections={[]} locale="en" />)).toBe('');
  });
});

// The whole article view reads the built archive (entity names); its parts that say what changed do not.
describe('the article', () => {
  it('should say when it was updated in its meta line', () => {
    const story = makeStory({ id: 'changed-story', date: '2025-11-01', updated: { en: '2025-11-03' }, corrections });
    const article = story.articles.en;
    if (!article) throw new Error('no English version');
    const meta = renderToStaticMarkup(<ArticleMeta story={story} article={article} locale="en" />);
    expect(meta).toContain('<span>Updated <time dateTime="2025-11-03">3 November 2025</time></span>');
    expect(renderToStaticMarkup(<ArticleCorrections corrections={article.corrections} locale="en" />)).toContain(
      '<h2 id="corrections">Corrections</h2>',
    );
  });

  it('should say nothing of updates or corrections when there were none', () => {
    const story = makeStory({ id: 'plain-story', date: '2025-11-01' });
    const article = story.articles.vi;
    if (!article) throw new Error('no Vietnamese version');
    expect(renderToStaticMarkup(<ArticleMeta story={story} article={article} locale="vi" />)).not.toContain('Cập nhật');
    expect(renderToStaticMarkup(<ArticleCorrections corrections={article.corrections} locale="vi" />)).toBe('');
  });
});
