/**
 * The Content-Security-Policy of every built page. A static host sets no headers we can
 * rely on, so the policy travels in the page as a `<meta http-equiv>`. No page keeps an
 * inline script that runs (finishing removes Next's, and JSON-LD blocks are data, which
 * browsers never execute), so scripts run only from the site's own files and the policy
 * is the same on every page.
 */
import { defaultTreeAdapter as tree, type DefaultTreeAdapterTypes } from 'parse5';
import { attributeOf, elementsIn } from './html-tree';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Images are the site's own files: the content format refuses remote image URLs.
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The `<meta>` that carries a page's Content-Security-Policy. */
export const isPolicyMeta = (element: DefaultTreeAdapterTypes.Element) =>
  element.tagName === 'meta' && attributeOf(element, 'http-equiv')?.toLowerCase() === 'content-security-policy';

/**
 * Puts the policy right after the page's charset declaration, which must stay first in
 * `<head>`; an older policy `<meta>` is replaced, so there is only ever one.
 */
export function setContentSecurityPolicy(document: DefaultTreeAdapterTypes.Document): void {
  const elements = [...elementsIn(document)];
  for (const old of elements.filter(isPolicyMeta)) tree.detachNode(old);
  const charset = elements.find(
    (element) => element.tagName === 'meta' && attributeOf(element, 'charset') !== undefined,
  );
  if (!charset?.parentNode)
    throw new Error('A built page has no <meta charset> to place the Content-Security-Policy after');
  const meta = tree.createElement('meta', charset.namespaceURI, [
    { name: 'http-equiv', value: 'Content-Security-Policy' },
    { name: 'content', value: CONTENT_SECURITY_POLICY },
  ]);
  const next = charset.parentNode.childNodes[charset.parentNode.childNodes.indexOf(charset) + 1];
  if (next) tree.insertBefore(charset.parentNode, meta, next);
  else tree.appendChild(charset.parentNode, meta);
}
