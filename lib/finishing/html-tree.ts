/**
 * Built pages as the browser parses them: parse5 implements the HTML standard's parser,
 * so what finishing edits and what the page check judges are the elements a reader's
 * browser builds, not text that looks like markup.
 */
import { defaultTreeAdapter as tree, html, parse, serialize, type DefaultTreeAdapterTypes } from 'parse5';

type HtmlNode = DefaultTreeAdapterTypes.Node;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlDocument = DefaultTreeAdapterTypes.Document;
export type HtmlParent = DefaultTreeAdapterTypes.ParentNode;

/** The namespace of HTML elements, for elements made by the build. */
export const HTML_NAMESPACE = html.NS.HTML;

function isElement(node: HtmlNode): node is HtmlElement {
  return 'tagName' in node;
}

/** Every element under `node` in document order, the contents of `<template>` included. */
export function* elementsIn(node: HtmlNode): Generator<HtmlElement> {
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) {
    if (!isElement(child)) continue;
    yield child;
    yield* elementsIn(child);
    if (child.tagName === 'template') yield* elementsIn((child as DefaultTreeAdapterTypes.Template).content);
  }
}

/** The value of an attribute (names are lower case once parsed), or undefined when absent. */
export function attributeOf(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

/** The text inside an element, as the parser read it (a script's source, a JSON-LD block's data). */
export function textOf(element: HtmlElement): string {
  return element.childNodes
    .map((child) => ('value' in child ? child.value : isElement(child) ? textOf(child) : ''))
    .join('');
}

/** An HTML element made by the build, with its attributes and, when given, its text. */
export function htmlElement(tagName: string, attributes: Record<string, string> = {}, text?: string): HtmlElement {
  const created = tree.createElement(
    tagName,
    HTML_NAMESPACE,
    Object.entries(attributes).map(([name, value]) => ({ name, value })),
  );
  if (text !== undefined) tree.insertText(created, text);
  return created;
}

/** Parses a whole page, keeping each element's source position for messages. */
export function parsePage(html: string): HtmlDocument {
  return parse(html, { sourceCodeLocationInfo: true });
}

export function serializePage(document: HtmlDocument): string {
  return serialize(document);
}
