'use client';

import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { dictionary, otherLocale, type ApartReading, type Locale } from '@/lib/site/i18n';
import type { SearchDoc, SearchEntity } from '@/lib/search/documents';
import { foldText, markedText } from '@/lib/text/text-fold';
import { namesTellingApart, type EntityKind } from '@/lib/views/entities';
import { queryTerms, writtenInText, type MatchKind, type TextPart } from '@/lib/search/highlight';
import {
  applyFacets,
  FACET_KINDS,
  facetCounts,
  matchEntities,
  searchStories,
  storyFacets,
  type FacetKind,
  type FacetSource,
  type SearchHit,
} from '@/lib/search/query';
import { hasWords, isWordless, type Syllable } from '@/lib/search/syllables';
import { createSpeller, foundLittle, rewritingFor, type Rewriting, type Speller } from '@/lib/search/suggest';
import { resultCard } from '@/lib/search/result-card';
import { wordsWithDate } from '@/lib/search/date-terms';
import { readSearchState, writeSearchState, type SearchState } from '@/lib/search/url-state';
import { SEARCH_START_ID } from '@/lib/finishing/islands';
import { entityUrl, searchUrl } from '@/lib/site/urls';
import { THUMBNAIL_SIZES } from '@/lib/images/published';
import { BrowseLinks } from './browse-links';
import { NameToldApart } from './name-told-apart';
import { ResponsivePicture } from './responsive-picture';
import {
  foundTogether,
  PAGE_SIZE,
  searchClient as client,
  startSearch,
  type ArrivedSearch,
  type Found,
} from './search-run';

const DEBOUNCE_MS = 150;
const MAX_SUGGESTIONS = 6;

// Built from the registry and the vocabulary file the first time a query needs a suggestion, for the page's language.
let speller: Promise<Speller> | undefined;
function loadSpeller(locale: Locale): Promise<Speller> {
  if (!speller) {
    speller = Promise.all([client.entities(), client.vocabulary()]).then(([entities, vocabulary]) =>
      createSpeller(entities, vocabulary, locale),
    );
    speller.catch(() => (speller = undefined));
  }
  return speller;
}

/** A hit on screen, and whether it holds the query's words together (as typed) or only apart. */
type Listed = { hit: SearchHit; kind: MatchKind };

const NO_SEARCH: SearchState = { query: '', facets: {}, allLanguages: false, apart: false };

/**
 * The state for a search of `query`: another query starts without the refinements chosen for the last one, and with
 * its list of stories holding the words apart closed.
 */
const searching = (state: SearchState, query: string): SearchState =>
  query === state.query ? state : { ...state, query, facets: {}, apart: false };

const cardKey = (locale: Locale, story: number) => `${locale}:${story}`;

/**
 * Makes requests in a task after this one; returns how to call them off. The effects of the page's first render run in
 * the task that puts its first result in the document (components/search-island.tsx commits it at once), and every
 * request made there would keep that result from the screen a little longer.
 */
function requestAfterThisTask(requests: () => void): () => void {
  const timer = window.setTimeout(requests, 0);
  return () => window.clearTimeout(timer);
}

function Marked({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}

/**
 * The search page: as-you-type results over the reader's language (and, on request,
 * the other one), entity suggestions, facets with counts, all state in the URL. A query
 * that finds little gets "Did you mean"; one that finds nothing, the other language's
 * count and the index pages. `typedBeforeScript` is what the reader typed into the
 * page's form before this script ran, kept (and focus with it when `focusOnMount`).
 */
export function SearchPage({
  locale,
  typedBeforeScript = '',
  focusOnMount = false,
  arrived,
}: {
  locale: Locale;
  typedBeforeScript?: string;
  focusOnMount?: boolean;
  /** The URL's search as the page's script began it, shown by the first render. */
  arrived?: ArrivedSearch;
}) {
  const words = dictionary(locale);
  const other = otherLocale(locale);
  // Rendered in the browser only (components/search-island.tsx), so the first render already shows the URL's search.
  const [state, setState] = useState<SearchState>(() =>
    typeof window === 'undefined' ? NO_SEARCH : readSearchState(window.location.search),
  );
  // Text typed before the script ran wins over the URL's query: the pause after typing then searches for it.
  const [typed, setTyped] = useState(() => typedBeforeScript || state.query);
  const [entities, setEntities] = useState<SearchEntity[] | null>(null);
  const [found, setFound] = useState<Found | null>(() =>
    arrived && arrived.found.query === state.query && arrived.found.allLanguages === state.allLanguages
      ? arrived.found
      : null,
  );
  const [facetSource, setFacetSource] = useState<FacetSource | null>(null);
  const [cards, setCards] = useState<ReadonlyMap<string, SearchDoc>>(
    () => new Map(arrived?.cards.map((doc) => [cardKey(doc.locale, doc.number), doc])),
  );
  const [shown, setShown] = useState(PAGE_SIZE);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(-1);
  /** "Did you mean" for a query: null when nothing likelier is known. */
  const [suggested, setSuggested] = useState<{ query: string; rewriting: Rewriting | null } | null>(null);
  /** How many stories the other language has for a query that found none. */
  const [otherHits, setOtherHits] = useState<{ query: string; count: number } | null>(null);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  // Whether the history entry shown is one typing started (commit).
  const typingEntry = useRef(false);

  // Back and forward bring the URL's search back, as a state to keep: typing then starts an entry of its own.
  useEffect(() => {
    const onPopState = () => {
      typingEntry.current = false;
      const next = readSearchState(window.location.search);
      setState(next);
      setTyped(next.query);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  useEffect(() => {
    const field = input.current;
    if (!focusOnMount || !field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, [focusOnMount]);

  // The registry (for suggestions) and the language's manifest load with the page.
  useEffect(() => {
    Promise.all([client.entities(), client.manifest(locale)])
      .then(([registry]) => setEntities(registry))
      .catch(() => setFailed(true));
  }, [locale]);

  // Each query fetches only what it needs; the other language only once the reader asks for it.
  const { query, allLanguages } = state;
  useEffect(() => {
    // An empty query (no letter or digit) shows no results (see showResults) and fetches nothing.
    if (!hasWords(query)) return;
    let cancelled = false;
    startSearch(locale, query, allLanguages)
      .then((next) => {
        if (cancelled) return;
        setFound(next);
        setShown(PAGE_SIZE);
        // A success after a failure ends the error, and the registry (for suggestions) came with it.
        setFailed(false);
        client.entities().then(setEntities, () => undefined);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [locale, query, allLanguages]);

  const facetsOf = useMemo(() => (facetSource ? storyFacets(facetSource) : null), [facetSource]);
  const selecting = Object.keys(state.facets).length > 0;
  // With a facet selected, results wait for the facet data rather than show unfiltered.
  const narrowed = useMemo(() => {
    if (!found || (selecting && !facetsOf)) return null;
    const narrow = (list: SearchHit[]) => (facetsOf ? applyFacets(list, state.facets, facetsOf) : list);
    const kind: MatchKind = found.loose ? 'apart' : 'together';
    return {
      hits: narrow(found.hits).map((hit): Listed => ({ hit, kind })),
      apart: narrow(found.apart).map((hit): Listed => ({ hit, kind: 'apart' })),
    };
  }, [found, selecting, facetsOf, state.facets]);
  // The list the URL opens is its own search's: the results of the search before it, still on screen, keep theirs closed.
  const showApart = state.apart && found?.query === state.query && found.allLanguages === state.allLanguages;
  const listed = useMemo(
    () => (narrowed ? (showApart ? [...narrowed.hits, ...narrowed.apart] : narrowed.hits) : null),
    [narrowed, showApart],
  );
  const hits = useMemo(() => listed?.map(({ hit }) => hit) ?? null, [listed]);
  const counts = useMemo(() => (hits && facetsOf ? facetCounts(hits, facetsOf) : null), [hits, facetsOf]);
  const page = useMemo(() => listed?.slice(0, shown) ?? [], [listed, shown]);

  // Result cards (title, summary, text for the snippet) for the hits on screen, each shown
  // as it arrives: the first result waits for its own card, not for the slowest of the page.
  useEffect(() => {
    const missing = page.flatMap(({ hit }) => (cards.has(cardKey(hit.locale, hit.story)) ? [] : [hit]));
    let cancelled = false;
    const callOff = requestAfterThisTask(() => {
      for (const hit of missing)
        client
          .cards([hit])
          .then(([doc]) => {
            if (cancelled || !doc) return;
            setFailed(false);
            setCards((current) => new Map(current).set(cardKey(doc.locale, doc.number), doc));
          })
          .catch(() => {
            if (!cancelled) setFailed(true);
          });
    });
    return () => {
      cancelled = true;
      callOff();
    };
  }, [page, cards]);

  /**
   * Puts a state in the URL: one the reader chose (a refinement, a checkbox, a query sent) in an entry of its own, one
   * Back step away; typing in the entry it started, not one per keystroke, nor over a state chosen before. A state that
   * is the URL's already (a query sent once typing has put it there) takes no second entry, and neither does the list
   * of stories holding the words apart opened (`opening`): it is the entry's, and Back to the entry opens it again.
   */
  const commit = useCallback((next: SearchState, by: 'choice' | 'typing' | 'opening') => {
    setState(next);
    const search = writeSearchState(next);
    const url = `${window.location.pathname}${search}`;
    const same = search === writeSearchState(readSearchState(window.location.search));
    if (same || by === 'opening' || (by === 'typing' && typingEntry.current))
      window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    typingEntry.current = by === 'typing';
  }, []);

  // Typing updates results after a short pause.
  useEffect(() => {
    if (typed === state.query) return;
    const timer = window.setTimeout(() => commit(searching(state, typed), 'typing'), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [typed, state, commit]);

  const entityByKey = useMemo(
    () => new Map((entities ?? []).map((entity) => [`${entity.kind}:${entity.id}`, entity])),
    [entities],
  );
  const matched = useMemo(
    () => matchEntities(state.query, entities ?? []).slice(0, MAX_SUGGESTIONS),
    [state.query, entities],
  );
  // Escape closes the suggestions until the reader changes what they typed.
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const suggestions = dismissedAt === typed ? [] : matched;
  const suggestionsApart = useMemo(() => namesTellingApart(matched, locale), [matched, locale]);
  const terms = useMemo(() => queryTerms(state.query), [state.query]);
  // What the stories listed apart hold of the query, which the line and heading over them say.
  const apartReading = useMemo(
    (): ApartReading => (wordsWithDate(terms) ? 'dated' : terms.length === 1 ? 'word' : 'words'),
    [terms],
  );
  // Cards in result order, up to the first one still loading.
  const shownCards = useMemo(() => {
    const list: (Listed & { doc: SearchDoc })[] = [];
    for (const entry of page) {
      const doc = cards.get(cardKey(entry.hit.locale, entry.hit.story));
      if (!doc) break;
      list.push({ ...entry, doc });
    }
    return list;
  }, [page, cards]);

  // Facets need every story's tags: fetched once the first results are on screen (so
  // they never delay them), or at once when the URL already selects a facet.
  const wantsFacets = selecting || (found !== null && (found.hits.length === 0 || shownCards.length > 0));
  useEffect(() => {
    if (!wantsFacets || facetSource) return;
    return requestAfterThisTask(() =>
      client
        .facets(locale)
        .then((source) => {
          setFacetSource(source);
          setFailed(false);
        })
        .catch(() => setFailed(true)),
    );
  }, [wantsFacets, facetSource, locale]);

  // A query that finds little: is it one or two typos away from a name or a frequent word? (offeredRewriting says
  // which rewriting leads somewhere.)
  useEffect(() => {
    if (!found || !foundLittle({ hits: found.hits.length, loose: found.loose })) return;
    let cancelled = false;
    loadSpeller(locale)
      .then(async (loaded) => {
        const { query, allLanguages, loose, held } = found;
        const hits = found.hits.length;
        const together = hits > 0 && !loose && (await foundTogether(locale, query, allLanguages));
        const rewriting = await rewritingFor(
          { query, allLanguages, loose, held, hits, together },
          loaded,
          async (each, inBoth) => {
            const { hits, loose } = await startSearch(locale, each, inBoth);
            return { hits: hits.length, loose };
          },
        );
        if (!cancelled) setSuggested({ query, rewriting });
      })
      // A suggestion is a help, not the search: without it the page still works, offering the words as the results
      // write them where they differ from the query.
      .catch(() => {
        if (!cancelled) setSuggested({ query: found.query, rewriting: null });
      });
    return () => {
      cancelled = true;
    };
  }, [found, locale]);

  // A query that finds nothing in the reader's language: does the other language have it?
  useEffect(() => {
    if (!found || found.hits.length > 0 || found.allLanguages) return;
    let cancelled = false;
    client
      .prepare([other], found.query)
      .then((prepared) => {
        if (!cancelled)
          setOtherHits({
            query: found.query,
            count: searchStories(prepared.languages, prepared.entities, prepared.tagged, found.query).hits.length,
          });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [found, other]);

  const facetLabel = (kind: FacetKind, value: string) => {
    if (kind === 'year') return value;
    return entityByKey.get(`${kind}:${value}`)?.name[locale] ?? value;
  };
  const facetTitle: Record<FacetKind, string> = {
    topics: words.facetTopics,
    year: words.facetYear,
    people: words.facetPeople,
    organisations: words.facetOrganisations,
  };
  const kindLabel: Record<SearchEntity['kind'], string> = {
    topics: words.kindTopics,
    people: words.kindPeople,
    organisations: words.kindOrganisations,
  };

  // A refinement chosen stays in its list, however few results it leaves, so that it can be taken back.
  const facetValues = (kind: FacetKind): [string, number][] => {
    const values = counts?.[kind] ?? [];
    const chosen = state.facets[kind];
    return chosen === undefined || values.some(([value]) => value === chosen) ? values : [[chosen, 0], ...values];
  };

  const toggleFacet = (kind: FacetKind, value: string) => {
    const facets = { ...state.facets };
    if (facets[kind] === value) delete facets[kind];
    else facets[kind] = value;
    commit({ ...state, query: typed, facets }, 'choice');
    setShown(PAGE_SIZE);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (suggestions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // -1 is the input itself; the arrows cycle through it and the suggestions.
      setActive((current) => {
        const next = current + step;
        if (next < -1) return suggestions.length - 1;
        return next >= suggestions.length ? -1 : next;
      });
    } else if (event.key === 'Enter' && active >= 0 && suggestions[active]) {
      event.preventDefault();
      const entity = suggestions[active];
      window.location.assign(entityUrl(entity.kind, locale, entity.id));
    } else if (event.key === 'Escape') {
      setActive(-1);
      setDismissedAt(typed);
    }
  };

  const showResults = hasWords(state.query);
  const activeSuggestion = active >= 0 && active < suggestions.length ? `${listId}-${active}` : undefined;

  // The page's start (what can be searched, rendered with the page) gives way to results.
  useEffect(() => {
    const start = document.getElementById(SEARCH_START_ID);
    if (start) start.hidden = showResults;
  }, [showResults]);

  // When no story has the words as typed, a word typed with the wrong marks is written as the results write it.
  const writtenOtherwise = useMemo(
    () =>
      found?.loose
        ? writtenInText(
            shownCards.flatMap(({ doc }) => [doc.title, doc.summary, doc.text]),
            terms,
          )
        : null,
    [found, shownCards, terms],
  );
  const spelt = found && suggested?.query === found.query ? suggested.rewriting : null;
  // While the speller works on a query that found little, no link is offered: the words as the results write them
  // would show first and then change under the reader's pointer to the speller's answer.
  const spellerDone =
    found !== null &&
    (!foundLittle({ hits: found.hits.length, loose: found.loose }) || suggested?.query === found.query);
  // The results' own writing is offered where the speller only puts other marks on the query's letters: the same
  // words as the results write them ("hóa", where the index's one spelling is "hoá") read as the reader saw, and on
  // the English page "Hà Nôi" is offered as the results write it ("Hanoi"), not in a Vietnamese spelling.
  const sameWords =
    spelt !== null &&
    writtenOtherwise !== null &&
    (markedText(spelt.query) === markedText(writtenOtherwise) || foldText(spelt.query) === foldText(state.query));
  // The results' writing leads where they are: to the languages searched.
  const asWritten = writtenOtherwise === null ? null : { query: writtenOtherwise, allLanguages: state.allLanguages };
  const didYouMean =
    showResults && found && found.query === state.query && spellerDone
      ? sameWords
        ? asWritten
        : (spelt ?? asWritten)
      : null;
  /** The search a rewriting offered runs: in the languages where it leads to stories. */
  const rewrittenSearch = (rewriting: Rewriting): SearchState => ({
    ...searching(state, rewriting.query),
    allLanguages: rewriting.allLanguages,
  });

  return (
    <div className="search">
      <form
        role="search"
        className="search__form"
        // Without the script the form still searches: it reloads this page with ?q=.
        method="get"
        action={searchUrl(locale)}
        onSubmit={(event) => {
          event.preventDefault();
          commit(searching(state, typed), 'choice');
        }}
      >
        <label htmlFor="search-input">{words.searchLabel}</label>
        <div className="search__row">
          <input
            id="search-input"
            ref={input}
            // A combobox is a text input in HTML's rules (type=search may not take the role).
            type="text"
            name="q"
            value={typed}
            placeholder={words.searchPlaceholder}
            autoComplete="off"
            enterKeyHint="search"
            role="combobox"
            aria-expanded={suggestions.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeSuggestion}
            onChange={(event) => {
              setTyped(event.target.value);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
          />
          <button type="submit">{words.searchButton}</button>
        </div>
        <p className="search__hint">
          {words.searchIntro} <span className="keyboard-hint">{words.searchKeyHint}</span>
        </p>
      </form>

      <div className="search__suggestions">
        {suggestions.length > 0 && <h2 id={`${listId}-label`}>{words.suggestions}</h2>}
        <ul
          id={listId}
          role="listbox"
          aria-labelledby={suggestions.length > 0 ? `${listId}-label` : undefined}
          aria-label={suggestions.length > 0 ? undefined : words.suggestions}
        >
          {suggestions.map((entity, index) => (
            <li
              key={`${entity.kind}:${entity.id}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
            >
              <a href={entityUrl(entity.kind, locale, entity.id)} tabIndex={-1}>
                <NameToldApart name={entity.name[locale]} apart={suggestionsApart[index]} locale={locale} />
              </a>{' '}
              <span className="count">{kindLabel[entity.kind]}</span>
            </li>
          ))}
        </ul>
      </div>

      <p role="status" aria-live="polite" className="search__status">
        {failed
          ? words.searchFailed
          : isWordless(state.query)
            ? words.noWords(state.query)
            : !showResults
              ? ''
              : !entities
                ? words.searchLoading
                : narrowed
                  ? words.resultCount(narrowed.hits.length, found?.capped)
                  : ''}
      </p>

      {didYouMean && (
        <p className="search__did-you-mean">
          {words.didYouMean}{' '}
          <a
            href={writeSearchState(rewrittenSearch(didYouMean)) || '?'}
            onClick={(event) => {
              event.preventDefault();
              setTyped(didYouMean.query);
              commit(rewrittenSearch(didYouMean), 'choice');
            }}
          >
            {didYouMean.query}
          </a>
          ?
        </p>
      )}

      {showResults && hits && (
        <div className="search__body">
          <section className="search__results" aria-label={words.resultCount(hits.length, found?.capped)}>
            {hits.length === 0 ? (
              <>
                {selecting && found && found.hits.length > 0 ? (
                  <p className="search__empty">
                    {words.noResultsRefined(found.query, found.hits.length)}{' '}
                    <button type="button" onClick={() => commit({ ...state, query: typed, facets: {} }, 'choice')}>
                      {words.removeRefinements}
                    </button>
                  </p>
                ) : (
                  <p className="search__empty">{words.noResults(found?.query ?? state.query)}</p>
                )}
                {otherHits && otherHits.query === found?.query && otherHits.count > 0 && (
                  <p className="search__other-language">
                    {words.otherLanguageResults(otherHits.count)}{' '}
                    <button
                      type="button"
                      onClick={() => commit({ ...state, query: typed, allLanguages: true }, 'choice')}
                    >
                      {words.searchOtherLanguageToo}
                    </button>
                  </p>
                )}
                <p>{words.browseInstead}</p>
                <BrowseLinks locale={locale} />
              </>
            ) : (
              <>
                {found?.loose && <p className="search__loose">{words.onlyApart(apartReading)}</p>}
                {[shownCards.slice(0, narrowed?.hits.length), shownCards.slice(narrowed?.hits.length ?? 0)].map(
                  (list, at) =>
                    list.length > 0 && (
                      <div key={at === 0 ? 'hits' : 'apart'}>
                        {/* The stories listed on request are not the results: they hold the words only apart. */}
                        {at > 0 && <h2 className="search__apart-heading">{words.apartHeading(apartReading)}</h2>}
                        <ol className="story-list">
                          {list.map(({ doc, hit, kind }) => (
                            <SearchResult
                              key={cardKey(doc.locale, doc.number)}
                              doc={doc}
                              hit={hit}
                              kind={kind}
                              locale={locale}
                              terms={terms}
                              entityName={(kind, id) => facetLabel(kind, id)}
                              entityOf={(kind, id) => entityByKey.get(`${kind}:${id}`)}
                            />
                          ))}
                        </ol>
                      </div>
                    ),
                )}
                {hits.length > shown && (
                  <p className="search__more">
                    <span>{words.resultsShown(Math.min(shown, hits.length), hits.length, found?.capped)}</span>{' '}
                    <button type="button" onClick={() => setShown((count) => count + PAGE_SIZE)}>
                      {words.moreResults}
                    </button>
                  </p>
                )}
                {!showApart && narrowed && narrowed.apart.length > 0 && hits.length <= shown && (
                  <p className="search__apart">
                    <button type="button" onClick={() => commit({ ...state, apart: true }, 'opening')}>
                      {words.moreApart(narrowed.apart.length, apartReading)}
                    </button>
                  </p>
                )}
              </>
            )}
          </section>
          <aside className="search__facets" aria-label={words.refine}>
            <fieldset>
              <legend>{words.languagesFacet}</legend>
              <label>
                <input
                  type="checkbox"
                  checked={state.allLanguages}
                  onChange={(event) => commit({ ...state, query: typed, allLanguages: event.target.checked }, 'choice')}
                />{' '}
                {words.includeOtherLanguage}
              </label>
            </fieldset>
            {FACET_KINDS.map((kind) =>
              !counts || facetValues(kind).length === 0 ? null : (
                <fieldset key={kind}>
                  <legend>{facetTitle[kind]}</legend>
                  <ul>
                    {facetValues(kind).map(([value, count]) => (
                      <li key={value}>
                        <button
                          type="button"
                          aria-pressed={state.facets[kind] === value}
                          onClick={() => toggleFacet(kind, value)}
                        >
                          {facetLabel(kind, value)} <span className="count">({count})</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              ),
            )}
          </aside>
        </div>
      )}
    </div>
  );
}

interface SearchResultProps {
  doc: SearchDoc;
  hit: SearchHit;
  kind: MatchKind;
  locale: Locale;
  terms: Syllable[];
  entityName: (kind: FacetKind, id: string) => string;
  entityOf: (kind: EntityKind, id: string) => SearchEntity | undefined;
}

/** A result card: what matched is marked, and a story found only by its tags or credits names them (resultCard). */
export function SearchResult({ doc, hit, kind, locale, terms, entityName, entityOf }: SearchResultProps) {
  const words = dictionary(locale);
  const foreign = doc.locale !== locale;
  const { title, date, excerpt, otherForms, credits, tags } = resultCard({
    doc,
    hit,
    listedAs: kind,
    locale,
    typed: terms,
    entityName,
    entityOf,
  });
  return (
    <li className={doc.image ? 'story-card story-card--image search-result' : 'story-card search-result'}>
      <article lang={foreign ? doc.locale : undefined}>
        {doc.image && (
          <ResponsivePicture image={doc.image} alt="" sizes={THUMBNAIL_SIZES} className="story-card__image" />
        )}
        <h3 className="story-card__title">
          <a href={doc.url} hrefLang={foreign ? doc.locale : undefined}>
            <Marked parts={title} />
          </a>
        </h3>
        <p className="story-card__meta" lang={locale}>
          <time dateTime={doc.date}>
            <Marked parts={[date]} />
          </time>
          {foreign && <span className="badge">{words.inOtherLanguage}</span>}
          {doc.topics.length > 0 && (
            <span className="search-result__topics">
              {' '}
              · {doc.topics.map((id) => entityName('topics', id)).join(', ')}
            </span>
          )}
        </p>
        <p className="story-card__summary">
          <Marked parts={excerpt} />
        </p>
        {otherForms.length > 0 && (
          <p className="search-result__other-forms">
            {words.inAnotherForm} {otherForms.join(', ')}
          </p>
        )}
        {credits.map(({ role, parts, otherName }) => (
          <p key={role} className="search-result__credit">
            {words[role]}: <Marked parts={parts} />
            {otherName.length > 0 && (
              <>
                {' ('}
                <Marked parts={otherName} />)
              </>
            )}
          </p>
        ))}
        {tags.length > 0 && (
          <p className="search-result__tagged">
            {words.taggedWith} {tags.join(', ')}
          </p>
        )}
      </article>
    </li>
  );
}
