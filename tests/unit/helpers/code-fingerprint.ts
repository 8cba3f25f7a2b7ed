import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A short hash of source files, for tests that remind whoever changes them to bump the
 * version of a cache built from their output.
 */
export function codeFingerprint(root: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(path.join(root, file)));
  return hash.digest('hex').slice(0, 16);
}
