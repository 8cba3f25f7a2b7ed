import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus';
import { createCheckCache } from '../../lib/content/check-cache';
import { bytesDigest, createFileStamps, fileDigest, FILE_STAMPS_VERSION, readFileStamps, writeFileStamps } from '../../lib/content/file-stamps';
import { codeFingerprint } from './helpers/code-fingerprint';
import { loadContent } from '../../lib/content/load';
import { createRenderCache } from '../../lib/content/render-cache';

const dir = mkdtempSync(path.join(os.tmpdir(), 'file-stamps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A build some time from now, by when every file written so far has settled. */
const later = () => Date.now() + 60_000;

describe('file stamps', () => {
  it("should give a settled, unchanged file's digest without reading it, and read it again after any change", () => {
    const file = path.join(dir, 'one.md');
    writeFileSync(file, 'one');
    const stamps = createFileStamps();
    expect(fileDigest(file, stamps, later())).toEqual({ digest: bytesDigest(Buffer.from('one')), bytes: Buffer.from('one') });
    expect(fileDigest(file, stamps, later())).toEqual({ digest: bytesDigest(Buffer.from('one')) });
    // The same size and modification time as before: the change time still tells.
    const { atime, mtime } = statSync(file);
    writeFileSync(file, 'two');
    utimesSync(file, atime, mtime);
    expect(fileDigest(file, stamps, later())).toEqual({ digest: bytesDigest(Buffer.from('two')), bytes: Buffer.from('two') });
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
    for (const story of readdirSync(articles)) for (const name of ['en.md', 'vi.md']) fileDigest(path.join(articles, story, name), stamps, later());
    stamps.entries.forEach((_, stamp) => stamps.used.add(stamp));
    const file = path.join(dir, 'file-stamps.bin');
    writeFileStamps(file, stamps);
    const caches = { renderCache: createRenderCache(), checkCache: createCheckCache() };
    const cold = loadContent(content, caches);
    const fileStamps = readFileStamps(file);
    const warm = loadContent(content, { ...caches, fileStamps });
    expect(warm).toEqual(cold);
    expect(fileStamps.hits).toBe(6);
    // The articles and the three registries.
    expect(caches.checkCache.hits).toBe(9);
  });
});

/** The file whose code decides stamps and digests: a change to it must come with a new FILE_STAMPS_VERSION, then a new fingerprint here. */
const STAMPS_FINGERPRINT = { version: 'file-stamps/1', fingerprint: 'fdee3f7836bf442e' };

describe('FILE_STAMPS_VERSION', () => {
  it('should be bumped whenever the code that stamps files changes', () => {
    const fingerprint = codeFingerprint(path.resolve(import.meta.dirname, '../..'), ['lib/content/file-stamps.ts']);
    expect({ version: FILE_STAMPS_VERSION, fingerprint }, 'the stamps changed: bump FILE_STAMPS_VERSION and record the new fingerprint').toEqual(STAMPS_FINGERPRINT);
  });
});
