/**
 * What the build does to each page Next writes, after `next build`. Next makes every
 * page hydrate with React; here only the search page has anything for React to do, so
 * the other pages keep their HTML and lose Next's runtime (its script tags, preloads and
 * the inline payload React would hydrate from, which repeats the page's text), and
 * every page gets the site's one small script instead (components/page-script.ts).
 */
import { LOCALES } from './i18n';
import { searchUrl } from './urls';

/** Pages with client components, which must keep React. Guarded by tests/unit/page-html.test.ts. */
export const HYDRATED_PAGES: readonly string[] = LOCALES.map((locale) => searchUrl(locale));

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

/** The page loading the site script from `src`, deferred, at the end of its head. */
export function withPageScript(html: string, src: string): string {
  if (!html.includes('</head>')) throw new Error('A built page has no </head> to add the page script to');
  return html.replace('</head>', `<script src="${src}" defer=""></script></head>`);
}

/** A built page as it ships, given the URL path it is served at. */
export function finishedPage(html: string, urlPath: string, pageScriptSrc: string): string {
  return withPageScript(HYDRATED_PAGES.includes(urlPath) ? html : withoutNextRuntime(html), pageScriptSrc);
}
