/**
 * Runs a TypeScript script as one cached ES module bundle: `node scripts/run-bundled.mjs scripts/check.ts`.
 *
 * Why: `npm run check` must answer in well under a second, and each stage of the build is a
 * process of its own. Through tsx, most of a short script's time goes to compiling TypeScript
 * and resolving some 1,300 modules (zod, remark, …) through its loader hooks on every run; one
 * bundle loads in a fraction of that. The bundle is a memo keyed by the digest of everything it
 * is made from: the project's source files it was built from, the installed packages (npm's
 * record of them) and this script (its bundling options), so it never runs stale code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const thisScript = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(thisScript), '..');
/** `RUN_BUNDLED_CACHE` moves the cache (tests use a temporary one). */
const cacheDir = process.env.RUN_BUNDLED_CACHE ?? path.join(root, 'node_modules', '.cache', 'run-bundled');
/** npm rewrites this file on every install, so its bytes stand for all dependencies. */
const installedPackages = path.join(root, 'node_modules', '.package-lock.json');
/** The compiler options every project module is compiled with (projectSources). */
const compilerOptions = path.join(root, 'tsconfig.json');

const digestOfBytes = (bytes) => createHash('sha256').update(bytes).digest('base64url');

function digestOf(file) {
  try {
    return digestOfBytes(readFileSync(path.resolve(root, file)));
  } catch {
    return 'missing';
  }
}

/**
 * Reads the project's own modules for the bundler, keeping the digest of the very bytes it bundles (by path relative
 * to the project, as the manifest names them): a file edited while the bundle is made leaves a manifest that no longer
 * matches it, not one that vouches for code the bundle lacks. And a module's `import.meta.url`, `dirname` and
 * `filename` are where its source file is, not where the bundle is: scripts find the project's files from them, and
 * tell whether they were run directly by comparing the url with the script Node was asked to run. Each module is
 * compiled on its own with those three defined for it, so only the expressions change, never the same words in a
 * string or a comment; with the project's compiler options, as the bundler would compile it.
 */
function projectSources(digests, { transform }) {
  const tsconfigRaw = readFileSync(compilerOptions, 'utf8');
  return {
    name: 'project-sources',
    setup(bundling) {
      bundling.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const bytes = readFileSync(args.path);
        digests.set(path.relative(root, args.path), digestOfBytes(bytes));
        const { code } = await transform(bytes.toString('utf8'), {
          loader: args.path.endsWith('x') ? 'tsx' : 'ts',
          format: 'esm',
          sourcefile: args.path,
          tsconfigRaw,
          define: {
            'import.meta.url': JSON.stringify(pathToFileURL(args.path).href),
            'import.meta.dirname': JSON.stringify(path.dirname(args.path)),
            'import.meta.filename': JSON.stringify(args.path),
          },
        });
        return { contents: code, loader: 'js' };
      });
    },
  };
}

/** The bundle of `entry`, built first unless one was built from exactly these inputs. */
async function bundleFor(entry) {
  // Named by where the entry is, so that copies of the project sharing installed packages keep bundles apart.
  const name = createHash('sha256').update(path.join(root, entry)).digest('hex').slice(0, 16);
  const bundle = path.join(cacheDir, `${name}.mjs`);
  const manifestFile = path.join(cacheDir, `${name}.json`);
  if (existsSync(bundle) && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (Object.entries(manifest).every(([file, known]) => digestOf(file) === known)) return bundle;
  }

  // Loaded only to bundle: a run with a fresh bundle has no use for it.
  const esbuild = await import('esbuild');
  const bundled = new Map();
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    outfile: bundle,
    absWorkingDir: root,
    logLevel: 'warning',
    alias: { '@': root },
    plugins: [projectSources(bundled, esbuild)],
    // sharp loads a native library for its platform and esbuild its own binary, neither of which can be bundled; the
    // bundle lives under node_modules/, so Node finds the installed packages from there.
    external: ['sharp', 'esbuild'],
    // The CommonJS packages bundled in call require() for Node's own modules.
    banner: {
      js: "import { createRequire as bundledRequire } from 'node:module'; const require = bundledRequire(import.meta.url);",
    },
  });
  const projectInputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
  const manifest = Object.fromEntries(
    [
      ...projectInputs,
      ...[installedPackages, compilerOptions, thisScript].map((file) => path.relative(root, file)),
    ].map((file) => [file, bundled.get(file) ?? digestOf(file)]),
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
process.argv = [process.argv[0], path.resolve(entry), ...rest];
await import(pathToFileURL(await bundleFor(path.relative(root, path.resolve(entry)))).href);
