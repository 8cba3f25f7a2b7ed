/**
 * Loads a content folder in a child process that can be killed: Markdown or YAML that
 * stalls the parser would otherwise hold the test runner itself, since a synchronous
 * call cannot be interrupted. Run as a script, it loads the folder named by its argument
 * and prints the problems and the loader's own time as JSON.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { loadContent } from '../../../lib/content/load';
import type { ContentProblem } from '../../../lib/content/problems';

export type ChildLoad =
  | { outcome: 'loaded'; problems: ContentProblem[]; titles: string[]; elapsed: number }
  | { outcome: 'killed' | 'crashed'; output: string };

export function loadInChild(dir: string, timeout: number): ChildLoad {
  const result = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, dir], {
    encoding: 'utf8',
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status === null) return { outcome: 'killed', output: `${result.signal ?? ''} ${result.stderr}` };
  if (result.status !== 0) return { outcome: 'crashed', output: result.stderr };
  return {
    outcome: 'loaded',
    ...(JSON.parse(result.stdout) as { problems: ContentProblem[]; titles: string[]; elapsed: number }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const { archive, problems } = loadContent(process.argv[2] ?? '');
  const elapsed = performance.now() - started;
  const titles = archive.stories.flatMap((story) => Object.values(story.articles).map((article) => article.title));
  process.stdout.write(JSON.stringify({ problems, titles, elapsed }));
}
