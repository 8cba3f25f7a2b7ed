/**
 * `npm run build`: the one list of the build's stages, run in order, each as its own
 * process with its own output. Prints one line per stage with its time, and stops at the
 * first stage that fails, with that stage's exit status. Everything else that runs the
 * build or part of it (`npm run fixtures:pages`, the benchmark) takes its stages and flags
 * from here, so they cannot drift from what ships.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { forgetBuild, recordBuild } from './build-record';

export const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Node's flags for the content pipeline (the content and search stages). The pipeline
 * allocates many short-lived strings, and a young generation larger than the default
 * spares most of the collections they cause (docs/scaling.md).
 */
export const PIPELINE_NODE_FLAGS = ['--max-semi-space-size=64'];

export interface BuildStage {
  /** What the stage line calls it. */
  name: string;
  /** `node` (this Node, with these arguments) or a program installed in node_modules/.bin. */
  command: string;
  args: string[];
}

/**
 * A script of this project run by Node as one bundle (scripts/run-bundled.mjs), after Node's own flags: each stage is
 * a process of its own, and loading the pipeline's modules through a TypeScript loader would be most of a short stage.
 */
function script(name: string, file: string, nodeFlags: string[] = []): BuildStage {
  return {
    name,
    command: 'node',
    args: [...nodeFlags, path.join('scripts', 'run-bundled.mjs'), path.join('scripts', file)],
  };
}

export const BUILD_STAGES: readonly BuildStage[] = [
  script('content', 'build-content.ts', PIPELINE_NODE_FLAGS),
  { name: 'pages', command: 'next', args: ['build'] },
  script('search', 'build-search.ts', PIPELINE_NODE_FLAGS),
  script('images', 'publish-images.ts'),
  script('finish', 'finish-pages.ts'),
  script('xml', 'check-xml.ts'),
];

/** The stage of that name; throws when the list has none, so a renamed stage fails loudly where it is used. */
export function buildStage(name: string, stages: readonly BuildStage[] = BUILD_STAGES): BuildStage {
  const stage = stages.find((candidate) => candidate.name === name);
  if (!stage)
    throw new Error(`the build has no stage "${name}" (its stages: ${stages.map((each) => each.name).join(', ')})`);
  return stage;
}

/** The program and arguments a stage runs, as a process can be started with them (no shell). */
export function stageCommand(stage: BuildStage, root: string = ROOT): { file: string; args: string[] } {
  const file = stage.command === 'node' ? process.execPath : path.join(root, 'node_modules', '.bin', stage.command);
  return { file, args: stage.args };
}

export interface StagesOptions {
  root?: string;
  env?: NodeJS.ProcessEnv;
  /** Where the stage lines go. */
  log?: (line: string) => void;
}

/**
 * Runs the stages in order, each sharing this process's terminal. Returns 0 when all
 * passed, else the exit status of the first that failed (1 when it was killed), after
 * which no stage runs.
 */
export function runStages(
  stages: readonly BuildStage[],
  { root = ROOT, env = process.env, log = console.log }: StagesOptions = {},
): number {
  // As wide as the longest name of the whole build, so the lines of a build run in parts line up.
  const width = Math.max(...[...BUILD_STAGES, ...stages].map((stage) => stage.name.length));
  for (const stage of stages) {
    const { file, args } = stageCommand(stage, root);
    const started = performance.now();
    const result = spawnSync(file, args, { cwd: root, env, stdio: 'inherit' });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const label = stage.name.padEnd(width);
    if (result.status === 0) {
      log(`build: ${label}  ${seconds} s`);
      continue;
    }
    const why = result.error
      ? result.error.message
      : result.signal
        ? `killed by ${result.signal}`
        : `exit status ${result.status}`;
    log(`build: ${label}  failed after ${seconds} s (${why})`);
    return result.status || 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const startedAt = Date.now();
  // A build that stops half-way leaves no record, so `npm start` builds again.
  forgetBuild();
  const status = runStages(BUILD_STAGES);
  if (status === 0) recordBuild(startedAt);
  process.exitCode = status;
}
