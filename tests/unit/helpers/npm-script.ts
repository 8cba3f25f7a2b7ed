/**
 * Runs an npm script's command line from package.json as `npm run` would, without npm
 * (whose own output and start-up would get in the way), with extra arguments and
 * environment. A variable set to undefined is removed from the environment.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const scripts = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

export interface ScriptRun {
  /** The exit status; null when the run was killed (e.g. for taking longer than its timeout). */
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds, start-up included. */
  elapsed: number;
}

export function runScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
  timeout = 60_000,
): ScriptRun {
  const [command, ...commandArgs] = (scripts[script] ?? '').split(' ');
  if (!command) throw new Error(`package.json has no "${script}" script`);
  const binary = command === 'node' ? process.execPath : path.join(ROOT, 'node_modules/.bin', command);
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  const started = performance.now();
  const result = spawnSync(binary, [...commandArgs, ...args], { cwd: ROOT, env: merged, encoding: 'utf8', timeout });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, elapsed: performance.now() - started };
}
