/**
 * Reading built HTML with a real parser (parse5, the parser jsdom uses), so that the
 * checks see the document a browser sees: attributes as parsed, `<template>` contents,
 * and the source line of every element for failure messages.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** An element reduced to what the checks need: its tag, attributes and source line. */
export interface HtmlElement {
  tag: string;
  attributes: ReadonlyMap<string, string>;
  line: number;
  column: number;
}

/** A parsed page: its elements in document order and the `lang` of its root. */
export interface HtmlDocument {
  elements: HtmlElement[];
  lang: string | null;
}

function isElement(node: DefaultTreeAdapterTypes.Node): node is Element {
  return 'tagName' in node;
}

/** Parses a page and lists its elements in document order. */
export function parseHtml(html: string): HtmlDocument {
  const elements: HtmlElement[] = [];
  let lang: string | null = null;
  const walk = (parent: ParentNode) => {
    for (const node of parent.childNodes) {
      if (!isElement(node)) continue;
      const attributes = new Map(node.attrs.map((attribute) => [attribute.name, attribute.value]));
      if (node.tagName === 'html') lang = attributes.get('lang') ?? null;
      elements.push({ tag: node.tagName, attributes, line: node.sourceCodeLocation?.startLine ?? 0, column: node.sourceCodeLocation?.startCol ?? 0 });
      walk(node);
      if (node.tagName === 'template' && 'content' in node) walk((node as DefaultTreeAdapterTypes.Template).content);
    }
  };
  walk(parse(html, { sourceCodeLocationInfo: true }));
  return { elements, lang };
}

/**
 * A short, recognisable description of an element for messages, with its position
 * (Next writes most of a page on one line, so the column matters):
 * `<a href="/x/"> at 1:2345`.
 */
export function describeElement(element: HtmlElement, ...attributes: string[]): string {
  const shown = attributes
    .filter((name) => element.attributes.has(name))
    .map((name) => ` ${name}="${element.attributes.get(name)}"`)
    .join('');
  return `<${element.tag}${shown}> at ${element.line}:${element.column}`;
}
