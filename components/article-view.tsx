import { dictionary, type Locale } from '@/lib/i18n';
import { ARTICLE_BODY_ATTRIBUTE } from '@/lib/page-html';
import type { Article } from '@/lib/schema';
import { EntityLinks } from './entity-links';
import { StoryDate } from './story-date';

/** One article: headline, facts about the story, the rendered body, and its credits. */
export function ArticleView({ article, locale }: { article: Article; locale: Locale }) {
  const words = dictionary(locale);
  return (
    <article className="article">
      <header className="article__header">
        <h1>{article.title}</h1>
        <p className="article__summary">{article.summary}</p>
        <p className="article__meta">
          <StoryDate date={article.date} locale={locale} />
          <span aria-hidden="true"> · </span>
          <span>{words.readingTime(article.readingMinutes)}</span>
        </p>
        <EntityLinks kind="topics" ids={article.topics} locale={locale} label={words.topics} />
      </header>
      {/* The HTML was rendered and sanitised by the content pipeline (lib/markdown.ts); the
          marker lets the build's page check hold it to the sanitiser's rules once more. */}
      <div className="article__body" {...{ [ARTICLE_BODY_ATTRIBUTE]: '' }} dangerouslySetInnerHTML={{ __html: article.html }} />
      <footer className="article__footer">
        <EntityLinks kind="people" ids={article.people} locale={locale} label={words.people} />
        <EntityLinks kind="organisations" ids={article.organisations} locale={locale} label={words.organisations} />
        <dl className="article__credits">
          {article.source && (
            <>
              <dt>{words.source}</dt>
              <dd>{article.source.url ? <a href={article.source.url}>{article.source.name}</a> : article.source.name}</dd>
            </>
          )}
          {article.author && (
            <>
              <dt>{words.author}</dt>
              <dd>{article.author}</dd>
            </>
          )}
          {article.translator && (
            <>
              <dt>{words.translator}</dt>
              <dd>{article.translator}</dd>
            </>
          )}
        </dl>
      </footer>
    </article>
  );
}
