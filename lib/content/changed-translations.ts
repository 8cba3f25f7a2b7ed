/**
 * `npm run check -- --since <git ref>`: a story whose one language file changed since the
 * reference while the other did not is likely translated no longer. Git says what
 * changed: the commits since the reference's common ancestor with HEAD (as a pull
 * request's diff does), the edits not yet committed, and new files not yet added.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { LOCALES } from '../site/i18n';
import { ARTICLES_FOLDER } from './layout';
import type { ContentProblem } from './problems';

/** Runs git in `cwd`; its output, or why it failed. */
function git(cwd: string, args: readonly string[]): { output: string } | { error: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return { error: `git could not be run (${result.error.message})` };
  if (result.status !== 0) return { error: result.stderr.trim() || `git ${args[0]} failed` };
  return { output: result.stdout };
}

/** The real paths of the files that changed since `ref` in the repository holding `dir`, or why they cannot be known. */
export function filesChangedSince(ref: string, dir: string): { files: Set<string> } | { error: string } {
  // A reference is never read as an option of git's.
  if (ref === '' || ref.startsWith('-')) return { error: `"${ref}" is not a git reference` };
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if ('error' in top) return { error: `${dir} is not in a git repository: ${top.error}` };
  const root = top.output.trim();
  const base = git(root, ['merge-base', ref, 'HEAD']);
  if ('error' in base) {
    return {
      error: `no common history with "${ref}" (${base.error}); in a shallow clone, fetch it first (actions/checkout with fetch-depth: 0)`,
    };
  }
  const changed = git(root, ['diff', '--name-only', '-z', '--no-renames', base.output.trim(), '--']);
  if ('error' in changed) return changed;
  const added = git(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  if ('error' in added) return added;
  const names = `${changed.output}${added.output}`.split('\0').filter((name) => name !== '');
  return { files: new Set(names.map((name) => path.join(realpathSync(root), name))) };
}

/**
 * One `UntranslatedChange` warning for each language file that changed since `ref` while
 * the story's other language file, which exists, did not. `changed` holds real paths.
 */
export function untranslatedChangeProblems(
  changed: ReadonlySet<string>,
  contentDir: string,
  ref: string,
  display: (file: string) => string,
): ContentProblem[] {
  // A missing content folder is reported by the loader.
  if (!existsSync(contentDir)) return [];
  const articles = path.join(realpathSync(contentDir), ARTICLES_FOLDER);
  const problems: ContentProblem[] = [];
  for (const file of [...changed].sort()) {
    const relative = path.relative(articles, file).split(path.sep);
    const [story, name, ...deeper] = relative;
    const locale = LOCALES.find((candidate) => name === `${candidate}.md`);
    if (!story || story === '..' || !locale || deeper.length > 0 || !existsSync(file)) continue;
    for (const other of LOCALES.filter((candidate) => candidate !== locale)) {
      const otherFile = path.join(articles, story, `${other}.md`);
      if (!existsSync(otherFile) || changed.has(otherFile)) continue;
      problems.push({
        kind: 'UntranslatedChange',
        file: display(path.join(contentDir, ARTICLES_FOLDER, story, `${locale}.md`)),
        message: `changed since ${ref}, but ${other}.md of the story "${story}" did not`,
      });
    }
  }
  return problems;
}
