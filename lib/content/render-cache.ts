/**
 * Rendered Markdown kept between builds. Rendering is most of the content pipeline's
 * time, and an archive mostly grows by adding stories: a story whose body and renderer
 * have not changed gets its earlier HTML back instead of being rendered again.
 *
 * The cache is handed to the loader by the caller (the build), never held as hidden
 * state, so tests and the check can load content with or without one. Its file is
 * stamped with the digest of the code that renders (lib/build-caches.ts), so HTML made
 * by other code is never reused.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import { createKeyedCache, readKeyedCache, writeKeyedCache, type KeyedCache } from '../keyed-cache';
import { renderMarkdown, type RenderedMarkdown, type RenderSetting } from '../markdown';

/** Rendered bodies by key. */
export type RenderCache = KeyedCache<RenderedMarkdown>;

export function createRenderCache(entries: Iterable<[string, RenderedMarkdown]> = []): RenderCache {
  return createKeyedCache(entries);
}

/**
 * The cache key of a body: its text, its language and the photos it can show, the
 * sizes and digests of its folder's photos among them (the renderer's code stamps the
 * whole file).
 */
export function renderKey(markdown: string, setting: RenderSetting = {}): string {
  const images = [...(setting.images ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(markdown)
    .update('\0')
    .update(JSON.stringify([setting.locale ?? null, images]))
    .digest('base64url');
}

/**
 * Renders a body, or returns its cached rendering when the same body was rendered before
 * by the same renderer. `tree` is the body's parseMarkdown tree when the caller has it.
 */
export function renderCached(
  markdown: string,
  cache?: RenderCache,
  tree?: Root,
  setting: RenderSetting = {},
): RenderedMarkdown {
  if (!cache) return renderMarkdown(markdown, tree, setting);
  const key = renderKey(markdown, setting);
  cache.used.add(key);
  const found = cache.entries.get(key);
  if (found) {
    cache.hits++;
    return found;
  }
  cache.misses++;
  const rendered = renderMarkdown(markdown, tree, setting);
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

/** Reads a cache file; a missing or unreadable file, or one made by other code than `code`, gives an empty cache (it is only a cache). */
export function readRenderCache(file: string, code: string): RenderCache {
  return readKeyedCache(file, code);
}

/** Keeps the entries this run used: bodies that were edited or deleted leave the cache (lib/keyed-cache.ts says when). */
export function writeRenderCache(file: string, code: string, cache: RenderCache): void {
  writeKeyedCache(file, code, cache);
}
