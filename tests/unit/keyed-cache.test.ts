import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { Deserializer } from 'node:v8';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createKeyedCache, digestOf, keep, readKeyedCache, reuse, writeKeyedCache } from '../../lib/caches/keyed-cache';

const dir = mkdtempSync(path.join(os.tmpdir(), 'keyed-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Strings of every kind V8 holds: ASCII, Latin-1, Vietnamese, emoji, lone surrogates, empty. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', 'é', 'Công ước Hà Nội', '\ud800', '😀', '\u00ff\u0100'),
);

/** A cache this run filled with `entries`, all of them used. */
function filled<T>(code: string, entries: Record<string, T>) {
  const cache = createKeyedCache(code, Object.entries(entries));
  for (const key of Object.keys(entries)) cache.used.add(key);
  return cache;
}

/** The next run: reads the file, uses `use` (read or made) and writes the cache back. */
function nextRun(file: string, use: Record<string, string>) {
  const cache = readKeyedCache<string>(file, 'code');
  for (const [key, value] of Object.entries(use)) {
    cache.entries.set(key, value);
    cache.used.add(key);
  }
  writeKeyedCache(file, cache);
}

describe('a keyed cache file', () => {
  it('should give back every value exactly', () => {
    const file = path.join(dir, 'any.bin');
    fc.assert(
      fc.property(fc.dictionary(anyString, fc.oneof(anyString, fc.dictionary(anyString, anyString))), (entries) => {
        writeKeyedCache(file, filled('code', entries));
        expect(readKeyedCache(file, 'code').entries).toEqual(new Map(Object.entries(entries)));
      }),
      { numRuns: 50 },
    );
  });

  it('should read nothing from a missing or foreign file, or one made by other code', () => {
    const file = path.join(dir, 'foreign.bin');
    writeKeyedCache(file, filled('code', { a: 'b' }));
    expect(readKeyedCache(file, 'other code').entries.size).toBe(0);
    expect(readKeyedCache(path.join(dir, 'missing.bin'), 'code').entries.size).toBe(0);
    writeFileSync(file, '{"version":"code"}');
    expect(readKeyedCache(file, 'code').entries.size).toBe(0);
  });

  it('should append only the new entries while most of the file is in use', () => {
    const file = path.join(dir, 'append.bin');
    const kept = Object.fromEntries(Array.from({ length: 8 }, (_, at) => [`k${at}`, `value ${at}`]));
    writeKeyedCache(file, filled('code', kept));
    const before = readFileSync(file);
    // One entry edited (a new key, the old one stale), one added.
    const unchanged = Object.fromEntries(Object.entries(kept).filter(([key]) => key !== 'k0'));
    nextRun(file, { ...unchanged, edited: 'value 0, edited', added: 'new' });
    expect(readFileSync(file).subarray(0, before.length)).toEqual(before);
    expect(readKeyedCache(file, 'code').entries).toEqual(
      new Map([...Object.entries(kept), ['edited', 'value 0, edited'], ['added', 'new']]),
    );
  });

  it('should write the file anew, without unused entries, once a quarter of it is stale', () => {
    const file = path.join(dir, 'compact.bin');
    writeKeyedCache(file, filled('code', { a: '1', b: '2', c: '3', d: '4' }));
    nextRun(file, { a: '1', b: '2', c: '3', e: '5' });
    expect([...readKeyedCache(file, 'code').entries.keys()]).toEqual(['a', 'b', 'c', 'd', 'e']);
    nextRun(file, { a: '1', b: '2', e: '5' });
    expect([...readKeyedCache(file, 'code').entries.keys()]).toEqual(['a', 'b', 'e']);
  });

  it('should keep a value made again in place of the one the file holds, which the build could not use', () => {
    const file = path.join(dir, 'replaced.bin');
    writeKeyedCache(file, filled('code', { a: 'old', b: '2', c: '3', d: '4' }));
    const cache = readKeyedCache<string>(file, 'code');
    for (const key of ['b', 'c', 'd']) reuse(cache, key);
    expect(reuse(cache, 'a', (value) => value !== 'old')).toBeUndefined();
    keep(cache, 'a', 'new');
    writeKeyedCache(file, cache);
    expect(readKeyedCache(file, 'code').entries).toEqual(
      new Map([
        ['a', 'new'],
        ['b', '2'],
        ['c', '3'],
        ['d', '4'],
      ]),
    );
  });

  it('should end at a block cut short, keeping the whole ones before it, and write the file anew after it', () => {
    const file = path.join(dir, 'cut.bin');
    writeKeyedCache(file, filled('code', { first: 'Hà Nội', second: '2' }));
    const size = readFileSync(file).length;
    nextRun(file, { first: 'Hà Nội', second: '2', third: 'cut short' });
    const appended = readFileSync(file);
    for (let length = size; length < appended.length; length++) {
      writeFileSync(file, appended);
      truncateSync(file, length);
      const cache = readKeyedCache(file, 'code');
      expect([...cache.entries.keys()], `${length} bytes`).toEqual(['first', 'second']);
      // Only a whole file is appended to: a block after a broken one would never be read.
      expect(cache.stored.size, `${length} bytes`).toBe(length === size ? 2 : 0);
    }
    appendFileSync(file, Buffer.from([200, 0, 0, 0, 1, 2]));
    nextRun(file, { first: 'Hà Nội', fourth: '4' });
    expect([...readKeyedCache(file, 'code').entries.keys()]).toEqual(['first', 'fourth']);
  });
});

describe('a large keyed cache file', () => {
  const many = (count: number, from = 0) =>
    Object.fromEntries(Array.from({ length: count }, (_, at) => [`k${from + at}`, `Hà Nội ${from + at}`]));

  it('should be written in blocks of a bounded number of entries, and read back whole', () => {
    const file = path.join(dir, 'large.bin');
    writeKeyedCache(file, filled('code', many(1200)));
    nextRun(file, { ...many(1200), ...many(700, 1200) });
    const blocks = blockSizes(readFileSync(file));
    // The stamp, then the first 1,200 entries and the 700 appended, each in more than one block.
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...blocks.slice(1))).toBeLessThan(readFileSync(file).length / 3);
    expect(readKeyedCache(file, 'code').entries).toEqual(new Map(Object.entries(many(1900))));
  });

  it('should read no block of a file made by other code past its stamp', () => {
    const file = path.join(dir, 'other-code.bin');
    writeKeyedCache(file, filled('code', many(1200)));
    // Each block is read with a Deserializer of its own, which reads the block's header first.
    const blocksRead = vi.spyOn(Deserializer.prototype, 'readHeader');
    try {
      expect(readKeyedCache(file, 'other code').entries.size).toBe(0);
      expect(blocksRead).toHaveBeenCalledTimes(1);
      blocksRead.mockClear();
      expect(readKeyedCache(file, 'code').entries.size).toBe(1200);
      expect(blocksRead.mock.calls.length).toBeGreaterThan(2);
    } finally {
      blocksRead.mockRestore();
    }
  });

  it('should give back byte arrays whole after reading the blocks that follow them', () => {
    const file = path.join(dir, 'bytes.bin');
    const bytes = Object.fromEntries(
      Array.from({ length: 1200 }, (_, at) => [`b${at}`, new Uint8Array(32).fill(at % 256)]),
    );
    writeKeyedCache(file, filled('code', bytes));
    expect(readKeyedCache(file, 'code').entries).toEqual(new Map(Object.entries(bytes)));
  });
});

/** The byte length of each block of a cache file. */
function blockSizes(file: Buffer): number[] {
  const sizes: number[] = [];
  for (let at = 0; at + 4 <= file.length; at += 4 + (sizes.at(-1) as number)) sizes.push(file.readUInt32LE(at));
  return sizes;
}

describe('the digest of a key', () => {
  it('should tell apart lists of parts that join to the same text', () => {
    expect(digestOf('ab', 'c')).not.toBe(digestOf('a', 'bc'));
    expect(digestOf('a:b')).not.toBe(digestOf('a', 'b'));
    expect(digestOf('abc')).toBe(digestOf('abc'));
  });
});
