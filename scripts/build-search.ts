/**
 * After `next build`: writes the search files into `out/` from the validated archive
 * (lib/search/search-files.ts). Pages fetch them only when a reader starts to search,
 * and then only the files the query needs.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getArchive } from '../lib/views/archive';
import { buildSearchFilesCached } from '../lib/caches/build-caches';
import type { Archive } from '../lib/content/schema';

/**
 * Writes the search files of `archive` into `outDir` (its `search/` folder written anew),
 * with the search index cache kept in `cacheDir`; returns what each language's index holds.
 */
export async function writeSearchFiles(outDir: string, archive: Archive, cacheDir?: string) {
  rmSync(path.join(outDir, 'search'), { recursive: true, force: true });
  const { files, summary } = await buildSearchFilesCached(archive, cacheDir);
  for (const [url, text] of files) {
    const file = path.join(outDir, url);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return summary;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const { locale, stories, reused, shards } of await writeSearchFiles('out', getArchive()))
    console.log(
      `Search ${locale}: ${stories} stories indexed (${reused} from the previous build's index) in ${shards} shards`,
    );
}
