/**
 * Bundled for the benchmark's browser page: runs the project's own search code (the
 * client and the query functions the search page uses) and times each query the way a
 * reader waits for it: fetching what it needs, ranking, and the first result's card.
 */
import type { Locale } from '../lib/site/i18n';
import { createSearchClient, fetchTextOverHttp } from '../lib/search/search-client';
import { searchStories } from '../lib/search/query';

const client = createSearchClient(fetchTextOverHttp);

async function runQueries(locale: Locale, queries: string[]): Promise<{ times: number[]; firstIds: string[] }> {
  const times: number[] = [];
  const firstIds: string[] = [];
  for (const query of queries) {
    const start = performance.now();
    const prepared = await client.prepare([locale], query);
    const { hits } = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
    const [first] = await client.cards(hits.slice(0, 1));
    times.push(performance.now() - start);
    firstIds.push(first?.id ?? '');
  }
  return { times, firstIds };
}

Object.assign(globalThis, { benchRunQueries: runQueries });
