/**
 * Bundled for the benchmark's browser page: runs the project's own search code (the
 * loader and the query functions the search page uses) and times each query, fetching
 * included, the way a reader would wait for it.
 */
import type { Locale } from '../lib/i18n';
import { loadEntities, loadLanguage } from '../lib/search/load';
import { searchStories } from '../lib/search/query';

async function runQueries(locale: Locale, queries: string[]): Promise<{ times: number[]; firstIds: string[] }> {
  const times: number[] = [];
  const firstIds: string[] = [];
  for (const query of queries) {
    const start = performance.now();
    const [entities, language] = await Promise.all([loadEntities(), loadLanguage(locale)]);
    const hits = searchStories([language], entities, query);
    times.push(performance.now() - start);
    firstIds.push(hits[0]?.doc.id ?? '');
  }
  return { times, firstIds };
}

Object.assign(globalThis, { benchRunQueries: runQueries });
