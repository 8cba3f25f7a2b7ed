/**
 * HTML written into an article's text is removed from the page (lib/content/markdown.ts), and with
 * a block of HTML goes the text inside it: `<div>The ceremony…</div>` shows readers
 * nothing. Inline tags around Markdown text (`<b>text</b>`) lose only the tags, which the
 * parser keeps apart from the text, so only the text of the HTML pieces themselves is lost.
 *
 * A comment, script, style, pre or textarea block, processing instruction, declaration or CDATA section
 * (CommonMark's HTML blocks of kinds 1 to 5) lasts until its closing marker: one that is never closed takes
 * every line after it, to the end of the article (or of the quote or list item it is in), so it is an error.
 */
import type { Html, Parents, Root } from 'mdast';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { visit } from 'unist-util-visit';
import { excerpt } from '../text/character-count';
import type { ContentProblem } from './problems';

type Parse5Node = DefaultTreeAdapterMap['node'];

/** Elements whose content is never text a reader sees. */
const UNSEEN = new Set(['script', 'style', 'template', 'noscript']);

/** The text a browser would show of a piece of HTML: comments and script left out, spaces collapsed. */
export function visibleHtmlText(html: string): string {
  const parts: string[] = [];
  const walk = (node: Parse5Node) => {
    if (node.nodeName === '#text' && 'value' in node) parts.push(node.value);
    if (UNSEEN.has(node.nodeName) || !('childNodes' in node)) return;
    for (const child of node.childNodes) walk(child);
  };
  walk(parseFragment(html));
  return parts.join('').replace(/\s+/g, ' ').trim();
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

/**
 * An `UnclosedHtml` error for each block of HTML that is never closed (at the `<` that opens it), and a
 * `RemovedHtmlText` warning for each other piece of HTML in the text whose own text a reader would not see.
 */
export function removedHtmlTextProblems(tree: Root, bodyLine: number, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  visit(tree, 'html', (node: Html, _index, parent) => {
    const line = (node.position?.start.line ?? 1) + bodyLine - 1;
    const column = node.position?.start.column ?? 1;
    const unclosed = parent && FLOW_PARENTS.has(parent.type) ? unclosedHtmlMessage(node.value, parent.type) : undefined;
    if (unclosed !== undefined) {
      // The block's value keeps the spaces that indent its first line.
      const indent = node.value.length - node.value.trimStart().length;
      problems.push({ kind: 'UnclosedHtml', file, line, column: column + indent, message: unclosed });
      return;
    }
    const text = visibleHtmlText(node.value);
    if (text === '') return;
    problems.push({
      kind: 'RemovedHtmlText',
      file,
      line,
      column,
      message: `HTML is removed from the page, and its text "${excerpt(text)}" with it`,
    });
  });
  return problems;
}
