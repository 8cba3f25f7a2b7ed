/**
 * The flexsearch index of one language. Fields, in order of weight:
 * `names` (the story's topics, people and organisations by every name and alias, in
 * both languages: "Hanoi Convention" finds "Công ước Hà Nội"), `title`, `summary`,
 * `body`, and `exact` (the words of title, summary and body that carry diacritics, as written).
 */
import { Document } from 'flexsearch';
import type { SearchDoc, SearchEntity } from './documents';
import { entityKey, entityNames } from './documents';
import { diacriticWords, exactEncoder, foldedEncoder, joinedSyllables } from './encoding';

export const SEARCH_FIELDS = ['names', 'title', 'summary', 'body', 'exact'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

interface IndexedDoc {
  [key: string]: string | number;
  /** The story's number (SearchDoc.number): numbers keep the exported postings small. */
  id: number;
  names: string;
  title: string;
  summary: string;
  body: string;
  exact: string;
}

export type SearchIndex = Document<IndexedDoc>;

/** Exported index data: flexsearch's keys and their serialised parts. */
export type ExportedIndex = Record<string, string>;

export function createSearchIndex(): SearchIndex {
  const folded = foldedEncoder();
  // Prefix ("forward") tokens let results follow the reader's typing. flexsearch keeps
  // context (term-pair) data only for whole-word tokens, so phrase ranking is done in
  // lib/search/query.ts on the matched documents instead.
  return new Document<IndexedDoc>({
    document: {
      id: 'id',
      index: [
        { field: 'names', tokenize: 'forward', encoder: folded },
        { field: 'title', tokenize: 'forward', encoder: folded },
        { field: 'summary', tokenize: 'forward', encoder: folded },
        // Whole words only in the body: prefixes of every body word would multiply the
        // index, and the short fields already follow the reader's typing.
        { field: 'body', tokenize: 'strict', encoder: folded },
        // Read as a set (does the story have these words exactly so?): one relevance slot.
        { field: 'exact', tokenize: 'strict', encoder: exactEncoder(), resolution: 1 },
      ],
    },
  });
}

/** Every name of every entity a story is tagged with. */
export function taggedNames(doc: SearchDoc, entities: ReadonlyMap<string, SearchEntity>): string[] {
  const tags = [
    ...doc.topics.map((id) => entityKey('topics', id)),
    ...doc.people.map((id) => entityKey('people', id)),
    ...doc.organisations.map((id) => entityKey('organisations', id)),
  ];
  return tags.flatMap((key) => {
    const entity = entities.get(key);
    return entity ? entityNames(entity) : [];
  });
}

function indexedDoc(doc: SearchDoc, entities: ReadonlyMap<string, SearchEntity>): IndexedDoc {
  const names = taggedNames(doc, entities);
  // Adjacent syllables joined ("hanoi", "ledung") serve both spellings and phrase ranking (lib/search/query.ts).
  const joined = [...names, doc.title].flatMap(joinedSyllables);
  return {
    id: doc.number,
    names: [...names, ...joined].join(' · '),
    title: doc.title,
    summary: doc.summary,
    body: doc.text,
    exact: diacriticWords([doc.title, doc.summary, doc.text].join('\n')),
  };
}

export function buildSearchIndex(docs: readonly SearchDoc[], entities: readonly SearchEntity[]): SearchIndex {
  const index = createSearchIndex();
  const byKey = entitiesByKey(entities);
  // In number order, oldest first: postings extended with a newer story's (lib/search/postings.ts)
  // then hold exactly what a fresh build's would.
  for (const doc of [...docs].sort((a, b) => a.number - b.number)) index.add(indexedDoc(doc, byKey));
  return index;
}

export function entitiesByKey(entities: readonly SearchEntity[]): Map<string, SearchEntity> {
  return new Map(entities.map((entity) => [entityKey(entity.kind, entity.id), entity]));
}

export async function exportSearchIndex(index: SearchIndex): Promise<ExportedIndex> {
  const parts: ExportedIndex = {};
  await index.export((key: string, data: string) => {
    parts[key] = data;
  });
  return parts;
}
