/**
 * Rendered Markdown kept between builds by body (lib/caches/keyed-cache.ts): rendering is most
 * of the content pipeline's time, and a body rendered before gets its earlier HTML back.
 * The loader is handed the cache by its caller (the build), so tests and the check can
 * load content with or without one.
 */
import type { Root } from 'mdast';
import { digestOf, keep, reuse, type KeyedCache } from './keyed-cache';
import { renderMarkdown, type RenderedMarkdown, type RenderSetting } from '../content/markdown';

export type RenderCache = KeyedCache<RenderedMarkdown>;

/** A body's key: its text, its language and the photos it can show (their sizes and digests among them). */
export function renderKey(markdown: string, setting: RenderSetting = {}): string {
  const images = [...(setting.images ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return digestOf(markdown, JSON.stringify([setting.locale ?? null, images]));
}

/** A body's rendering, from the cache when it has one. `tree` is the body's parseMarkdown tree when the caller has it. */
export function renderCached(
  markdown: string,
  cache?: RenderCache,
  tree?: Root,
  setting: RenderSetting = {},
): RenderedMarkdown {
  if (!cache) return renderMarkdown(markdown, tree, setting);
  const key = renderKey(markdown, setting);
  return reuse(cache, key) ?? keep(cache, key, renderMarkdown(markdown, tree, setting));
}
