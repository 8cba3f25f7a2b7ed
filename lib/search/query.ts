/**
 * Answers a query over the loaded languages: ranked stories, the entities the query
 * names, and facet counts. Pure functions over the index and the documents, so the
 * browser and the tests run the same code.
 */
import { parseStoryDate, storyDateSortKey } from '../dates';
import { foldedWords, foldText } from '../text-fold';
import type { SearchDoc, SearchEntity } from './documents';
import { entityNames } from './documents';
import { hasDiacritics } from './encoding';
import { entitiesByKey, taggedNames, type SearchField, type SearchIndex } from './search-index';

export interface LoadedLanguage {
  index: SearchIndex;
  /** The documents in index order: a posting's number is a position here. */
  docs: readonly SearchDoc[];
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
}

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

function phrase(text: string): string {
  return ` ${foldedWords(text).join(' ')} `;
}

// Folding is the costly part of a query; names and titles do not change, so each is
// folded once per page and kept with its record.
const foldedNames = new WeakMap<SearchEntity, string[]>();
const foldedPhrases = new WeakMap<SearchDoc, string[]>();
const dateKeys = new WeakMap<SearchDoc, number>();

function namesOf(entity: SearchEntity): string[] {
  let names = foldedNames.get(entity);
  if (!names) {
    names = entityNames(entity)
      .map((name) => foldedWords(name).join(' '))
      .filter((name) => name !== '');
    foldedNames.set(entity, names);
  }
  return names;
}

function phrasesOf(doc: SearchDoc, entities: ReadonlyMap<string, SearchEntity>): string[] {
  let phrases = foldedPhrases.get(doc);
  if (!phrases) {
    phrases = [doc.title, ...taggedNames(doc, entities)].map(phrase);
    foldedPhrases.set(doc, phrases);
  }
  return phrases;
}

/**
 * Entities the query names: by a whole name or alias in either language, accent- and
 * case-insensitively ("le dung", "BTL 86", "Bộ Quốc phòng"), by the start of one as the
 * reader types (three letters at least), or inside a longer query ("le dung cuba").
 */
export function matchEntities(query: string, entities: readonly SearchEntity[]): SearchEntity[] {
  const wanted = foldedWords(query).join(' ');
  if (wanted === '') return [];
  const scored: { entity: SearchEntity; score: number }[] = [];
  for (const entity of entities) {
    let best = 0;
    for (const known of namesOf(entity)) {
      if (known === wanted) best = Math.max(best, 3);
      else if (wanted.length >= 3 && known.startsWith(wanted)) best = Math.max(best, 2);
      else if (` ${wanted} `.includes(` ${known} `) && known.length >= 2) best = Math.max(best, 1.5);
      else if (wanted.length >= 4 && ` ${known} `.includes(` ${wanted} `)) best = Math.max(best, 1);
    }
    if (best > 0) scored.push({ entity, score: best });
  }
  return scored.sort((a, b) => b.score - a.score || a.entity.name.en.localeCompare(b.entity.name.en)).map(({ entity }) => entity);
}

/** Ranked stories for a query, over one or more languages; a story appears once, in the first language that has it. */
export function searchStories(languages: readonly LoadedLanguage[], entities: readonly SearchEntity[], query: string): SearchHit[] {
  if (foldText(query).trim() === '') return [];
  const named = matchEntities(query, entities);
  const byKey = entitiesByKey(entities);
  const wanted = phrase(query);
  const multiWord = foldedWords(query).length > 1;
  const exact = hasDiacritics(query);
  const hits = new Map<string, SearchHit>();

  for (const language of languages) {
    const scores = new Map<number, number>();
    const add = (position: number, points: number) => scores.set(position, (scores.get(position) ?? 0) + points);
    for (const { field, result } of language.index.search(query, { index: ['names', 'title', 'summary', 'body'], limit: LIMIT })) {
      const weight = FIELD_WEIGHTS[field as keyof typeof FIELD_WEIGHTS];
      result.forEach((position, rank) => add(Number(position), weight * (1 - Math.min(rank, 100) / 200)));
    }
    if (exact) {
      for (const { result } of language.index.search(query, { index: ['exact'], limit: LIMIT })) {
        for (const position of result) if (scores.has(Number(position))) add(Number(position), EXACT_BOOST);
      }
    }
    for (const [position, score] of scores) {
      const doc = language.docs[position];
      if (!doc || hits.has(doc.id)) continue;
      let total = score;
      if (named.some((entity) => doc[entity.kind].includes(entity.id))) total += ENTITY_BOOST;
      if (multiWord && phrasesOf(doc, byKey).some((text) => text.includes(wanted))) total += PHRASE_BOOST;
      hits.set(doc.id, { doc, score: total });
    }
  }
  const dateKey = (hit: SearchHit) => {
    let key = dateKeys.get(hit.doc);
    if (key === undefined) {
      key = storyDateSortKey(hit.doc.date);
      dateKeys.set(hit.doc, key);
    }
    return key;
  };
  return [...hits.values()].sort((a, b) => b.score - a.score || dateKey(b) - dateKey(a) || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
}

function facetValues(doc: SearchDoc, kind: FacetKind): string[] {
  return kind === 'year' ? [String(parseStoryDate(doc.date).year)] : doc[kind];
}

export function applyFacets(hits: readonly SearchHit[], selection: FacetSelection): SearchHit[] {
  return hits.filter((hit) => FACET_KINDS.every((kind) => selection[kind] === undefined || facetValues(hit.doc, kind).includes(selection[kind])));
}

/** For each facet, how many of the hits carry each value, most frequent first. */
export function facetCounts(hits: readonly SearchHit[]): Record<FacetKind, [string, number][]> {
  const counts: Record<FacetKind, Map<string, number>> = { topics: new Map(), year: new Map(), people: new Map(), organisations: new Map() };
  for (const hit of hits) {
    for (const kind of FACET_KINDS) {
      for (const value of facetValues(hit.doc, kind)) counts[kind].set(value, (counts[kind].get(value) ?? 0) + 1);
    }
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { topics: sorted(counts.topics), year: sorted(counts.year), people: sorted(counts.people), organisations: sorted(counts.organisations) };
}
