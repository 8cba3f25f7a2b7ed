/**
 * After `next build`: writes the search files into `out/` from the validated archive
 * (lib/search/search-files.ts). Pages fetch them only when a reader starts to search,
 * and then only the files the query needs.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getArchive } from '../lib/views/archive';
import { buildSearchFilesCached } from '../lib/caches/build-caches';

const OUT = 'out';

rmSync(path.join(OUT, 'search'), { recursive: true, force: true });
const { files, summary } = await buildSearchFilesCached(getArchive());
for (const [url, text] of files) {
  const file = path.join(OUT, url);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
for (const { locale, stories, reused, shards } of summary)
  console.log(
    `Search ${locale}: ${stories} stories indexed (${reused} from the previous build's index) in ${shards} shards`,
  );
