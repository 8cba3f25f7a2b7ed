/**
 * Bundled for the benchmark's bare search page, the counterpart of Pagefind's bare page: the
 * project's own search code (the search page's client and the query functions it runs) on a
 * page with nothing else, no style sheet, fonts, layout or React. Opened with ?q=, it searches
 * at once and shows the first result's title, as Pagefind's bare page does, so that the two
 * searches are compared without the page around them. It also times each query of a list the
 * way a reader waits for it: fetching what it needs, ranking, and the first result's card.
 */
import { isLocale } from '../lib/site/locales';
import { searchStories } from '../lib/search/query';
import { searchClient, startSearch } from '../components/search-run';

async function runQueries(locale: string, queries: string[]): Promise<{ times: number[] }> {
  if (!isLocale(locale)) throw new Error(`No such language: ${locale}`);
  const times: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    // Ranked every time: startSearch would hand back a search just made for the same query.
    const prepared = await searchClient.prepare([locale], query);
    const { hits } = searchStories(prepared.languages, prepared.entities, prepared.tagged, query);
    await searchClient.cards(hits.slice(0, 1));
    times.push(performance.now() - start);
  }
  return { times };
}

Object.assign(globalThis, { benchRunQueries: runQueries });

/** Opened with ?q=: the search at once, and the first result's title in the page. */
async function showFirstResult(locale: string, query: string | null): Promise<void> {
  if (!query || !isLocale(locale)) return;
  const { hits } = await startSearch(locale, query, false);
  const [first] = await searchClient.cards(hits.slice(0, 1));
  const shown = document.createElement('p');
  shown.className = first ? 'search-result' : 'search__empty';
  shown.textContent = first ? first.title : 'none';
  document.body.append(shown);
}

void showFirstResult(document.documentElement.lang, new URLSearchParams(window.location.search).get('q'));
