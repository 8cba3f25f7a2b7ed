/**
 * `npm run bench -- --stories N [--runs R] [--port P]`: generates a synthetic archive
 * of N stories in a temporary folder (never in content/), measures the content
 * pipeline, the full build, the same corpus built by Hugo, search against Pagefind,
 * and page weight, then writes docs/benchmarks.md and its figures (docs/benchmarks.json).
 * It also judges the results of both searches for a fixed set of queries
 * (bench/relevance.ts), on the synthetic corpus and on the seed content; the judgments of
 * other corpus sizes already in docs/benchmarks.json are kept, so that a run at 2,000
 * stories and one at 10,000 report side by side.
 *
 * `npm run bench -- --preview --stories N` measures only the editing preview (`npm run
 * dev`) on the seed content and on N synthetic stories, and adds its figures to the saved
 * report (bench/preview.ts).
 *
 * `npm run bench -- --report docs/benchmarks.json` writes docs/benchmarks.md again from
 * a run's saved figures, when only the report's wording changed.
 *
 * `npm run bench -- --stories N --list-pages` only generates the corpus, builds it and
 * measures its list pages' HTML, kept in docs/benchmarks.json beside the other sizes'
 * (a full run at 10,000 stories outlasts an afternoon on a shared 2-core machine).
 *
 * `npm run bench -- --stories N --search` only generates the corpus, builds it and
 * measures the search side (search files, Pagefind, both searches in Chromium, the judged
 * queries), kept in docs/benchmarks.json beside the other sizes' in the same way.
 *
 * `npm run bench -- --seed-relevance` only judges both searches on the seed content.
 *
 * The full build runs in this working copy with CONTENT_DIR pointing at the corpus,
 * so it replaces `out/` and `.archive/`; the bench ends with a build of the seed content,
 * which it judges, so `out/` holds the seed content again afterwards.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureBrowser, type BrowserRun } from './browser';
import {
  syntheticRegistry,
  syntheticStory,
  writeCorpus,
  writeStory,
  type SyntheticRegistry,
  type SyntheticStory,
} from './corpus';
import { judgedArchiveStories, judgedSyntheticStories } from './judged-stories';
import { writeHugoSite, type HugoLayouts } from './hugo';
import {
  folderBytes,
  formatBytes,
  formatMs,
  inlinePayloadBytes,
  listPages,
  median,
  runMeasured,
  searchFileSizes,
  treeStats,
} from './measure';
import { measurePreview, type PreviewRun } from './preview';
import { measureRelevance, type RelevanceRun } from './relevance-run';
import {
  benchmarkReport,
  mergeBySize,
  mergeRelevance,
  type BenchFigures,
  type HugoBuild,
  type ListPagesRun,
  type SearchRun,
} from './report';
import { loadContent } from '../lib/content/load';
import { PIPELINE_NODE_FLAGS } from '../scripts/build';

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} expects a positive whole number`);
  return value;
}

const stories = argument('stories', 500);
const runs = argument('runs', 3);
const port = argument('port', 3642);
if (port < 3600 || port > 3699) throw new Error('--port must be within 3600-3699');
// At archive scale one cold run of the slow steps already takes minutes; the fast ones still get `runs`.
const heavyRuns = stories >= 5000 ? 1 : runs;
const root = process.cwd();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'archive-bench-'));
const corpus = path.join(tmp, 'content');
/** The date of the story the bench adds: after every date the corpus draws (2015–2025). */
const NEWEST_DATE = '2026-01-15';
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Queries readers would type: names with and without diacritics, aliases, topic words, plain words, prefixes. */
function benchQueries(): Record<'en' | 'vi', string[]> {
  const registry = syntheticRegistry();
  const people = registry.people.filter((_, index) => index % 15 === 0);
  const organisations = registry.organisations.filter((_, index) => index % 12 === 0);
  return {
    en: [
      ...people.map((person) => person.name.en),
      ...organisations.flatMap((organisation) => [organisation.name.en, organisation.aliases[0] ?? '']),
      ...registry.topics.map((topic) => topic.name.en),
      'training programme',
      'personal data',
      'monitoring system',
      'incidents',
      'regulation',
      'quarter',
      'readi',
      'superv',
      'cooperation information safety',
      'lessons',
    ],
    vi: [
      ...people.flatMap((person) => [person.name.vi, person.name.en]),
      ...organisations.flatMap((organisation) => [organisation.name.vi, organisation.aliases[0] ?? '']),
      ...registry.topics.map((topic) => topic.name.vi),
      'huấn luyện',
      'dữ liệu cá nhân',
      'giam sat',
      'sự cố',
      'quy chế',
      'đơn vị',
      'chuyển đổi số',
      'an toan thong tin',
      'kế hoạch',
      'diễn tập',
    ],
  };
}

interface PipelineRun {
  ms: number;
  loadMs: number;
  indexMs: number;
  maxRssBytes: number;
  rendered: number;
  reused: number;
  latency: Record<string, { p50: number; p95: number }>;
}

async function pipeline(cacheDir: string, queriesFile?: string): Promise<PipelineRun> {
  const result = await runMeasured(process.execPath, [
    ...PIPELINE_NODE_FLAGS,
    '--import',
    'tsx',
    path.join(root, 'bench', 'pipeline.ts'),
    corpus,
    cacheDir,
    ...(queriesFile ? [queriesFile] : []),
  ]);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as PipelineRun;
}

/** Average bytes of one article page: every file in its folder (HTML and, for Next, its RSC payloads). */
function articlePageBytes(siteDir: string): number {
  const sizes: number[] = [];
  for (const locale of ['en', 'vi']) {
    const dir = path.join(siteDir, locale, 'articles');
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory()) sizes.push(folderBytes(path.join(dir, entry.name)));
  }
  return sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
}

/** The figures the last run wrote, if any: their judgments of other corpus sizes are kept. */
function previousFigures(): BenchFigures | undefined {
  const file = path.join(root, 'docs', 'benchmarks.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchFigures) : undefined;
}

/** The first story folder of a content folder, the one the preview's edits are made to. */
function firstStory(contentDir: string): string {
  const found = readdirSync(path.join(contentDir, 'articles')).sort()[0];
  if (!found) throw new Error(`${contentDir} has no story`);
  return found;
}

/**
 * The editing preview on a copy of the seed content, then on the synthetic corpus; the
 * preview takes the port the browser measures have finished with. `measured` hears of
 * each run as it ends, so a slow corpus cannot lose the figures of the one before.
 */
async function previewRuns(measured: (runs: PreviewRun[]) => void = () => {}): Promise<PreviewRun[]> {
  const seed = path.join(tmp, 'seed-content');
  cpSync(path.join(root, 'content'), seed, { recursive: true });
  const seedStories = loadContent(seed).archive.stories.length;
  const runsMeasured = [await measurePreview('seed content', seed, firstStory(seed), seedStories, port)];
  log(`preview on the seed content: ready in ${formatMs(runsMeasured[0]?.readyMs ?? 0)}`);
  measured(runsMeasured);
  runsMeasured.push(await measurePreview(`${stories} synthetic stories`, corpus, firstStory(corpus), stories, port));
  log(`preview on ${stories} stories: ready in ${formatMs(runsMeasured[1]?.readyMs ?? 0)}`);
  measured(runsMeasured);
  return runsMeasured;
}

/** Pagefind's index of the built site's article pages, written into `out/pagefind/`. */
function indexWithPagefind(out: string) {
  return runMeasured(
    path.join(root, 'node_modules', '.bin', 'pagefind'),
    ['--site', out, '--glob', '{en,vi}/articles/**/*.html'],
    { cwd: root },
  );
}

/**
 * Pagefind over the articles of the built site in `out`, then both searches in Chromium:
 * bytes and time to the first result, latency. Pagefind's index stays in `out/` for the
 * relevance judgments that follow.
 */
async function measureSearchSide(
  out: string,
  registry: SyntheticRegistry,
  queries: Record<'en' | 'vi', string[]>,
): Promise<{ pagefind: { ms: number; bytes: number }; browser: Record<'en' | 'vi', BrowserRun> }> {
  const pagefindRun = await indexWithPagefind(out);
  log(`pagefind indexed in ${formatMs(pagefindRun.ms)}`);
  const pagefind = { ms: pagefindRun.ms, bytes: treeStats(path.join(out, 'pagefind')).bytes };
  const articlePath = `/en/articles/${readdirSync(path.join(out, 'en', 'articles'), { withFileTypes: true }).find((entry) => entry.isDirectory())?.name}/`;
  // Names of people the corpus really tags, so each first query has results.
  const tagged = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((index) => syntheticStory(registry, index).people);
  const named = [...new Set(tagged)].map(
    (id) => registry.people.find((person) => person.id === id)?.name ?? { en: '', vi: '' },
  );
  // Five names a language, each opened in several rounds (bench/browser.ts): one fresh page's time on a shared machine says little.
  const firstQueries = { en: named.slice(0, 5).map((name) => name.en), vi: named.slice(5, 10).map((name) => name.vi) };
  const browser: Record<'en' | 'vi', BrowserRun> = {
    en: await measureBrowser(out, port, 'en', articlePath, firstQueries.en, queries.en),
    vi: await measureBrowser(out, port, 'vi', articlePath.replace('/en/', '/vi/'), firstQueries.vi, queries.vi),
  };
  log('browser measured');
  return { pagefind, browser };
}

/**
 * The relevance of both searches on the synthetic corpus built in `out`, judged from what
 * the generator made (`generated`, every story as built); Pagefind's index is removed after.
 */
async function judgeSyntheticCorpus(
  out: string,
  registry: SyntheticRegistry,
  generated: SyntheticStory[],
  date: string,
): Promise<RelevanceRun> {
  const judged = await measureRelevance(
    `${stories} synthetic stories`,
    out,
    port,
    judgedSyntheticStories(registry, generated),
    date,
  );
  rmSync(path.join(out, 'pagefind'), { recursive: true, force: true });
  log('relevance judged on the synthetic corpus');
  return judged;
}

/** The judged queries on the seed content, built again as `npm run build` builds it (so `out/` holds it afterwards). */
async function judgeSeedContent(date: string): Promise<RelevanceRun> {
  const out = path.join(root, 'out');
  await runMeasured('npm', ['run', 'build'], {
    cwd: root,
    env: { CONTENT_DIR: path.join(root, 'content'), NEXT_TELEMETRY_DISABLED: '1' },
  });
  await indexWithPagefind(out);
  const stories = judgedArchiveStories(loadContent(path.join(root, 'content')).archive);
  const judged = await measureRelevance('seed content', out, port, stories, date);
  rmSync(path.join(out, 'pagefind'), { recursive: true, force: true });
  log('relevance judged on the seed content');
  return judged;
}

async function main() {
  const started = Date.now();
  log(`corpus: ${stories} stories in ${corpus}`);
  const registry = writeCorpus(corpus, stories - 1);
  const queriesFile = path.join(tmp, 'queries.json');
  const queries = benchQueries();
  writeFileSync(queriesFile, JSON.stringify(queries));

  // Content pipeline: cold (no cache), then with the cache of N-1 stories after adding one.
  // The render, check and search-index caches, as the build keeps them in .archive/.
  const cacheDir = path.join(tmp, 'cache');
  const cold: PipelineRun[] = [];
  for (let run = 0; run < heavyRuns; run++) {
    rmSync(cacheDir, { recursive: true, force: true });
    cold.push(await pipeline(cacheDir));
    log(`pipeline cold ${run + 1}/${heavyRuns}: ${formatMs(cold.at(-1)?.ms ?? 0)}`);
  }
  const snapshot = path.join(tmp, 'cache-before');
  cpSync(cacheDir, snapshot, { recursive: true });
  // An archive grows by today's news: the added story is newer than all the others.
  const addedStory = syntheticStory(registry, stories - 1);
  writeStory(corpus, { ...addedStory, date: NEWEST_DATE });
  const added: PipelineRun[] = [];
  const fromSnapshot = async (queries?: string) => {
    rmSync(cacheDir, { recursive: true, force: true });
    cpSync(snapshot, cacheDir, { recursive: true });
    return pipeline(cacheDir, queries);
  };
  for (let run = 0; run < runs; run++) {
    added.push(await fromSnapshot(queriesFile));
    log(
      `pipeline +1 story ${run + 1}/${runs}: ${formatMs(added.at(-1)?.ms ?? 0)} (${added.at(-1)?.rendered} rendered)`,
    );
  }
  // The same story back-dated among the others: the search indexes cannot be extended.
  writeStory(corpus, addedStory);
  const backdated = await fromSnapshot();
  log(`pipeline +1 back-dated story: ${formatMs(backdated.ms)}`);
  writeStory(corpus, { ...addedStory, date: NEWEST_DATE });

  // Full build, with the caches a CI cache or a developer's machine keeps (.archive/).
  const builds: { ms: number; peakBytes: number }[] = [];
  for (let run = 0; run < heavyRuns; run++) {
    cpSync(cacheDir, path.join(root, '.archive'), { recursive: true });
    const result = await runMeasured('npm', ['run', 'build'], {
      cwd: root,
      env: { CONTENT_DIR: corpus, NEXT_TELEMETRY_DISABLED: '1' },
    });
    builds.push({ ms: result.ms, peakBytes: result.peakBytes });
    log(`full build ${run + 1}/${heavyRuns}: ${formatMs(result.ms)}, peak ${formatBytes(result.peakBytes)}`);
  }
  const out = path.join(root, 'out');
  const site = treeStats(out);
  const builtListPages: ListPagesRun = { stories, date: new Date().toISOString().slice(0, 10), ...listPages(out) };
  log(`largest list page: ${builtListPages.largest.path}, ${formatBytes(builtListPages.largest.bytes)}`);
  const articleBytes = articlePageBytes(out);
  // How much of an article page is Next's inline RSC payload (the hydration data).
  const articleHtml = readFileSync(
    path.join(out, 'en', 'articles', readdirSync(path.join(out, 'en', 'articles'))[0] ?? '', 'index.html'),
    'utf8',
  );
  const articlePayloadShare = inlinePayloadBytes(articleHtml) / Buffer.byteLength(articleHtml);
  const index = {
    en: searchFileSizes(path.join(out, 'search', 'en')),
    vi: searchFileSizes(path.join(out, 'search', 'vi')),
  };

  // Hugo on the same corpus.
  if (!existsSync('/usr/bin/hugo'))
    execFileSync('sh', ['-c', 'apt-get install -y hugo || (apt-get update && apt-get install -y hugo)'], {
      stdio: 'inherit',
    });
  const hugoBuild = async (layouts: HugoLayouts, times: number): Promise<HugoBuild> => {
    const hugoSite = path.join(tmp, `hugo-${layouts}`);
    mkdirSync(hugoSite, { recursive: true });
    writeHugoSite(corpus, hugoSite, layouts);
    const hugoRuns: number[] = [];
    for (let run = 0; run < times; run++) {
      rmSync(path.join(hugoSite, 'public'), { recursive: true, force: true });
      hugoRuns.push((await runMeasured('hugo', ['--quiet', '-s', hugoSite, '-d', path.join(hugoSite, 'public')])).ms);
    }
    const hugoStats = treeStats(path.join(hugoSite, 'public'));
    log(`hugo (${layouts} layouts): ${formatMs(median(hugoRuns))}, ${hugoStats.pages} pages`);
    return {
      ms: median(hugoRuns),
      pages: hugoStats.pages,
      bytes: hugoStats.bytes,
      articleBytes: articlePageBytes(path.join(hugoSite, 'public')),
    };
  };
  const hugoVersion = execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim().split(' ')[1] ?? '?';
  const hugo = {
    version: hugoVersion,
    minimal: await hugoBuild('minimal', runs),
    samePage: await hugoBuild('same-page', heavyRuns),
  };

  const { pagefind, browser } = await measureSearchSide(out, registry, queries);

  // Relevance, judged from what the generator made: every story, the added one with its new date.
  const date = new Date().toISOString().slice(0, 10);
  const generated = [
    ...Array.from({ length: stories - 1 }, (_, index) => syntheticStory(registry, index)),
    { ...addedStory, date: NEWEST_DATE },
  ];
  const relevance: RelevanceRun[] = [await judgeSyntheticCorpus(out, registry, generated, date)];
  relevance.unshift(await judgeSeedContent(date));
  const preview = await previewRuns();

  const figures: BenchFigures = {
    stories,
    runs,
    heavyRuns,
    machine: {
      cores: os.cpus().length,
      memoryBytes: os.totalmem(),
      node: process.version,
      cpu: os.cpus()[0]?.model ?? '?',
      load: os.loadavg()[0] ?? 0,
    },
    date,
    pipelineCold: {
      ms: median(cold.map((run) => run.ms)),
      loadMs: median(cold.map((run) => run.loadMs)),
      indexMs: median(cold.map((run) => run.indexMs)),
      peakBytes: median(cold.map((run) => run.maxRssBytes)),
    },
    pipelineAdded: {
      ms: median(added.map((run) => run.ms)),
      loadMs: median(added.map((run) => run.loadMs)),
      indexMs: median(added.map((run) => run.indexMs)),
      peakBytes: median(added.map((run) => run.maxRssBytes)),
      rendered: added[0]?.rendered ?? 0,
      reused: added[0]?.reused ?? 0,
    },
    pipelineBackdated: {
      ms: backdated.ms,
      loadMs: backdated.loadMs,
      indexMs: backdated.indexMs,
      peakBytes: backdated.maxRssBytes,
    },
    nodeLatency: added.at(-1)?.latency ?? {},
    build: {
      ms: median(builds.map((run) => run.ms)),
      peakBytes: Math.max(...builds.map((run) => run.peakBytes)),
      pages: site.pages,
      bytes: site.bytes,
      files: site.files,
      articleBytes,
      articlePayloadShare,
    },
    hugo,
    index,
    pagefind,
    browser,
    relevance: mergeRelevance(previousFigures()?.relevance ?? [], relevance),
    preview: mergeRelevance(previousFigures()?.preview ?? [], preview),
    listPages: mergeBySize(previousFigures()?.listPages ?? [], builtListPages),
    // This run measured its own size's search again; other sizes measured alone are kept.
    searchRuns: (previousFigures()?.searchRuns ?? []).filter((run) => run.stories !== stories),
    totalMs: Date.now() - started,
  };
  writeFileSync(path.join(root, 'docs', 'benchmarks.json'), `${JSON.stringify(figures, null, 2)}\n`);
  writeFileSync(path.join(root, 'docs', 'benchmarks.md'), benchmarkReport(figures));
  log(`wrote docs/benchmarks.md and docs/benchmarks.json in ${formatMs(figures.totalMs)}`);
  // The corpus, its caches and both Hugo sites.
  rmSync(tmp, { recursive: true, force: true });
}

/**
 * `--preview`: measures only the editing preview, on the seed content and a corpus of N
 * stories, and writes its figures into the saved report (the rest of it as it was).
 */
async function previewOnly() {
  const saved = previousFigures();
  if (!saved) throw new Error('--preview adds to docs/benchmarks.json: run the whole bench first');
  log(`corpus: ${stories} stories in ${corpus}`);
  writeCorpus(corpus, stories);
  await previewRuns((preview) => {
    const figures: BenchFigures = { ...saved, preview: mergeRelevance(saved.preview ?? [], preview) };
    writeFileSync(path.join(root, 'docs', 'benchmarks.json'), `${JSON.stringify(figures, null, 2)}\n`);
    writeFileSync(path.join(root, 'docs', 'benchmarks.md'), benchmarkReport(figures));
    log('wrote the preview figures into docs/benchmarks.md and docs/benchmarks.json');
  });
  rmSync(tmp, { recursive: true, force: true });
}

/** Generate, build and measure the list pages only, and add them to the saved figures. */
async function measureListPagesOnly() {
  const started = Date.now();
  const figures = previousFigures();
  if (!figures) throw new Error('--list-pages adds to docs/benchmarks.json: run the full bench once first');
  log(`corpus: ${stories} stories in ${corpus}`);
  writeCorpus(corpus, stories);
  const build = await runMeasured('npm', ['run', 'build'], {
    cwd: root,
    env: { CONTENT_DIR: corpus, NEXT_TELEMETRY_DISABLED: '1' },
  });
  log(`full build: ${formatMs(build.ms)}`);
  const run: ListPagesRun = {
    stories,
    date: new Date().toISOString().slice(0, 10),
    ...listPages(path.join(root, 'out')),
  };
  log(`${run.pages} list pages; largest ${run.largest.path}, ${formatBytes(run.largest.bytes)}`);
  const updated = { ...figures, listPages: mergeBySize(figures.listPages ?? [], run) };
  writeFileSync(path.join(root, 'docs', 'benchmarks.json'), `${JSON.stringify(updated, null, 2)}\n`);
  writeFileSync(path.join(root, 'docs', 'benchmarks.md'), benchmarkReport(updated));
  log(`added the list pages to docs/benchmarks.md and docs/benchmarks.json in ${formatMs(Date.now() - started)}`);
  rmSync(tmp, { recursive: true, force: true });
}

/**
 * `--search`: generates and builds the corpus, then measures only the search side (the
 * search files' sizes, Pagefind, both searches in Chromium, the judged queries), and adds
 * the figures to the saved report beside those of other sizes.
 */
async function measureSearchOnly() {
  const started = Date.now();
  const figures = previousFigures();
  if (!figures) throw new Error('--search adds to docs/benchmarks.json: run the full bench once first');
  log(`corpus: ${stories} stories in ${corpus}`);
  const registry = writeCorpus(corpus, stories);
  const build = await runMeasured('npm', ['run', 'build'], {
    cwd: root,
    env: { CONTENT_DIR: corpus, NEXT_TELEMETRY_DISABLED: '1' },
  });
  log(`full build: ${formatMs(build.ms)}`);
  const out = path.join(root, 'out');
  const index = {
    en: searchFileSizes(path.join(out, 'search', 'en')),
    vi: searchFileSizes(path.join(out, 'search', 'vi')),
  };
  const { pagefind, browser } = await measureSearchSide(out, registry, benchQueries());
  const date = new Date().toISOString().slice(0, 10);
  const generated = Array.from({ length: stories }, (_, at) => syntheticStory(registry, at));
  const judged = await judgeSyntheticCorpus(out, registry, generated, date);
  const run: SearchRun = { stories, date, load: os.loadavg()[0] ?? 0, index, pagefind, browser };
  const updated: BenchFigures = {
    ...figures,
    relevance: mergeRelevance(figures.relevance ?? [], [judged]),
    searchRuns: mergeBySize(figures.searchRuns ?? [], run),
  };
  writeFileSync(path.join(root, 'docs', 'benchmarks.json'), `${JSON.stringify(updated, null, 2)}\n`);
  writeFileSync(path.join(root, 'docs', 'benchmarks.md'), benchmarkReport(updated));
  log(`added the search figures to docs/benchmarks.md and docs/benchmarks.json in ${formatMs(Date.now() - started)}`);
  rmSync(tmp, { recursive: true, force: true });
}

/** `--seed-relevance`: only the judged queries on the seed content, added to the saved report. */
async function judgeSeedOnly() {
  const figures = previousFigures();
  if (!figures) throw new Error('--seed-relevance adds to docs/benchmarks.json: run the full bench once first');
  const judged = await judgeSeedContent(new Date().toISOString().slice(0, 10));
  const updated: BenchFigures = { ...figures, relevance: mergeRelevance(figures.relevance ?? [], [judged]) };
  writeFileSync(path.join(root, 'docs', 'benchmarks.json'), `${JSON.stringify(updated, null, 2)}\n`);
  writeFileSync(path.join(root, 'docs', 'benchmarks.md'), benchmarkReport(updated));
  rmSync(tmp, { recursive: true, force: true });
}

const savedFigures = process.argv.indexOf('--report');
if (process.argv.includes('--preview')) {
  await previewOnly();
} else if (process.argv.includes('--list-pages')) {
  await measureListPagesOnly();
} else if (process.argv.includes('--search')) {
  await measureSearchOnly();
} else if (process.argv.includes('--seed-relevance')) {
  await judgeSeedOnly();
} else if (savedFigures >= 0) {
  rmSync(tmp, { recursive: true, force: true });
  const figures = JSON.parse(readFileSync(process.argv[savedFigures + 1] ?? '', 'utf8')) as BenchFigures;
  writeFileSync(path.join(root, 'docs', 'benchmarks.md'), benchmarkReport(figures));
  log('wrote docs/benchmarks.md from saved figures');
} else {
  await main();
}
