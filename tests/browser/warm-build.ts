/**
 * `npm run build:warm`: the whole build, run with the caches earlier builds left in
 * `.archive/` (what CI keeps from one run to the next), writes the `out/` a build without
 * them writes, file for file and byte for byte, after any sequence of the edits an archive
 * sees between builds. The edits are drawn at random, round after round: a newer story
 * added, a body appended to or edited in place with its size and times kept, a story
 * back-dated (both language files), a whole story folder removed, a person added to the
 * registry or an entry renamed, and photos: a lead image given to a story, a figure written
 * into a body, a photo's file replaced by other bytes under the same name, a photo removed
 * with every reference to it. Every run removes a story and edits a photo at least once.
 * The first build is whole, so that the last one also starts from Next's own cache in
 * `.next/`, as CI keeps it. Each round's edits but the last are followed by the stages that
 * fill the archive's caches (they then hold what builds with caches wrote, not only what a
 * first build wrote); the last round's by the whole build with the caches, then the whole
 * build without them (no `.archive/`, no `.next/`). Rendering the pages of the rounds
 * between would add nothing the last two builds do not show.
 *
 * The edits come from a seeded generator: the seed is `WARM_BUILD_SEED` when set, else
 * drawn from the clock, and is printed whatever the outcome, so
 * `WARM_BUILD_SEED=<seed> npm run build:warm` replays a run, failing or not.
 * tests/unit/pipeline-property.test.ts shows the same for the content and search stages
 * over many more sequences; this is the one that runs `next build` and the finishing too.
 *
 * Like the hostile build, it replaces `out/`, `.archive/` and `.next/`, so it runs before
 * the seed build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
import sharp from 'sharp';
import { seededRandom, syntheticRegistry, syntheticStory, writeCorpus, writeStory } from '../../bench/corpus';
import { buildStage, runStages } from '../../scripts/build';
import { testPhoto } from '../unit/helpers/photos';

/** The stages that keep caches in `.archive/`. */
const CACHING_STAGES = ['content', 'search', 'images'].map((name) => buildStage(name));

const STORIES = 4;
/**
 * A registry of a few people and organisations: every entry has pages and feeds, and the benchmark's own registry
 * would make this small archive over a thousand pages to build twice.
 */
const REGISTRY = syntheticRegistry(86, 12, 6);
const REGISTRY_FILES = ['topics.yaml', 'people.yaml', 'organisations.yaml'] as const;

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** The seed of this run's edits: `WARM_BUILD_SEED`, else one drawn from the clock. */
function drawSeed(): number {
  const given = process.env.WARM_BUILD_SEED?.trim();
  if (!given) return Date.now() % 2 ** 32;
  const seed = Number(given);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`WARM_BUILD_SEED must be a whole number from 0 up, not "${given}"`);
  return seed % 2 ** 32;
}

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

/** The archive being edited, and the generator every choice of the edits is drawn from. */
interface Editing {
  content: string;
  random: Random;
  /** Stories, photos and registry entries added so far: each new one gets a name of its own. */
  added: number;
}

const articlesOf = (editing: Editing) => path.join(editing.content, 'articles');
const storyIds = (editing: Editing) => readdirSync(articlesOf(editing)).sort();
const languageFiles = (folder: string) => ['en.md', 'vi.md'].map((name) => path.join(folder, name));
/** The photo files of a story folder: every file in it but the two language files. */
const photosOf = (folder: string) =>
  readdirSync(folder)
    .filter((name) => !name.endsWith('.md'))
    .sort();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A file's text edited by `change`, written back. */
function rewrite(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** Where the body begins: after the frontmatter's closing line. */
const bodyStart = (text: string) => text.indexOf('\n---\n', 4) + '\n---\n'.length;

const APPENDED = {
  en: ['A sentence added later.', '## A new section\n\nThe section closes the report.', '*A caption of a photo.*'],
  vi: ['Một câu được thêm sau.', '## Phần mới\n\nPhần này khép lại bài viết.', '*Chú thích một bức ảnh.*'],
};

/** Photo sizes at least as wide as the narrowest published width, so no photo is warned about as too small. */
const PHOTO_WIDTHS = [480, 560, 640];
const PHOTO_HEIGHTS = [320, 360, 420];

/** A test photo of a drawn size (a phone's metadata in it or not) whose bytes are not `unlike`'s. */
async function drawnPhoto(random: Random, unlike?: Buffer): Promise<Buffer> {
  for (;;) {
    const [width, height] = [pick(random, PHOTO_WIDTHS), pick(random, PHOTO_HEIGHTS)];
    const bytes = await testPhoto({ width, height, phoneMetadata: random() < 0.5 });
    if (!unlike?.equals(bytes)) return bytes;
  }
}

/**
 * An edit done to one of `stories` (the stories it may touch) or to the registries, leaving the archive valid;
 * what it did, or undefined when it cannot be done to this archive.
 */
type Edit = (editing: Editing, stories: string[]) => Promise<string | undefined>;

/** Removes a story when more than `keep` stories are left. */
const removeStory =
  (keep: number): Edit =>
  async (editing, stories) => {
    if (storyIds(editing).length <= keep || stories.length === 0) return undefined;
    const id = pick(editing.random, stories);
    rmSync(path.join(articlesOf(editing), id), { recursive: true });
    return `remove ${id}`;
  };

const PHOTO_EDITS: Record<string, Edit> = {
  'lead image': async (editing, stories) => {
    const without = stories.filter(
      (id) => !/^image: /m.test(readFileSync(path.join(articlesOf(editing), id, 'en.md'), 'utf8')),
    );
    if (without.length === 0) return undefined;
    const id = pick(editing.random, without);
    const folder = path.join(articlesOf(editing), id);
    const name = `lead-${++editing.added}.jpg`;
    writeFileSync(path.join(folder, name), await drawnPhoto(editing.random));
    const lead = {
      en: `image: { src: ${name}, alt: "Delegates at a working session", caption: "The working session.", credit: "Photo: VNA" }`,
      vi: `image: { src: ${name}, alt: "Đại biểu tại phiên làm việc", caption: "Phiên làm việc.", credit: "Ảnh: TTXVN" }`,
    };
    for (const [locale, file] of [['en', 'en.md'] as const, ['vi', 'vi.md'] as const])
      rewrite(path.join(folder, file), (text) => text.replace(/^date: .*$/m, (date) => `${date}\n${lead[locale]}`));
    return `give ${id} the lead image ${name}`;
  },
  figure: async (editing, stories) => {
    if (stories.length === 0) return undefined;
    const id = pick(editing.random, stories);
    const folder = path.join(articlesOf(editing), id);
    // Sometimes a photo the story already shows, shown once more.
    const shown = photosOf(folder);
    const reused = shown.length > 0 && editing.random() < 0.3;
    const name = reused ? pick(editing.random, shown) : `figure-${++editing.added}.jpg`;
    if (!reused) writeFileSync(path.join(folder, name), await drawnPhoto(editing.random));
    const figure = {
      en: `![A technician at a monitoring screen](${name} "A monitoring exercise. Photo: VNA")`,
      vi: `![Kỹ thuật viên trước màn hình giám sát](${name} "Một buổi diễn tập giám sát. Ảnh: TTXVN")`,
    };
    const locales = pick(editing.random, [['en'], ['vi'], ['en', 'vi']] as const);
    for (const locale of locales) appendFileSync(path.join(folder, `${locale}.md`), `\n${figure[locale]}\n`);
    return `write a figure of ${reused ? 'its' : 'the new'} photo ${name} into ${id}/${locales.join(' and ')}`;
  },
  'replace photo': async (editing, stories) => {
    const photos = stories.flatMap((id) => photosOf(path.join(articlesOf(editing), id)).map((name) => `${id}/${name}`));
    if (photos.length === 0) return undefined;
    const photo = pick(editing.random, photos);
    const file = path.join(articlesOf(editing), photo);
    const before = readFileSync(file);
    // The same width and height half the time: the published sizes stay, only the bytes (and their digest) change.
    if (editing.random() < 0.5) {
      const { width, height, exif } = await sharp(before).metadata();
      writeFileSync(file, await testPhoto({ width, height, phoneMetadata: exif === undefined }));
      return `replace ${photo} by other bytes of the same width and height`;
    }
    writeFileSync(file, await drawnPhoto(editing.random, before));
    return `replace ${photo} by another photo`;
  },
  'remove photo': async (editing, stories) => {
    const photos = stories.flatMap((id) => photosOf(path.join(articlesOf(editing), id)).map((name) => `${id}/${name}`));
    if (photos.length === 0) return undefined;
    const photo = pick(editing.random, photos);
    const [id, name] = photo.split('/') as [string, string];
    const folder = path.join(articlesOf(editing), id);
    rmSync(path.join(folder, name));
    const lead = new RegExp(`^image: \\{ src: ${escapeRegExp(name)},.*\\n`, 'm');
    const figures = new RegExp(`^!\\[[^\\]]*\\]\\(${escapeRegExp(name)} "[^"]*"\\)\\n`, 'gm');
    for (const file of languageFiles(folder)) rewrite(file, (text) => text.replace(lead, '').replace(figures, ''));
    return `remove ${photo} and every reference to it`;
  },
};

const EDITS: Record<string, Edit> = {
  'add story': async (editing) => {
    const index = STORIES + editing.added++;
    const month = String(1 + Math.floor(editing.random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(editing.random() * 28)).padStart(2, '0');
    const date = editing.random() < 0.2 ? `2026-${month}` : `2026-${month}-${day}`;
    const story = { ...syntheticStory(REGISTRY, index), date };
    writeStory(editing.content, story);
    return `add ${story.id}, dated ${date}`;
  },
  'append to body': async (editing, stories) => {
    if (stories.length === 0) return undefined;
    const id = pick(editing.random, stories);
    const locale = pick(editing.random, ['en', 'vi'] as const);
    appendFileSync(path.join(articlesOf(editing), id, `${locale}.md`), `\n${pick(editing.random, APPENDED[locale])}\n`);
    return `append to ${id}/${locale}.md`;
  },
  // An edit a stamp of size and times alone would miss.
  'edit body in place': async (editing, stories) => {
    if (stories.length === 0) return undefined;
    const id = pick(editing.random, stories);
    const file = path.join(articlesOf(editing), id, `${pick(editing.random, ['en', 'vi'])}.md`);
    const text = readFileSync(file, 'utf8');
    // A lowercase letter of a word in the text (not of a figure's line, whose words name its photo), changed for another.
    const letters = [...text.slice(bodyStart(text)).matchAll(/^(?!!\[).*$/gm)].flatMap((line) =>
      [...line[0].matchAll(/[a-z]/g)].map((letter) => bodyStart(text) + (line.index ?? 0) + (letter.index ?? 0)),
    );
    const at = pick(editing.random, letters);
    const other = String.fromCharCode(97 + ((text.charCodeAt(at) - 97 + 1 + Math.floor(editing.random() * 25)) % 26));
    const { atime, mtime } = statSync(file);
    writeFileSync(file, `${text.slice(0, at)}${other}${text.slice(at + 1)}`);
    utimesSync(file, atime, mtime);
    return `edit ${path.relative(articlesOf(editing), file)} in place, keeping its size and times`;
  },
  'back-date story': async (editing, stories) => {
    if (stories.length === 0) return undefined;
    const id = pick(editing.random, stories);
    const year = 2010 + Math.floor(editing.random() * 5);
    const date = editing.random() < 0.3 ? `${year}-11` : `${year}-03-02`;
    for (const file of languageFiles(path.join(articlesOf(editing), id)))
      rewrite(file, (text) => text.replace(/^date: .*$/m, `date: "${date}"`));
    return `back-date ${id} to ${date}`;
  },
  // Never below three stories, so that the removal every run makes still finds one to remove.
  'remove story': removeStory(3),
  'add person': async (editing) => {
    const number = ++editing.added;
    appendFileSync(
      path.join(editing.content, 'people.yaml'),
      `\n- id: added-person-${number}\n  name: { en: "Added Person ${number}", vi: "Người thêm ${number}" }\n`,
    );
    return `add added-person-${number} to people.yaml`;
  },
  'rename entry': async (editing) => {
    const registry = pick(editing.random, REGISTRY_FILES);
    const file = path.join(editing.content, registry);
    const text = readFileSync(file, 'utf8');
    const names = [...text.matchAll(/^( {2}name: \{ en: "[^"]*)(", vi: "[^"]*)(" \})$/gm)];
    const name = pick(editing.random, names);
    const number = ++editing.added;
    const at = name.index ?? 0;
    const renamed = `${name[1]} (${number})${name[2]} (${number})${name[3]}`;
    writeFileSync(file, `${text.slice(0, at)}${renamed}${text.slice(at + name[0].length)}`);
    return `rename an entry of ${registry}`;
  },
  ...PHOTO_EDITS,
};

/** Draws one of `edits` until one can be done to the archive; what it did. */
async function drawEdit(editing: Editing, edits: Record<string, Edit>, stories: string[]): Promise<string> {
  const kinds = Object.keys(edits);
  for (;;) {
    const done = await (edits[pick(editing.random, kinds)] as Edit)(editing, stories);
    if (done) return done;
  }
}

/**
 * One round of edits: one to three drawn, and the removal or photo edit the run must make when it falls to this round.
 * One story drawn at random is left alone, so that the build after the round has a story to take from the caches.
 */
async function editRound(editing: Editing, { remove, photo }: { remove: boolean; photo: boolean }): Promise<string[]> {
  const kept = pick(editing.random, storyIds(editing));
  const touchable = () => storyIds(editing).filter((id) => id !== kept);
  const done: string[] = [];
  // At least two stories remain in every round, so the removal leaves one besides the kept one.
  if (remove) done.push((await removeStory(2)(editing, touchable())) as string);
  if (photo) done.push(await drawEdit(editing, PHOTO_EDITS, touchable()));
  const drawn = 1 + Math.floor(editing.random() * 3);
  for (let count = 0; count < drawn; count++) done.push(await drawEdit(editing, EDITS, touchable()));
  return done;
}

/** The digest of every photo file in the archive: every one is shown, since no edit leaves a photo unused. */
function photoDigests(content: string): Set<string> {
  const articles = path.join(content, 'articles');
  return new Set(
    readdirSync(articles).flatMap((id) =>
      photosOf(path.join(articles, id)).map((name) =>
        createHash('sha256')
          .update(readFileSync(path.join(articles, id, name)))
          .digest('hex'),
      ),
    ),
  );
}

export async function checkWarmBuild(seed: number, log: (line: string) => void = console.log): Promise<string[]> {
  const random = seededRandom(seed);
  const work = mkdtempSync(path.join(os.tmpdir(), 'warm-build-'));
  const content = path.join(work, 'content');
  const editing: Editing = { content, random, added: 0 };
  const history: string[] = [];
  writeCorpus(content, STORIES, 86, REGISTRY);
  // Photos from the start, so that the image store and the inspection cache have photos to keep.
  const [first, second] = storyIds(editing);
  const initial = [
    (await (PHOTO_EDITS['lead image'] as Edit)(editing, [first as string])) as string,
    (await (PHOTO_EDITS.figure as Edit)(editing, [second as string])) as string,
  ];
  history.push(...initial.map((edit) => `before the first build: ${edit}`));
  log(`Before the first build: ${initial.join('; ')}.`);
  rmSync('.archive', { recursive: true, force: true });
  rmSync('.next', { recursive: true, force: true });
  // Whole, so that the last build also starts from Next's own cache in .next/, which CI keeps with .archive/.
  build(content);
  const stored = photoDigests(content);
  const rounds = 2 + Math.floor(random() * 2);
  const removalRound = 1 + Math.floor(random() * rounds);
  const photoRound = 1 + Math.floor(random() * rounds);
  for (let round = 1; round <= rounds; round++) {
    const done = await editRound(editing, { remove: round === removalRound, photo: round === photoRound });
    history.push(...done.map((edit) => `round ${round} of ${rounds}: ${edit}`));
    log(`Round ${round} of ${rounds}: ${done.join('; ')}.`);
    if (round === rounds) break;
    fillCaches(content);
    for (const digest of photoDigests(content)) stored.add(digest);
  }
  // A warm build that reused nothing would prove nothing.
  const printed = build(content);
  const said = /Rendered \d+ bodies, reused (\d+) from the render cache;.*encoded \d+ photos, reused (\d+)\./.exec(
    printed,
  );
  if (!said) throw new Error(`The build printed no line of what it took from its caches:\n${printed}`);
  log(said[0]);
  if (Number(said[1]) === 0)
    throw new Error(`The build after the edits reused no rendered body from the earlier builds:\n${printed}`);
  const held = [...photoDigests(content)].filter((digest) => stored.has(digest)).length;
  if (held > 0 && Number(said[2]) === 0)
    throw new Error(`The build after the edits encoded again the ${held} photos the image store held:\n${printed}`);
  renameSync('out', path.join(work, 'warm'));
  const warm = files(path.join(work, 'warm'), buildId());
  rmSync('.archive', { recursive: true, force: true });
  rmSync('.next', { recursive: true, force: true });
  build(content);
  const differing = differences(warm, files('out', buildId()));
  if (differing.length > 0)
    throw new Error(
      `The build with caches wrote other files than the build without (${work}/warm, out/), after\n  ` +
        `${history.join('\n  ')}\n${differing.length} files differ:\n${differing.join('\n')}`,
    );
  rmSync(work, { recursive: true, force: true });
  return history;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seed = drawSeed();
  const replay = `WARM_BUILD_SEED=${seed} npm run build:warm replays these edits.`;
  console.log(`Seed ${seed}.`);
  try {
    await checkWarmBuild(seed);
    console.log(
      `The build with the caches of earlier builds wrote the same out/ as a build without them (seed ${seed}; ${replay})`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(`\nSeed ${seed}: ${replay}`);
    process.exitCode = 1;
  }
}
