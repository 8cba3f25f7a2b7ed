/**
 * Markdown to safe HTML. remark parses CommonMark plus GitHub tables (remark-gfm);
 * remark-html drops raw HTML and sanitises the result with GitHub's rules, extended
 * only by the captions and photo figures this archive's articles use.
 */
import GithubSlugger from 'github-slugger';
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import type { Element } from 'hast';
import type {
  FootnoteDefinition,
  Heading as MdastHeading,
  Image,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkHtml from 'remark-html';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { dictionary, type Locale } from '../site/i18n';
import { figureChildren, pictureElement } from '../images/figure-tree';
import type { SizedImage } from '../images/published';
import type { Heading } from './schema';

interface Found {
  headings: Heading[];
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    /** What the article-structure step found while rendering: headings and plain text. */
    found: Found;
    /** What the body is rendered for (see RenderSetting). */
    setting: RenderSetting;
  }
}

/** What a body's HTML depends on besides its text: the reader's language and the photos of its story folder. */
export interface RenderSetting {
  /** Words the renderer adds (the note on captions of photos not held) are in this language. */
  locale?: Locale;
  /** The story folder's photos that can be published, by file name. */
  images?: ReadonlyMap<string, SizedImage>;
}

export interface RenderedMarkdown {
  html: string;
  /** The body as plain text, blocks separated by blank lines. */
  text: string;
  headings: Heading[];
}

/**
 * Every id from content carries this prefix, so it cannot clash with the page's own ids
 * or clobber page globals. Raw HTML is dropped before sanitising, so the only ids, and the
 * only references to ids, are the ones made here (headings and footnotes), already
 * prefixed: the sanitiser must not prefix them a second time.
 */
const ID_PREFIX = 'user-content-';
const ID_REFERENCES = new Set(['id', 'ariaDescribedBy']);

const WORDS_PER_MINUTE = 200;

/** The image attributes of a published photo: its files, its size and when to load it. */
const PICTURE_ATTRIBUTES = ['srcSet', 'sizes', 'width', 'height'];

/**
 * What the sanitiser keeps: GitHub's rules plus captions and photo figures. The page
 * check (scripts/quality/page-safety.ts) holds every built article body to the same schema.
 */
export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...new Set([...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'picture', 'source'])],
  clobber: (defaultSchema.clobber ?? []).filter((attribute) => !ID_REFERENCES.has(attribute)),
  attributes: {
    ...defaultSchema.attributes,
    p: [...(defaultSchema.attributes?.p ?? []), ['className', 'caption']],
    span: [...(defaultSchema.attributes?.span ?? []), ['className', 'caption__note']],
    img: [...(defaultSchema.attributes?.img ?? []), ...PICTURE_ATTRIBUTES, ['loading', 'lazy'], ['decoding', 'async']],
    source: [...PICTURE_ATTRIBUTES, ['type', 'image/avif', 'image/webp']],
  },
};

/** The one image of a paragraph that holds nothing else (white space aside): a figure. */
export function figureImage(node: Paragraph): Image | undefined {
  const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = content;
  return content.length === 1 && only?.type === 'image' ? only : undefined;
}

/**
 * A paragraph that is only emphasis is the caption of a photo the archive does not hold
 * (the source reports' photos were not archived, their captions were).
 */
const isUnheldCaption = (node: Root | RootContent) =>
  node.type === 'paragraph' && node.children.length === 1 && node.children[0]?.type === 'emphasis';

/**
 * Captions of photos not held say so; a photo alone in its paragraph is a figure with
 * its title as caption. Body headings start at level 2: the page's title is its only h1.
 * The plain text leaves captions of photos not held out: they describe nothing a
 * reader sees, so search never shows one as a story's snippet.
 */
function articleStructure() {
  return (tree: Root, file: VFile) => {
    const found: Found = { headings: [], text: '' };
    const { locale = 'en', images = new Map<string, SizedImage>() } = file.data.setting ?? {};
    file.data.found = found;
    found.text = tree.children
      .filter((node) => !isUnheldCaption(node))
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
      } else if (node.type === 'paragraph' && isUnheldCaption(node)) {
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: ['caption'] } };
        node.children.push(
          { type: 'text', value: ' ' },
          {
            type: 'emphasis',
            children: [{ type: 'text', value: `(${dictionary(locale).photoNotHeld})` }],
            data: { hName: 'span', hProperties: { className: ['caption__note'] } },
          },
        );
      } else if (node.type === 'paragraph') {
        const image = figureImage(node);
        const found = image && images.get(image.url);
        if (image && found)
          node.data = {
            ...node.data,
            hName: 'figure',
            hChildren: figureChildren(found, image.alt ?? '', image.title ?? undefined),
          };
      } else if (node.type === 'imageReference') {
        // The check refuses reference images; the alt text is all that would show.
        node.data = {
          ...node.data,
          hName: 'span',
          hProperties: { src: undefined, alt: undefined },
          hChildren: [{ type: 'text', value: node.alt ?? '' }],
        };
      } else if (node.type === 'image') {
        const found = images.get(node.url);
        // A photo the folder does not hold is an error of the check; it never reaches a page as a link.
        const replaced = { src: undefined, alt: undefined, title: undefined };
        node.data = found
          ? {
              ...node.data,
              hName: 'picture',
              hProperties: replaced,
              hChildren: pictureElement(found, node.alt ?? '').children,
            }
          : {
              ...node.data,
              hName: 'span',
              hProperties: replaced,
              hChildren: [{ type: 'text', value: node.alt ?? '' }],
            };
      }
    });
    footnotesInLanguage(tree, locale);
  };
}

/**
 * Footnotes as GitHub's renderer writes them (numbered links to a list of notes at the end, each note linking back), in
 * the article's language: mdast-util-to-hast would write its label and back links in English on a Vietnamese page.
 */
function footnotesInLanguage(tree: Root, locale: Locale): void {
  const definitions = new Map<string, FootnoteDefinition>();
  visit(tree, 'footnoteDefinition', (node, index, parent) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    parent?.children.splice(index ?? 0, 1);
    return [SKIP, index];
  });
  // Each note by its first reference's order, with how often it is referred to.
  const calls = new Map<string, { number: number; count: number }>();
  visit(tree, 'footnoteReference', (node, index, parent) => {
    const call = calls.get(node.identifier) ?? { number: calls.size + 1, count: 0 };
    calls.set(node.identifier, { ...call, count: call.count + 1 });
    const id = footnoteId(node.identifier);
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: {
        href: `#${ID_PREFIX}fn-${id}`,
        id: `${ID_PREFIX}fnref-${id}${call.count > 0 ? `-${call.count + 1}` : ''}`,
        dataFootnoteRef: true,
        ariaDescribedBy: [`${ID_PREFIX}footnote-label`],
      },
      children: [{ type: 'text', value: String(call.number) }],
    };
    parent?.children.splice(index ?? 0, 1, {
      type: 'emphasis',
      children: [],
      data: { hName: 'sup', hChildren: [link] },
    });
  });
  if (calls.size === 0) return;
  const words = dictionary(locale);
  const notes: ListItem[] = [...calls].flatMap(([identifier, { number, count }]) => {
    const definition = definitions.get(identifier);
    if (!definition) return [];
    const id = footnoteId(identifier);
    const backLinks = Array.from({ length: count }, (_, call): PhrasingContent[] => [
      { type: 'text', value: ' ' },
      {
        type: 'link',
        url: `#${ID_PREFIX}fnref-${id}${call > 0 ? `-${call + 1}` : ''}`,
        children: [{ type: 'text', value: '↩' }],
        data: {
          hProperties: {
            dataFootnoteBackref: '',
            ariaLabel: words.backToFootnoteReference(number, count > 1 ? call + 1 : undefined),
            className: ['data-footnote-backref'],
          },
        },
      },
    ]).flat();
    const children = [...definition.children];
    const last = children.at(-1);
    if (last?.type === 'paragraph')
      children[children.length - 1] = { ...last, children: [...last.children, ...backLinks] };
    else children.push({ type: 'paragraph', children: backLinks });
    return [{ type: 'listItem', spread: true, children, data: { hProperties: { id: `${ID_PREFIX}fn-${id}` } } }];
  });
  tree.children.push({
    type: 'blockquote',
    data: { hName: 'section', hProperties: { dataFootnotes: true, className: ['footnotes'] } },
    children: [
      {
        type: 'heading',
        depth: 2,
        children: [{ type: 'text', value: words.footnotes }],
        data: { hProperties: { id: `${ID_PREFIX}footnote-label`, className: ['sr-only'] } },
      },
      { type: 'list', ordered: true, spread: false, children: notes },
    ],
  });
}

/** A footnote's label as its ids carry it: in lower case, and with what an address cannot hold escaped. */
const footnoteId = (identifier: string): string => encodeURIComponent(identifier.toLowerCase());

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
export function renderMarkdown(
  markdown: string,
  tree: Root = parseMarkdown(markdown),
  setting: RenderSetting = {},
): RenderedMarkdown {
  const file = new VFile(markdown);
  file.data.setting = setting;
  // The article-structure step changes the tree in place and returns nothing, so the tree is the result.
  processor.runSync(tree, file);
  const html = processor.stringify(tree, file);
  return { html, ...(file.data.found ?? { headings: [], text: '' }) };
}

export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
