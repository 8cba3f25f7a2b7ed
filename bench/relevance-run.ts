/**
 * Asks the judged queries (bench/relevance.ts) of a built site: of the project's search
 * through the client the search page runs (lib/search/search-client.ts, reading the built files
 * of `out/` instead of fetching them), and of Pagefind over the same pages in Chromium;
 * then scores both against the stories' own tags and text.
 */
import { readFileSync } from 'node:fs';
import { createSearchClient } from '../lib/search/search-client';
import { searchStories, type SearchHit } from '../lib/search/query';
import { pagefindRankings } from './browser';
import { fileForUrl } from './measure';
import {
  classFigures,
  JUDGED_QUERIES,
  judge,
  scoreQuery,
  type ClassFigures,
  type JudgedQuery,
  type JudgedStory,
  type QueryClass,
  type QueryScore,
} from './relevance';

export interface RelevanceRun {
  /** What was searched: "seed content" or a synthetic corpus's size; a later run of the same corpus replaces it. */
  corpus: string;
  stories: number;
  date: string;
  site: Partial<Record<QueryClass, ClassFigures>>;
  pagefind: Partial<Record<QueryClass, ClassFigures>>;
  queries: (JudgedQuery & { tagged: number; relevant: number; site: QueryScore; pagefind: QueryScore })[];
}

/**
 * The hits the search page lists, in order, before the reader asks for the stories that
 * hold the words only apart (those are counted on the page, not listed).
 */
const listedHits = (result: ReturnType<typeof searchStories>): readonly SearchHit[] => result.hits;

/** The project's results for each query, all of them, best first, by story id. */
export async function siteRankings(outDir: string, queries: readonly JudgedQuery[]): Promise<string[][]> {
  const client = createSearchClient(async (url) => readFileSync(fileForUrl(outDir, url), 'utf8'));
  const rankings: string[][] = [];
  for (const { query, locale } of queries) {
    const prepared = await client.prepare([locale], query);
    const hits = listedHits(searchStories(prepared.languages, prepared.entities, prepared.tagged, query));
    rankings.push((await client.cards(hits)).map((card) => card.id));
  }
  return rankings;
}

/** The story id of an article page's URL (`/en/articles/{id}/`). */
export function storyIdOfUrl(url: string): string {
  return /\/articles\/([^/]+)\/?$/.exec(url.split(/[?#]/)[0] ?? '')?.[1] ?? url;
}

/** Judges both searches over the site built in `outDir` (with Pagefind's index in `outDir/pagefind/`). */
export async function measureRelevance(
  corpus: string,
  outDir: string,
  port: number,
  stories: readonly JudgedStory[],
  date: string,
): Promise<RelevanceRun> {
  const site = await siteRankings(outDir, JUDGED_QUERIES);
  const pagefind = (await pagefindRankings(outDir, port, JUDGED_QUERIES)).map((urls) => urls.map(storyIdOfUrl));
  const queries = JUDGED_QUERIES.map((query, index) => {
    const judgment = judge(query, stories);
    return {
      ...query,
      tagged: judgment.tagged.size,
      relevant: judgment.relevant.size,
      site: scoreQuery(site[index] ?? [], judgment),
      pagefind: scoreQuery(pagefind[index] ?? [], judgment),
    };
  });
  return {
    corpus,
    stories: stories.length,
    date,
    site: classFigures(queries.map((query) => ({ kind: query.kind, score: query.site }))),
    pagefind: classFigures(queries.map((query) => ({ kind: query.kind, score: query.pagefind }))),
    queries,
  };
}
