/**
 * Answers a query over the loaded languages: ranked stories, the entities the query
 * names, and facet counts. Pure functions over the index, the entity registry and the
 * tag lists, so the browser, the tests and the benchmark run the same code.
 */
import type { Locale } from '../i18n';
import { foldedWords, foldText } from '../text-fold';
import { entityKey, entityNames, splitEntityKey, type SearchEntity, type YearRange } from './documents';
import { diacriticWords, joinedSyllables } from './encoding';
import type { SearchField, SearchIndex } from './search-index';

/** One language's index, or as much of it as the query needs (lib/search/load.ts). */
export interface SearchLanguage {
  locale: Locale;
  index: SearchIndex;
}

/** A story found, by number (SearchDoc.number), in the language it was found in. */
export interface SearchHit {
  story: number;
  locale: Locale;
  score: number;
}

/** Stories tagged with each entity, by entity key: for the named-entity boost and for facets. */
export type TaggedStories = ReadonlyMap<string, ReadonlySet<number>>;

export const FACET_KINDS = ['topics', 'year', 'people', 'organisations'] as const;
export type FacetKind = (typeof FACET_KINDS)[number];
export type FacetSelection = Partial<Record<FacetKind, string>>;

const FIELD_WEIGHTS: Record<Exclude<SearchField, 'exact'>, number> = { names: 8, title: 4, summary: 2, body: 1 };
/** A story tagged with an entity the query names comes before any that only mentions the words. */
const ENTITY_BOOST = 20;
/** The query's words together, in order, in the title or a tagged name. */
const PHRASE_BOOST = 6;
/** The reader typed diacritics and the story has the words exactly so. */
const EXACT_BOOST = 3;
const LIMIT = 1000;

// Names do not change: each is folded (and padded with spaces, for whole-word tests)
// once per page and kept with its record. Matching runs on every keystroke.
const foldedNames = new WeakMap<SearchEntity, string[]>();

function paddedNamesOf(entity: SearchEntity): string[] {
  let names = foldedNames.get(entity);
  if (!names) {
    names = entityNames(entity)
      .map((name) => foldedWords(name).join(' '))
      .filter((name) => name !== '')
      .map((name) => ` ${name} `);
    foldedNames.set(entity, names);
  }
  return names;
}

/**
 * Entities the query names: by a whole name or alias in either language, accent- and
 * case-insensitively ("le dung", "BTL 86", "Bộ Quốc phòng"), by the start of one as the
 * reader types (three letters at least), or inside a longer query ("le dung cuba").
 */
export function matchEntities(query: string, entities: readonly SearchEntity[]): SearchEntity[] {
  const words = foldedWords(query).join(' ');
  if (words === '') return [];
  const wanted = ` ${words} `;
  const start = ` ${words}`;
  const scored: { entity: SearchEntity; score: number }[] = [];
  for (const entity of entities) {
    let best = 0;
    for (const known of paddedNamesOf(entity)) {
      // Lengths below are of the unpadded words: padding adds two characters.
      if (known === wanted) best = 3;
      else if (words.length >= 3 && known.startsWith(start)) best = Math.max(best, 2);
      else if (known.length >= 4 && wanted.includes(known)) best = Math.max(best, 1.5);
      else if (words.length >= 4 && known.includes(wanted)) best = Math.max(best, 1);
    }
    if (best > 0) scored.push({ entity, score: best });
  }
  return scored.sort((a, b) => b.score - a.score || a.entity.name.en.localeCompare(b.entity.name.en)).map(({ entity }) => entity);
}

/**
 * Stories whose title or tagged names hold the query's words together and in order:
 * the index keeps adjacent syllables joined in its `names` field ("ledung"), so a story
 * has the phrase when it has every joined pair of the query.
 */
function phraseStories(index: SearchIndex, query: string): Set<number> | undefined {
  const pairs = joinedSyllables(query);
  if (pairs.length === 0) return undefined;
  let found: Set<number> | undefined;
  for (const pair of pairs) {
    const stories = new Set<number>();
    for (const { result } of index.search(pair, { index: ['names'], limit: LIMIT })) for (const story of result) stories.add(Number(story));
    found = found ? new Set([...found].filter((story) => stories.has(story))) : stories;
  }
  return found;
}

/**
 * Ranked stories for a query, over one or more languages; a story appears once, in the
 * first language that has it. Ties go to the newer story (the higher number).
 */
export function searchStories(languages: readonly SearchLanguage[], entities: readonly SearchEntity[], tagged: TaggedStories, query: string): SearchHit[] {
  if (foldText(query).trim() === '') return [];
  const named = matchEntities(query, entities).flatMap((entity) => {
    const stories = tagged.get(entityKey(entity.kind, entity.id));
    return stories ? [stories] : [];
  });
  const exact = diacriticWords(query);
  const hits = new Map<number, SearchHit>();

  for (const { locale, index } of languages) {
    const scores = new Map<number, number>();
    const add = (story: number, points: number) => scores.set(story, (scores.get(story) ?? 0) + points);
    for (const { field, result } of index.search(query, { index: ['names', 'title', 'summary', 'body'], limit: LIMIT })) {
      const weight = FIELD_WEIGHTS[field as keyof typeof FIELD_WEIGHTS];
      result.forEach((story, rank) => add(Number(story), weight * (1 - Math.min(rank, 100) / 200)));
    }
    if (exact) {
      for (const { result } of index.search(exact, { index: ['exact'], limit: LIMIT })) {
        for (const story of result) if (scores.has(Number(story))) add(Number(story), EXACT_BOOST);
      }
    }
    const phrase = phraseStories(index, query);
    for (const [story, score] of scores) {
      if (hits.has(story)) continue;
      let total = score;
      if (named.some((stories) => stories.has(story))) total += ENTITY_BOOST;
      if (phrase?.has(story)) total += PHRASE_BOOST;
      hits.set(story, { story, locale, score: total });
    }
  }
  return [...hits.values()].sort((a, b) => b.score - a.score || b.story - a.story);
}

/** What facets need to know of every story: its tags and the year ranges. */
export interface FacetSource {
  tagged: TaggedStories;
  years: readonly YearRange[];
}

/** Each story's facet values, computed once per facet source. */
export type StoryFacets = (story: number) => Readonly<Record<FacetKind, readonly string[]>>;

export function storyFacets(source: FacetSource): StoryFacets {
  const byStory = new Map<number, Record<FacetKind, string[]>>();
  const of = (story: number) => {
    let facets = byStory.get(story);
    if (!facets) {
      facets = { topics: [], year: [], people: [], organisations: [] };
      byStory.set(story, facets);
    }
    return facets;
  };
  for (const [key, stories] of source.tagged) {
    const [kind, id] = splitEntityKey(key);
    for (const story of stories) of(story)[kind].push(id);
  }
  for (const [year, first, last] of source.years) for (let story = first; story <= last; story++) of(story).year.push(String(year));
  const none = { topics: [], year: [], people: [], organisations: [] };
  return (story) => byStory.get(story) ?? none;
}

export function applyFacets(hits: readonly SearchHit[], selection: FacetSelection, facetsOf: StoryFacets): SearchHit[] {
  return hits.filter((hit) => FACET_KINDS.every((kind) => selection[kind] === undefined || facetsOf(hit.story)[kind].includes(selection[kind])));
}

/** For each facet, how many of the hits carry each value, most frequent first. */
export function facetCounts(hits: readonly SearchHit[], facetsOf: StoryFacets): Record<FacetKind, [string, number][]> {
  const counts: Record<FacetKind, Map<string, number>> = { topics: new Map(), year: new Map(), people: new Map(), organisations: new Map() };
  for (const hit of hits) {
    for (const kind of FACET_KINDS) {
      for (const value of facetsOf(hit.story)[kind]) counts[kind].set(value, (counts[kind].get(value) ?? 0) + 1);
    }
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { topics: sorted(counts.topics), year: sorted(counts.year), people: sorted(counts.people), organisations: sorted(counts.organisations) };
}
