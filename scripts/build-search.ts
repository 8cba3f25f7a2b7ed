/**
 * After `next build`: writes the search files into `out/` from the validated archive:
 * per language an exported flexsearch index and the documents for result cards, and one
 * entity list. Pages fetch them only when a reader starts to search.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getArchive } from '../lib/archive';
import { LOCALES } from '../lib/i18n';
import { searchDocuments, searchEntities } from '../lib/search/documents';
import { buildSearchIndex, exportSearchIndex } from '../lib/search/search-index';
import { searchDocsUrl, searchEntitiesUrl, searchIndexUrl } from '../lib/urls';

const OUT = 'out';

function write(url: string, data: unknown) {
  const file = path.join(OUT, url);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data));
  return file;
}

const archive = getArchive();
const entities = searchEntities(archive);
write(searchEntitiesUrl(), entities);
for (const locale of LOCALES) {
  const docs = searchDocuments(archive, locale);
  const parts = await exportSearchIndex(buildSearchIndex(docs, entities));
  write(searchIndexUrl(locale), parts);
  write(searchDocsUrl(locale), docs);
  console.log(`Search ${locale}: ${docs.length} documents indexed`);
}
