/**
 * Loads the content folder and prints its problems the way both the build and the
 * check show them: errors and warnings, one per line with its hint, then a summary.
 * Under GitHub Actions each problem is also printed as an annotation, so a pull request
 * shows it at its file and line.
 */
import { untranslatedChangeProblems } from '../lib/content/changed-translations';
import { formatAnnotation, formatProblem, severityOf } from '../lib/content/problems';
import path from 'node:path';
import { hasErrors, loadContentWithImages, type LoadedContent, type LoadOptions } from '../lib/content/load';
import { contentDirectory } from '../lib/content/layout';
import type { InspectCache } from '../lib/images/story-images';

/**
 * `changedSince`: the files changed since a git reference (`npm run check -- --since`),
 * which adds a warning for each story changed in one language only.
 */
export async function loadAndReport(
  options: LoadOptions & { inspectCache?: InspectCache } = {},
  env: NodeJS.ProcessEnv = process.env,
  changedSince?: { ref: string; files: ReadonlySet<string> },
): Promise<LoadedContent & { ok: boolean }> {
  const dir = contentDirectory(env);
  const loaded = await loadContentWithImages(dir, options);
  if (changedSince) {
    const display = (file: string) => path.relative(process.cwd(), file) || file;
    loaded.problems.push(...untranslatedChangeProblems(changedSince.files, dir, changedSince.ref, display));
  }
  const errors = loaded.problems.filter((problem) => severityOf(problem) === 'error');
  const warnings = loaded.problems.filter((problem) => severityOf(problem) === 'warning');
  for (const problem of errors) console.error(formatProblem(problem));
  for (const problem of warnings) console.warn(formatProblem(problem));
  // Workflow commands are read from standard output.
  if (env.GITHUB_ACTIONS === 'true')
    for (const problem of [...errors, ...warnings]) console.log(formatAnnotation(problem));
  const { archive } = loaded;
  const versions = archive.stories.reduce((sum, story) => sum + Object.keys(story.articles).length, 0);
  if (hasErrors(loaded.problems)) {
    console.error(
      `\n${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} in ${dir}: nothing was published.`,
    );
    return { ...loaded, ok: false };
  }
  console.log(
    `${dir}: ${archive.stories.length} stories (${versions} language versions, ${loaded.drafts} drafts), ` +
      `${archive.topics.length} topics, ${archive.people.length} people, ${archive.organisations.length} organisations; ` +
      `${warnings.length} warning${warnings.length === 1 ? '' : 's'}.`,
  );
  return { ...loaded, ok: true };
}
