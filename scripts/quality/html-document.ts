/**
 * Reading built HTML with a real parser (parse5, the parser jsdom uses), so that the
 * checks see the document a browser sees: attributes as parsed, `<template>` contents,
 * and the source line of every element for failure messages.
 */
import { elementsIn, parsePage, type HtmlElement as ParsedElement } from '../../lib/finishing/html-tree';

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

/** The parser's element as the checks read it. */
export function elementOf(node: ParsedElement): HtmlElement {
  return {
    tag: node.tagName,
    attributes: new Map(node.attrs.map((attribute) => [attribute.name, attribute.value])),
    line: node.sourceCodeLocation?.startLine ?? 0,
    column: node.sourceCodeLocation?.startCol ?? 0,
  };
}

/** Parses a page and lists its elements in document order. */
export function parseHtml(html: string): HtmlDocument {
  const elements = [...elementsIn(parsePage(html))].map(elementOf);
  const root = elements.find((element) => element.tag === 'html');
  return { elements, lang: root?.attributes.get('lang') ?? null };
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
