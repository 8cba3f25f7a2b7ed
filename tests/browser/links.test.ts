/**
 * The link crawl of the built site (scripts/quality/crawl-links.ts): on the real build
 * it must find nothing; on a copy broken on purpose it must name each defect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlLinks, crawlSummary, formatLinkProblem, type CrawlReport } from '../../scripts/quality/crawl-links';
import { htmlFiles } from '../../scripts/quality/html-files';
import { siteUrl } from '../../lib/site/urls';
import { beforeMainEnd, copyBuild, type BrokenBuild } from './broken-build';

const siteOrigin = siteUrl().origin;

describe('links of the built site', () => {
  it('should resolve every internal link, fragment and hreflang alternate, and reach every page from /', () => {
    const report = crawlLinks({ outDir: 'out', siteOrigin });
    console.log(crawlSummary(report));
    expect(report.problems.map(formatLinkProblem)).toEqual([]);
    expect(report.pages).toBe(htmlFiles('out').length);
    expect(report.links).toBeGreaterThan(report.pages);
    expect(report.fragments).toBeGreaterThan(0);
    expect(report.alternates).toBeGreaterThan(0);
  });
});

describe('links of a deliberately broken copy', () => {
  let broken: BrokenBuild;
  let report: CrawlReport;
  let problems: string[];

  beforeAll(() => {
    broken = copyBuild();
    broken.editPage(
      '/en/topics/',
      beforeMainEnd(
        '<p><a href="/en/articles/no-such-story/">dead</a><img src="/images/missing.png" alt="missing"></p>',
      ),
    );
    broken.editPage('/en/people/', beforeMainEnd('<p><a href="/en/archive/#no-such-month">no such month</a></p>'));
    broken.editPage('/vi/topics/', (html) => html.replace(/<link rel="alternate" hreflang="en"[^>]*>/, ''));
    broken.copyPage('/en/topics/', '/en/orphan-page/');
    report = crawlLinks({ outDir: broken.dir, siteOrigin });
    problems = report.problems.map(formatLinkProblem);
    console.log(`broken copy: ${crawlSummary(report)}`);
  });

  afterAll(() => broken?.remove());

  it('should fail on a dead link, naming the page and the link', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^\/en\/topics\/: <a href="\/en\/articles\/no-such-story\/"> at \d+:\d+: .*not a built file/,
      ),
    );
  });

  it('should fail on a missing image file, naming the page and the image', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(/^\/en\/topics\/: <img src="\/images\/missing.png"> at \d+:\d+: .*not a built file/),
    );
  });

  it('should fail on a fragment that is no id of its target page', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^\/en\/people\/: <a href="\/en\/archive\/#no-such-month">.*\/en\/archive\/ has no element with id "no-such-month"/,
      ),
    );
  });

  it('should fail on an hreflang alternate that is not answered by one pointing back', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^\/en\/topics\/: <link hreflang="vi" href="[^"]*\/vi\/topics\/">.*\/vi\/topics\/ has no <link rel="alternate" hreflang="en"> back to \/en\/topics\//,
      ),
    );
  });

  it('should list a page that no link leads to as an orphan', () => {
    expect(problems).toContainEqual('/en/orphan-page/: (whole page): orphan: no chain of links from / leads here');
  });

  it('should find nothing else wrong in the copy', () => {
    // The copied orphan repeats /en/topics/'s broken links; everything else is one defect each.
    expect(problems.filter((problem) => !problem.startsWith('/en/orphan-page/'))).toHaveLength(4);
  });
});
