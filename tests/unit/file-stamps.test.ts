import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus';
import { createCheckCache } from '../../lib/content/check-cache';
import { bytesDigest, createFileStamps, fileDigest, folderNames, readFileStamps, writeFileStamps } from '../../lib/content/file-stamps';
import { loadContent } from '../../lib/content/load';
import { createRenderCache } from '../../lib/content/render-cache';

const dir = mkdtempSync(path.join(os.tmpdir(), 'file-stamps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A build some time from now, by when every file written so far has settled. */
const later = () => Date.now() + 60_000;
/** Longer than a tick of the kernel's coarse clock, which stamps files: a change after it gets new times. */
const nextTick = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('file stamps', () => {
  it("should give a settled, unchanged file's digest without reading it, and read it again after any change", async () => {
    const file = path.join(dir, 'one.md');
    writeFileSync(file, 'one');
    const stamps = createFileStamps();
    expect(fileDigest(file, stamps, later())).toEqual({ digest: bytesDigest(Buffer.from('one')), bytes: Buffer.from('one') });
    expect(fileDigest(file, stamps, later())).toEqual({ digest: bytesDigest(Buffer.from('one')) });
    // The same size and modification time as before: the change time still tells.
    const { atime, mtime } = statSync(file);
    await nextTick();
    writeFileSync(file, 'two');
    utimesSync(file, atime, mtime);
    expect(fileDigest(file, stamps, later())).toEqual({ digest: bytesDigest(Buffer.from('two')), bytes: Buffer.from('two') });
    expect({ hits: stamps.hits, misses: stamps.misses }).toEqual({ hits: 1, misses: 2 });
  });

  it("should give a settled, unchanged folder's names without listing it, and list it again once a file is added", async () => {
    const folder = path.join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'en.md'), 'en');
    const stamps = createFileStamps();
    expect(folderNames(folder, stamps, later())).toEqual(['en.md']);
    expect(folderNames(folder, stamps, later())).toEqual(['en.md']);
    expect(stamps.hits).toBe(1);
    await nextTick();
    writeFileSync(path.join(folder, 'vi.md'), 'vi');
    expect(folderNames(folder, stamps, later()).sort()).toEqual(['en.md', 'vi.md']);
    expect({ hits: stamps.hits, misses: stamps.misses }).toEqual({ hits: 1, misses: 2 });
  });

  it('should not stamp a file changed just before the build, whose times a coarse clock could repeat', () => {
    const file = path.join(dir, 'fresh.md');
    writeFileSync(file, 'fresh');
    const stamps = createFileStamps();
    fileDigest(file, stamps, Date.now());
    expect(fileDigest(file, stamps, Date.now()).bytes).toEqual(Buffer.from('fresh'));
    expect(stamps.entries.size).toBe(0);
  });

  it('should load an archive through stamps kept in their file exactly as by reading every file', () => {
    const content = path.join(dir, 'content');
    writeCorpus(content, 3);
    const articles = path.join(content, 'articles');
    const stamps = createFileStamps();
    for (const story of readdirSync(articles)) {
      for (const name of folderNames(path.join(articles, story), stamps, later())) fileDigest(path.join(articles, story, name), stamps, later());
    }
    stamps.entries.forEach((_, stamp) => stamps.used.add(stamp));
    const file = path.join(dir, 'file-stamps.bin');
    writeFileStamps(file, 'code', stamps);
    const caches = { renderCache: createRenderCache(), checkCache: createCheckCache() };
    const cold = loadContent(content, caches);
    const fileStamps = readFileStamps(file, 'code');
    const warm = loadContent(content, { ...caches, fileStamps });
    expect(warm).toEqual(cold);
    // Three folders and six files.
    expect(fileStamps.hits).toBe(9);
    // The articles and the three registries.
    expect(caches.checkCache.hits).toBe(9);
  });
});
