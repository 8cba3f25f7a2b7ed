/**
 * What the build does to each page Next renders, after `next build`. Next makes every
 * page hydrate with React through its router; this site's pages are read by full page
 * loads, so every page keeps its HTML and loses Next's runtime (its script tags, preloads
 * and the inline payload React would hydrate from, which repeats the page's text). Every
 * page gets the site's one small script (components/page-script.ts); the search pages
 * also the search script, which mounts the search component with React alone
 * (components/search-island.tsx). The page is edited as the parsed document, so text
 * that merely looks like a tag (a code block about `<script>`) is never taken for one.
 */
import { defaultTreeAdapter as tree } from 'parse5';
import { setContentSecurityPolicy } from './csp';
import {
  attributeOf,
  elementsIn,
  HTML_NAMESPACE,
  parsePage,
  serializePage,
  type HtmlDocument,
  type HtmlElement,
} from './html-tree';
import { islandsOfPage, type IslandName } from './islands';

/**
 * The attribute that marks the element holding an article's rendered Markdown, so the
 * page check can hold what is inside it to the sanitiser's rules.
 */
export const ARTICLE_BODY_ATTRIBUTE = 'data-article-body';

/** The URLs of the scripts the build bundles: every page's, and each island's (lib/finishing/islands.ts). */
export type PageScripts = { site: string } & Record<IslandName, string>;

/** The one kind of script a finished page keeps besides the site's: structured data, which browsers never run. */
export const DATA_BLOCK_TYPE = 'application/ld+json';

/** A JSON-LD block: a script element whose only attribute is `type="application/ld+json"`. */
export function isDataBlock(element: HtmlElement): boolean {
  return element.tagName === 'script' && element.attrs.length === 1 && attributeOf(element, 'type') === DATA_BLOCK_TYPE;
}

function relTokens(element: HtmlElement): string[] {
  return (attributeOf(element, 'rel') ?? '').toLowerCase().split(/\s+/);
}

/** A `<link>` that fetches a script ahead: `modulepreload`, or `preload` as a script. */
export function isScriptPreload(element: HtmlElement): boolean {
  if (element.tagName !== 'link') return false;
  const rel = relTokens(element);
  return (
    rel.includes('modulepreload') || (rel.includes('preload') && attributeOf(element, 'as')?.toLowerCase() === 'script')
  );
}

/** The page without Next's runtime: every script but JSON-LD blocks, and every script preload. */
export function removeNextRuntime(document: HtmlDocument): void {
  const runtime = [...elementsIn(document)].filter(
    (element) => (element.tagName === 'script' && !isDataBlock(element)) || isScriptPreload(element),
  );
  for (const element of runtime) tree.detachNode(element);
}

/** The script element that loads one of the site's bundles, deferred (run in order once the page is parsed). */
function pageScript(src: string): HtmlElement {
  return tree.createElement('script', HTML_NAMESPACE, [
    { name: 'src', value: src },
    { name: 'defer', value: '' },
  ]);
}

/** Adds the given scripts at the end of the page's `<head>`. */
export function addPageScripts(document: HtmlDocument, sources: readonly string[]): void {
  const head = [...elementsIn(document)].find((element) => element.tagName === 'head');
  if (!head) throw new Error('A built page has no <head> to add the page scripts to');
  for (const src of sources) tree.appendChild(head, pageScript(src));
}

/** The scripts a page at `urlPath` loads: the site script, then the scripts of the islands the page carries. */
export function scriptsOfPage(urlPath: string, scripts: PageScripts): string[] {
  return [scripts.site, ...islandsOfPage(urlPath).map((island) => scripts[island.name])];
}

/** A page Next rendered, as it ships, given the URL path it is served at and the bundled scripts' URLs. */
export function finishedPage(html: string, urlPath: string, scripts: PageScripts): string {
  const document = parsePage(html);
  finishPageDocument(document, urlPath, scripts);
  return serializePage(document);
}

/** The finishing itself, on a parsed page, for whatever adds to a finished page before it is written (`npm run dev`). */
export function finishPageDocument(document: HtmlDocument, urlPath: string, scripts: PageScripts): void {
  removeNextRuntime(document);
  addPageScripts(document, scriptsOfPage(urlPath, scripts));
  setContentSecurityPolicy(document);
}
