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

/**
 * An island's bundles, as modules: the script its pages load, and the modules it imports,
 * which the page fetches ahead instead of waiting for the script to name them, in the
 * order it asks for them: those the script imports statically first.
 */
export interface IslandScripts {
  script: string;
  shared: readonly string[];
}

/** The URLs of the scripts the build bundles: every page's, and each island's (lib/finishing/islands.ts). */
export type PageScripts = { site: string } & Record<IslandName, IslandScripts>;

/** Every script URL the build bundled: the only scripts a finished page may load. */
export function bundledScriptUrls(scripts: PageScripts): Set<string> {
  const { site, ...islands } = scripts;
  return new Set([
    site,
    ...Object.values<IslandScripts>(islands).flatMap((island) => [island.script, ...island.shared]),
  ]);
}

/** The one kind of script a finished page keeps besides the site's: structured data, which browsers never run. */
const DATA_BLOCK_TYPE = 'application/ld+json';

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
function removeNextRuntime(document: HtmlDocument): void {
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

/** What finishing asks for ahead: a data file the page's script fetches, or a font its style sheet declares. */
type PreloadKind = 'fetch' | 'font';

/**
 * A request for a file made while the page's style sheet and script load. A data file is asked for as the script's
 * own `fetch` asks (the same URL, credentials and CORS mode), so that it takes the answer; a font as the style sheet
 * would, so that the text is laid out once with its fonts rather than again as each one arrives.
 */
function preload(as: PreloadKind, href: string): HtmlElement {
  return tree.createElement('link', HTML_NAMESPACE, [
    { name: 'rel', value: 'preload' },
    { name: 'as', value: as },
    ...(as === 'font' ? [{ name: 'type', value: 'font/woff2' }] : []),
    { name: 'crossorigin', value: 'anonymous' },
    { name: 'href', value: href },
  ]);
}

/** A `<link>` that fetches a file of that kind ahead, as finishing adds it. */
export function isPreloadOf(as: PreloadKind): (element: HtmlElement) => boolean {
  return (element) =>
    element.tagName === 'link' && relTokens(element).includes('preload') && attributeOf(element, 'as') === as;
}

function headOf(document: HtmlDocument): HtmlElement {
  const head = [...elementsIn(document)].find((element) => element.tagName === 'head');
  if (!head) throw new Error('A built page has no <head> to add the page scripts to');
  return head;
}

/** An island's script, as a module: deferred like the site script, and run before it in page order. */
function moduleScript(src: string): HtmlElement {
  return tree.createElement('script', HTML_NAMESPACE, [
    { name: 'type', value: 'module' },
    { name: 'src', value: src },
  ]);
}

function modulePreload(href: string): HtmlElement {
  return tree.createElement('link', HTML_NAMESPACE, [
    { name: 'rel', value: 'modulepreload' },
    { name: 'href', value: href },
  ]);
}

/**
 * Adds the scripts of the page at `urlPath` at the end of its `<head>`: each of its islands'
 * script and imported modules (fetched ahead), then the site script. A browser asks for
 * them in page order, a few at a time from one host, so the island's own script comes
 * before the modules it imports. Deferred scripts run in page order, and a browser fetches
 * a classic deferred script at a lower priority than modules: an island's script placed
 * after the site script would wait for it.
 */
function addPageScripts(document: HtmlDocument, urlPath: string, scripts: PageScripts): void {
  const head = headOf(document);
  for (const island of islandsOfPage(urlPath)) {
    tree.appendChild(head, moduleScript(scripts[island.name].script));
    for (const href of scripts[island.name].shared) tree.appendChild(head, modulePreload(href));
  }
  tree.appendChild(head, pageScript(scripts.site));
}

/** Adds requests for the files the islands of the page at `urlPath` fetch first; those of an earlier finishing are replaced. */
function addDataPreloads(document: HtmlDocument, urlPath: string): void {
  for (const old of [...elementsIn(document)].filter(isPreloadOf('fetch'))) tree.detachNode(old);
  const head = headOf(document);
  for (const href of new Set(islandsOfPage(urlPath).flatMap((island) => island.fetchesFirst(urlPath))))
    tree.appendChild(head, preload('fetch', href));
}

/**
 * Adds requests for `fonts` (the URLs of the first-screen fonts, lib/site/fonts.ts) to a
 * page with islands: its first screen waits on its script, and fonts found only once the
 * page is laid out would arrive while the script works; those of an earlier finishing are
 * replaced. Other pages find their fonts as they lay out, which is soon enough for them.
 */
function addFontPreloads(document: HtmlDocument, urlPath: string, fonts: readonly string[]): void {
  for (const old of [...elementsIn(document)].filter(isPreloadOf('font'))) tree.detachNode(old);
  if (islandsOfPage(urlPath).length === 0) return;
  const head = headOf(document);
  for (const href of new Set(fonts)) tree.appendChild(head, preload('font', href));
}

/**
 * A page Next rendered, as it ships, given the URL path it is served at, the bundled
 * scripts' URLs and the URLs of the first-screen fonts as built.
 */
export function finishedPage(
  html: string,
  urlPath: string,
  scripts: PageScripts,
  fonts: readonly string[] = [],
): string {
  const document = parsePage(html);
  finishPageDocument(document, urlPath, scripts, fonts);
  return serializePage(document);
}

/** The finishing itself, on a parsed page, for whatever adds to a finished page before it is written (`npm run dev`). */
export function finishPageDocument(
  document: HtmlDocument,
  urlPath: string,
  scripts: PageScripts,
  fonts: readonly string[] = [],
): void {
  removeNextRuntime(document);
  addDataPreloads(document, urlPath);
  addFontPreloads(document, urlPath, fonts);
  addPageScripts(document, urlPath, scripts);
  setContentSecurityPolicy(document);
}
