/**
 * What checking each content file found, kept between builds. Reading YAML with
 * positions, validating it and scanning the text for untagged names costs several
 * milliseconds a file, and an archive mostly grows by adding stories: a file whose bytes,
 * path, registries and checks have not changed gets its earlier outcome back, its
 * problems included, so `npm run build` still reports every warning of every file.
 *
 * Only the outcome is kept, not the rendering: a checked article names its body's entry
 * in the render cache (lib/content/render-cache.ts), so HTML is stored once.
 *
 * Like the render cache, it is handed to the loader by its caller, never held as hidden
 * state, and its file is stamped with the digest of the code that checks (the loader and
 * all it imports, lib/build-caches.ts): an outcome found by other code is never reused.
 */
import { createHash } from 'node:crypto';
import { createKeyedCache, readKeyedCache, writeKeyedCache, type KeyedCache } from '../keyed-cache';
import type { Article, StoryField } from '../schema';
import type { ContentProblem } from './problems';

/** Where a field stands in its file. */
interface Position {
  line: number;
  column: number;
}

/** A valid article: its fields without the rendering, which the render cache holds under `renderKey`. */
export interface CheckedArticle {
  fields: Omit<Article, 'html' | 'text' | 'headings'>;
  renderKey: string;
  /** Where the fields both language files must agree on stand, for a mismatch found later. */
  positions: Record<StoryField, Position>;
}

/** The outcome of checking one file: every problem in it, and the article or registry entries when it is valid. */
export interface CheckedFile {
  problems: ContentProblem[];
  article?: CheckedArticle;
  /** A registry file's entries; the loader reads them back with the registry's schema. */
  entries?: unknown[];
  /** The photo files an article names, valid or not (the loader warns about the folder's others). */
  images?: string[];
}

/** Outcomes by key. */
export type CheckCache = KeyedCache<CheckedFile>;

export function createCheckCache(entries: Iterable<[string, CheckedFile]> = []): CheckCache {
  return createKeyedCache(entries);
}

/**
 * What every outcome depends on besides the file itself and the code: the registries
 * (ids, names and aliases decide unknown references and untagged mentions).
 */
export function checkContext(registries: unknown): string {
  return createHash('sha256').update(JSON.stringify(registries)).digest('base64url');
}

/** What a registry file's outcome depends on besides the file itself and the code: what its entries are checked against. */
export function registryCheckContext(kind: string, dependsOn: unknown): string {
  return createHash('sha256').update(kind).update('\0').update(JSON.stringify(dependsOn)).digest('base64url');
}

/** What identifies a file's bytes. */
export function bytesDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** The key of one file: the context, the file's path as problems name it, and its bytes' digest. */
export function checkKey(context: string, file: string, digest: string): string {
  return createHash('sha256').update(context).update('\0').update(file).update('\0').update(digest).digest('base64url');
}

/** The earlier outcome for a key, if there is one the caller can use (e.g. whose rendering it still has). */
export function cachedCheck(cache: CheckCache, key: string, usable: (checked: CheckedFile) => boolean): CheckedFile | undefined {
  const found = cache.entries.get(key);
  if (found && usable(found)) {
    cache.used.add(key);
    cache.hits++;
    return found;
  }
  return undefined;
}

export function storeCheck(cache: CheckCache, key: string, checked: CheckedFile): void {
  cache.used.add(key);
  cache.misses++;
  cache.entries.set(key, checked);
}

/** Reads a cache file; a missing or unreadable file, or one made by other code than `code`, gives an empty cache (it is only a cache). */
export function readCheckCache(file: string, code: string): CheckCache {
  return readKeyedCache(file, code);
}

/** Keeps the entries this run used: files that were edited or deleted leave the cache (lib/keyed-cache.ts says when). */
export function writeCheckCache(file: string, code: string, cache: CheckCache): void {
  writeKeyedCache(file, code, cache);
}
