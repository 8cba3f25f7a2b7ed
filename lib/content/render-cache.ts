/**
 * Rendered Markdown kept between builds. Rendering is most of the content pipeline's
 * time, and an archive mostly grows by adding stories: a story whose body and renderer
 * have not changed gets its earlier HTML back instead of being rendered again.
 *
 * The cache is handed to the loader by the caller (the build), never held as hidden
 * state, so tests and the check can load content with or without one.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Root } from 'mdast';
import { z } from 'zod';
import { readCacheFile, writeCacheFile } from '../cache-file';
import { renderMarkdown, RENDERER_VERSION, type RenderedMarkdown } from '../markdown';
import { HeadingSchema } from '../schema';

/** Where the build keeps the cache: next to the archive file, outside version control. */
export const RENDER_CACHE_FILE = path.join('.archive', 'render-cache.json');

const RenderedSchema = z.object({ html: z.string(), text: z.string(), headings: z.array(HeadingSchema) });
const CacheFileSchema = z.object({ entries: z.record(z.string(), RenderedSchema) });

/** Rendered bodies by key; `used` remembers which entries this run read or wrote, so stale ones can be dropped. */
export interface RenderCache {
  entries: Map<string, RenderedMarkdown>;
  used: Set<string>;
  /** Counts for the build's log and the benchmark. */
  hits: number;
  misses: number;
}

export function createRenderCache(entries: Iterable<[string, RenderedMarkdown]> = []): RenderCache {
  return { entries: new Map(entries), used: new Set(), hits: 0, misses: 0 };
}

/** The cache key of a body: its text and the renderer's version, so a renderer change invalidates everything. */
export function renderKey(markdown: string): string {
  return createHash('sha256').update(RENDERER_VERSION).update('\0').update(markdown).digest('base64url');
}

/**
 * Renders a body, or returns its cached rendering when the same body was rendered before
 * by the same renderer. `tree` is the body's parseMarkdown tree when the caller has it.
 */
export function renderCached(markdown: string, cache?: RenderCache, tree?: Root): RenderedMarkdown {
  if (!cache) return renderMarkdown(markdown, tree);
  const key = renderKey(markdown);
  cache.used.add(key);
  const found = cache.entries.get(key);
  if (found) {
    cache.hits++;
    return found;
  }
  cache.misses++;
  const rendered = renderMarkdown(markdown, tree);
  cache.entries.set(key, rendered);
  return rendered;
}

/** The cached rendering under a key, when there is one (for a caller that kept the key of a body it checked before). */
export function renderedByKey(key: string, cache: RenderCache): RenderedMarkdown | undefined {
  const found = cache.entries.get(key);
  if (found) {
    cache.used.add(key);
    cache.hits++;
  }
  return found;
}

/** Reads a cache file; a missing, unreadable or other-version file gives an empty cache (it is only a cache). */
export function readRenderCache(file: string): RenderCache {
  const cached = readCacheFile(file, RENDERER_VERSION, CacheFileSchema);
  return createRenderCache(cached ? Object.entries(cached.entries) : []);
}

/** Writes the entries this run used: bodies that were edited or deleted leave the cache. */
export function writeRenderCache(file: string, cache: RenderCache): void {
  writeCacheFile(file, RENDERER_VERSION, { entries: Object.fromEntries([...cache.entries].filter(([key]) => cache.used.has(key))) });
}
