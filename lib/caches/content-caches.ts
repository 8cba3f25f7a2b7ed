/**
 * The loader's caches, handed to it by the build so that tests and the check can load with or without them. Rendering is
 * most of the content pipeline's time: the render cache keeps rendered Markdown by body. The check cache keeps what
 * checking each content file found (its problems, so every warning is still reported), naming its body's render entry
 * so HTML is stored once, and the number warnings of each story's pair of files (lib/content/stories.ts).
 */
import type { Root } from 'mdast';
import { createKeyedCache, digestOf, keep, reuse, type KeyedCache } from './keyed-cache';
import { renderMarkdown, type RenderedMarkdown, type RenderSetting } from '../content/markdown';
import type { CheckedFile } from '../content/checked-file';

/** A body's rendering and the digest of its text, by which the search index's cache knows it without hashing it again. */
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
