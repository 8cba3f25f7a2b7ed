/**
 * Fetches the search files in the browser, once per language, and checks them against
 * the schemas the build wrote them with.
 */
import type { Locale } from '../i18n';
import { searchDocsUrl, searchEntitiesUrl, searchIndexUrl } from '../urls';
import type { SearchEntity } from './documents';
import { ExportedIndexSchema, SearchDocsFileSchema, SearchEntitiesFileSchema } from './files';
import type { LoadedLanguage } from './query';
import { importSearchIndex } from './search-index';

const languages = new Map<Locale, Promise<LoadedLanguage>>();
let entities: Promise<SearchEntity[]> | undefined;

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

export function loadLanguage(locale: Locale): Promise<LoadedLanguage> {
  let loading = languages.get(locale);
  if (!loading) {
    loading = Promise.all([fetchJson(searchIndexUrl(locale)), fetchJson(searchDocsUrl(locale))]).then(([index, docs]) => ({
      index: importSearchIndex(ExportedIndexSchema.parse(index)),
      docs: SearchDocsFileSchema.parse(docs),
    }));
    loading.catch(() => languages.delete(locale));
    languages.set(locale, loading);
  }
  return loading;
}

export function loadEntities(): Promise<SearchEntity[]> {
  if (!entities) {
    entities = fetchJson(searchEntitiesUrl()).then((data) => SearchEntitiesFileSchema.parse(data));
    entities.catch(() => {
      entities = undefined;
    });
  }
  return entities;
}
