/**
 * What checking one content file finds: the record the check cache keeps by the file's bytes
 * (lib/caches/content-caches.ts), so that a file unchanged since an earlier build is not parsed or checked again.
 */
import type { Article, Frontmatter, StoryField } from './schema';
import type { ContentProblem } from './problems';
import type { BodyLink } from './internal-links';

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

/** What an invalid file says of its story's shared fields (those valid on their own), with its FieldPositions as JSON. */
export interface StoryFieldsSaid {
  values: Partial<Pick<Frontmatter, StoryField>>;
  positions: string;
}
