/**
 * `npm run build:hostile`: builds the hostile corpus that must build
 * (tests/fixtures/hostile/buildable/, plus one story whose body is the whole XSS corpus, one with
 * photos, tests/browser/photo-story.ts, and enough plain stories that the lists run to several pages)
 * with the real build, `npm run build` with CONTENT_DIR, into test-results/hostile/out/,
 * for tests/browser/hostile.test.ts.
 *
 * The build always writes `out/` and `.archive/`, which the other browser tests read for
 * the seed content, so this runs before the seed build and moves its `out/` aside.
 *
 * The render cache in `.archive/` is poisoned first: a build cache restored in CI is as
 * untrusted as the pull request that wrote it. The build must refuse it in its content
 * stage, before any page is made; the refusal is kept for the test to read, and the corpus
 * is built again without the cache.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeUtf8, splitArticleSource } from '../../lib/content/frontmatter';
import { readContentCaches, writeContentCaches, type ContentCaches } from '../../lib/caches/build-caches';
import { renderKey } from '../../lib/caches/content-caches';
import { createKeyedCache, digestOf } from '../../lib/caches/keyed-cache';
import { LOCALES, type Locale } from '../../lib/site/i18n';
import { XSS_PAYLOADS } from '../fixtures/xss/payloads';
import { writePhotoStory } from './photo-story';
import { testPhoto } from '../unit/helpers/photos';

export const HOSTILE_DIR = path.join('test-results', 'hostile');
export const HOSTILE_CONTENT = path.join(HOSTILE_DIR, 'content');
export const HOSTILE_OUT = path.join(HOSTILE_DIR, 'out');
const REPORT_FILE = path.join(HOSTILE_DIR, 'build.json');

/** The story whose rendering the poisoned cache replaces. */
export const POISONED_STORY = 'render-cache-poisoned';
/** The story whose body is every payload of tests/fixtures/xss/payloads.ts. */
export const XSS_STORY = 'xss-payloads';

/**
 * What the poisoned cache holds for that story: a plain script, a script whose
 * attributes mention `type="application/json"` (a check that looks for that text would
 * let it through), and a handler.
 */
export const POISONED_HTML = [
  '<p>Poisoned render cache</p>',
  '<script>window.__pwned = "render cache script"</script>',
  `<script data-note='type="application/json"'>window.__pwned = "render cache script with a json type in its attributes"</script>`,
  '<script type="application/json" type="text/javascript">{"poisoned": true}</script>',
  `<img src="x" onerror="window.__pwned = 'render cache handler'">`,
].join('');

export interface HostileBuildReport {
  /** The build's output when it refused the poisoned cache; absent when it built with it. */
  poisonedCacheRefusal?: string;
}

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'hostile', 'buildable');

/** Writes a story's file in each language: its frontmatter fields, one a line, and its body. */
function writeStory(id: string, fields: (locale: Locale) => string[], body: string): string {
  const folder = path.join(HOSTILE_CONTENT, 'articles', id);
  mkdirSync(folder, { recursive: true });
  for (const locale of LOCALES)
    writeFileSync(path.join(folder, `${locale}.md`), `---\n${fields(locale).join('\n')}\n---\n\n${body}\n`);
  return folder;
}

function writeXssStory(): void {
  // Images are photos of the story's folder only: the check refuses every other image
  // (RemoteImage, ImagePath; tests/unit/image-checks.test.ts), so those payloads cannot
  // reach a built page and are left to the renderer's own tests (tests/unit/xss.test.ts).
  const body = XSS_PAYLOADS.filter((payload) => !payload.markdown.includes('!['))
    .map((payload) => payload.markdown)
    .join('\n\n');
  writeStory(
    XSS_STORY,
    (locale) => [
      `title: "Every XSS payload (${locale})"`,
      'summary: "The whole XSS corpus as one article body."',
      'date: "2025-09-30"',
      'topics: [cybersecurity]',
    ],
    `A reader sees this line.\n\n${body}`,
  );
}

/** The story whose lead photo's alt, caption and credit and whose correction are payloads. */
export const HOSTILE_FIELDS_STORY = 'hostile-photo-and-correction';
export const HOSTILE_FIELDS = {
  alt: `A hall" onerror="window.__pwned = 'photo alt'`,
  caption: `A caption </figcaption><script>window.__pwned = 'photo caption'</script> ]]>`,
  credit: `Photo: <img src=x onerror="window.__pwned = 'photo credit'">`,
  correction: `A name was fixed <script>window.__pwned = 'correction'</script> [a link](javascript:window.__pwned=1) ]]>`,
};

/** Writes HOSTILE_FIELDS_STORY: the photo is generated, never a real news photo. */
async function writeHostileFieldsStory(): Promise<void> {
  const { alt, caption, credit, correction } = HOSTILE_FIELDS;
  const folder = writeStory(
    HOSTILE_FIELDS_STORY,
    (locale) => [
      `title: "A photo and a correction with payloads (${locale})"`,
      'summary: "The lead photo\'s alt, caption and credit and a correction try to break out of their markup."',
      'date: "2025-10-01"',
      'updated: "2025-10-02"',
      'topics: [cybersecurity]',
      `image: { src: hall.jpg, alt: ${JSON.stringify(alt)}, caption: ${JSON.stringify(caption)}, credit: ${JSON.stringify(credit)} }`,
      `corrections: [{ date: "2025-10-02", text: ${JSON.stringify(correction)} }]`,
    ],
    'A short body.',
  );
  writeFileSync(path.join(folder, 'hall.jpg'), await testPhoto({ width: 1600, height: 1000 }));
}

/** The plain stories that make the home page's, a topic's and a year's lists run to three pages. */
export const PAGED_STORIES = 45;
export const PAGED_TOPIC = 'command-86';
export const PAGED_YEAR = 2019;

/**
 * Stories of PAGED_YEAR from December back to January, four a month, so that a month is
 * cut by the first page break (tests/browser/pagination.test.ts).
 */
function writePagedStories(): void {
  for (let n = 0; n < PAGED_STORIES; n++) {
    const month = String(12 - Math.floor((n + 2) / 4)).padStart(2, '0');
    const day = String(28 - (n % 4)).padStart(2, '0');
    writeStory(
      `paged-story-${String(n).padStart(2, '0')}`,
      (locale) => [
        `title: "Paged story ${n} (${locale})"`,
        `summary: "One of the stories that fill the lists' pages."`,
        `date: "${PAGED_YEAR}-${month}-${day}"`,
        `topics: [${PAGED_TOPIC}]`,
      ],
      'A short body.',
    );
  }
}

/** Writes a render cache whose entries for the poisoned story's bodies hold POISONED_HTML. */
function poisonRenderCache(): void {
  const keys = LOCALES.map((locale) => {
    const file = path.join(HOSTILE_CONTENT, 'articles', POISONED_STORY, `${locale}.md`);
    const text = decodeUtf8(readFileSync(file), file);
    const source = typeof text === 'string' ? splitArticleSource(text, file) : text;
    if (!('body' in source)) throw new Error(`${file} is not a valid article`);
    return renderKey(source.body, { locale });
  });
  // Stamped with the digest of the build's own code, so the build reads it as its own.
  const caches = emptyContentCaches();
  for (const key of keys) {
    const text = 'Poisoned render cache';
    caches.renderCache.entries.set(key, { html: POISONED_HTML, text, textDigest: digestOf(text), headings: [] });
    caches.renderCache.used.add(key);
  }
  writeContentCaches(caches);
}

/** Content caches as the build's own code stamps them, holding nothing. */
function emptyContentCaches(): ContentCaches {
  const { renderCache, checkCache, inspectCache, stamps } = readContentCaches();
  return {
    renderCache: createKeyedCache(renderCache.code),
    checkCache: createKeyedCache(checkCache.code),
    inspectCache: createKeyedCache(inspectCache.code),
    stamps: { ...createKeyedCache<string>(stamps.code), settledBefore: stamps.settledBefore },
  };
}

function build(): { ok: boolean; output: string } {
  const result = spawnSync('npm', ['run', 'build'], {
    env: { ...process.env, CONTENT_DIR: HOSTILE_CONTENT, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}${result.stderr}`;
  process.stdout.write(output);
  return { ok: result.status === 0, output };
}

export async function buildHostileCorpus(): Promise<HostileBuildReport> {
  rmSync(HOSTILE_DIR, { recursive: true, force: true });
  cpSync(FIXTURE, HOSTILE_CONTENT, { recursive: true });
  writeXssStory();
  await writePhotoStory(HOSTILE_CONTENT);
  await writeHostileFieldsStory();
  writePagedStories();
  poisonRenderCache();
  const report: HostileBuildReport = {};
  let built = build();
  if (!built.ok) {
    report.poisonedCacheRefusal = built.output;
    writeContentCaches(emptyContentCaches());
    built = build();
    if (!built.ok)
      throw new Error(
        'The hostile corpus did not build, even without the poisoned render cache: every story in it must build',
      );
  }
  if (!existsSync('out')) throw new Error('The build wrote no out/');
  renameSync('out', HOSTILE_OUT);
  writeFileSync(REPORT_FILE, JSON.stringify(report));
  return report;
}

export function readHostileBuildReport(): HostileBuildReport {
  if (!existsSync(REPORT_FILE)) throw new Error(`${REPORT_FILE} is missing: run npm run build:hostile first`);
  return JSON.parse(readFileSync(REPORT_FILE, 'utf8')) as HostileBuildReport;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await buildHostileCorpus();
  console.log(
    `Built the hostile corpus into ${HOSTILE_OUT}${report.poisonedCacheRefusal ? ' (the poisoned render cache was refused, then left out)' : ''}.`,
  );
}
