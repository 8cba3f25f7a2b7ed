/**
 * After `next build` and the search files: makes `out/` what ships.
 * - Finds the pages Next rendered from Next's own build output in `.next/` (its prerender
 *   manifest), so files copied from `public/` reach `out/` byte for byte.
 * - Removes the React Server Component payload files (`index.txt`, `__next.*.txt`) beside
 *   each rendered page: they serve Next's client-side navigation and prefetching, and this
 *   site links with plain `<a>` and navigates by full page loads, so no reader requests them.
 * - Bundles the site script (components/page-script.ts) and each island's script
 *   (lib/finishing/islands.ts: the search page's) under content-hashed names (scripts/page-scripts.ts).
 * - Rewrites each rendered page: Next's runtime out, the site script in (and the search
 *   script on the search pages), and the Content-Security-Policy (lib/finishing/page-html.ts, lib/finishing/csp.ts).
 * - Writes the pages of renamed stories' old addresses (scripts/story-redirects.ts).
 * - Checks every HTML page of `out/` (scripts/quality/page-safety.ts; the content stage has
 *   checked each rendered body on its own) and fails the build, naming file and element, if
 *   any could run a script it should not or holds what the sanitiser would remove.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { getArchive } from '../lib/views/archive';
import { bundledScriptUrls, finishedPage, type PageScripts } from '../lib/finishing/page-html';
import { writePageScripts } from './page-scripts';
import { htmlFiles, urlPathOfFile } from './quality/html-files';
import { checkPageSafety } from './quality/page-safety';
import { writeStoryRedirects } from './story-redirects';
import { siteUrl } from '../lib/site/urls';
import { firstScreenFontUrls } from '../lib/site/fonts';

/** The parts of Next's build output that say what it wrote into the export folder. */
const ExportDetailSchema = z.object({ outDirectory: z.string(), success: z.boolean() });
const ExportMarkerSchema = z.object({ exportTrailingSlash: z.boolean() });
const PrerenderManifestSchema = z.object({
  routes: z.record(z.string(), z.object({ routeType: z.string().optional() })),
});

/** Next renders this route but does not export it (static export has no 500 page). */
const UNEXPORTED_ROUTE = '/_global-error';
/** Next exports its not-found route a second time as the host's 404 page. */
const NOT_FOUND_ROUTE = '/_not-found';

function readNextJson<T>(nextDir: string, name: string, schema: z.ZodType<T>): T {
  const file = path.join(nextDir, name);
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`next build\` (with output: 'export') before finishing the pages`);
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not what this Next version writes: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * The HTML files of `outDir` that Next rendered (paths relative to it, `/` separators),
 * read from the build output in `nextDir` the way `next build` exports them: each page
 * route at `route/index.html` (with `trailingSlash`) or `route.html`, and the not-found
 * page also at `404.html`. Fails when `.next/` is from an export into another folder or
 * names a page that is not in `outDir`.
 */
export function renderedPages(outDir: string, nextDir = '.next'): string[] {
  const detail = readNextJson(nextDir, 'export-detail.json', ExportDetailSchema);
  if (!detail.success || path.resolve(detail.outDirectory) !== path.resolve(outDir)) {
    throw new Error(
      `${path.join(nextDir, 'export-detail.json')} describes an export into ${detail.outDirectory}, not ${path.resolve(outDir)}: run \`next build\` again`,
    );
  }
  const { exportTrailingSlash } = readNextJson(nextDir, 'export-marker.json', ExportMarkerSchema);
  const { routes } = readNextJson(nextDir, 'prerender-manifest.json', PrerenderManifestSchema);
  const fileOf = (route: string) =>
    route === '/' ? 'index.html' : exportTrailingSlash ? `${route.slice(1)}/index.html` : `${route.slice(1)}.html`;
  const pages = Object.entries(routes)
    .filter(([route, entry]) => entry.routeType === 'page' && route !== UNEXPORTED_ROUTE)
    .flatMap(([route]) =>
      route === NOT_FOUND_ROUTE
        ? [fileOf(route), '404.html', ...(exportTrailingSlash ? ['404/index.html'] : [])]
        : [fileOf(route)],
    );
  const missing = pages.filter((page) => !existsSync(path.join(outDir, page)));
  if (missing.length > 0)
    throw new Error(`Next's build output names pages that ${outDir} lacks: ${missing.join(', ')}`);
  return pages.sort();
}

function isRscPayload(name: string): boolean {
  return name === 'index.txt' || (name.startsWith('__next.') && name.endsWith('.txt'));
}

/** Deletes the RSC payload files in the folders of the rendered `pages` (relative to `outDir`); returns how many it removed. */
export function pruneRscPayloads(outDir: string, pages: readonly string[]): number {
  const folders = new Set(pages.map((page) => path.posix.dirname(page)));
  let removed = 0;
  for (const folder of folders) {
    for (const name of readdirSync(path.join(outDir, folder)).filter(isRscPayload)) {
      rmSync(path.join(outDir, folder, name));
      removed += 1;
    }
  }
  return removed;
}

/** The URLs of the first-screen fonts that the style sheets Next wrote into `outDir` declare. */
function builtFirstScreenFonts(outDir: string): string[] {
  const sheets = path.join(outDir, '_next', 'static', 'chunks');
  if (!existsSync(sheets)) return [];
  const urls = readdirSync(sheets)
    .filter((name) => name.endsWith('.css'))
    .flatMap((name) =>
      firstScreenFontUrls(readFileSync(path.join(sheets, name), 'utf8'), `/_next/static/chunks/${name}`),
    );
  return [...new Set(urls)];
}

/** Finishes the pages Next rendered into `outDir`; returns how many it rewrote, how many RSC files it removed, and the bundles. */
export function finishPages(
  outDir: string,
  nextDir = '.next',
): { pages: number; removed: number; scripts: PageScripts } {
  const pages = renderedPages(outDir, nextDir);
  const removed = pruneRscPayloads(outDir, pages);
  const scripts = writePageScripts(outDir);
  const fonts = builtFirstScreenFonts(outDir);
  for (const page of pages) {
    const file = path.join(outDir, page);
    writeFileSync(file, finishedPage(readFileSync(file, 'utf8'), urlPathOfFile(page), scripts, fonts));
  }
  return { pages: pages.length, removed, scripts };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { pages, removed, scripts } = finishPages('out');
  console.log(
    `Finished ${pages} pages: plain HTML without Next's runtime, the site script, the Content-Security-Policy; removed ${removed} RSC payload files`,
  );
  const redirects = writeStoryRedirects('out', getArchive().stories, siteUrl());
  console.log(`Wrote ${redirects.length} pages at the old addresses of renamed stories`);
  const checked = htmlFiles('out');
  const problems = checkPageSafety('out', checked, bundledScriptUrls(scripts));
  if (problems.length > 0) {
    console.error(
      `${problems.length} problems in the built pages; they must not ship:\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(
    `Checked ${checked.length} HTML pages: no script but the site's and JSON-LD, no event handler or script URL, nothing of Next's runtime, article bodies as the sanitiser keeps them`,
  );
}
