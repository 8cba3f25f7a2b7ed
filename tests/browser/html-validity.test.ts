/**
 * Valid HTML: the Nu HTML Checker over every built page must report no error, and it
 * must report the defects of a copy broken on purpose, naming file, line and problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles } from '../../scripts/quality/html-files';
import { formatHtmlProblem, validateHtml } from '../../scripts/quality/vnu';
import { beforeMainEnd, copyBuild, type BrokenBuild } from './broken-build';
import { pagesOfEveryType } from './site';

describe('HTML of the built site', () => {
  it('should have no Nu HTML Checker errors in any built page', async () => {
    const files = htmlFiles('out');
    const problems = await validateHtml('out', files);
    console.log(`html: ${files.length} files checked by the Nu HTML Checker; ${problems.length} errors`);
    expect(problems.map(formatHtmlProblem)).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(pagesOfEveryType().length);
  });
});

describe('HTML of a deliberately broken copy', () => {
  let broken: BrokenBuild;
  let problems: string[];

  beforeAll(async () => {
    broken = copyBuild();
    broken.editPage(
      '/en/topics/',
      beforeMainEnd('<p id="main">a second main id</p><ul><div>not a list item</div></ul>'),
    );
    broken.editPage('/vi/', beforeMainEnd('<img src="/icon.png">'));
    const files = htmlFiles(broken.dir);
    problems = (await validateHtml(broken.dir, files)).map(formatHtmlProblem);
    console.log(`html (broken copy): ${files.length} files checked; ${problems.length} errors`);
  });

  afterAll(() => broken?.remove());

  it('should fail on a duplicate id, naming the file and the id', () => {
    expect(problems).toContainEqual(expect.stringMatching(/^en\/topics\/index\.html:\d+:\d+: Duplicate ID “main”/));
  });

  it('should fail on an element where it is not allowed, naming the file and the element', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(/^en\/topics\/index\.html:\d+:\d+: Element “div” not allowed as child of element “ul”/),
    );
  });

  it('should fail on an image without alt text, naming the file', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(/^vi\/index\.html:\d+:\d+: An “img” element must have an “alt” attribute/),
    );
  });

  it('should report only the broken files', () => {
    expect(new Set(problems.map((problem) => problem.split(':')[0]))).toEqual(
      new Set(['en/topics/index.html', 'vi/index.html']),
    );
  });
});
