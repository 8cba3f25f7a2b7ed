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
import type { Article } from '../content/schema';
import type { ContentProblem } from '../content/problems';
import type { BodyLink } from '../content/internal-links';
import type { StoryFieldsSaid } from '../content/articles';

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

/** A valid article: its fields without the rendering, which the render cache holds under `renderKey`. */
export interface CheckedArticle {
  fields: Omit<Article, 'html' | 'text' | 'textDigest' | 'headings'>;
  renderKey: string;
  /** Where its story's shared fields stand, and the numbers it writes: as JSON, read when needed (content/articles.ts). */
  positions: string;
  numbers: string;
}

/** The outcome of checking one file: every problem in it, and the article or registry entries when it is valid. */
export interface CheckedFile {
  problems: ContentProblem[];
  article?: CheckedArticle;
  /** A registry file's entries; the loader reads them back with the registry's schema. */
  entries?: unknown[];
  /** An article's links to the archive's own pages, valid file or not: they are judged once every story is loaded. */
  links?: BodyLink[];
  /** The photo files an article names, valid or not (the loader warns about the folder's others). */
  images?: string[];
  /** What an invalid article says of its story, to compare with its other language's file. */
  said?: StoryFieldsSaid;
}

export type CheckCache = KeyedCache<CheckedFile>;
