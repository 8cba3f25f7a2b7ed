/**
 * `npm run build:warm`: the whole build, run with the caches an earlier build left in
 * `.archive/` (what CI keeps from one run to the next), writes the `out/` a build without
 * them writes, file for file and byte for byte, after the edits an archive sees between two
 * builds: a newer story added, a body edited, a story back-dated, a registry entry added.
 * The earlier build runs only the stages that fill those caches: rendering its pages would
 * add nothing the later builds do not show.
 * tests/unit/pipeline-property.test.ts shows the same for the content and search stages
 * over random sequences of edits; this is the one case that runs `next build` and the
 * finishing too.
 *
 * Like the hostile build, it replaces `out/`, `.archive/` and `.next/`, so it runs before
 * the seed build.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { syntheticRegistry, syntheticStory, writeCorpus, writeStory } from '../../bench/corpus';
import { buildStage, runStages } from '../../scripts/build';

/** The stages that keep caches in `.archive/`. */
const CACHING_STAGES = ['content', 'search', 'images'].map((name) => buildStage(name));

const STORIES = 4;
/**
 * A registry of a few people and organisations: every entry has pages and feeds, and the benchmark's own registry
 * would make this small archive over a thousand pages to build twice.
 */
const REGISTRY = syntheticRegistry(86, 12, 6);

/** Fills `.archive/` from `content` as a build would. */
function fillCaches(content: string): void {
  const status = runStages(CACHING_STAGES, {
    env: { ...process.env, CONTENT_DIR: content, NEXT_TELEMETRY_DISABLED: '1' },
    log: () => undefined,
  });
  if (status !== 0) throw new Error(`The caching stages failed (exit status ${status})`);
}

/** Builds `content` into out/; returns what the build printed. */
function build(content: string): string {
  const result = spawnSync('npm', ['run', 'build'], {
    env: { ...process.env, CONTENT_DIR: content, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/**
 * Every file under `dir`, by path relative to it, with the build's id as `<build id>`:
 * Next names two folders of `_next/` after an id it draws at random for every build,
 * cached or not, and nothing in the pages refers to them.
 */
function files(dir: string, buildId: string, under = ''): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(path.join(dir, under), { withFileTypes: true })) {
    const name = path.join(under, entry.name);
    if (entry.isDirectory()) for (const [file, bytes] of files(dir, buildId, name)) found.set(file, bytes);
    else found.set(name.replaceAll(buildId, '<build id>'), readFileSync(path.join(dir, name)));
  }
  return found;
}

const buildId = () => readFileSync(path.join('.next', 'BUILD_ID'), 'utf8').trim();

/** The files that differ between two trees, or are in one only. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort().filter((file) => {
    const [left, right] = [a.get(file), b.get(file)];
    return !left || !right || !left.equals(right);
  });
}

/** The edits between the two builds; each keeps the archive valid. */
function edit(content: string): void {
  writeStory(content, { ...syntheticStory(REGISTRY, STORIES), date: '2026-01-15' });
  const [first, second, third] = readdirSync(path.join(content, 'articles')).sort();
  appendFileSync(path.join(content, 'articles', first as string, 'en.md'), '\n*A photo caption added later.*\n');
  // The same size and times, which a file stamp of those alone would take for the same file.
  const sameSize = path.join(content, 'articles', third as string, 'en.md');
  const { atime, mtime } = statSync(sameSize);
  writeFileSync(sameSize, readFileSync(sameSize, 'utf8').replace(/\.(\s*)$/, '!$1'));
  utimesSync(sameSize, atime, mtime);
  const backDated = path.join(content, 'articles', second as string, 'vi.md');
  const english = backDated.replace(/vi\.md$/, 'en.md');
  for (const file of [backDated, english])
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: .*$/m, 'date: "2014-03-02"'));
  appendFileSync(
    path.join(content, 'people.yaml'),
    '\n- id: added-later\n  name: { en: "Added Later", vi: "Thêm sau" }\n',
  );
}

export function checkWarmBuild(): void {
  const work = mkdtempSync(path.join(os.tmpdir(), 'warm-build-'));
  const content = path.join(work, 'content');
  writeCorpus(content, STORIES, 86, REGISTRY);
  rmSync('.archive', { recursive: true, force: true });
  rmSync('.next', { recursive: true, force: true });
  fillCaches(content);
  edit(content);
  // A warm build that reused nothing would prove nothing.
  const printed = build(content);
  if (!/reused [1-9]\d* from the render cache/.test(printed))
    throw new Error(`The build after the edits reused no rendered body from the earlier build:\n${printed}`);
  renameSync('out', path.join(work, 'warm'));
  const warm = files(path.join(work, 'warm'), buildId());
  rmSync('.archive', { recursive: true, force: true });
  rmSync('.next', { recursive: true, force: true });
  build(content);
  const differing = differences(warm, files('out', buildId()));
  if (differing.length > 0)
    throw new Error(
      `The build with caches wrote other files than the build without (${work}/warm, out/):\n${differing.join('\n')}`,
    );
  rmSync(work, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  checkWarmBuild();
  console.log('The build with the caches of an earlier build wrote the same out/ as a build without them.');
}
