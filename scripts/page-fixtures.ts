/**
 * `npm run fixtures:pages`: regenerates tests/fixtures/next-pages/, pages exactly as
 * `next build` writes them, before finishing, for the finishing and page-check tests.
 * Runs the build's own stages (scripts/build.ts) up to finishing, copies one page of each
 * kind, then the rest of the build, so `out/` is complete afterwards.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { forgetBuild, recordBuild } from './build-record';
import { BUILD_STAGES, buildStage, runStages } from './build';

const FIXTURES = path.join('tests', 'fixtures', 'next-pages');

/** The fixture files and the URL path each page is served at. */
const PAGES: Record<string, string> = {
  'home.html': '/en/',
  'article.html': '/vi/articles/hanoi-convention-rehearsal/',
  'search.html': '/en/search/',
  'not-found.html': '/404.html',
};

const finishAt = BUILD_STAGES.indexOf(buildStage('finish'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const run = (stages: typeof BUILD_STAGES) => {
  const status = runStages(stages, { env });
  if (status !== 0) process.exit(status);
};

const startedAt = Date.now();
forgetBuild();
run(BUILD_STAGES.slice(0, finishAt));
mkdirSync(FIXTURES, { recursive: true });
for (const [fixture, urlPath] of Object.entries(PAGES)) {
  copyFileSync(
    path.join('out', urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath),
    path.join(FIXTURES, fixture),
  );
}
writeFileSync(path.join(FIXTURES, 'pages.json'), `${JSON.stringify(PAGES, null, 2)}\n`);
run(BUILD_STAGES.slice(finishAt));
recordBuild(startedAt);
console.log(`Wrote ${Object.keys(PAGES).length} pages as Next built them into ${FIXTURES}/`);
