/**
 * Runs a TypeScript script as one cached CommonJS bundle: `node scripts/run-bundled.mjs scripts/check.ts`.
 *
 * Why: `npm run check` must answer in well under a second. Through tsx, most of its time
 * went to compiling TypeScript and resolving some 1,300 ES modules (zod, remark, …) on
 * every run; the validation itself takes about a tenth of a second. A single bundle
 * loads in a fraction of that. The bundle is rebuilt (with esbuild, the compiler tsx
 * itself uses) whenever one of the project's source files it was built from changes, the
 * installed packages change or this script (its bundling options) changes, so the check
 * never runs stale code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** `RUN_BUNDLED_CACHE` moves the cache (tests use a temporary one). */
const cacheDir = process.env.RUN_BUNDLED_CACHE ?? path.join(root, 'node_modules', '.cache', 'run-bundled');
/** npm rewrites this file on every install, so its stamp stands for all dependencies. */
const installedPackages = path.join(root, 'node_modules', '.package-lock.json');

/** Size and modification time: enough to notice an edit, cheap enough to take for every input. */
function stamp(file) {
  try {
    const stats = statSync(path.join(root, file));
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The bundle of `entry`, rebuilt first if any input changed since it was made. */
function bundleFor(entry) {
  const name = createHash('sha256').update(entry).digest('hex').slice(0, 16);
  const bundle = path.join(cacheDir, `${name}.cjs`);
  const manifestFile = path.join(cacheDir, `${name}.json`);
  if (existsSync(bundle) && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const fresh = Object.entries(manifest).every(([file, known]) => stamp(file) === known);
    if (fresh) return bundle;
  }

  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    metafile: true,
    outfile: bundle,
    absWorkingDir: root,
    logLevel: 'warning',
    alias: { '@': root },
    // sharp loads a native library for its platform, which cannot be bundled; the bundle
    // lives under node_modules/, so Node finds the installed package from there.
    external: ['sharp'],
  });
  const projectInputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
  const manifest = Object.fromEntries(
    // This file too: its bundling options shape the bundle.
    [
      ...projectInputs,
      path.relative(root, installedPackages),
      path.relative(root, new URL(import.meta.url).pathname),
    ].map((file) => [file, stamp(file)]),
  );
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so two runs at once never load a half-written bundle.
  const temporary = `${bundle}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents);
  renameSync(temporary, bundle);
  writeFileSync(`${manifestFile}.${process.pid}.tmp`, JSON.stringify(manifest));
  renameSync(`${manifestFile}.${process.pid}.tmp`, manifestFile);
  return bundle;
}

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-bundled.mjs <script.ts> [arguments]');
  process.exit(2);
}
process.argv = [process.argv[0], path.join(root, entry), ...rest];
require(bundleFor(path.relative(root, path.resolve(entry))));
