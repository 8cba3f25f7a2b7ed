/**
 * The file of a build cache (rendered bodies, checks, search indexes in `.archive/`):
 * JSON stamped with the version of the code that wrote it. A missing, unreadable or
 * other-version file reads as nothing, since a cache can always be rebuilt.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

/** The file's contents when it was written by `version` and fit `schema`; otherwise undefined. */
export function readCacheFile<T extends z.ZodType>(file: string, version: string, schema: T): z.infer<T> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof data !== 'object' || data === null || (data as { version?: unknown }).version !== version) return undefined;
    const parsed = schema.safeParse(data);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeCacheFile(file: string, version: string, contents: Record<string, unknown>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ version, ...contents }));
}
