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
import { z } from 'zod';
import { createKeyedCache, decodeJson, readKeyedCache, writeKeyedCache, type EntryCodec, type KeyedCache } from '../keyed-cache';
import { ArticleSchema } from '../schema';
import { PROBLEM_KINDS, type ProblemKind } from './problems';

const PositionSchema = z.object({ line: z.number(), column: z.number() });
const isProblemKind = (value: unknown): value is ProblemKind => typeof value === 'string' && Object.hasOwn(PROBLEM_KINDS, value);

const ProblemSchema = z.object({
  kind: z.custom<ProblemKind>(isProblemKind),
  file: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  field: z.string().optional(),
  message: z.string(),
  hint: z.string().optional(),
});

/** A valid article: its fields without the rendering, which the render cache holds under `renderKey`. */
const CheckedArticleSchema = z.object({
  fields: ArticleSchema.omit({ html: true, text: true, headings: true }).extend({
    // An article can be valid in a folder whose name is not (that problem is the story's, not the file's).
    storyId: z.string(),
  }),
  renderKey: z.string(),
  /** Where the fields both language files must agree on stand, for a mismatch found later. */
  positions: z.object({ date: PositionSchema, topics: PositionSchema, people: PositionSchema, organisations: PositionSchema }),
});

const CheckedFileSchema = z.object({
  problems: z.array(ProblemSchema),
  article: CheckedArticleSchema.optional(),
  /** A registry file's entries; the loader reads them back with the registry's schema. */
  entries: z.array(z.unknown()).optional(),
});

export type CheckedArticle = z.infer<typeof CheckedArticleSchema>;
/** The outcome of checking one file: every problem in it, and the article or registry entries when it is valid. */
export type CheckedFile = z.infer<typeof CheckedFileSchema>;

/** Outcomes by key. */
export type CheckCache = KeyedCache<CheckedFile>;

export function createCheckCache(entries: Iterable<[string, CheckedFile]> = []): CheckCache {
  return createKeyedCache(entries);
}

/** An outcome as one JSON string; one that no longer fits the schema is left out, and its file simply checked again. */
const checkedCodec: EntryCodec<CheckedFile> = {
  fields: 1,
  encode: (checked) => [JSON.stringify(checked)],
  decode: ([json]) => decodeJson(json, CheckedFileSchema),
};

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

/** The key of one file: the context, the file's path as problems name it, and its bytes' digest (lib/content/file-stamps.ts). */
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
  return readKeyedCache(file, code, checkedCodec);
}

/** Keeps the entries this run used: files that were edited or deleted leave the cache (lib/keyed-cache.ts says when). */
export function writeCheckCache(file: string, code: string, cache: CheckCache): void {
  writeKeyedCache(file, code, cache, checkedCodec);
}
