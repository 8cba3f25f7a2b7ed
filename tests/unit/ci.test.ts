/**
 * The workflows do what `.ci/run` does. Both are run here, with every command that would
 * install or test replaced by a stand-in that only writes down how it was called (and the
 * settings it saw), on a PATH that has nothing else: so a fresh machine is simulated, and
 * what is compared is what each one runs, in order, not how its file is written.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (relative: string) => readFileSync(path.join(ROOT, relative), 'utf8');

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  steps: Step[];
  env?: Record<string, string>;
  container?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflow = (file: string) => parse(read(file)) as Workflow;

const sandbox = mkdtempSync(path.join(os.tmpdir(), 'ci-steps-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** A folder of stand-ins: apt-get, npm and mkdir write their arguments (and the settings they read) to $CALLS; dirname is the real one. */
const bin = path.join(sandbox, 'bin');
spawnSync('mkdir', ['-p', bin]);
const standIns: Record<string, string> = {
  'apt-get': 'printf "apt-get %s [DEBIAN_FRONTEND=%s]\\n" "$*" "$DEBIAN_FRONTEND" >> "$CALLS"',
  npm: 'printf "npm %s [NEXT_TELEMETRY_DISABLED=%s CHROMIUM_PATH=%s SITE_URL=%s]\\n" "$*" "$NEXT_TELEMETRY_DISABLED" "$CHROMIUM_PATH" "$SITE_URL" >> "$CALLS"',
  mkdir: 'printf "mkdir %s\\n" "$*" >> "$CALLS"',
};
for (const [name, body] of Object.entries(standIns)) {
  writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
  chmodSync(path.join(bin, name), 0o755);
}
symlinkSync(
  spawnSync('/bin/sh', ['-c', 'command -v dirname'], { encoding: 'utf8' }).stdout.trim(),
  path.join(bin, 'dirname'),
);

let runs = 0;
/** Runs shell scripts one after another with only the stand-ins on PATH; the calls they made, in order. */
function calls(scripts: readonly { script: string; env: Record<string, string>; file?: boolean }[]): string[] {
  const log = path.join(sandbox, `calls-${runs++}`);
  writeFileSync(log, '');
  for (const { script, env, file } of scripts) {
    const result = spawnSync('/bin/bash', file ? [script] : ['-e', '-c', script], {
      cwd: ROOT,
      env: { NODE_ENV: 'test', PATH: bin, CALLS: log, ...env },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`the script failed (${result.status}): ${result.stderr}\n${script}`);
  }
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

/** A workflow expression (`${{ … }}`) as the test gives it: the values of `given`, by the expression's text. */
function evaluate(value: string, given: Record<string, string>): string {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    const found = given[expression];
    if (found === undefined) throw new Error(`no value given for the expression ${expression}`);
    return found;
  });
}

/** The calls a job's steps make, with its settings and each step's own, expressions given by `given`. */
function jobCalls(job: Job, given: Record<string, string> = {}): string[] {
  const environment = (env: Record<string, string> = {}) =>
    Object.fromEntries(Object.entries(env).map(([name, value]) => [name, evaluate(String(value), given)]));
  return calls(
    job.steps.flatMap((step) =>
      step.run === undefined ? [] : [{ script: step.run, env: { ...environment(job.env), ...environment(step.env) } }],
    ),
  );
}

const ci = workflow('.github/workflows/ci.yml');
const deploy = workflow('.github/workflows/deploy.yml');

describe('.github/workflows/ci.yml', () => {
  it('should run on pull requests and on pushes to main', () => {
    expect(Object.keys(ci.on)).toEqual(['pull_request', 'push']);
    expect(ci.on.push).toEqual({ branches: ['main'] });
  });

  describe('the test job', () => {
    const job = ci.jobs.test;

    it('should make the calls .ci/run makes on a fresh machine, in the same order and with the same settings', () => {
      if (!job) throw new Error('no test job');
      // No browser where .ci/run looks for one, and no Java on PATH: it installs both.
      const fresh = calls([
        { script: path.join(ROOT, '.ci/run'), env: { CHROMIUM_PATH: path.join(sandbox, 'no-chromium') }, file: true },
      ]);
      const chromiumPath = (line: string) => /CHROMIUM_PATH=(\S*)/.exec(line)?.[1];
      // The browser's place as .ci/run gives it to the tests when nothing else is said.
      const byDefault = calls([{ script: path.join(ROOT, '.ci/run'), env: {}, file: true }]).filter((line) =>
        line.startsWith('npm '),
      );
      expect(new Set(byDefault.map(chromiumPath))).toEqual(new Set([job.env?.CHROMIUM_PATH]));

      const workflowCalls = jobCalls(job);
      const withoutBrowserPath = (lines: string[]) => lines.map((line) => line.replace(/ CHROMIUM_PATH=\S*/, ''));
      expect(withoutBrowserPath(workflowCalls)).toEqual(withoutBrowserPath(fresh));
      // What the comparison is about, so an empty or broken run cannot pass it.
      expect(withoutBrowserPath(fresh)).toEqual([
        'mkdir -p /usr/share/man/man1',
        'apt-get update -qq [DEBIAN_FRONTEND=]',
        'apt-get install -y -qq --no-install-recommends chromium default-jre-headless [DEBIAN_FRONTEND=noninteractive]',
        'npm ci --no-audit --no-fund [NEXT_TELEMETRY_DISABLED=1 SITE_URL=]',
        'npm run check [NEXT_TELEMETRY_DISABLED=1 SITE_URL=]',
        'npm test [NEXT_TELEMETRY_DISABLED=1 SITE_URL=]',
      ]);
    });

    it('should keep the built site as an artifact after the tests', () => {
      const steps = job?.steps ?? [];
      const tests = steps.findIndex((step) => step.run?.trim() === 'npm test');
      const upload = steps.findIndex((step) => step.uses?.startsWith('actions/upload-artifact@'));
      expect(tests).toBeGreaterThan(-1);
      expect(upload).toBeGreaterThan(tests);
      expect(steps[upload]?.with?.path).toBe('out/');
    });
  });

  describe('the content job', () => {
    const job = ci.jobs.content;

    it('should check the content of a pull request against its base, installing no browser', () => {
      if (!job) throw new Error('no content job');
      expect(jobCalls(job, { 'github.base_ref': 'main' })).toEqual([
        'npm ci --no-audit --no-fund [NEXT_TELEMETRY_DISABLED= CHROMIUM_PATH= SITE_URL=]',
        'npm run check -- --since origin/main [NEXT_TELEMETRY_DISABLED= CHROMIUM_PATH= SITE_URL=]',
      ]);
      expect(job.container).toBeUndefined();
    });

    it('should check the whole content on a push, where there is no base', () => {
      if (!job) throw new Error('no content job');
      expect(jobCalls(job, { 'github.base_ref': '' }).at(-1)).toBe(
        'npm run check [NEXT_TELEMETRY_DISABLED= CHROMIUM_PATH= SITE_URL=]',
      );
    });

    it('should fetch the history the comparison needs', () => {
      const checkout = job?.steps.find((step) => step.uses?.startsWith('actions/checkout@'));
      expect(checkout?.with?.['fetch-depth']).toBe(0);
    });
  });
});

describe('.github/workflows/deploy.yml', () => {
  it('should run on pushes to main', () => {
    expect(deploy.on.push).toEqual({ branches: ['main'] });
  });

  it('should build with SITE_URL set, from the repository variable or the Pages address', () => {
    const job = deploy.jobs.build;
    if (!job) throw new Error('no build job');
    const given = { 'vars.SITE_URL || steps.pages.outputs.base_url': 'https://archive.example' };
    expect(jobCalls(job, given)).toEqual([
      'npm ci --no-audit --no-fund [NEXT_TELEMETRY_DISABLED=1 CHROMIUM_PATH= SITE_URL=]',
      'npm run build [NEXT_TELEMETRY_DISABLED=1 CHROMIUM_PATH= SITE_URL=https://archive.example]',
    ]);
  });

  it('should upload out/ and deploy it to Pages', () => {
    const upload = deploy.jobs.build?.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('out/');
    expect(deploy.jobs.deploy?.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });
});
