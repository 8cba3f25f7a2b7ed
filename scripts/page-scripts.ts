/**
 * The scripts pages load, bundled from components/ under content-hashed names: the site
 * script and each island's (lib/finishing/islands.ts). The build's finishing stage
 * (scripts/finish-pages.ts) and `npm run dev` both write them; apart from the finishing,
 * whose checks take long to load, so the preview can bundle them while next dev starts.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { ISLANDS, type IslandName } from '../lib/finishing/islands';
import type { PageScripts } from '../lib/finishing/page-html';

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

/** Bundles the site script and the search script into `outDir`; returns their URLs. */
export function writePageScripts(outDir: string): PageScripts {
  return {
    site: writeBundledScript(outDir, 'page-script.ts', 'site'),
    ...(Object.fromEntries(
      ISLANDS.map((island) => [island.name, writeBundledScript(outDir, island.entry, island.name)]),
    ) as Record<IslandName, string>),
  };
}
