/**
 * The editors' commands as they run from a terminal: `npm run check` and `npm run new`,
 * started with the exact command lines package.json gives them, on temporary content
 * folders named by CONTENT_DIR.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../lib/content/load';
import { positionOf, REAL_CONTENT_DIR } from './helpers/content-fixture';
import { ROOT, runScript } from './helpers/npm-script';

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A copy of the real content, to which a test adds what it is about. */
function realContentCopy(): string {
  const dir = tempDir('cli-content-');
  cpSync(REAL_CONTENT_DIR, dir, { recursive: true });
  return dir;
}

describe('npm run check', { timeout: 30_000 }, () => {
  it('should exit 0 and print the counts of stories, languages and entities for valid content', () => {
    const dir = realContentCopy();
    const { status, stdout, stderr } = runScript('check', [], { CONTENT_DIR: dir });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // The counts are those of the loader: the same numbers the build works from.
    const { archive } = loadContent(dir);
    const versions = archive.stories.flatMap((story) => Object.keys(story.articles)).length;
    expect(versions).toBeGreaterThan(archive.stories.length);
    expect(stdout.trim()).toBe(
      `${dir}: ${archive.stories.length} stories (${versions} language versions, 0 drafts), ${archive.topics.length} topics, ${archive.people.length} people, ${archive.organisations.length} organisations; 0 warnings.`,
    );
  });

  it('should print warnings with their hints and still exit 0', () => {
    const dir = realContentCopy();
    rmSync(path.join(dir, 'articles/hanoi-convention-rehearsal/vi.md'));
    const { status, stdout, stderr } = runScript('check', [], { CONTENT_DIR: dir });
    expect(status).toBe(0);
    expect(stderr).toContain(': warning: the story has no vi.md yet [MissingTranslation]\n    hint: ');
    const { archive } = loadContent(dir);
    const versions = archive.stories.flatMap((story) => Object.keys(story.articles)).length;
    expect(stdout).toContain(`${archive.stories.length} stories (${versions} language versions, 0 drafts)`);
    expect(stdout).toContain('; 1 warning.');
  });

  it('should print every error as path:line:col: field: message with a hint, and exit 1', () => {
    const dir = realContentCopy();
    const file = path.join(dir, 'articles/hanoi-convention-rehearsal/en.md');
    const broken = readFileSync(file, 'utf8').replace(
      'topics: [hanoi-convention, cybersecurity]',
      'topics: [hanoi-convention, cybersecurty]',
    );
    writeFileSync(file, broken);
    const { line, column } = positionOf(broken, 'cybersecurty');
    const { status, stdout, stderr } = runScript('check', [], { CONTENT_DIR: dir });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    const shown = path.relative(ROOT, file);
    expect(stderr).toContain(
      `${shown}:${line}:${column}: topics.1: unknown topic id "cybersecurty" [UnknownReference]\n    hint: Did you mean \`cybersecurity\`? Ids are listed in topics.yaml.\n`,
    );
    expect(stderr).toContain(`1 error, 0 warnings in ${dir}: nothing was published.`);
  });
});

// Each command starts a Node process; under a busy machine that can take seconds.
describe('npm run new', { timeout: 30_000 }, () => {
  it('should create both templates in CONTENT_DIR, then refuse the same id', () => {
    const dir = realContentCopy();
    const first = runScript('new', ['a-new-story'], { CONTENT_DIR: dir });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('articles/a-new-story/en.md and ');
    expect(existsSync(path.join(dir, 'articles/a-new-story/en.md'))).toBe(true);
    expect(existsSync(path.join(dir, 'articles/a-new-story/vi.md'))).toBe(true);
    expect(existsSync(path.join(REAL_CONTENT_DIR, 'articles/a-new-story'))).toBe(false);

    const again = runScript('new', ['a-new-story'], { CONTENT_DIR: dir });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('should explain its usage without an id', () => {
    const { status, stderr } = runScript('new', [], { CONTENT_DIR: tempDir('cli-empty-') });
    expect(status).toBe(2);
    expect(stderr).toContain('usage: npm run new -- <story-id>');
  });
});

/** What `dir`/entry.ts prints, run by scripts/run-bundled.mjs with its bundles kept in `dir`/cache. */
const runBundledEntry = (dir: string): string =>
  spawnSync(process.execPath, ['scripts/run-bundled.mjs', path.join(dir, 'entry.ts')], {
    cwd: ROOT,
    env: { ...process.env, RUN_BUNDLED_CACHE: path.join(dir, 'cache') },
    encoding: 'utf8',
  }).stdout;

describe('scripts/run-bundled.mjs', { timeout: 30_000 }, () => {
  it('should rebuild its bundle when a source file changes', () => {
    const dir = tempDir('run-bundled-');
    writeFileSync(path.join(dir, 'entry.ts'), "import { word } from './word';\nconsole.log(word satisfies string);\n");
    writeFileSync(path.join(dir, 'word.ts'), "export const word = 'first';\n");
    expect(runBundledEntry(dir)).toBe('first\n');
    expect(runBundledEntry(dir)).toBe('first\n');
    writeFileSync(path.join(dir, 'word.ts'), "export const word = 'second, changed';\n");
    expect(runBundledEntry(dir)).toBe('second, changed\n');
  });

  it("should give each module its source file's import.meta, as the build's stages run from it", () => {
    const dir = tempDir('run-bundled-meta-');
    mkdirSync(path.join(dir, 'lib'));
    writeFileSync(
      path.join(dir, 'lib', 'where.ts'),
      'export const where = [import.meta.dirname, import.meta.filename];\n',
    );
    writeFileSync(
      path.join(dir, 'entry.ts'),
      "import { pathToFileURL } from 'node:url';\nimport { where } from './lib/where';\n" +
        'console.log(JSON.stringify([...where, import.meta.url === pathToFileURL(process.argv[1] ?? "").href]));\n',
    );
    expect(JSON.parse(runBundledEntry(dir))).toEqual([path.join(dir, 'lib'), path.join(dir, 'lib', 'where.ts'), true]);
  });

  it('should leave the words import.meta in a string or a comment as they are', () => {
    const dir = tempDir('run-bundled-words-');
    writeFileSync(
      path.join(dir, 'entry.ts'),
      '// Where a module is: import.meta.dirname\n' +
        "const told = 'import.meta.url, import.meta.dirname and import.meta.filename';\n" +
        'console.log(JSON.stringify([told, `${import.meta.filename === process.argv[1]}`]));\n',
    );
    expect(JSON.parse(runBundledEntry(dir))).toEqual([
      'import.meta.url, import.meta.dirname and import.meta.filename',
      'true',
    ]);
  });

  it('should rebuild its bundle when the bundling script itself changes', () => {
    const dir = tempDir('run-bundled-self-');
    writeFileSync(path.join(dir, 'entry.ts'), "console.log('bundled');\n");
    expect(runBundledEntry(dir)).toBe('bundled\n');
    const cache = path.join(dir, 'cache');
    const [bundle = ''] = readdirSync(cache).filter((name) => name.endsWith('.mjs'));
    writeFileSync(path.join(cache, bundle), "console.log('kept');\n");
    expect(runBundledEntry(dir)).toBe('kept\n');
    // The bundle as a run of other bundling options left it: the script's digest differs.
    const manifestFile = path.join(cache, bundle.replace(/\.mjs$/, '.json'));
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, string>;
    expect(Object.keys(manifest)).toEqual(expect.arrayContaining(['scripts/run-bundled.mjs', 'tsconfig.json']));
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, 'scripts/run-bundled.mjs': 'another' }));
    expect(runBundledEntry(dir)).toBe('bundled\n');
  });
});
