/**
 * What the build does to each page Next writes, after `next build`. Next makes every
 * page hydrate with React through its router; this site's pages are read by full page
 * loads, so every page keeps its HTML and loses Next's runtime (its script tags, preloads
 * and the inline payload React would hydrate from, which repeats the page's text). Every
 * page gets the site's one small script (components/page-script.ts); the search pages
 * also the search script, which mounts the search component with React alone
 * (components/search-island.tsx).
 */
import { LOCALES } from './i18n';
import { searchUrl } from './urls';

/** The pages that load the search script. Guarded by tests/unit/page-html.test.ts. */
export const SEARCH_PAGES: readonly string[] = LOCALES.map((locale) => searchUrl(locale));

/** The element of a search page that the search script renders into; it carries the page's language. */
export const SEARCH_ROOT_ID = 'search-root';

/** The search page's server-rendered start (what can be searched), hidden by the search script while a query is shown. */
export const SEARCH_START_ID = 'search-start';

/** The scripts the build bundles: every page's, and the search pages'. */
export interface PageScripts {
  site: string;
  search: string;
}

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const LINK = /<link\b([^>]*)\/?>/gi;
const DATA_SCRIPT = /\btype="application\/(?:ld\+)?json"/i;

/** The page without Next's runtime: every script but data blocks (JSON-LD), and script preloads. */
export function withoutNextRuntime(html: string): string {
  const isScriptPreload = (attributes: string) => /\brel="modulepreload"/i.test(attributes) || (/\brel="preload"/i.test(attributes) && /\bas="script"/i.test(attributes));
  return html
    .replace(SCRIPT, (tag, attributes: string) => (DATA_SCRIPT.test(attributes) ? tag : ''))
    .replace(LINK, (tag, attributes: string) => (isScriptPreload(attributes) ? '' : tag));
}

/** The page loading the given scripts, deferred (run in order once the page is parsed), at the end of its head. */
export function withPageScripts(html: string, sources: readonly string[]): string {
  if (!html.includes('</head>')) throw new Error('A built page has no </head> to add the page scripts to');
  return html.replace('</head>', `${sources.map((src) => `<script src="${src}" defer=""></script>`).join('')}</head>`);
}

/** A built page as it ships, given the URL path it is served at and the bundled scripts' URLs. */
export function finishedPage(html: string, urlPath: string, scripts: PageScripts): string {
  return withPageScripts(withoutNextRuntime(html), SEARCH_PAGES.includes(urlPath) ? [scripts.site, scripts.search] : [scripts.site]);
}
