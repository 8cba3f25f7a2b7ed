/**
 * A link of an article's text keeps its address on the page only when the sanitiser keeps it (lib/content/markdown.ts):
 * an address without a scheme (a page of this site, a place in the page), or one whose scheme is among the sanitiser's
 * link schemes, written as hast-util-sanitize compares them (the text before the first colon, lowercase). Any other
 * (`javascript:`, `data:`, `tel:`, `HTTPS:`) is dropped and the link's words are shown without it. The editor is told
 * where, rather than finding the link gone from the page.
 */
import type { Root } from 'mdast';
import { excerpt } from '../text/character-count';
import { bodyPlaces } from './body-places';
import { linkAddresses } from './internal-links';
import { SANITIZE_SCHEMA } from './markdown';
import type { ContentProblem } from './problems';

/** The schemes a link keeps on the page. */
const KEPT_LINK_SCHEMES: readonly string[] = SANITIZE_SCHEMA.protocols?.href ?? [];

/** The scheme the sanitiser reads in an address: what comes before its first colon, unless a `/`, `?` or `#` does. */
function addressScheme(url: string): string | undefined {
  const colon = url.indexOf(':');
  const scheme = colon < 0 ? undefined : url.slice(0, colon);
  return scheme === undefined || /[/?#]/.test(scheme) ? undefined : scheme;
}

/** Whether a link keeps this address on the page. */
export function keepsAddress(url: string): boolean {
  const scheme = addressScheme(url);
  return scheme === undefined || KEPT_LINK_SCHEMES.includes(scheme);
}

/** One `DroppedLink` warning for each link (inline, automatic or by reference) whose address the page drops. */
export function droppedLinkProblems(tree: Root, body: string, bodyLine: number, file: string): ContentProblem[] {
  const place = bodyPlaces(body, bodyLine);
  return linkAddresses(tree).flatMap(({ url, position }) => {
    if (keepsAddress(url)) return [];
    return [
      {
        kind: 'DroppedLink',
        file,
        ...place(position?.start.offset ?? 0),
        message: `the link to "${excerpt(url)}" is shown without its address: a link keeps ${KEPT_LINK_SCHEMES.map((kept) => `${kept}:`).join(', ')} addresses (in lowercase) and the archive's own pages`,
      },
    ];
  });
}
