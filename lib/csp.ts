/**
 * The Content-Security-Policy of a built page. A static host sets no headers we can
 * rely on, so the policy travels in the page as a `<meta http-equiv>`. Scripts run only
 * from the site's own files or when their exact text is one of this page's inline
 * scripts (by sha256), so a script that finds its way into a page cannot run.
 */
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>/i;

/**
 * The CSP hash sources (`'sha256-…'`) of a page's inline scripts. Browsers hash the text
 * as parsed, and the HTML parser turns CR LF and lone CR into LF first, so we do too.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const text = (match[1] ?? '').replace(/\r\n?/g, '\n');
    hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/** The policy of one page: its own files, plus its own inline scripts by hash. */
export function contentSecurityPolicy(html: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes(html).join(' ')}`.trim(),
    "style-src 'self'",
    // Article images may be hot-linked from their source over https.
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Puts the page's policy right after its charset declaration (replacing an older one). */
export function withContentSecurityPolicy(html: string): string {
  const bare = html.replace(CSP_META, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(bare)}"/>`;
  const charset = /<meta charSet="utf-8"\/>/i;
  if (!charset.test(bare)) throw new Error('A built page has no <meta charSet="utf-8"/> to place the policy after');
  return bare.replace(charset, (tag) => tag + meta);
}
