/**
 * The loader's two caches (lib/caches/keyed-cache.ts), handed to it by its caller (the build), so that tests and the
 * check can load content with or without them. The render cache keeps rendered Markdown by body: rendering is most of
 * the content pipeline's time, and a body rendered before gets its earlier HTML back. The check cache keeps what
 * checking each content file found (its problems, so every warning is still reported) by the file's bytes, its path
 * and what it is checked against; a checked article names its body's entry in the render cache, so HTML is stored once.
 * It also keeps the number warnings of each story's pair of files, by the two files' keys (lib/content/stories.ts).
 */
import type { Root } from 'mdast';
import { createKeyedCache, digestOf, keep, reuse, type KeyedCache } from './keyed-cache';
import { renderMarkdown, type RenderedMarkdown, type RenderSetting } from '../content/markdown';
import type { CheckedFile } from '../content/checked-file';

/**
 * A body's rendering and the digest of its plain text, worked out once as it is rendered: the search index's cache
 * knows each story's text by it (lib/caches/search-index-cache.ts), so a build need not hash every story's text again.
 */
export type RenderedBody = RenderedMarkdown & { textDigest: string };
export type RenderCache = KeyedCache<RenderedBody>;

/** A body's key: its text, its language and the photos it can show (their sizes and digests among them). */
export function renderKey(markdown: string, setting: RenderSetting = {}): string {
  const images = [...(setting.images ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return digestOf(markdown, JSON.stringify([setting.locale ?? null, images]));
}

/** A body's rendering, from the cache when it holds it. `tree` is the body's parseMarkdown tree when the caller has it. */
export function renderCached(
  markdown: string,
  cache: RenderCache = createKeyedCache(''),
  tree?: Root,
  setting: RenderSetting = {},
): RenderedBody {
  const key = renderKey(markdown, setting);
  const found = reuse(cache, key);
  if (found) return found;
  const rendered = renderMarkdown(markdown, tree, setting);
  return keep(cache, key, { ...rendered, textDigest: digestOf(rendered.text) });
}

export type CheckCache = KeyedCache<CheckedFile>;
