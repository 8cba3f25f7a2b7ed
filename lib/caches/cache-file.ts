/**
 * The file of a build cache (rendered bodies, checks, search indexes in `.archive/`): the
 * digest of the code that made its entries (lib/caches/code-digest.ts), then blocks of values,
 * each as Node's own serialiser (`v8.serialize`) writes it, after its length. V8 writes
 * a string's characters as it holds them (one byte each, or UTF-16), so reading back
 * hundreds of megabytes copies bytes instead of decoding UTF-8 and parsing JSON.
 *
 * A file grows by appending blocks. A block cut short (a build stopped while writing) or
 * unreadable ends the file there. A missing or unreadable file, or one made by other
 * code, reads as nothing, since a cache can always be rebuilt.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** One block: its byte length (little-endian), then the serialised value. */
function encodeBlock(value: unknown): Buffer {
  const body = serialize(value);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([size, body]);
}

export interface CacheFile {
  /** Every block after the stamp, in order, up to the first one cut short or unreadable. */
  blocks: unknown[];
  /** Whether that was the whole file: appending after a broken block would never be read. */
  whole: boolean;
}

/** The blocks of the file when code of digest `code` wrote it; otherwise undefined. */
export function readCacheFile(file: string, code: string): CacheFile | undefined {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch {
    return undefined;
  }
  const blocks: unknown[] = [];
  let at = 0;
  while (at + 4 <= buffer.length) {
    const end = at + 4 + buffer.readUInt32LE(at);
    if (end > buffer.length) break;
    try {
      blocks.push(deserialize(buffer.subarray(at + 4, end)));
    } catch {
      break;
    }
    at = end;
  }
  const [stamp, ...rest] = blocks;
  return stamp === code ? { blocks: rest, whole: at === buffer.length } : undefined;
}

/** Writes the whole file anew, through a temporary file so that a stopped build leaves the old one whole. */
export function writeCacheFile(file: string, code: string, blocks: readonly unknown[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([code, ...blocks].map(encodeBlock)));
  renameSync(temporary, file);
}

/** Adds a block to a file that readCacheFile has just read whole for the same code. */
export function appendCacheBlock(file: string, block: unknown): void {
  appendFileSync(file, encodeBlock(block));
}
