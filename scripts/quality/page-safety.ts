/**
 * The last gate before a page ships: every HTML page of the built site is parsed as a
 * browser parses it and must carry nothing that could run or that the Markdown
 * sanitiser would have removed. Finishing takes Next's runtime out and the sanitiser
 * cleans every body, but the rendered bodies can come from a cache file in `.archive/`,
 * and the sanitiser or finishing could have a bug: this check trusts neither.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ElementContent, Properties, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { sanitize } from 'hast-util-sanitize';
import { VFile } from 'vfile';
import { parseFragment, defaultTreeAdapter as tree } from 'parse5';
import {
  attributeOf,
  elementsIn,
  HTML_NAMESPACE,
  parsePage,
  textOf,
  type HtmlElement,
  type HtmlParent,
} from '../../lib/finishing/html-tree';
import { SANITIZE_SCHEMA } from '../../lib/content/markdown';
import { ARTICLE_BODY_ATTRIBUTE, isDataBlock, isScriptPreload } from '../../lib/finishing/page-html';
import type { Article } from '../../lib/content/schema';
import { describeElement, elementOf } from './html-document';

/** Attributes whose value a browser follows or loads as a URL. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'cite',
  'codebase',
  'dynsrc',
  'lowsrc',
  'longdesc',
  'icon',
  'manifest',
  'ping',
  'profile',
  'srcset',
  'imagesrcset',
  'itemtype',
]);
const SCRIPT_SCHEMES = ['javascript:', 'vbscript:', 'data:'];
/** What Next's inline runtime scripts contain: the RSC payload pushes and the streaming swap function. */
const NEXT_INLINE_MARKERS = ['self.__next_f', '$RC', 'TURBOPACK'];

/**
 * A URL as a browser reads its scheme: tabs and newlines anywhere are dropped, as are C0
 * controls and spaces at either end; schemes are case-insensitive.
 */
function normalisedUrl(value: string): string {
  return value
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
    .toLowerCase();
}

function urlsOf(name: string, value: string): string[] {
  if (name !== 'srcset' && name !== 'imagesrcset') return [value];
  return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
}

/** The script schemes (`javascript:`, …) an attribute's URLs use; none for other attributes. */
export function scriptSchemesIn(name: string, value: string): string[] {
  if (!URL_ATTRIBUTES.has(name) && !name.endsWith(':href')) return [];
  return urlsOf(name, value).flatMap((url) => SCRIPT_SCHEMES.filter((scheme) => normalisedUrl(url).startsWith(scheme)));
}

/** A streaming placeholder of Next/React: `<template id="B:0">`, `<template id="P:0">`, `<div hidden id="S:0">`. */
function isStreamingMarker(element: HtmlElement): boolean {
  const id = attributeOf(element, 'id') ?? '';
  return (
    (element.tagName === 'template' && /^[BP]:/.test(id)) ||
    (attributeOf(element, 'hidden') !== undefined && /^S:/.test(id))
  );
}

/** A file of Next's client runtime: its JavaScript chunks. (Its stylesheets stay: the pages use them.) */
function isNextScriptUrl(url: string): boolean {
  return /^(?:https?:\/\/[^/]*)?\/_next\/.*\.m?js(?:[?#]|$)/i.test(url.trim());
}

/** The problems of one element anywhere in the page. */
function elementProblems(element: HtmlElement, siteScripts: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (element.tagName === 'script' && !isDataBlock(element) && !isSiteScript(element, siteScripts)) {
    const text = textOf(element);
    const marker = NEXT_INLINE_MARKERS.find((candidate) => text.includes(candidate));
    problems.push(
      marker
        ? `a script of Next's runtime (${marker})`
        : "a script that is neither one of the site's bundled scripts nor a JSON-LD block",
    );
  }
  if (isScriptPreload(element) && !isSiteModulePreload(element, siteScripts)) problems.push('a script preload');
  // A refresh loads its URL like a link does (a renamed story's old address has one).
  if (element.tagName === 'meta' && attributeOf(element, 'http-equiv')?.toLowerCase() === 'refresh') {
    const url = /url\s*=\s*['"]?(.*)$/i.exec(attributeOf(element, 'content') ?? '')?.[1] ?? '';
    problems.push(...scriptSchemesIn('href', url).map((scheme) => `a ${scheme} URL in a refresh`));
  }
  if (isStreamingMarker(element)) problems.push("a streaming placeholder of Next's runtime");
  for (const { name: localName, prefix, value } of element.attrs) {
    const name = prefix ? `${prefix}:${localName}` : localName;
    if (name.startsWith('on')) problems.push(`an event-handler attribute ${name}`);
    problems.push(...scriptSchemesIn(name, value).map((scheme) => `a ${scheme} URL in ${name}`));
    if ((name === 'src' || name === 'href') && isNextScriptUrl(value))
      problems.push(`a file of Next's runtime in ${name}`);
  }
  return problems;
}

/**
 * One of the site's bundles as finishing adds it, and nothing else: `<script src="/site.….js"
 * defer="">`, or an island's `<script type="module" src="/search.….js">`.
 */
function isSiteScript(element: HtmlElement, siteScripts: ReadonlySet<string>): boolean {
  const src = attributeOf(element, 'src');
  return (
    element.attrs.length === 2 &&
    src !== undefined &&
    siteScripts.has(src) &&
    (attributeOf(element, 'defer') === '' || attributeOf(element, 'type') === 'module')
  );
}

/** A module an island's scripts share, fetched ahead as finishing adds it: `<link rel="modulepreload" href>` and nothing else. */
function isSiteModulePreload(element: HtmlElement, siteScripts: ReadonlySet<string>): boolean {
  const href = attributeOf(element, 'href');
  return (
    element.attrs.length === 2 &&
    attributeOf(element, 'rel') === 'modulepreload' &&
    href !== undefined &&
    siteScripts.has(href)
  );
}

// ---- Article bodies: held to the sanitiser's own schema ----

/** An element's or a fragment's content as hast, which is what the sanitiser reads. */
function contentAsHast(parent: HtmlParent, file: VFile): ElementContent[] {
  return parent.childNodes.map((child) => fromParse5(child, { file }) as ElementContent);
}

/**
 * The sanitiser prefixes clobbering attributes (`name`, `aria-describedby`) every time it
 * runs; a clean body already carries the prefix, so it is taken off before sanitising
 * again, and sanitising then gives back the same body.
 */
function withoutClobberPrefix(nodes: readonly ElementContent[]): ElementContent[] {
  const prefix = SANITIZE_SCHEMA.clobberPrefix ?? '';
  const keys = new Set(SANITIZE_SCHEMA.clobber ?? []);
  const strip = (value: unknown): unknown =>
    typeof value === 'string' && value.startsWith(prefix)
      ? value.slice(prefix.length)
      : Array.isArray(value)
        ? value.map(strip)
        : value;
  return nodes.map((node) => {
    if (node.type !== 'element') return node;
    const properties = Object.fromEntries(
      Object.entries(node.properties).map(([key, value]) => [key, keys.has(key) ? strip(value) : value]),
    ) as Properties;
    return { ...node, properties, children: withoutClobberPrefix(node.children) };
  });
}

function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'position')
      .map(([key, child]) => [key, withoutPositions(child)]),
  );
}

function at(node: ElementContent): string {
  return node.position ? ` at ${node.position.start.line}:${node.position.start.column}` : '';
}

function describeHast(node: ElementContent): string {
  if (node.type === 'element') return `<${node.tagName}>${at(node)}`;
  if (node.type === 'comment') return `a comment${at(node)}`;
  return `text ${JSON.stringify(('value' in node ? node.value : '').slice(0, 40))}${at(node)}`;
}

/** Where the body differs from what the sanitiser makes of it: the first difference under each element. */
function sanitiserDifferences(kept: readonly ElementContent[], cleaned: readonly ElementContent[]): string[] {
  for (const [index, node] of kept.entries()) {
    const clean = cleaned[index];
    if (clean && isDeepStrictEqual(withoutPositions(node), withoutPositions(clean))) continue;
    if (node.type !== 'element' || clean?.type !== 'element' || clean.tagName !== node.tagName)
      return [`${describeHast(node)} is not allowed by the sanitiser`];
    const attributes = [...new Set([...Object.keys(node.properties), ...Object.keys(clean.properties)])].filter(
      (key) => !isDeepStrictEqual(node.properties[key], clean.properties[key]),
    );
    if (attributes.length > 0)
      return [
        `${describeHast(node)} has attributes the sanitiser does not allow as they are: ${attributes.join(', ')}`,
      ];
    return sanitiserDifferences(node.children, clean.children);
  }
  if (cleaned.length > kept.length) return ['the sanitiser would add content the body lacks'];
  return [];
}

/**
 * The renderer gives every id it makes the sanitiser's prefix (lib/content/markdown.ts keeps the
 * sanitiser from adding it twice), so an id without it could take one of the page's own.
 */
function unprefixedIds(parent: HtmlParent): string[] {
  const prefix = SANITIZE_SCHEMA.clobberPrefix ?? '';
  return [...elementsIn(parent)]
    .filter((element) => !(attributeOf(element, 'id') ?? prefix).startsWith(prefix))
    .map((element) => `${describeElement(elementOf(element), 'id')} has an id without the prefix ${prefix}`);
}

/** What in rendered Markdown (the content of `parent`) the sanitiser would remove or change. */
function sanitiserProblems(parent: HtmlParent, file: VFile): string[] {
  const kept = contentAsHast(parent, file);
  const cleaned = sanitize({ type: 'root', children: withoutClobberPrefix(kept) }, SANITIZE_SCHEMA) as Root;
  const cleanedContent = cleaned.children.filter((node): node is ElementContent => node.type !== 'doctype');
  return [...sanitiserDifferences(kept, cleanedContent), ...unprefixedIds(parent)];
}

/**
 * Every rendered body of the archive the pages were built from, held to the sanitiser on
 * its own, each named by its content file. The page check sees a body only where it sits
 * in its page; a body that closes its element early (`</div>…`) puts what follows outside
 * it, and here that content is still inside and still judged.
 */
export function renderedBodyProblems(articles: readonly Pick<Article, 'file' | 'html'>[]): string[] {
  const context = tree.createElement('div', HTML_NAMESPACE, []);
  return articles.flatMap((article) =>
    sanitiserProblems(
      parseFragment(context, article.html, { sourceCodeLocationInfo: true }),
      new VFile(article.html),
    ).map((problem) => `${article.file}: the rendered body: ${problem}`),
  );
}

/**
 * Every problem of one built page, each naming the element and what is wrong with it.
 * `siteScripts` are the URLs of the site's own bundles, the only scripts a page may load.
 */
export function pageSafetyProblems(html: string, siteScripts: ReadonlySet<string>): string[] {
  const document = parsePage(html);
  const file = new VFile(html);
  const problems: string[] = [];
  for (const element of elementsIn(document)) {
    const problemsHere = elementProblems(element, siteScripts);
    if (problemsHere.length > 0) {
      const described = elementOf(element);
      problems.push(
        ...problemsHere.map((problem) => `${describeElement(described, ...described.attributes.keys())}: ${problem}`),
      );
    }
    if (attributeOf(element, ARTICLE_BODY_ATTRIBUTE) !== undefined) {
      problems.push(
        ...sanitiserProblems(element, file).map(
          (problem) =>
            `inside the article body ${describeElement(elementOf(element), ARTICLE_BODY_ATTRIBUTE)}: ${problem}`,
        ),
      );
    }
  }
  return problems;
}

/** The problems of the given pages of `outDir` (relative paths), each starting with its file. */
export function checkPageSafety(outDir: string, pages: readonly string[], siteScripts: ReadonlySet<string>): string[] {
  return pages.flatMap((page) =>
    pageSafetyProblems(readFileSync(path.join(outDir, page), 'utf8'), siteScripts).map(
      (problem) => `${page}: ${problem}`,
    ),
  );
}
