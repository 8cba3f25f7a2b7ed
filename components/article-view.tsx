import { dictionary, type Locale } from '@/lib/site/i18n';
import { ARTICLE_BODY_ATTRIBUTE } from '@/lib/finishing/page-html';
import type { Article, Story } from '@/lib/content/schema';
import { ArticleCredits, provenanceStatement } from './article-credits';
import { ArticleCorrections } from './article-corrections';
import { ArticleMeta } from './article-meta';
import { EntityLinks } from './entity-links';
import { LeadImage } from './lead-image';

/** One article: headline, facts about the story, the rendered body, and its credits. */
export function ArticleView({ story, article, locale }: { story: Story; article: Article; locale: Locale }) {
  const words = dictionary(locale);
  const provenance = provenanceStatement(story, article, locale);
  return (
    <article className="article">
      <header className="article__header">
        {/* Only `npm run dev` keeps drafts in the archive, so only its editors ever see this. */}
        {article.draft && <p className="draft-notice">{words.draftNotice}</p>}
        <h1>{article.title}</h1>
        <p className="article__summary">{article.summary}</p>
        <ArticleMeta story={story} article={article} locale={locale} />
        {provenance && <p className="article__provenance">{provenance}</p>}
        <EntityLinks kind="topics" ids={article.topics} locale={locale} label={words.topics} />
      </header>
      {article.image && <LeadImage image={article.image} />}
      {/* The HTML was rendered and sanitised by the content pipeline (lib/content/markdown.ts); the
          marker lets the build's page check hold it to the sanitiser's rules once more. */}
      <div
        className="article__body"
        {...{ [ARTICLE_BODY_ATTRIBUTE]: '' }}
        dangerouslySetInnerHTML={{ __html: article.html }}
      />
      <ArticleCorrections corrections={article.corrections} locale={locale} />
      <footer className="article__footer">
        <EntityLinks kind="people" ids={article.people} locale={locale} label={words.people} />
        <EntityLinks kind="organisations" ids={article.organisations} locale={locale} label={words.organisations} />
        <ArticleCredits story={story} article={article} locale={locale} />
      </footer>
    </article>
  );
}
