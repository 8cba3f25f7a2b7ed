/**
 * `npm run fixtures:pages`: regenerates tests/fixtures/next-pages/, pages exactly as
 * `next build` writes them, before finishing, for the finishing and page-check tests.
 * Runs the build's own steps (package.json) up to finishing, copies one page of each
 * kind, then the rest of the build, so `out/` is complete afterwards.
 */
import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.join('tests', 'fixtures', 'next-pages');
const FINISH_STEP = 'scripts/finish-pages.ts';

/** The fixture files and the URL path each page is served at. */
const PAGES: Record<string, string> = {
  'home.html': '/en/',
  'article.html': '/vi/articles/hanoi-convention-rehearsal/',
  'search.html': '/en/search/',
  'not-found.html': '/404.html',
};

const build: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.build;
const steps = build.split(' && ');
const finishAt = steps.findIndex((step) => step.includes(FINISH_STEP));
if (finishAt < 0) throw new Error(`package.json's build has no step running ${FINISH_STEP}`);
const run = (commands: string[]) => {
  if (commands.length > 0) execSync(commands.join(' && '), { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
};

run(steps.slice(0, finishAt));
mkdirSync(FIXTURES, { recursive: true });
for (const [fixture, urlPath] of Object.entries(PAGES)) {
  copyFileSync(path.join('out', urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath), path.join(FIXTURES, fixture));
}
writeFileSync(path.join(FIXTURES, 'pages.json'), `${JSON.stringify(PAGES, null, 2)}\n`);
run(steps.slice(finishAt));
console.log(`Wrote ${Object.keys(PAGES).length} pages as Next built them into ${FIXTURES}/`);
