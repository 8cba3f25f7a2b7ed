/**
 * When a language version of a story last changed after it was published: the latest of
 * its `updated` date and its corrections' dates. Structured data, the sitemap and the
 * feeds all take this one date, so they never disagree about it.
 */
import { newestStoryDate } from '../site/dates';
import type { Article } from '../content/schema';

/** The version's last change, or undefined when it was never updated or corrected. */
export function modifiedDate(article: Pick<Article, 'updated' | 'corrections'>): string | undefined {
  return newestStoryDate([
    ...(article.updated === undefined ? [] : [article.updated]),
    ...article.corrections.map((correction) => correction.date),
  ]);
}
