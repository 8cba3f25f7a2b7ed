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
import { ISLANDS, type Island, type IslandName } from '../lib/finishing/islands';
import type { IslandScripts, PageScripts } from '../lib/finishing/page-html';

/** How every script of components/ is bundled: minified, for current browsers, React for production. */
export const SCRIPT_BUNDLING = {
  bundle: true,
  minify: true,
  target: 'es2020',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
} as const;

/**
 * The first line of every island bundle: V8's explicit compile hint (Chromium 136 and later),
 * which compiles all of a file's functions while it is fetched and parsed off the main thread,
 * instead of each one on the main thread the first time it is called. An island runs nearly
 * all of its code as its page opens (the search, then React's first render), so each lazy
 * compile would stand between the page and its first result. Other engines read a comment.
 */
export const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad';

const componentFile = (entry: string) => path.join(import.meta.dirname, '..', 'components', entry);

/**
 * Bundles a script of components/ into `outDir` under a content-hashed name (cached for
 * good by any host) and returns the URL it is served at.
 */
export function writeBundledScript(outDir: string, entry: string, name: string): string {
  const bundle = buildSync({ ...SCRIPT_BUNDLING, entryPoints: [componentFile(entry)], format: 'iife' });
  const code = bundle.outputFiles[0]?.contents;
  if (!code) throw new Error(`${entry} bundled to nothing`);
  const file = `${name}.${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
  writeFileSync(path.join(outDir, file), code);
  return `/${file}`;
}

/**
 * Bundles an island's script into `outDir` as a module, and the modules it imports (React's
 * code) as files of their own that the page fetches ahead, each under a content-hashed name;
 * returns their URLs.
 */
export function writeIslandScripts(outDir: string, island: Island): IslandScripts {
  const bundle = buildSync({
    ...SCRIPT_BUNDLING,
    entryPoints: [{ in: componentFile(island.entry), out: island.name }],
    format: 'esm',
    splitting: true,
    outdir: outDir,
    entryNames: '[name].[hash]',
    chunkNames: `${island.name}-shared.[hash]`,
    metafile: true,
    banner: { js: EAGER_COMPILE_HINT },
  });
  for (const output of bundle.outputFiles) writeFileSync(output.path, output.contents);
  const outputs = bundle.metafile.outputs;
  const urlOf = (file: string) => `/${path.relative(outDir, path.resolve(file)).split(path.sep).join('/')}`;
  // The module imported on demand is an entry of esbuild's too: only the island's own file is the page's script.
  const entries = Object.keys(outputs).filter((file) => {
    const entryPoint = outputs[file]?.entryPoint;
    return entryPoint !== undefined && path.resolve(entryPoint) === componentFile(island.entry);
  });
  const [entry, ...others] = entries;
  if (!entry || others.length > 0) throw new Error(`${island.entry} did not bundle to one script`);
  const withStaticImports = (files: string[]) => {
    const closure = [...files];
    for (const file of closure)
      for (const imported of outputs[file]?.imports ?? [])
        if (imported.kind === 'import-statement' && !closure.includes(imported.path)) closure.push(imported.path);
    return closure;
  };
  // The modules the script cannot run without come first, so the page asks for them
  // before the larger code imported on demand, which is needed only later. Of that, only
  // what the script itself imports: a library's import that never runs in a browser
  // (flexsearch's of worker_threads, bundled as an empty module) is not fetched ahead.
  const needed = withStaticImports([entry]);
  const imported = (outputs[entry]?.imports ?? []).flatMap((record) =>
    record.kind === 'dynamic-import' ? [record.path] : [],
  );
  const onDemand = withStaticImports(imported).filter((file) => !needed.includes(file));
  return { script: urlOf(entry), shared: [...needed.slice(1), ...onDemand].map(urlOf) };
}

/** Bundles the site script and each island's scripts into `outDir`; returns their URLs. */
export function writePageScripts(outDir: string): PageScripts {
  return {
    site: writeBundledScript(outDir, 'page-script.ts', 'site'),
    ...(Object.fromEntries(ISLANDS.map((island) => [island.name, writeIslandScripts(outDir, island)])) as Record<
      IslandName,
      IslandScripts
    >),
  };
}
