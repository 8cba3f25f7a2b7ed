import { describe, expect, it } from 'vitest';
import { BUILD_STAGES, buildStage, runStages, type BuildStage } from '../../scripts/build';

/** A stage that runs a line of JavaScript in this Node. */
const stage = (name: string, code: string): BuildStage => ({ name, command: 'node', args: ['-e', code] });

function run(stages: BuildStage[]): { status: number; lines: string[] } {
  const lines: string[] = [];
  const status = runStages(stages, { log: (line) => lines.push(line), env: { ...process.env } });
  return { status, lines };
}

describe('the build stages', () => {
  it('should be the pipeline in its order: content, pages, search, photos, finishing and the XML check', () => {
    expect(BUILD_STAGES.map((each) => each.name)).toEqual(['content', 'pages', 'search', 'images', 'finish', 'xml']);
    expect(
      BUILD_STAGES.map((each) => each.args.findLast((arg) => arg.startsWith('scripts')) ?? each.args.join(' ')),
    ).toEqual([
      'scripts/build-content.ts',
      'build',
      'scripts/build-search.ts',
      'scripts/publish-images.ts',
      'scripts/finish-pages.ts',
      'scripts/check-xml.ts',
    ]);
  });

  it('should refuse a stage name the build does not have, listing the ones it has', () => {
    expect(() => buildStage('pagefind')).toThrow(/no stage "pagefind".*content, pages/);
  });

  it('should run every stage in order and print one line with its time for each', () => {
    const { status, lines } = run([stage('first', ''), stage('second', '')]);
    expect(status).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^build: first +\d+\.\d s$/);
    expect(lines[1]).toMatch(/^build: second +\d+\.\d s$/);
  });

  it('should stop at the first stage that fails, with its exit status, and run none after it', () => {
    const { status, lines } = run([stage('first', ''), stage('broken', 'process.exit(3)'), stage('never', '')]);
    expect(status).toBe(3);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^build: broken +failed after \d+\.\d s \(exit status 3\)$/);
  });

  it('should fail with status 1 when a stage is killed by a signal', () => {
    const { status, lines } = run([stage('killed', "process.kill(process.pid, 'SIGKILL')")]);
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/killed by SIGKILL/);
  });
});
