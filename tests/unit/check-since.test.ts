/**
 * `npm run check -- --since <git ref>` on a temporary git repository: a story changed in
 * one language only since the reference is named, whether the change is committed, only
 * edited, or a new file; a story changed in both languages is not.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesChangedSince, untranslatedChangeProblems } from '../../lib/content/changed-translations';
import {
  articleText,
  BASE_BODY_VI,
  BASE_EN,
  BASE_STORY_ID,
  BASE_VI,
  fixturesRemovedAfterEach,
} from './helpers/content-fixture';
import { ROOT, runScript } from './helpers/npm-script';

const repositories: string[] = [];
const fixtureWith = fixturesRemovedAfterEach();
afterEach(() => {
  for (const dir of repositories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A git repository whose `content/` is a valid fixture with two stories, committed on `main`. */
function repositoryWithContent(): { root: string; content: string; git: (...args: string[]) => string } {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'check-since-')));
  repositories.push(root);
  const fixture = fixtureWith({
    stories: { 'second-story': { en: articleText(BASE_EN), vi: articleText(BASE_VI, BASE_BODY_VI) } },
  });
  const content = path.join(root, 'content');
  execFileSync('cp', ['-R', fixture.dir, content]);
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Editor', '-c', 'user.email=editor@archive.invalid', '-c', 'init.defaultBranch=main', ...args],
      { cwd: root, encoding: 'utf8' },
    );
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'Stories');
  git('switch', '-q', '-c', 'story-edits');
  return { root, content, git };
}

const article = (content: string, story: string, locale: string) =>
  path.join(content, 'articles', story, `${locale}.md`);

describe('filesChangedSince and untranslatedChangeProblems', () => {
  it('should name a story changed in one language, committed or not, and leave one changed in both alone', () => {
    const { content, git } = repositoryWithContent();
    appendFileSync(article(content, BASE_STORY_ID, 'en'), '\nA committed paragraph.\n');
    git('commit', '-q', '-am', 'Edit the English');
    appendFileSync(article(content, 'second-story', 'vi'), '\nMột đoạn chưa commit.\n');
    appendFileSync(article(content, 'second-story', 'en'), '\nA paragraph not committed yet.\n');
    const changed = filesChangedSince('main', content);
    if ('error' in changed) throw new Error(changed.error);
    expect([...changed.files].sort()).toEqual([
      article(content, BASE_STORY_ID, 'en'),
      article(content, 'second-story', 'en'),
      article(content, 'second-story', 'vi'),
    ]);
    expect(untranslatedChangeProblems(changed.files, content, 'main', (file) => path.relative(content, file))).toEqual([
      {
        kind: 'UntranslatedChange',
        file: `articles/${BASE_STORY_ID}/en.md`,
        message: `changed since main, but vi.md of the story "${BASE_STORY_ID}" did not`,
      },
    ]);
  });

  it('should count a new file not yet added to git as changed', () => {
    const { content, git } = repositoryWithContent();
    git('rm', '-q', article(content, 'second-story', 'vi'));
    git('commit', '-q', '-m', 'Drop the Vietnamese');
    writeFileSync(article(content, 'second-story', 'vi'), articleText(BASE_VI, BASE_BODY_VI));
    expect(git('status', '--porcelain')).toBe('?? content/articles/second-story/vi.md\n');
    const changed = filesChangedSince('HEAD', content);
    if ('error' in changed) throw new Error(changed.error);
    expect([...changed.files]).toEqual([article(content, 'second-story', 'vi')]);
  });

  it('should refuse a reference that is an option, and one git does not know', () => {
    const { content } = repositoryWithContent();
    expect(filesChangedSince('--output=x', content)).toEqual({ error: '"--output=x" is not a git reference' });
    const unknown = filesChangedSince('no-such-branch', content);
    expect('error' in unknown && unknown.error).toMatch(
      /^no common history with "no-such-branch" \(.*\); in a shallow clone, fetch it first/,
    );
  });
});

describe('npm run check -- --since', { timeout: 60_000 }, () => {
  it('should print the warning with its hint and exit 0', () => {
    const { content, git } = repositoryWithContent();
    appendFileSync(article(content, BASE_STORY_ID, 'vi'), '\nMột đoạn mới.\n');
    git('commit', '-q', '-am', 'Edit the Vietnamese');
    const { status, stderr, stdout } = runScript('check', ['--since', 'main'], { CONTENT_DIR: content });
    expect(status).toBe(0);
    const shown = path.relative(ROOT, article(content, BASE_STORY_ID, 'vi'));
    expect(stderr).toBe(
      `${shown}: warning: changed since main, but en.md of the story "${BASE_STORY_ID}" did not [UntranslatedChange]\n` +
        '    hint: Bring the other language file up to date with this change, or ignore this warning when the change concerns this language only (a typo, a correction of the translation).\n',
    );
    expect(stdout).toContain('; 1 warning.');
  });

  it('should explain its usage for an unknown option, and name an unknown reference', () => {
    const { content } = repositoryWithContent();
    const wrong = runScript('check', ['--sinse', 'main'], { CONTENT_DIR: content });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('usage: npm run check [-- --since <git ref>]');
    const unknown = runScript('check', ['--since', 'no-such-branch'], { CONTENT_DIR: content });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^--since no-such-branch: no common history with "no-such-branch"/);
  });
});
