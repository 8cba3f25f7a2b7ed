/**
 * Who an article is credited to, for places that name one creator: the feed's
 * `dc:creator` and the JSON-LD `author`. Pages show every credit (source, reporter,
 * translator); these formats want a single one, so the rule lives here, once.
 */
import type { Article } from '../content/schema';

interface Creator {
  /** A reporter is a person; a source credited in their place is an organisation. */
  type: 'Person' | 'Organization';
  name: string;
}

/**
 * The reporter when the article names one; otherwise the source (the newspaper or
 * agency that published the report); undefined when the article names neither, so
 * that nothing is credited to someone who did not write it.
 */
export function creatorOf(article: Article): Creator | undefined {
  if (article.author) return { type: 'Person', name: article.author };
  // The source's URL is the report's address, not the organisation's, so it is not given here.
  if (article.source) return { type: 'Organization', name: article.source.name };
  return undefined;
}
