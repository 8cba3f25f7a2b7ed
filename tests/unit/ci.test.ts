/** The pull-request workflow and `.ci/run` must run the same commands, in the same order. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const read = (relative: string) => readFileSync(fileURLToPath(new URL(`../../${relative}`, import.meta.url)), 'utf8');

interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: { run?: string; uses?: string }[]; env?: Record<string, string> }>;
}

/** The npm commands of a script, without their flags: `npm ci`, `npm run check`, `npm test`. */
const npmCommands = (script: string) =>
  [...script.matchAll(/^\s*(npm (?:ci|test|run [\w:-]+))/gm)].map((match) => match[1]);

describe('.github/workflows/ci.yml', () => {
  const workflow = parse(read('.github/workflows/ci.yml')) as Workflow;
  const jobs = Object.values(workflow.jobs);

  it('should run on pull requests and on pushes to main', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    expect(workflow.on.push).toEqual({ branches: ['main'] });
  });

  it('should run the npm commands of .ci/run, in the same order', () => {
    const steps = jobs.flatMap((job) => job.steps.map((step) => step.run ?? '')).join('\n');
    const expected = npmCommands(read('.ci/run'));
    expect(expected).toEqual(['npm ci', 'npm run check', 'npm test']);
    expect(npmCommands(steps)).toEqual(expected);
  });

  it('should install Java, which the HTML checker of the browser tests runs on, as .ci/run does', () => {
    const [job] = jobs;
    expect(read('.ci/run')).toMatch(/default-jre-headless/);
    expect(job?.steps.some((step) => /apt-get install .*\bdefault-jre-headless\b/.test(step.run ?? ''))).toBe(true);
  });

  it('should install Chromium where the browser tests look for it', () => {
    const [job] = jobs;
    expect(job?.steps.some((step) => /apt-get install .*\bchromium\b/.test(step.run ?? ''))).toBe(true);
    expect(job?.env?.CHROMIUM_PATH).toBe('/usr/bin/chromium');
  });
});
