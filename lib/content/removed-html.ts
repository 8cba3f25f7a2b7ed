/**
 * HTML written into an article's text is removed from the page (lib/content/markdown.ts): raw HTML
 * never reaches a reader. What it did is lost with it, so the check names each piece it removes,
 * with the Markdown that does the same where Markdown can: a link's address (`<a href>`), a photo
 * (`<img>`), a line break (`<br>`), bold or a heading. Tags inside a paragraph (`10<sup>6</sup>`)
 * lose only the tags, which the parser keeps apart from the text: the words stay, without what the
 * tag did ("106"). A block of HTML goes with the text inside it: `<div>The ceremony…</div>` shows
 * readers nothing, which is said apart (`RemovedHtmlText`). Comments are an editor's notes, and
 * removed without a word.
 *
 * A comment, script, style, pre or textarea block, processing instruction, declaration or CDATA section
 * (CommonMark's HTML blocks of kinds 1 to 5) lasts until its closing marker: one that is never closed takes
 * every line after it, to the end of the article (or of the quote or list item it is in), so it is an error.
 */
import type { Html, Parents, Root } from 'mdast';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { visit } from 'unist-util-visit';
import { excerpt } from '../text/character-count';
import { keepsAddress } from './dropped-links';
import type { ContentProblem } from './problems';

type Parse5Node = DefaultTreeAdapterMap['node'];

/** Elements whose content is never text a reader sees. */
const UNSEEN = new Set(['script', 'style', 'template', 'noscript']);

/** An element of a piece of HTML: its tag, and the attributes the Markdown that does its work needs. */
interface HtmlElement {
  tag: string;
  href?: string;
  src?: string;
  alt?: string;
}

/** What a piece of HTML holds: the text a browser would show (comments and script left out, spaces collapsed), and its elements in the order they open. */
function readHtml(html: string): { text: string; elements: HtmlElement[] } {
  const parts: string[] = [];
  const elements: HtmlElement[] = [];
  const walk = (node: Parse5Node) => {
    if (node.nodeName === '#text' && 'value' in node) parts.push(node.value);
    if ('tagName' in node) {
      const attribute = (name: string) => node.attrs.find((each) => each.name === name)?.value;
      const [href, src, alt] = [attribute('href'), attribute('src'), attribute('alt')];
      elements.push({
        tag: node.tagName,
        ...(href === undefined ? {} : { href }),
        ...(src === undefined ? {} : { src }),
        ...(alt === undefined ? {} : { alt }),
      });
    }
    if (UNSEEN.has(node.nodeName) || !('childNodes' in node)) return;
    for (const child of node.childNodes) walk(child);
  };
  walk(parseFragment(html));
  return { text: parts.join('').replace(/\s+/g, ' ').trim(), elements };
}

/** The text a browser would show of a piece of HTML: comments and script left out, spaces collapsed. */
export function visibleHtmlText(html: string): string {
  return readHtml(html).text;
}

/** How Markdown writes what a tag does, for the tags it has a way to write. */
const MARKDOWN_OF_TAG = new Map<string, string>([
  ...(['b', 'strong'] as const).map((tag) => [tag, '**bold**'] as const),
  ...(['i', 'em'] as const).map((tag) => [tag, '*italic*'] as const),
  ...(['s', 'del', 'strike'] as const).map((tag) => [tag, '~~struck through~~'] as const),
  ...(['code', 'kbd', 'samp', 'tt'] as const).map((tag) => [tag, '`code`'] as const),
  ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((tag) => [tag, '## a heading, on a line of its own'] as const),
  ...(['ul', 'ol', 'li'] as const).map((tag) => [tag, '"- " or "1. " at the start of each item of a list'] as const),
  ...(['table', 'thead', 'tbody', 'tr', 'th', 'td'] as const).map((tag) => [tag, '| a | table |'] as const),
  ['p', 'a blank line between paragraphs'],
  ['blockquote', '"> " at the start of each line of a quote'],
  ['hr', '--- on a line of its own, between blank lines'],
  ['pre', 'a line of three backticks (```) above and below text kept as typed'],
]);

/** The Markdown that does an element's work, or undefined when Markdown has no way to. */
function markdownFor(element: HtmlElement): string | undefined {
  if (element.tag === 'a') {
    if (element.href === undefined) return undefined;
    // An address the page would drop (a script's, data) is not advised again: the link needs one it keeps.
    return keepsAddress(element.href)
      ? `[the words it links](${excerpt(element.href)})`
      : '[the words it links](https://…), with an http(s) address or a page of the archive (/en/articles/<story-id>/)';
  }
  if (element.tag === 'img') {
    const alt = element.alt?.trim() ? excerpt(element.alt.trim()) : 'what the photo shows';
    return `![${alt}](${element.src ? excerpt(element.src) : 'photo.jpg'})`;
  }
  if (element.tag === 'br') return 'a backslash (\\) at the end of a line, to break it there';
  return MARKDOWN_OF_TAG.get(element.tag);
}

/** How many tags a message names before "and N more". */
const NAMED_TAGS = 3;

/** "a", "a and b", "a, b and c". */
function inWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** `<p>`, `<p> and <a>`, `<div>, <p>, <a> and 2 more`: each tag once, in the order they open. */
function tagList(tags: readonly string[]): string {
  const unique = [...new Set(tags)].map((tag) => `<${tag}>`);
  if (unique.length > NAMED_TAGS)
    return `${unique.slice(0, NAMED_TAGS).join(', ')} and ${unique.length - NAMED_TAGS} more`;
  return inWords(unique);
}

/** Elements that hold no text: a tag of one of them alone marks no words. */
const EMPTY_ELEMENTS = new Set(['br', 'hr', 'img', 'wbr', 'input', 'area', 'col', 'embed', 'source', 'track']);

/** What else the page loses with these elements: a photo, a link's address, a line break. */
function lostWith(elements: readonly HtmlElement[]): string[] {
  const photo = elements.find((element) => element.tag === 'img' && element.src);
  const link = elements.find((element) => element.tag === 'a' && element.href !== undefined);
  return [
    ...(photo?.src ? [`the photo "${excerpt(photo.src)}"`] : []),
    ...(link?.href !== undefined ? [`the address "${excerpt(link.href)}"`] : []),
    ...(elements.some((element) => element.tag === 'br') ? ['the line break'] : []),
  ];
}

/** Where a piece of HTML stands: a tag among the words of a paragraph, a block with text, or a block without. */
type HtmlPlace = 'among words' | 'block with text' | 'block';

/** What to write instead of these elements: the Markdown that does their work, and what Markdown has no way to do. */
function markdownHint(elements: readonly HtmlElement[], place: HtmlPlace): string {
  const ways = [...new Set(elements.map(markdownFor).filter((way) => way !== undefined))];
  const without = elements.filter((element) => markdownFor(element) === undefined).map((element) => element.tag);
  const write = ways.join('; ');
  const first =
    place === 'block with text'
      ? `Write the text outside the HTML${ways.length > 0 ? `, in Markdown: ${write}` : ''}.`
      : ways.length > 0
        ? `Write it in Markdown: ${write}.`
        : '';
  const missing = tagList(without);
  const none =
    without.length === 0
      ? ''
      : place === 'among words'
        ? `Markdown has no ${missing}: the text it marks is shown as plain text, so word it to read right that way${without.includes('sup') ? ' (10⁶, with the character ⁶, or "a million")' : ''}.`
        : place === 'block'
          ? `Markdown has no ${missing}, and a page shows nothing of it: remove it.`
          : `Markdown has no ${missing}.`;
  return [first, none].filter((part) => part !== '').join(' ');
}

/** An HTML block that lasts until a closing marker: what it is, and the marker that ends it. */
interface ClosedBlock {
  opens: RegExp;
  closes: RegExp;
  /** What the block is and what closes it, from its opening text. */
  describe: (opening: string) => { what: string; closer: string };
}

/** CommonMark's HTML blocks of kinds 1 to 5, in the order it tries them (kind 5, `<![CDATA[`, before kind 4, `<!X`). */
const CLOSED_BLOCKS: readonly ClosedBlock[] = [
  {
    opens: /^<(script|pre|style|textarea)(?=[\s>]|$)/i,
    // Any of the four end tags closes any of them.
    closes: /<\/(?:script|pre|style|textarea)>/i,
    describe: (opening) => {
      const tag = /^<([a-z]+)/i.exec(opening)?.[1]?.toLowerCase() ?? 'script';
      return { what: `the <${tag}> element`, closer: `</${tag}>` };
    },
  },
  { opens: /^<!--/, closes: /-->/, describe: () => ({ what: 'the HTML comment', closer: '-->' }) },
  { opens: /^<\?/, closes: /\?>/, describe: () => ({ what: 'the processing instruction <?', closer: '?>' }) },
  { opens: /^<!\[CDATA\[/, closes: /\]\]>/, describe: () => ({ what: 'the CDATA section', closer: ']]>' }) },
  {
    opens: /^<![a-z]/i,
    closes: />/,
    describe: (opening) => ({ what: `the declaration ${/^<![a-z]+/i.exec(opening)?.[0] ?? '<!'}`, closer: '>' }),
  },
];

/** What an unclosed block swallows, by the node it stands in. */
const SWALLOWED: Partial<Record<Parents['type'], string>> = {
  blockquote: 'the rest of the quote',
  listItem: 'the rest of the list item',
  footnoteDefinition: 'the rest of the footnote',
};

/** The nodes whose HTML children are blocks of their own; HTML inside a paragraph or heading is an inline tag. */
const FLOW_PARENTS = new Set<Parents['type']>(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** The message for a block of HTML that is never closed, or undefined when it is closed or of another kind. */
function unclosedHtmlMessage(html: string, parent: Parents['type']): string | undefined {
  const opening = html.trimStart();
  const block = CLOSED_BLOCKS.find((candidate) => candidate.opens.test(opening));
  if (!block || block.closes.test(opening)) return undefined;
  const { what, closer } = block.describe(opening);
  const lost = SWALLOWED[parent] ?? 'everything after it';
  return `${what} opened here is never closed with ${closer}: ${lost} would be dropped`;
}

/** How many pieces of removed HTML a file gets a warning of its own for; the last names how many more there are. */
const PIECES_REPORTED = 20;

/** What the check finds of the HTML of an article's text. */
interface RemovedHtml {
  problems: ContentProblem[];
  /** The files `<img>` tags name: the editor meant to show them, which the warning says how to do. */
  photos: string[];
}

/**
 * An `UnclosedHtml` error for each block of HTML that is never closed (at the `<` that opens it), a
 * `RemovedHtmlText` warning for each other block of HTML whose text a reader would not see, and a `RemovedHtml`
 * warning for each other piece of HTML that is removed from the page, naming its tags and the Markdown to write.
 */
export function removedHtmlProblems(tree: Root, bodyLine: number, file: string): RemovedHtml {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const photos: string[] = [];
  visit(tree, 'html', (node: Html, _index, parent) => {
    const line = (node.position?.start.line ?? 1) + bodyLine - 1;
    const column = node.position?.start.column ?? 1;
    const block = parent !== undefined && FLOW_PARENTS.has(parent.type);
    const unclosed = parent && block ? unclosedHtmlMessage(node.value, parent.type) : undefined;
    if (unclosed !== undefined) {
      // The block's value keeps the spaces that indent its first line.
      const indent = node.value.length - node.value.trimStart().length;
      problems.push({ kind: 'UnclosedHtml', file, line, column: column + indent, message: unclosed });
      return;
    }
    const { text, elements } = readHtml(node.value);
    for (const element of elements) if (element.tag === 'img' && element.src) photos.push(element.src);
    // A closing tag, or a comment: nothing that was not said at its opening tag, or that a reader would miss.
    if (text === '' && elements.length === 0) return;
    const tags = elements.length > 0 ? ` ${tagList(elements.map((element) => element.tag))}` : '';
    const lost = [...(text === '' ? [] : [`its text "${excerpt(text)}"`]), ...lostWith(elements)];
    // A tag inside a paragraph stands apart from the words it marks, which the page keeps.
    const marksKeptWords = !block && elements.some((element) => !EMPTY_ELEMENTS.has(element.tag));
    warnings.push({
      kind: text === '' ? 'RemovedHtml' : 'RemovedHtmlText',
      file,
      line,
      column,
      message: `the HTML${tags} is removed from the page${lost.length > 0 ? `, and ${inWords(lost)} with it` : ''}${marksKeptWords ? '; the text it marks is kept, without it' : ''}`,
      ...(elements.length > 0
        ? { hint: markdownHint(elements, text !== '' ? 'block with text' : block ? 'block' : 'among words') }
        : {}),
    });
  });
  const more = warnings.length - PIECES_REPORTED;
  const reported = warnings.slice(0, PIECES_REPORTED);
  const last = reported.at(-1);
  if (more > 0 && last) last.message += `, and ${more} more pieces of HTML are removed further on`;
  return { problems: [...problems, ...reported], photos };
}
