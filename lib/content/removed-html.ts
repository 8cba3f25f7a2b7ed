/**
 * HTML written into an article's text is removed from the page (lib/content/markdown.ts), and with
 * a block of HTML goes the text inside it: `<div>The ceremony…</div>` shows readers
 * nothing. Inline tags around Markdown text (`<b>text</b>`) lose only the tags, which the
 * parser keeps apart from the text, so only the text of the HTML pieces themselves is lost.
 */
import type { Html, Root } from 'mdast';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { visit } from 'unist-util-visit';
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

/** The longest stretch of removed text a message quotes. */
const QUOTED = 60;

/** One `RemovedHtmlText` warning for each piece of HTML in the text whose own text a reader would not see. */
export function removedHtmlTextProblems(tree: Root, bodyLine: number, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  visit(tree, 'html', (node: Html) => {
    const text = visibleHtmlText(node.value);
    if (text === '') return;
    const quoted = text.length > QUOTED ? `${text.slice(0, QUOTED - 1)}…` : text;
    problems.push({
      kind: 'RemovedHtmlText',
      file,
      line: (node.position?.start.line ?? 1) + bodyLine - 1,
      column: node.position?.start.column ?? 1,
      message: `HTML is removed from the page, and its text "${quoted}" with it`,
    });
  });
  return problems;
}
