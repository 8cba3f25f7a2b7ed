/**
 * Rendered Markdown kept between builds by body (lib/caches/keyed-cache.ts): rendering is most
 * of the content pipeline's time, and a body rendered before gets its earlier HTML back.
 * The loader is handed the cache by its caller (the build), so tests and the check can
 * load content with or without one.
 */
import type { Root } from 'mdast';
import { digestOf, keep, reuse, type KeyedCache } from './keyed-cache';
import { renderMarkdown, type RenderedMarkdown } from '../content/markdown';

export type RenderCache = KeyedCache<RenderedMarkdown>;

export const renderKey = (markdown: string): string => digestOf(markdown);

/** A body's rendering, from the cache when it has one. `tree` is the body's parseMarkdown tree when the caller has it. */
export function renderCached(markdown: string, cache?: RenderCache, tree?: Root): RenderedMarkdown {
  if (!cache) return renderMarkdown(markdown, tree);
  const key = renderKey(markdown);
  return reuse(cache, key) ?? keep(cache, key, renderMarkdown(markdown, tree));
}
