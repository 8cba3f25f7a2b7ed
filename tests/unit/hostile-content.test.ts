/**
 * Hostile content that must be refused (tests/fixtures/hostile/refused-cases.ts): each
 * case goes through the loader and through `npm run check` as an editor runs it. Either
 * way it must be reported as an error that names its file (and its line and field where
 * the case gives them), quickly, without an exception, a crash or a read outside the
 * content folder. The check's output must not let a name restyle the terminal or forge
 * a CI annotation.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent, type LoadedContent } from '../../lib/content/load';
import { formatProblem, severityOf, type ContentProblem } from '../../lib/content/problems';
import { REFUSED_CASES, type RefusedCase } from '../fixtures/hostile/refused-cases';
import { loadInChild } from './helpers/load-in-child';
import { runScript } from './helpers/npm-script';
import { escapeControlCharacters } from '../../lib/content/output-escaping';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

/** How long the loader may take over one case, and the check (a process, start-up included). */
const LOADER_MS = 5_000;
const CHECK_MS = 10_000;
/** Past this a run is killed: a stalled parser must fail the test, not hold it. */
const KILL_MS = 20_000;

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** The case as a content folder (`<root>/content`), with a folder beside it (`<root>/outside`) for links that lead out. */
function materialise(testCase: RefusedCase): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
  roots.push(root);
  const dir = path.join(root, 'content');
  cpSync(path.join(FIXTURES, 'content-registry'), dir, { recursive: true });
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  const committed = path.join(FIXTURES, 'hostile/refused', testCase.name);
  if (existsSync(committed)) cpSync(committed, dir, { recursive: true });
  testCase.prepare?.(dir, path.join(root, 'outside'));
  return dir;
}

const shown = (problems: readonly ContentProblem[]) => problems.map(formatProblem).join('\n') || '(no problems)';

/** Whether `problem` is an error that points where the case says. */
function pointsAt(problem: ContentProblem, { file, line, field }: RefusedCase['expect']): boolean {
  return (
    severityOf(problem) === 'error' &&
    problem.file.split(path.sep).join('/').endsWith(`content/${file}`) &&
    (line === undefined || problem.line === line) &&
    (field === undefined || problem.field === field || (problem.field?.startsWith(`${field}.`) ?? false))
  );
}

/** Whether a line of the check's output is the problem the case expects, as formatProblem prints it: `file:line:col: field: message`. */
function printedAt(output: string, { file, printed, line, field }: RefusedCase['expect']): boolean {
  const place =
    printed === undefined ? `content/${file}${line === undefined ? ':' : `:${line}:`}` : `content/${printed}`;
  return output
    .split('\n')
    .some((each) => each.includes(place) && (field === undefined || each.includes(` ${field}: `)));
}

function expectNothingFromOutside(testCase: RefusedCase, texts: readonly string[]): void {
  if (testCase.outsideMarker === undefined) return;
  for (const text of texts) expect(text).not.toContain(testCase.outsideMarker);
}

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe.each(REFUSED_CASES.map((testCase) => [testCase.name, testCase] as const))(
  'hostile content "%s"',
  (_name, testCase) => {
    const dir = materialise(testCase);

    it('should be refused by the loader with an error naming the file, quickly and without an exception', () => {
      if (testCase.class === 'cost') {
        const loaded = loadInChild(dir, KILL_MS);
        expect(loaded.outcome === 'loaded' ? 'loaded' : `${loaded.outcome}: ${loaded.output.slice(0, 2_000)}`).toBe(
          'loaded',
        );
        if (loaded.outcome !== 'loaded') return;
        expect(
          loaded.problems.some((problem) => pointsAt(problem, testCase.expect)),
          shown(loaded.problems),
        ).toBe(true);
        expect(loaded.elapsed).toBeLessThan(LOADER_MS);
        return;
      }
      const started = performance.now();
      let loaded: LoadedContent | undefined;
      expect(() => {
        loaded = loadContent(dir);
      }).not.toThrow();
      const elapsed = performance.now() - started;
      const problems = loaded?.problems ?? [];
      expect(
        problems.some((problem) => pointsAt(problem, testCase.expect)),
        shown(problems),
      ).toBe(true);
      expect(elapsed).toBeLessThan(LOADER_MS);
      const archive = loaded?.archive;
      expectNothingFromOutside(testCase, [
        ...(archive?.stories ?? []).flatMap((story) =>
          Object.values(story.articles).map((article) => `${article.title} ${article.text}`),
        ),
        ...(archive?.topics ?? []).map((topic) => JSON.stringify(topic)),
        shown(problems),
      ]);
    });

    it(
      'should be refused by npm run check, printing the file, quickly and without a crash',
      () => {
        const run = runScript('check', [], { CONTENT_DIR: dir, GITHUB_ACTIONS: undefined }, KILL_MS);
        const output = `${run.stdout}${run.stderr}`;
        expect(run.status, `killed after ${Math.round(run.elapsed)} ms`).not.toBeNull();
        expect(output).not.toMatch(STACK_FRAME);
        expect(run.status).toBe(1);
        expect(output).toContain('nothing was published');
        expect(printedAt(output, testCase.expect), output.slice(0, 4_000)).toBe(true);
        expect(run.elapsed).toBeLessThan(CHECK_MS);
        expectNothingFromOutside(testCase, [output]);
      },
      KILL_MS + 5_000,
    );
  },
);

describe('the hostile corpus that must build', () => {
  it('should load with no error: its hostile text is for the build to make safe, not for the check to refuse', () => {
    const { archive, problems } = loadContent(path.join(FIXTURES, 'hostile/buildable'));
    expect(problems.filter((problem) => severityOf(problem) === 'error').map(formatProblem)).toEqual([]);
    expect(archive.stories.length).toBeGreaterThanOrEqual(8);
  });
});

/** Every character that would act on a terminal rather than show: C0 controls other than newline and tab, DEL, C1 controls. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** GitHub's workflow-command syntax: properties escape %, CR, LF, ":" and ","; the message escapes %, CR and LF. */
const PROPERTY_VALUE = '(?:[^%\\r\\n:,]|%25|%0D|%0A|%3A|%2C)*';
const ANNOTATION = new RegExp(
  `^::(?:error|warning|notice) (file=${PROPERTY_VALUE}(?:,(?:line|col|endLine|endColumn|title)=${PROPERTY_VALUE})*)::(?:[^%\\r\\n]|%25|%0D|%0A)*$`,
);

/** The file an annotation names, its escapes undone. */
function annotatedFile(line: string): string | undefined {
  const properties = ANNOTATION.exec(line)?.[1];
  const file = properties?.split(',')[0]?.slice('file='.length);
  return file
    ?.replace(/%2C/g, ',')
    .replace(/%3A/g, ':')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%25/g, '%');
}

describe.each(
  REFUSED_CASES.filter((testCase) => testCase.class === 'output').map((testCase) => [testCase.name, testCase] as const),
)('the output of npm run check for "%s"', (_name, testCase) => {
  const dir = materialise(testCase);

  it('should print the name escaped: no terminal control and no line a CI would read as a command', () => {
    const run = runScript('check', [], { CONTENT_DIR: dir, GITHUB_ACTIONS: undefined }, KILL_MS);
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status).toBe(1);
    expect(output.match(TERMINAL_CONTROL)).toBeNull();
    expect(output.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
  });

  it('should emit, under GitHub Actions, well-formed annotations with file, line and column, for files of the content folder only', () => {
    const run = runScript('check', [], { CONTENT_DIR: dir, GITHUB_ACTIONS: 'true' }, KILL_MS);
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status).toBe(1);
    expect(output.match(TERMINAL_CONTROL)).toBeNull();
    const commands = output.split('\n').filter((line) => line.startsWith('::'));
    expect(commands.filter((line) => !ANNOTATION.test(line))).toEqual([]);
    // A forged annotation would name a file outside this case's content folder.
    const folder = `${path.basename(path.dirname(dir))}/content/`;
    expect(commands.filter((line) => !(annotatedFile(line) ?? '').includes(folder))).toEqual([]);
    const { file, line } = testCase.expect;
    // The annotation names the real path; terminal controls other than line breaks are shown as escapes.
    const shown = file
      .split(/([\r\n])/)
      .map((part) => (/^[\r\n]$/.test(part) ? part : escapeControlCharacters(part)))
      .join('');
    const own = commands.filter(
      (command) => command.startsWith('::error ') && (annotatedFile(command) ?? '').endsWith(`content/${shown}`),
    );
    expect(own.length, output).toBeGreaterThan(0);
    if (line !== undefined)
      expect(
        own.some((command) => command.includes(`,line=${line},col=`)),
        own.join('\n'),
      ).toBe(true);
  });
});
