/**
 * The content pipeline as the build runs it (scripts/build-content.ts, then
 * scripts/build-search.ts) with its caches in a folder of the test's choosing, run by the
 * project's own lib/ or by a changed copy of it: what a build writes (the archive file,
 * the search files, the problems it reports) for comparing warm builds with cold ones.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as BuildCaches from '../../../lib/caches/build-caches';
import type * as Load from '../../../lib/content/load';
import type { Archive } from '../../../lib/content/schema';

export const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface PipelineOutput {
  /** `.archive/archive.json` as written. */
  archive: string;
  /** Every search file's text by URL. */
  search: Record<string, string>;
  /** The problems the build reports, as JSON. */
  problems: string;
}

/** One build's pipeline over `contentDir`, keeping its caches in `cacheDir`, with the modules of the project at `root`. */
export async function runPipeline(
  contentDir: string,
  cacheDir: string,
  root: string = PROJECT_ROOT,
): Promise<PipelineOutput> {
  const caches = (await import(path.join(root, 'lib', 'caches', 'build-caches.ts'))) as typeof BuildCaches;
  const load = (await import(path.join(root, 'lib', 'content', 'load.ts'))) as typeof Load;
  const content = caches.readContentCaches(cacheDir);
  const loaded = load.loadContent(contentDir, content);
  if (load.hasErrors(loaded.problems)) throw new Error(`content errors: ${JSON.stringify(loaded.problems)}`);
  const archive = JSON.stringify(loaded.archive);
  caches.writeContentCaches(content, cacheDir);
  // The search step reads the archive file back, as the build does.
  const { files } = await caches.buildSearchFilesCached(JSON.parse(archive) as Archive, cacheDir);
  return { archive, search: Object.fromEntries(files), problems: JSON.stringify(loaded.problems) };
}

/**
 * A copy of the project's code (lib/ and the lockfile, with the installed packages
 * linked) with `edit` applied to one of its files, as a developer would change it.
 */
export function changedCopy(file: string, edit: (text: string) => string): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'changed-code-'));
  cpSync(path.join(PROJECT_ROOT, 'lib'), path.join(root, 'lib'), { recursive: true });
  cpSync(path.join(PROJECT_ROOT, 'package-lock.json'), path.join(root, 'package-lock.json'));
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'));
  const target = path.join(root, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit changes nothing in ${file}`);
  writeFileSync(target, after);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
