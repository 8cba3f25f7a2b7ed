import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { appendCacheBlock, readCacheFile, writeCacheFile } from '../../lib/caches/cache-file';
import { createKeyedCache, readKeyedCache, writeKeyedCache } from '../../lib/caches/keyed-cache';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cache-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Strings of every kind V8 holds: ASCII, Latin-1, Vietnamese, emoji, lone surrogates, empty. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', 'é', 'Công ước Hà Nội', '\ud800', '😀', '\u00ff\u0100'),
);

describe('the cache file', () => {
  it('should give back every value of every block exactly', () => {
    const file = path.join(dir, 'any.bin');
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(anyString, fc.dictionary(anyString, anyString)), { maxLength: 6 }), {
          maxLength: 4,
        }),
        (blocks) => {
          writeCacheFile(file, 'code', blocks);
          expect(readCacheFile(file, 'code')).toEqual({ blocks, whole: true });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('should end at a block cut short, keeping the whole ones before it', () => {
    const file = path.join(dir, 'cut.bin');
    writeCacheFile(file, 'code', [['first', 'Hà Nội'], ['second']]);
    const size = readFileSync(file).length;
    appendCacheBlock(file, ['third, cut short']);
    const appended = readFileSync(file).length;
    for (let length = size; length < appended; length++) {
      truncateSync(file, length);
      expect(readCacheFile(file, 'code'), `${length} bytes`).toEqual({
        blocks: [['first', 'Hà Nội'], ['second']],
        whole: length === size,
      });
    }
  });

  it('should read blocks appended after it was written, and nothing from a missing or foreign file, or one made by other code', () => {
    const file = path.join(dir, 'blocks.bin');
    writeCacheFile(file, 'code', [['a', 'b']]);
    appendCacheBlock(file, ['c']);
    expect(readCacheFile(file, 'code')?.blocks).toEqual([['a', 'b'], ['c']]);
    expect(readCacheFile(file, 'other code')).toBeUndefined();
    expect(readCacheFile(path.join(dir, 'missing.bin'), 'code')).toBeUndefined();
    writeFileSync(file, '{"version":"code"}');
    expect(readCacheFile(file, 'code')).toBeUndefined();
  });
});

describe('a keyed cache file', () => {
  /** A cache as the next run reads it, with `use` read or written by that run. */
  function nextRun(file: string, use: Record<string, string>) {
    const cache = readKeyedCache<string>(file, 'code');
    for (const [key, value] of Object.entries(use)) {
      cache.entries.set(key, value);
      cache.used.add(key);
    }
    writeKeyedCache(file, 'code', cache);
  }

  it('should append only the new entries while most of the file is in use', () => {
    const file = path.join(dir, 'keyed-append.bin');
    const kept = Object.fromEntries(Array.from({ length: 8 }, (_, at) => [`k${at}`, `value ${at}`]));
    writeKeyedCache(file, 'code', { ...createKeyedCache(Object.entries(kept)), used: new Set(Object.keys(kept)) });
    const before = readFileSync(file);
    // One entry edited (a new key, the old one stale), one added.
    const unchanged = Object.fromEntries(Object.entries(kept).filter(([key]) => key !== 'k0'));
    nextRun(file, { ...unchanged, edited: 'value 0, edited', added: 'new' });
    const after = readFileSync(file);
    expect(after.subarray(0, before.length)).toEqual(before);
    expect(readCacheFile(file, 'code')?.blocks.at(-1)).toEqual([
      ['edited', 'value 0, edited'],
      ['added', 'new'],
    ]);
    expect(readKeyedCache(file, 'code').entries).toEqual(
      new Map([...Object.entries(kept), ['edited', 'value 0, edited'], ['added', 'new']]),
    );
  });

  it('should write the file anew, without unused entries, once a quarter of it is stale', () => {
    const file = path.join(dir, 'keyed-compact.bin');
    writeKeyedCache(file, 'code', {
      ...createKeyedCache([
        ['a', '1'],
        ['b', '2'],
        ['c', '3'],
        ['d', '4'],
      ]),
      used: new Set(['a', 'b', 'c', 'd']),
    });
    nextRun(file, { a: '1', b: '2', c: '3', e: '5' });
    expect([...readKeyedCache(file, 'code').entries.keys()]).toEqual(['a', 'b', 'c', 'd', 'e']);
    nextRun(file, { a: '1', b: '2', e: '5' });
    expect([...readKeyedCache(file, 'code').entries.keys()]).toEqual(['a', 'b', 'e']);
  });

  it('should write the file anew after a broken end, so that what it adds can be read', () => {
    const file = path.join(dir, 'keyed-broken.bin');
    writeKeyedCache(file, 'code', { ...createKeyedCache([['a', '1']]), used: new Set(['a']) });
    appendFileSync(file, Buffer.from([200, 0, 0, 0, 1, 2]));
    expect([...readKeyedCache(file, 'code').entries]).toEqual([['a', '1']]);
    nextRun(file, { a: '1', c: '3' });
    expect(readCacheFile(file, 'code')).toEqual({
      blocks: [
        [
          ['a', '1'],
          ['c', '3'],
        ],
      ],
      whole: true,
    });
  });
});
