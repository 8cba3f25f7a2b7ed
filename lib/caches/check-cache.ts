/**
 * What checking each content file found (its problems, so every warning is still
 * reported), kept between builds (lib/caches/keyed-cache.ts) by the file's bytes, its path and
 * what it is checked against. A checked article names its body's entry in the render
 * cache (lib/caches/render-cache.ts), so HTML is stored once.
 */
import type { KeyedCache } from './keyed-cache';
import type { Article, StoryField } from '../content/schema';
import type { ContentProblem } from '../content/problems';
import type { BodyLink } from '../content/internal-links';
import type { WrittenNumber } from '../content/translation-numbers';

/** A valid article: its fields without the rendering, which the render cache holds under `renderKey`. */
export interface CheckedArticle {
  fields: Omit<Article, 'html' | 'text' | 'headings'>;
  renderKey: string;
  /** Where the fields both language files must agree on stand, for a mismatch found later. */
  positions: Record<StoryField, { line: number; column: number }>;
  /** The numbers it writes, to compare with the other language's file. */
  numbers: WrittenNumber[];
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
}

export type CheckCache = KeyedCache<CheckedFile>;
