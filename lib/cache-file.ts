/**
 * The file of a build cache (rendered bodies, checks, search indexes in `.archive/`): a
 * stamp naming the layout and the version of the code that wrote it, then blocks of
 * strings. Each string is stored as V8 holds it in memory, one byte a character when
 * every character fits, else UTF-16, so reading hundreds of megabytes back copies bytes
 * instead of decoding UTF-8 and parsing JSON, which took most of an incremental build.
 *
 * A block is appended whole or not at all as far as a reader can tell: one cut short (a
 * build stopped while writing) ends the file there. A missing, unreadable or
 * other-version file reads as nothing, since a cache can always be rebuilt.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Names the layout below: change it whenever the layout changes, so old files read as nothing. */
export const CACHE_FILE_LAYOUT = 'string-blocks/1';

/** Any character beyond one byte makes a string UTF-16. */
const WIDE = /[^\x00-\xff]/;

/**
 * One block: its size after this field, the number of strings, each string's byte length
 * times two plus one when it is UTF-16, then the strings' bytes (all little-endian).
 */
export function encodeBlock(strings: readonly string[]): Buffer {
  const wide = strings.map((text) => WIDE.test(text));
  const sizes = strings.map((text, at) => (wide[at] ? text.length * 2 : text.length));
  const header = 8 + 4 * strings.length;
  const block = Buffer.allocUnsafe(header + sizes.reduce((sum, size) => sum + size, 0));
  block.writeUInt32LE(block.length - 4, 0);
  block.writeUInt32LE(strings.length, 4);
  let offset = header;
  strings.forEach((text, at) => {
    const size = sizes[at] as number;
    block.writeUInt32LE(size * 2 + (wide[at] ? 1 : 0), 8 + 4 * at);
    block.write(text, offset, size, wide[at] ? 'utf16le' : 'latin1');
    offset += size;
  });
  return block;
}

/** Every whole block of a buffer, in order, up to the first one cut short or malformed. */
export function decodeBlocks(buffer: Buffer): string[][] {
  const blocks: string[][] = [];
  let at = 0;
  while (at + 8 <= buffer.length) {
    const end = at + 4 + buffer.readUInt32LE(at);
    const count = buffer.readUInt32LE(at + 4);
    let offset = at + 8 + 4 * count;
    if (end > buffer.length || offset > end) break;
    const strings: string[] = [];
    for (let index = 0; index < count && offset <= end; index++) {
      const word = buffer.readUInt32LE(at + 8 + 4 * index);
      const size = Math.floor(word / 2);
      strings.push(buffer.toString(word % 2 === 1 ? 'utf16le' : 'latin1', offset, Math.min(offset + size, end)));
      offset += size;
    }
    if (offset !== end) break;
    blocks.push(strings);
    at = end;
  }
  return blocks;
}

function stamp(version: string): string[] {
  return [CACHE_FILE_LAYOUT, version];
}

/** The blocks after the stamp when `version` wrote the file; otherwise undefined. */
export function readCacheFile(file: string, version: string): string[][] | undefined {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch {
    return undefined;
  }
  const [first, ...blocks] = decodeBlocks(buffer);
  const expected = stamp(version);
  return first?.length === expected.length && first.every((text, at) => text === expected[at]) ? blocks : undefined;
}

/** Writes the whole file anew, through a temporary file so that a stopped build leaves the old one whole. */
export function writeCacheFile(file: string, version: string, blocks: readonly (readonly string[])[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([stamp(version), ...blocks].map(encodeBlock)));
  renameSync(temporary, file);
}

/** Adds a block to a file that readCacheFile has just read for the same version. */
export function appendCacheBlock(file: string, block: readonly string[]): void {
  appendFileSync(file, encodeBlock(block));
}
