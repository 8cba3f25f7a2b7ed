/**
 * After `next build` and the search files: makes `out/` what ships, in one walk.
 * - Removes the React Server Component payload files (`index.txt`, `__next.*.txt`) beside
 *   each page: they serve Next's client-side navigation and prefetching, and this site
 *   links with plain `<a>` and navigates by full page loads, so no reader requests them.
 * - Bundles the site script (components/page-script.ts) under a content-hashed name.
 * - Rewrites each page: Next's runtime out where nothing hydrates, the site script in,
 *   and its Content-Security-Policy (lib/page-html.ts, lib/csp.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { withContentSecurityPolicy } from '../lib/csp';
import { finishedPage } from '../lib/page-html';
import { filesUnder, htmlFiles, urlPathOfFile } from './quality/html-files';

function isRscPayload(name: string): boolean {
  return name === 'index.txt' || (name.startsWith('__next.') && name.endsWith('.txt'));
}

/** Deletes every RSC payload file under `outDir`; returns how many it removed. */
export function pruneRscPayloads(outDir: string): number {
  const payloads = filesUnder(outDir).filter((file) => isRscPayload(path.posix.basename(file)));
  for (const file of payloads) rmSync(path.join(outDir, file));
  return payloads.length;
}

/** Bundles the site script into `outDir` and returns the URL it is served at. */
export function writePageScript(outDir: string): string {
  const bundle = buildSync({ entryPoints: [path.join(import.meta.dirname, '..', 'components', 'page-script.ts')], bundle: true, minify: true, format: 'iife', target: 'es2020', write: false });
  const code = bundle.outputFiles[0]?.contents;
  if (!code) throw new Error('The site script bundled to nothing');
  const name = `site.${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
  writeFileSync(path.join(outDir, name), code);
  return `/${name}`;
}

/** Finishes every page of `outDir`; returns how many it rewrote and how many RSC files it removed. */
export function finishPages(outDir: string): { pages: number; hydrated: number; removed: number } {
  const removed = pruneRscPayloads(outDir);
  const script = writePageScript(outDir);
  let pages = 0;
  let hydrated = 0;
  for (const file of htmlFiles(outDir)) {
    const full = path.join(outDir, file);
    const html = finishedPage(readFileSync(full, 'utf8'), urlPathOfFile(file), script);
    writeFileSync(full, withContentSecurityPolicy(html));
    pages++;
    if (html.includes('self.__next_f')) hydrated++;
  }
  return { pages, hydrated, removed };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { pages, hydrated, removed } = finishPages('out');
  console.log(`Finished ${pages} pages (${hydrated} hydrate with React; the rest are plain HTML with a Content-Security-Policy); removed ${removed} RSC payload files`);
}
