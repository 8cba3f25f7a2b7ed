/**
 * The file of a build cache (rendered bodies, checks, search indexes in `.archive/`): a
 * stamp naming the code that made its entries (lib/code-digest.ts, which covers this
 * file's layout too), then blocks of strings. Each string is stored as V8 holds it in memory, one byte a character when
 * every character fits, else UTF-16, so reading hundreds of megabytes back copies bytes
 * instead of decoding UTF-8 and parsing JSON, which took most of an incremental build.
 *
 * A block is appended whole or not at all as far as a reader can tell: one cut short (a
 * build stopped while writing) ends the file there. A missing or unreadable file, or one
 * made by other code, reads as nothing, since a cache can always be rebuilt.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Any character beyond one byte makes a string UTF-16. */
const WIDE = /[^\x00-\xff]/;

/** Bytes decoded into one string at a time when reading (see decodeBlocks). */
const DECODED_CHUNK_BYTES = 1 << 24;

/**
 * One block: its size after this field, the number of strings, each string's byte length
 * times two plus one when it is UTF-16, then the one-byte strings' bytes and after them
 * the UTF-16 strings' bytes (all little-endian).
 */
export function encodeBlock(strings: readonly string[]): Buffer {
  const wide = strings.map((text) => WIDE.test(text));
  const sizes = strings.map((text, at) => (wide[at] ? text.length * 2 : text.length));
  const header = 8 + 4 * strings.length;
  const narrowBytes = sizes.reduce((sum, size, at) => (wide[at] ? sum : sum + size), 0);
  const block = Buffer.allocUnsafe(header + sizes.reduce((sum, size) => sum + size, 0));
  block.writeUInt32LE(block.length - 4, 0);
  block.writeUInt32LE(strings.length, 4);
  const offsets = [header, header + narrowBytes];
  strings.forEach((text, at) => {
    const [size, area] = [sizes[at] as number, wide[at] ? 1 : 0];
    block.writeUInt32LE(size * 2 + area, 8 + 4 * at);
    block.write(text, offsets[area] as number, size, area ? 'utf16le' : 'latin1');
    offsets[area] = (offsets[area] as number) + size;
  });
  return block;
}

/**
 * Every whole block of a buffer, in order, up to the first one cut short or malformed.
 * Each area of a block is decoded many strings at a time and the strings are cut from
 * the result: V8 places a large string straight in its old generation and a cut is a
 * small object, where hundreds of megabytes of strings decoded one by one would each be
 * copied by the garbage collector as they survive.
 */
export function decodeBlocks(buffer: Buffer): string[][] {
  const blocks: string[][] = [];
  let at = 0;
  while (at + 8 <= buffer.length) {
    const end = at + 4 + buffer.readUInt32LE(at);
    const count = buffer.readUInt32LE(at + 4);
    const header = at + 8 + 4 * count;
    if (end > buffer.length || header > end) break;
    const words = Array.from({ length: count }, (_, index) => buffer.readUInt32LE(at + 8 + 4 * index));
    const narrowBytes = words.reduce((sum, word) => (word % 2 === 1 ? sum : sum + Math.floor(word / 2)), 0);
    const strings = new Array<string>(count);
    const narrow = cutArea(buffer, words, 0, header, header + narrowBytes, strings);
    if (!narrow || !cutArea(buffer, words, 1, header + narrowBytes, end, strings)) break;
    blocks.push(strings);
    at = end;
  }
  return blocks;
}

/** Cuts the strings of one area (0: one byte a character, 1: UTF-16) into their places; false when their sizes do not fill it exactly. */
function cutArea(buffer: Buffer, words: readonly number[], area: 0 | 1, start: number, end: number, strings: string[]): boolean {
  const encoding = area === 1 ? 'utf16le' : 'latin1';
  const charBytes = area + 1;
  let offset = start;
  let chunk = { start, text: '' };
  for (const [index, word] of words.entries()) {
    if (word % 2 !== area) continue;
    const size = Math.floor(word / 2);
    if (size % charBytes !== 0 || offset + size > end) return false;
    if (offset + size > chunk.start + chunk.text.length * charBytes) {
      chunk = { start: offset, text: buffer.toString(encoding, offset, Math.min(end, offset + Math.max(size, DECODED_CHUNK_BYTES))) };
    }
    const from = (offset - chunk.start) / charBytes;
    strings[index] = chunk.text.slice(from, from + size / charBytes);
    offset += size;
  }
  return offset === end;
}

/** The blocks after the stamp when code of digest `code` wrote the file; otherwise undefined. */
export function readCacheFile(file: string, code: string): string[][] | undefined {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch {
    return undefined;
  }
  const [first, ...blocks] = decodeBlocks(buffer);
  return first?.length === 1 && first[0] === code ? blocks : undefined;
}

/** Writes the whole file anew, through a temporary file so that a stopped build leaves the old one whole. */
export function writeCacheFile(file: string, code: string, blocks: readonly (readonly string[])[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([[code], ...blocks].map(encodeBlock)));
  renameSync(temporary, file);
}

/** Adds a block to a file that readCacheFile has just read for the same code. */
export function appendCacheBlock(file: string, block: readonly string[]): void {
  appendFileSync(file, encodeBlock(block));
}
