/**
 * `npm run fixtures:pages`: regenerates tests/fixtures/next-pages/, pages exactly as
 * `next build` writes them, before finishing, for the finishing and page-check tests.
 * They come from a tiny site of their own, one story of the content folder with its
 * registries, built by the build's own stages (scripts/build.ts) up to finishing in a
 * temporary content folder, so they change only when the pages' markup or Next does.
 * The archive is built again afterwards, so `out/` is complete and its own.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentDirectory } from '../lib/content/layout';
import { forgetBuild, recordBuild } from './build-record';
import { BUILD_STAGES, buildStage, runStages } from './build';

const FIXTURES = path.join('tests', 'fixtures', 'next-pages');
/** The story of the fixture site, in both its languages. */
const STORY = 'hanoi-convention-rehearsal';
const REGISTRIES = ['topics.yaml', 'people.yaml', 'organisations.yaml'];

/** The fixture files and the URL path each page is served at. */
const PAGES: Record<string, string> = {
  'home.html': '/en/',
  'article.html': `/vi/articles/${STORY}/`,
  'search.html': '/en/search/',
  'not-found.html': '/404.html',
};

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const run = (stages: typeof BUILD_STAGES, content: string = contentDirectory(env)) => {
  const status = runStages(stages, { env: { ...env, CONTENT_DIR: content } });
  if (status !== 0) process.exit(status);
};

const site = mkdtempSync(path.join(os.tmpdir(), 'fixture-site-'));
try {
  const source = contentDirectory(env);
  for (const registry of REGISTRIES) copyFileSync(path.join(source, registry), path.join(site, registry));
  cpSync(path.join(source, 'articles', STORY), path.join(site, 'articles', STORY), { recursive: true });
  forgetBuild();
  run(BUILD_STAGES.slice(0, BUILD_STAGES.indexOf(buildStage('finish'))), site);
  mkdirSync(FIXTURES, { recursive: true });
  for (const [fixture, urlPath] of Object.entries(PAGES)) {
    copyFileSync(
      path.join('out', urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath),
      path.join(FIXTURES, fixture),
    );
  }
  writeFileSync(path.join(FIXTURES, 'pages.json'), `${JSON.stringify(PAGES, null, 2)}\n`);
} finally {
  rmSync(site, { recursive: true, force: true });
}
const startedAt = Date.now();
run(BUILD_STAGES);
recordBuild(startedAt);
console.log(`Wrote ${Object.keys(PAGES).length} pages of a one-story site, as Next built them, into ${FIXTURES}/`);
