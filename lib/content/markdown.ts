/**
 * Markdown to safe HTML. remark parses CommonMark plus GitHub tables (remark-gfm);
 * remark-html drops raw HTML and sanitises the result with GitHub's rules, extended
 * only by the caption class this archive's articles use.
 */
import GithubSlugger from 'github-slugger';
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import type { Heading as MdastHeading, Root, RootContent } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkHtml from 'remark-html';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { Heading } from './schema';

interface Found {
  headings: Heading[];
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    /** What the article-structure step found while rendering: headings and plain text. */
    found: Found;
  }
}

export interface RenderedMarkdown {
  html: string;
  /** The body as plain text, blocks separated by blank lines. */
  text: string;
  headings: Heading[];
}

/**
 * Every id from content carries this prefix, so it cannot clash with the page's own ids
 * or clobber page globals. Raw HTML is dropped before sanitising, so the only ids are the
 * ones made here (headings) and by mdast-util-to-hast (footnotes, which it prefixes
 * itself): the sanitiser must not prefix them a second time.
 */
const ID_PREFIX = 'user-content-';

const WORDS_PER_MINUTE = 200;

/**
 * What the sanitiser keeps: GitHub's rules plus the caption class. The page check
 * (scripts/quality/page-safety.ts) holds every built article body to the same schema.
 */
export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  clobber: (defaultSchema.clobber ?? []).filter((attribute) => attribute !== 'id'),
  attributes: {
    ...defaultSchema.attributes,
    p: [...(defaultSchema.attributes?.p ?? []), ['className', 'caption']],
  },
};

/**
 * A paragraph that is only emphasis is a photo caption (the source reports' images are
 * not archived, their captions are). Body headings start at level 2: the page's title
 * is its only h1.
 */
function articleStructure() {
  return (tree: Root, file: VFile) => {
    const found: Found = { headings: [], text: '' };
    file.data.found = found;
    found.text = tree.children
      .map(plainText)
      .filter((block) => block.trim() !== '')
      .join('\n\n');
    const slugger = new GithubSlugger();
    let shallowest = 6;
    visit(tree, 'heading', (node: MdastHeading) => {
      shallowest = Math.min(shallowest, node.depth);
    });
    const shift = shallowest === 1 ? 1 : 0;
    visit(tree, (node: Root | RootContent) => {
      if (node.type === 'heading') {
        node.depth = Math.min(6, node.depth + shift) as MdastHeading['depth'];
        const text = plainText(node);
        const id = slugger.slug(text);
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: ID_PREFIX + id } };
        found.headings.push({ id: ID_PREFIX + id, text, depth: node.depth });
      } else if (node.type === 'paragraph' && node.children.length === 1 && node.children[0]?.type === 'emphasis') {
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: ['caption'] } };
      }
    });
  };
}

/** Nodes whose children are blocks (cells, items, paragraphs): their texts stay apart. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition']);

/** The readable text of a node: raw HTML left out, image alt text kept, blocks kept apart. */
function plainText(node: Root | RootContent): string {
  if (node.type === 'html') return '';
  if (node.type === 'image') return node.alt ?? '';
  if ('value' in node) return node.value;
  if ('children' in node) return node.children.map(plainText).join(BLOCK_PARENTS.has(node.type) ? '\n' : '');
  return '';
}

/** Built once: making a processor costs about as much as rendering a short article. */
const processor = remark().use(remarkGfm).use(articleStructure).use(remarkHtml, { sanitize: SANITIZE_SCHEMA }).freeze();

/**
 * The Markdown syntax tree, as the renderer reads it. Parsing is most of a render's cost,
 * so a caller that also reads the text (mention detection) parses once and hands the
 * tree to renderMarkdown.
 */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}

/** Renders a body; `tree` is its parseMarkdown tree when the caller has it (rendering changes it). */
export function renderMarkdown(markdown: string, tree: Root = parseMarkdown(markdown)): RenderedMarkdown {
  const file = new VFile(markdown);
  // The article-structure step changes the tree in place and returns nothing, so the tree is the result.
  processor.runSync(tree, file);
  const html = processor.stringify(tree, file);
  const found = file.data.found ?? { headings: [], text: '' };
  // mdast-util-to-hast leaves the footnote label's id for the sanitiser to prefix (its
  // aria-describedby already carries the prefix); ids are not clobbered here, so do it.
  return { html: html.replace(' id="footnote-label"', ` id="${ID_PREFIX}footnote-label"`), ...found };
}

export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
