import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { appendCacheBlock, decodeBlocks, encodeBlock, readCacheFile, writeCacheFile } from '../../lib/cache-file';
import { createKeyedCache, readKeyedCache, writeKeyedCache, type EntryCodec } from '../../lib/keyed-cache';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cache-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Strings of every kind V8 holds: ASCII, Latin-1, Vietnamese, emoji, lone surrogates, empty. */
const anyString = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('', 'é', 'Công ước Hà Nội', '\ud800', '😀', '\u00ff\u0100'));

describe('the cache file', () => {
  it('should give back every string of every block exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyString, { maxLength: 6 }), { maxLength: 4 }), (blocks) => {
        expect(decodeBlocks(Buffer.concat(blocks.map(encodeBlock)))).toEqual(blocks);
      }),
    );
  });

  it('should give back strings that straddle the chunks it decodes at a time (16 MB)', () => {
    const big = ['a'.repeat(17_000_000), 'short', 'b'.repeat(7_000_000), 'c'.repeat(7_000_000), 'Đ'.repeat(5_000_000), 'x', 'ế'.repeat(5_000_000)];
    const [decoded] = decodeBlocks(encodeBlock(big));
    expect(decoded?.length).toBe(big.length);
    expect(decoded?.every((text, at) => text === big[at])).toBe(true);
  });

  it('should end at a block cut short, keeping the whole ones before it', () => {
    const whole = [encodeBlock(['first', 'Hà Nội']), encodeBlock(['second'])];
    const cut = encodeBlock(['third, cut short']);
    for (let length = 0; length < cut.length; length++) {
      expect(decodeBlocks(Buffer.concat([...whole, cut.subarray(0, length)]))).toEqual([['first', 'Hà Nội'], ['second']]);
    }
  });

  it('should read blocks appended after it was written, and nothing from a missing or foreign file, or one made by other code', () => {
    const file = path.join(dir, 'blocks.bin');
    writeCacheFile(file, 'test/1', [['a', 'b']]);
    appendCacheBlock(file, ['c']);
    expect(readCacheFile(file, 'test/1')).toEqual([['a', 'b'], ['c']]);
    expect(readCacheFile(file, 'test/2')).toBeUndefined();
    expect(readCacheFile(path.join(dir, 'missing.bin'), 'test/1')).toBeUndefined();
    writeFileSync(file, '{"version":"test/1"}');
    expect(readCacheFile(file, 'test/1')).toBeUndefined();
  });
});

const codec: EntryCodec<string> = { fields: 1, encode: (value) => [value], decode: ([value]) => (value === 'unreadable' ? undefined : value) };

describe('a keyed cache file', () => {
  /** A cache as the next run reads it, with `use` read or written by that run. */
  function nextRun(file: string, use: Record<string, string>) {
    const cache = readKeyedCache(file, 'test/1', codec);
    for (const [key, value] of Object.entries(use)) {
      cache.entries.set(key, value);
      cache.used.add(key);
    }
    writeKeyedCache(file, 'test/1', cache, codec);
  }

  it('should append only the new entries while most of the file is in use', () => {
    const file = path.join(dir, 'keyed-append.bin');
    const kept = Object.fromEntries(Array.from({ length: 8 }, (_, at) => [`k${at}`, `value ${at}`]));
    writeKeyedCache(file, 'test/1', { ...createKeyedCache(Object.entries(kept)), used: new Set(Object.keys(kept)) }, codec);
    const before = readFileSync(file);
    // One entry edited (a new key, the old one stale), one added.
    const unchanged = Object.fromEntries(Object.entries(kept).filter(([key]) => key !== 'k0'));
    nextRun(file, { ...unchanged, edited: 'value 0, edited', added: 'new' });
    const after = readFileSync(file);
    expect(after.subarray(0, before.length)).toEqual(before);
    expect(after.length - before.length).toBe(encodeBlock(['edited', 'value 0, edited', 'added', 'new']).length);
    expect(readKeyedCache(file, 'test/1', codec).entries).toEqual(new Map([...Object.entries(kept), ['edited', 'value 0, edited'], ['added', 'new']]));
  });

  it('should write the file anew, without unused entries, once a quarter of it is stale', () => {
    const file = path.join(dir, 'keyed-compact.bin');
    writeKeyedCache(file, 'test/1', { ...createKeyedCache([['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]), used: new Set(['a', 'b', 'c', 'd']) }, codec);
    nextRun(file, { a: '1', b: '2', c: '3', e: '5' });
    expect([...readKeyedCache(file, 'test/1', codec).entries.keys()]).toEqual(['a', 'b', 'c', 'd', 'e']);
    nextRun(file, { a: '1', b: '2', e: '5' });
    expect([...readKeyedCache(file, 'test/1', codec).entries.keys()]).toEqual(['a', 'b', 'e']);
  });

  it('should write the file anew when an entry did not read back, and start empty from a broken tail', () => {
    const file = path.join(dir, 'keyed-unreadable.bin');
    writeKeyedCache(file, 'test/1', { ...createKeyedCache([['a', '1'], ['b', 'unreadable']]), used: new Set(['a', 'b']) }, codec);
    const size = statSync(file).size;
    nextRun(file, { a: '1', c: '3' });
    expect(statSync(file).size).toBeLessThan(size + encodeBlock(['c', '3']).length);
    expect([...readKeyedCache(file, 'test/1', codec).entries]).toEqual([['a', '1'], ['c', '3']]);
    appendFileSync(file, encodeBlock(['d', '4']).subarray(0, 9));
    expect([...readKeyedCache(file, 'test/1', codec).entries.keys()]).toEqual(['a', 'c']);
  });
});
