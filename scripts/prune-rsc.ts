/**
 * After `next build`: removes the React Server Component payload files (`index.txt` and
 * `__next.*.txt` beside each page). They serve Next's client-side navigation and link
 * prefetching; this site links with plain `<a>` and navigates by full page loads, so no
 * reader ever requests them, and they were about two thirds of every page's bytes.
 * The payload a page needs to hydrate is inline in its HTML and stays.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function isRscPayload(name: string): boolean {
  return name === 'index.txt' || (name.startsWith('__next.') && name.endsWith('.txt'));
}

/** Deletes every RSC payload file under `outDir`; returns how many it removed. */
export function pruneRscPayloads(outDir: string): number {
  let removed = 0;
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    const full = path.join(outDir, entry.name);
    if (entry.isDirectory()) removed += pruneRscPayloads(full);
    else if (isRscPayload(entry.name)) {
      rmSync(full);
      removed++;
    }
  }
  return removed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`Removed ${pruneRscPayloads('out')} RSC payload files that plain-link navigation never requests`);
}
