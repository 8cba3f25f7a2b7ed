/**
 * `npm run bench:images -- --stories N`: the cost of a corpus's photos in the build, one
 * story in three with a 3000×2000 JPEG, cold (no inspection cache, empty image store)
 * and warm (both kept from the cold run). Photos are generated in a temporary folder
 * (never in content/); their generation is not timed. Writes docs/benchmarks-images.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { contentRoot } from '../lib/content/content-files';
import { fillImageStore, type PhotoSource } from '../lib/images/image-store';
import { isImageFault } from '../lib/images/inspect';
import { createInspectCache, inspectStoryImages, type InspectCache } from '../lib/images/story-images';
import { formatMs } from './measure';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const stories = argument('stories', 2000);
const WIDTH = 3000;
const HEIGHT = 2000;

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-images-'));
const articles = path.join(dir, 'articles');
const photoCount = Math.ceil(stories / 3);
for (let index = 0; index < photoCount; index++) {
  const folder = path.join(articles, `story-${index * 3}`);
  mkdirSync(folder, { recursive: true });
  // Each photo its own colours, so each has its own digest and is encoded on its own.
  const hue = (index * 37) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><defs><linearGradient id="g"><stop offset="0" stop-color="hsl(${hue},60%,30%)"/><stop offset="1" stop-color="hsl(${(hue + 120) % 360},70%,60%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${900 + index}" cy="1000" r="600" fill="hsl(${(hue + 240) % 360},50%,50%)"/></svg>`;
  writeFileSync(path.join(folder, 'photo.jpg'), await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer());
}

const loadAtStart = os.loadavg()[0] ?? 0;
const root = contentRoot(dir, (file) => file);
const store = path.join(dir, 'store');

async function run(
  cache: InspectCache,
): Promise<{ inspectMs: number; encodeMs: number; cpuMs: number; encoded: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const catalogue = await inspectStoryImages(articles, root, cache);
  const inspected = performance.now();
  const photos: PhotoSource[] = [...catalogue].flatMap(([source, found]) =>
    'problem' in found || isImageFault(found) ? [] : [{ ...found, source }],
  );
  const { encoded } = await fillImageStore(photos, store);
  // The process's CPU time covers sharp's threads too: on a shared machine it varies less than the wall time.
  const cpu = process.cpuUsage(cpuBefore);
  return {
    inspectMs: inspected - started,
    encodeMs: performance.now() - inspected,
    cpuMs: (cpu.user + cpu.system) / 1000,
    encoded,
  };
}

const cache = createInspectCache();
const cold = await run(cache);
const warm = await run(cache);
rmSync(dir, { recursive: true, force: true });

const perPhoto = (ms: number) => formatMs(ms / photoCount);
const report = `# Photo benchmarks

Written by \`npm run bench:images -- --stories ${stories}\` on ${new Date().toISOString().slice(0, 10)}. Do not edit by hand: run the
bench again. ${stories} stories, one in three with a ${WIDTH}×${HEIGHT} JPEG (${photoCount} photos), each published at 480, 960
and 1600 px as AVIF, WebP and JPEG (9 files a photo). The photos are generated (gradients and a disc), which encode faster
than real photos with fine detail: take these as a lower bound.

**Machine:** ${os.cpus().length} cores, Node ${process.version}, load average ${loadAtStart.toFixed(1)} at the start and ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end; shared with other builds.

Photos are inspected and encoded one per core at a time (lib/images/image-store.ts). CPU time is the bench process's
(sharp's threads included): on a shared machine it varies less than the wall time.

| run | inspect (decode every photo) | encode | total | per photo | CPU time |
|---|---|---|---|---|---|
| cold: no inspection cache, empty image store (${cold.encoded} photos encoded) | ${formatMs(cold.inspectMs)} | ${formatMs(cold.encodeMs)} | ${formatMs(cold.inspectMs + cold.encodeMs)} | ${perPhoto(cold.inspectMs + cold.encodeMs)} | ${formatMs(cold.cpuMs)} |
| warm: both kept (${warm.encoded} photos encoded) | ${formatMs(warm.inspectMs)} | ${formatMs(warm.encodeMs)} | ${formatMs(warm.inspectMs + warm.encodeMs)} | ${perPhoto(warm.inspectMs + warm.encodeMs)} | ${formatMs(warm.cpuMs)} |

The warm run reads each photo once to find its digest (the inspection cache is keyed by it) and encodes nothing.
`;
writeFileSync(path.join('docs', 'benchmarks-images.md'), report);
console.log(report);
