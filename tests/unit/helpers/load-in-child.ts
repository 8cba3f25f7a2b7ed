/**
 * Loads a content folder in a child process that can be killed: Markdown or YAML that
 * stalls the parser would otherwise hold the test runner itself, since a synchronous
 * call cannot be interrupted. The child runs load-folder.ts as one bundle, as
 * `npm run check` runs, so that most of its time is the loading and not compiling the loader.
 */
import { spawnSync } from 'node:child_process';
import type { ContentProblem } from '../../../lib/content/problems';

export type ChildLoad =
  | { outcome: 'loaded'; problems: ContentProblem[]; titles: string[]; elapsed: number }
  | { outcome: 'killed' | 'crashed'; output: string };

export function loadInChild(dir: string, timeout: number): ChildLoad {
  const result = spawnSync(process.execPath, ['scripts/run-bundled.mjs', 'tests/unit/helpers/load-folder.ts', dir], {
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
