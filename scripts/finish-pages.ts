/**
 * After `next build` and the search files: makes `out/` what ships, in one walk.
 * - Removes the React Server Component payload files (`index.txt`, `__next.*.txt`) beside
 *   each page: they serve Next's client-side navigation and prefetching, and this site
 *   links with plain `<a>` and navigates by full page loads, so no reader requests them.
 * - Bundles the site script (components/page-script.ts) and the search script
 *   (components/search-island.tsx) under content-hashed names.
 * - Rewrites each page: Next's runtime out, the site script in (and the search script on
 *   the search pages), and its Content-Security-Policy (lib/page-html.ts, lib/csp.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { withContentSecurityPolicy } from '../lib/csp';
import { finishedPage } from '../lib/page-html';
import { filesUnder, isHtmlFile, urlPathOfFile } from './quality/html-files';

function isRscPayload(name: string): boolean {
  return name === 'index.txt' || (name.startsWith('__next.') && name.endsWith('.txt'));
}

/** Deletes every RSC payload file among `files` (relative to `outDir`, all of its files by default); returns how many it removed. */
export function pruneRscPayloads(outDir: string, files: readonly string[] = filesUnder(outDir)): number {
  const payloads = files.filter((file) => isRscPayload(path.posix.basename(file)));
  for (const file of payloads) rmSync(path.join(outDir, file));
  return payloads.length;
}

/**
 * Bundles a script of components/ into `outDir` under a content-hashed name (cached for
 * good by any host) and returns the URL it is served at. React is bundled for production.
 */
export function writeBundledScript(outDir: string, entry: string, name: string): string {
  const bundle = buildSync({
    entryPoints: [path.join(import.meta.dirname, '..', 'components', entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
  });
  const code = bundle.outputFiles[0]?.contents;
  if (!code) throw new Error(`${entry} bundled to nothing`);
  const file = `${name}.${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
  writeFileSync(path.join(outDir, file), code);
  return `/${file}`;
}

/** Finishes every page of `outDir`; returns how many it rewrote and how many RSC files it removed. */
export function finishPages(outDir: string): { pages: number; removed: number } {
  // One walk of out/ (tens of thousands of files in a large archive) serves both steps.
  const files = filesUnder(outDir);
  const removed = pruneRscPayloads(outDir, files);
  const scripts = { site: writeBundledScript(outDir, 'page-script.ts', 'site'), search: writeBundledScript(outDir, 'search-island.tsx', 'search') };
  const pages = files.filter(isHtmlFile);
  for (const file of pages) {
    const full = path.join(outDir, file);
    writeFileSync(full, withContentSecurityPolicy(finishedPage(readFileSync(full, 'utf8'), urlPathOfFile(file), scripts)));
  }
  return { pages: pages.length, removed };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { pages, removed } = finishPages('out');
  console.log(`Finished ${pages} pages: plain HTML without Next's runtime, the site script, a Content-Security-Policy; removed ${removed} RSC payload files`);
}
